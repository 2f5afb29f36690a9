/**
 * Writing the new cases of an import (most rows of a big file): straight into `cases`, a
 * hundred rows per INSERT, with ids given here (max + 1 on, as SQLite would) so that their
 * events, lead units and full-text entries need no lookup by case number.
 * Why not row by row: each INSERT statement rebuilds the CHECK constraints' IN lists and
 * opens a statement journal; a hundred rows share one (measured on 200,000 rows: 18.0 s one
 * by one, 6.8 s a hundred at a time). Why not through the TEMP staging table (case-stage.ts):
 * that writes and reads every row twice.
 * The full-text index is filled in one INSERT … SELECT instead of by the insert trigger row by
 * row (measured: 2.4 s of the 6.8 s above, against 0.9 s in bulk), and with the lead units
 * once for the whole file, after its last case, not per chunk: interleaved with the chunks'
 * inserts into `cases` they cost the writing thread 0.7 s more per 200,000 rows (two
 * alternated runs each: 9.3 and 9.4 s against 8.5 and 8.6 s for the import). The trigger
 * is dropped inside the import's transaction and put back before it commits; a rollback or a
 * killed process brings it back with everything else.
 */
import type { Db } from '../open';
import { WRITTEN_COLUMNS, type StoredValues } from './case-storage';

const ROWS_PER_STATEMENT = 100;
const STATE_AT = WRITTEN_COLUMNS.indexOf('state');
const FTS_TRIGGER = 'cases_fts_after_insert';

interface NewCaseEvent {
  actorId: number | null;
  actorName: string;
  at: number;
  batchId: number;
}

export class NewCaseWriter {
  private readonly insertMany;
  private readonly insertOne;
  private readonly eventsMany;
  private readonly eventsOne;
  private readonly fillFts;
  private readonly addLeads;
  private readonly ftsTrigger: string | null;
  private nextId: number;
  /** The first id not yet given its full-text entries and lead units. */
  private unindexedFrom: number;
  private caseParams: (string | number | null)[] = [];
  private eventParams: (string | number | null)[] = [];
  private pending = 0;

  constructor(
    private readonly db: Db,
    private readonly event: NewCaseEvent,
  ) {
    const columns = ['id', ...WRITTEN_COLUMNS].join(', ');
    const caseRow = `(${['id', ...WRITTEN_COLUMNS].map(() => '?').join(', ')})`;
    const caseSql = (n: number) =>
      `INSERT INTO cases (${columns}) VALUES ${Array<string>(n).fill(caseRow).join(', ')}`;
    this.insertMany = db.prepare(caseSql(ROWS_PER_STATEMENT));
    this.insertOne = db.prepare(caseSql(1));
    const eventRow = "(?, 'import', NULL, ?, @actorId, @actorName, @at, NULL, ?, @batchId)";
    const eventSql = (n: number) =>
      `INSERT INTO case_events (case_id, kind, from_state, to_state, actor_id, actor_name, at, note, data, batch_id)
       VALUES ${Array<string>(n).fill(eventRow).join(', ')}`;
    this.eventsMany = db.prepare(eventSql(ROWS_PER_STATEMENT));
    this.eventsOne = db.prepare(eventSql(1));
    this.fillFts = db.prepare<[number, number]>(
      `INSERT INTO cases_fts (rowid, case_no, address, description)
       SELECT id, case_no, address, description FROM cases WHERE id >= ? AND id < ?`,
    );
    this.addLeads = db.prepare<[number, number]>(
      `INSERT INTO case_units (case_id, unit_code, role, added_at)
       SELECT id, lead_unit_code, 'lead', dispatched_at FROM cases
        WHERE id >= ? AND id < ? AND lead_unit_code IS NOT NULL AND dispatched_at IS NOT NULL`,
    );
    this.nextId = db.prepare('SELECT coalesce(max(id), 0) + 1 FROM cases').pluck().get() as number;
    this.unindexedFrom = this.nextId;
    this.ftsTrigger =
      (db
        .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?")
        .pluck()
        .get(FTS_TRIGGER) as string | undefined) ?? null;
    if (this.ftsTrigger) db.exec(`DROP TRIGGER ${FTS_TRIGGER}`);
  }

  /** Queues one new case (written a hundred at a time); returns its id. */
  add(values: StoredValues, eventData: string | null): number {
    const id = this.nextId++;
    this.caseParams.push(id);
    for (const column of WRITTEN_COLUMNS) this.caseParams.push(values[column]);
    this.eventParams.push(id, values.state, eventData);
    return this.queued(id);
  }

  /** The same, for values in WRITTEN_COLUMNS order from `packed[at]` on (case-stage.ts PackedRow). */
  addPacked(
    packed: readonly (string | number | null)[],
    at: number,
    eventData: string | null,
  ): number {
    const id = this.nextId++;
    this.caseParams.push(id);
    for (let i = 0; i < WRITTEN_COLUMNS.length; i++) this.caseParams.push(packed[at + i]!);
    this.eventParams.push(id, packed[at + STATE_AT]!, eventData);
    return this.queued(id);
  }

  private queued(id: number): number {
    this.pending += 1;
    if (this.pending === ROWS_PER_STATEMENT) {
      this.insertMany.run(this.caseParams);
      this.eventsMany.run(this.eventParams, this.event);
      this.clearPending();
    }
    return id;
  }

  /** Writes what is queued. */
  finishChunk(): void {
    const perCase = WRITTEN_COLUMNS.length + 1;
    for (let i = 0; i < this.pending; i++) {
      this.insertOne.run(this.caseParams.slice(i * perCase, (i + 1) * perCase));
      this.eventsOne.run(this.eventParams.slice(i * 3, i * 3 + 3), this.event);
    }
    this.clearPending();
  }

  /** After the last case: the full-text entries and lead units of every case written. */
  finish(): void {
    this.finishChunk();
    if (this.nextId === this.unindexedFrom) return;
    this.fillFts.run(this.unindexedFrom, this.nextId);
    this.addLeads.run(this.unindexedFrom, this.nextId);
    this.unindexedFrom = this.nextId;
  }

  /** Puts the full-text trigger back (before the commit, or before a rollback that would anyway). */
  dispose(): void {
    // After a failed statement SQLite may have rolled back already, trigger and all.
    if (!this.ftsTrigger || !this.db.inTransaction) return;
    const gone =
      this.db
        .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?")
        .pluck()
        .get(FTS_TRIGGER) === 0;
    if (gone) this.db.exec(this.ftsTrigger);
  }

  private clearPending(): void {
    this.caseParams = [];
    this.eventParams = [];
    this.pending = 0;
  }
}
