/**
 * Writing imported cases in chunks, inside the import's one transaction. New cases go
 * straight to `cases` through new-case-writer.ts. Updates (and the desk's wins in a
 * conflict) are staged in a TEMP table and each chunk goes to `cases`, `case_events` and
 * `case_units` in a few UPDATE … FROM / INSERT … SELECT statements. Why: per-row statements
 * on `cases` pay for its full-text index, a dozen indexes and CHECK lists one statement (and
 * one statement journal) at a time; a chunk pays once (measured: about 3× faster per row).
 */
import type { Db } from '../open';
import { WRITTEN_COLUMNS, type StoredValues } from './case-storage';
import { NewCaseWriter } from './new-case-writer';

type StageAction = 'new' | 'update' | 'desk_wins';

export interface StagedRow {
  action: StageAction;
  caseId: number | null;
  rowNo: number;
  values: StoredValues;
  /** For the 'import' event. */
  fromState: string | null;
  eventData: string | null;
  /** For a 'conflict' event: the loser's values. */
  conflictData: string | null;
  conflictFromState: string | null;
  leadChanged: boolean;
}

const EXTRA_COLUMNS = [
  'action',
  'case_id',
  'row_no',
  'from_state',
  'event_data',
  'conflict_data',
  'conflict_from_state',
  'lead_changed',
];

/**
 * A staged row as one flat array: the EXTRA_COLUMNS, then the values in WRITTEN_COLUMNS
 * order (the staging table's own column order). The reading worker posts rows this way: a
 * structured clone of an object writes its 52 key names for every row, an array does not
 * (measured on 200,000 rows: see the report of issue 10).
 */
export type PackedRow = (string | number | null)[];
const PACKED_VALUES_AT = EXTRA_COLUMNS.length;

export function packRow(row: StagedRow): PackedRow {
  const packed: PackedRow = [
    row.action,
    row.caseId,
    row.rowNo,
    row.fromState,
    row.eventData,
    row.conflictData,
    row.conflictFromState,
    row.leadChanged ? 1 : 0,
  ];
  for (const column of WRITTEN_COLUMNS) packed.push(row.values[column]);
  return packed;
}

export class CaseStage {
  private readonly insertStage;
  private readonly statements: ReturnType<typeof prepareFlush>;
  private staged = 0;
  private byAction: Record<StageAction, number> = { new: 0, update: 0, desk_wins: 0 };
  private conflicts = 0;
  private readonly newCases: NewCaseWriter;

  constructor(
    private readonly db: Db,
    private readonly event: {
      actorId: number | null;
      actorName: string;
      at: number;
      batchId: number;
    },
  ) {
    db.exec(
      `CREATE TEMP TABLE IF NOT EXISTS exchange_stage (${[...EXTRA_COLUMNS, ...WRITTEN_COLUMNS].join(', ')})`,
    );
    db.exec('DELETE FROM temp.exchange_stage');
    const all = [...EXTRA_COLUMNS, ...WRITTEN_COLUMNS];
    this.insertStage = db.prepare(
      `INSERT INTO temp.exchange_stage (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
    );
    this.statements = prepareFlush(db);
    this.newCases = new NewCaseWriter(db, event);
  }

  get size(): number {
    return this.staged;
  }

  stage(row: StagedRow): void {
    if (row.action === 'new') {
      this.newCases.add(row.values, row.eventData);
      this.staged += 1;
      return;
    }
    this.stagePacked(packRow(row));
  }

  /** The same as stage(), for a row packed by packRow (the reading worker's). */
  stagePacked(packed: PackedRow): void {
    const action = packed[0] as StageAction;
    if (action === 'new') {
      this.newCases.addPacked(packed, PACKED_VALUES_AT, packed[4] as string | null);
      this.staged += 1;
      return;
    }
    this.insertStage.run(packed);
    this.staged += 1;
    this.byAction[action] += 1;
    if (packed[5] !== null) this.conflicts += 1;
  }

  /** Writes what is staged to the real tables and empties the stage. */
  flush(): void {
    if (this.staged === 0) return;
    this.newCases.finishChunk();
    const s = this.statements;
    const e = this.event;
    // A statement with nothing to do still opens a statement journal (and flushes FTS): skip it.
    const n = this.byAction;
    if (n.update > 0) s.update.run();
    if (n.desk_wins > 0) s.deskWins.run();
    if (n.update > 0) s.importEvents.run(e);
    if (this.conflicts > 0) s.conflictEvents.run(e);
    if (n.update > 0) s.dropOldLeads.run();
    if (n.update > 0) s.addLeads.run();
    if (n.update + n.desk_wins > 0) s.clear.run();
    this.byAction = { new: 0, update: 0, desk_wins: 0 };
    this.conflicts = 0;
    this.staged = 0;
  }

  /** After the last row: flushes, then the new cases' full-text entries and lead units. */
  finish(): void {
    this.flush();
    this.newCases.finish();
  }

  dispose(): void {
    this.newCases.dispose();
    this.db.exec('DROP TABLE IF EXISTS temp.exchange_stage');
  }
}

function prepareFlush(db: Db) {
  const updatable = WRITTEN_COLUMNS.filter((c) => c !== 'case_no' && c !== 'created_at');
  const caseIdOf = 'coalesce(s.case_id, (SELECT id FROM cases WHERE case_no = s.case_no))';
  return {
    update: db.prepare(
      `UPDATE cases SET ${updatable.map((c) => `${c} = s.${c}`).join(', ')}
         FROM temp.exchange_stage s WHERE s.action = 'update' AND cases.id = s.case_id`,
    ),
    // The desk's newer version stays; the file's row is remembered so re-reading it is no news.
    deskWins: db.prepare(
      `UPDATE cases SET exchange_hash = s.exchange_hash
         FROM temp.exchange_stage s WHERE s.action = 'desk_wins' AND cases.id = s.case_id`,
    ),
    importEvents: db.prepare(
      `INSERT INTO case_events (case_id, kind, from_state, to_state, actor_id, actor_name, at, note, data, batch_id)
       SELECT ${caseIdOf}, 'import', s.from_state, s.state, @actorId, @actorName, @at, NULL, s.event_data, @batchId
         FROM temp.exchange_stage s WHERE s.action IN ('new', 'update') ORDER BY s.row_no`,
    ),
    conflictEvents: db.prepare(
      `INSERT INTO case_events (case_id, kind, from_state, to_state, actor_id, actor_name, at, note, data, batch_id)
       SELECT ${caseIdOf}, 'conflict', s.conflict_from_state,
              CASE s.action WHEN 'desk_wins' THEN s.conflict_from_state ELSE s.state END,
              @actorId, @actorName, @at, NULL, s.conflict_data, @batchId
         FROM temp.exchange_stage s WHERE s.conflict_data IS NOT NULL ORDER BY s.row_no`,
    ),
    dropOldLeads: db.prepare(
      `DELETE FROM case_units WHERE role = 'lead' AND case_id IN
         (SELECT case_id FROM temp.exchange_stage WHERE action = 'update' AND lead_changed = 1)`,
    ),
    addLeads: db.prepare(
      `INSERT INTO case_units (case_id, unit_code, role, added_at)
       SELECT ${caseIdOf}, s.lead_unit_code, 'lead', s.dispatched_at FROM temp.exchange_stage s
        WHERE s.action IN ('new', 'update') AND s.lead_unit_code IS NOT NULL AND s.dispatched_at IS NOT NULL
          AND (s.action = 'new' OR s.lead_changed = 1)
       ON CONFLICT (case_id, unit_code) DO UPDATE SET role = 'lead'`,
    ),
    clear: db.prepare('DELETE FROM temp.exchange_stage'),
  };
}
