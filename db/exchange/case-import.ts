/**
 * Importing a case file (docs/design/CITY-EXCHANGE.md "Rules for one import"), called inside the one
 * transaction the caller holds. One streaming pass checks every row and stages the valid
 * ones in chunks; the caller commits only when the file may be written (no invalid row, or
 * "import valid rows"), so an invalid file, a cancel or a killed process writes nothing.
 * Per row: a new case number is a new case; a known one updates the case when the file
 * changed it since the last exchange; when the desk changed it too, the newer updated_at wins
 * and the loser is kept as a 'conflict' event. The same row read again is no change.
 */
import { cellText, type CellValue } from '../../core/exchange/cell-value';
import {
  CASE_COLUMN_ZH,
  CASE_DATE_KEYS,
  CASE_HEADER_LOOKUP,
  CASE_KEYS,
  type CaseKey,
} from '../../core/exchange/case-columns';
import {
  caseDifferences,
  contentFingerprint,
  type ExchangeCase,
} from '../../core/exchange/exchange-case';
import { checkCaseRow, type KeyIssue } from '../../core/exchange/case-row';
import { readCaseNoField } from '../../core/exchange/case-fields';
import { EXCEL_1904_OFFSET_DAYS } from '../../core/exchange/date-time';
import type { ColumnMapping } from '../../core/exchange/header-map';
import { RowWarnings, sentence, type ImportNote, type RowIssue } from '../../core/exchange/issues';
import { looksLikeOpen311, open311Cells, OPEN311_NOTE } from '../../core/exchange/open311';
import type { Db } from '../open';
import type { CaseImportLookups } from './case-lookups';
import { CaseStage, type StagedRow } from './case-stage';
import { SeenCaseNumbers } from './seen-case-numbers';
import {
  exchangeCaseFromStored,
  STORED_CASE_SQL,
  storedFromRaw,
  storedValuesFor,
  type StoredCase,
  type StoredValues,
} from './case-storage';
import { refuse } from './file-probe';
import {
  emptyCounts,
  MAX_KEPT_ISSUES,
  type ImportCounts,
  type ImportProgress,
} from './import-report';
import { keyedTable, type KeyedRow } from './keyed-rows';
import { MAX_DATA_ROWS, type RowSource } from './row-source';

const CHUNK_ROWS = 2000;

/** Where invalid rows go when valid rows are imported (the error file). */
export interface InvalidRowSink {
  header(cells: CellValue[]): void;
  row(cells: CellValue[], problems: string): void;
}

/**
 * Where checked rows go: CaseStage writes them in this thread; the reading worker
 * (case-reading-worker.ts) posts them to the thread that holds the import's transaction.
 */
export interface CaseRowWriter {
  stage(row: StagedRow): void;
  readonly size: number;
  /** Writes (or hands over) what is staged; may wait for the writer to catch up. */
  flush(): void | Promise<void>;
  /** After the last row: writes what is left, and what is written once for the whole file. */
  finish(): void | Promise<void>;
  dispose(): void;
}

interface CaseImportOptions {
  fileName: string;
  skipInvalid: boolean;
  mapping?: ColumnMapping<CaseKey>;
  now: number;
  actor: { userId: number | null; name: string };
  batchId: number;
  lookups: CaseImportLookups;
  /** Case numbers found repeated with different content by an earlier pass. */
  excluded?: ReadonlySet<string>;
  invalidRows?: InvalidRowSink;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Set by the reading worker; by default rows are written here, on `db`. */
  writer?: CaseRowWriter;
}

export interface CaseImportOutcome {
  counts: ImportCounts;
  conflicts: { fileWon: number; deskWon: number };
  issues: RowIssue[];
  issueCount: number;
  notes: ImportNote[];
  headerRow: number | null;
  /** Case numbers repeated with different content: the earlier rows may have been staged. */
  repeated: Set<string>;
}

export async function importCaseRows(
  db: Db,
  source: RowSource,
  options: CaseImportOptions,
): Promise<CaseImportOutcome> {
  const table = await keyedTable<CaseKey>(source, {
    lookup: CASE_HEADER_LOOKUP,
    keyColumn: { key: 'case_no', zh: CASE_COLUMN_ZH.case_no },
    fileName: options.fileName,
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const out: CaseImportOutcome = {
    counts: emptyCounts(),
    conflicts: { fileWon: 0, deskWon: 0 },
    issues: [],
    issueCount: 0,
    notes: [],
    headerRow: table.headerRow,
    repeated: new Set(),
  };
  const stage =
    options.writer ??
    new CaseStage(db, {
      actorId: options.actor.userId,
      actorName: options.actor.name,
      at: options.now,
      batchId: options.batchId,
    });
  const seen = new SeenCaseNumbers(db);
  const findCase = db.prepare<[string], unknown[]>(STORED_CASE_SQL).raw(true);
  const started = performance.now();
  let open311: boolean | null = null;
  const warnings = new RowWarnings();
  let wrote = false;
  // JSON has no header row: its error file gets the city format's Chinese headers.
  options.invalidRows?.header(table.headerCells ?? CASE_KEYS.map((key) => CASE_COLUMN_ZH[key]));

  const report = (row: KeyedRow<CaseKey>, problems: KeyIssue[]) => {
    out.counts.invalid += 1;
    for (const p of problems) {
      out.issueCount += 1;
      if (out.issues.length < MAX_KEPT_ISSUES)
        out.issues.push({
          row: row.row,
          column: row.headers[p.key] ?? CASE_COLUMN_ZH[p.key],
          value: p.value,
          message: p.message,
        });
    }
    options.invalidRows?.row(
      row.raw ?? CASE_KEYS.map((k) => row.cells[k] ?? null),
      problems.map((p) => p.message.zh).join('；'),
    );
  };

  try {
    for await (const batch of table.rows) {
      if (options.signal?.aborted) throw options.signal.reason;
      for (let row of batch) {
        out.counts.rows += 1;
        if (out.counts.rows > MAX_DATA_ROWS)
          refuse(
            'too_many_rows',
            `${options.fileName} 超过 500 万行的上限：请按时间分成几个文件再导入。`,
            `${options.fileName} has over 5 million rows, the limit: split it by period and import the parts.`,
            options.fileName,
          );
        open311 ??= row.object !== null && looksLikeOpen311(row.object);
        const caseNoCell = open311
          ? ((row.object?.['service_request_id'] as CellValue) ?? null)
          : (row.cells.case_no ?? null);
        const caseNo = readCaseNoField(caseNoCell);
        if (!caseNo.ok || caseNo.value === '') {
          report(row, [
            {
              key: 'case_no',
              value: cellText(caseNoCell),
              message: caseNo.ok
                ? sentence('缺少必填的案卷编号。', 'The required case number is missing.')
                : caseNo.message,
            },
          ]);
          continue;
        }
        const hash = contentFingerprint(row.object ? JSON.stringify(row.object) : rowText(row));
        const earlier = seen.seen(caseNo.value, row.row, hash);
        if (earlier && earlier.hash === hash) {
          out.counts.unchanged += 1;
          continue;
        }
        if (earlier || options.excluded?.has(caseNo.value)) {
          out.repeated.add(caseNo.value);
          report(row, [
            {
              key: 'case_no',
              value: caseNo.value,
              message: earlier
                ? sentence(
                    `案卷编号 ${caseNo.value} 在第 ${earlier.row} 行已出现，两行内容不同。`,
                    `Case number ${caseNo.value} already appears on row ${earlier.row}, with different content.`,
                  )
                : sentence(
                    `案卷编号 ${caseNo.value} 在本文件中重复出现，且内容不同。`,
                    `Case number ${caseNo.value} repeats in this file with different content.`,
                  ),
            },
          ]);
          continue;
        }
        const found = findCase.get(caseNo.value);
        const existing = found ? storedFromRaw(found) : null;
        const base = existing ? exchangeCaseFromStored(existing) : null;
        // A case without a recorded row is under its minor's only one (what an export names).
        if (base && existing)
          base.standardId = options.lookups.implicitStandardId(
            String(existing.category_code),
            base.standardId,
          );
        if (open311) row = { ...row, ...open311Cells(row.object ?? {}, base) };
        if (source.date1904) row = to1900Serials(row);
        const result = checkCaseRow(row.cells, row.present, base, row.extra, options.lookups);
        if (!result.ok) {
          report(row, result.issues);
          continue;
        }
        for (const w of result.warnings)
          warnings.add(row.row, row.headers[w.key] ?? CASE_COLUMN_ZH[w.key], w.message);
        const staged = decide(result.checked, existing, base, hash, row.row, options, out);
        // Once a file is known to be refused, checking goes on (to list every problem) but writing stops.
        if (staged && (options.skipInvalid || out.counts.invalid === 0)) stage.stage(staged);
        if (stage.size >= CHUNK_ROWS) {
          await stage.flush();
          wrote = true;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      options.onProgress?.({
        phase: wrote ? 'writing' : 'reading',
        rows: out.counts.rows,
        bytesRead: source.bytesRead(),
        bytesTotal: source.bytesTotal,
        rowsPerSecond: out.counts.rows / Math.max(0.001, (performance.now() - started) / 1000),
        fileName: options.fileName,
      });
    }
    if (options.skipInvalid || out.counts.invalid === 0) await stage.finish();
  } finally {
    stage.dispose();
    seen.dispose();
  }
  out.notes = [...(open311 ? [OPEN311_NOTE] : table.notes), ...warnings.notes()];
  return out;
}

/** A 1904-system workbook's date serials as the 1900-system serials the date rules read. */
function to1900Serials(row: KeyedRow<CaseKey>): KeyedRow<CaseKey> {
  const cells = { ...row.cells };
  for (const key of CASE_DATE_KEYS) {
    const value = cells[key];
    if (typeof value === 'number') cells[key] = value + EXCEL_1904_OFFSET_DAYS;
  }
  return { ...row, cells };
}

function rowText(row: KeyedRow<CaseKey>): string {
  let text = '';
  for (const key of CASE_KEYS)
    if (row.present.has(key)) text += `${key}\u0001${cellText(row.cells[key] ?? null)}\u0002`;
  return row.extra ? text + JSON.stringify(row.extra) : text;
}

function decide(
  checked: Parameters<typeof storedValuesFor>[0],
  existing: StoredCase | null,
  base: ExchangeCase | null,
  hash: string,
  rowNo: number,
  options: CaseImportOptions,
  out: CaseImportOutcome,
): StagedRow | null {
  const meta = { now: options.now, batchId: options.batchId, hash };
  const staged = (
    action: StagedRow['action'],
    values: StoredValues,
    extra: Partial<StagedRow> = {},
  ): StagedRow => ({
    action,
    caseId: existing?.id ?? null,
    rowNo,
    values,
    fromState: existing ? String(existing.state) : null,
    eventData: JSON.stringify({ file: options.fileName, row: rowNo }),
    conflictData: null,
    conflictFromState: null,
    leadChanged: false,
    ...extra,
  });
  if (!existing || !base) {
    out.counts.new += 1;
    return staged('new', storedValuesFor(checked, null, options.lookups, meta));
  }
  const changes = caseDifferences(base, checked.record);
  const fileChanged = existing.exchange_hash !== hash;
  if (Object.keys(changes).length === 0 || !fileChanged) {
    out.counts.unchanged += 1;
    return null;
  }
  const values = storedValuesFor(checked, existing, options.lookups, meta);
  const leadChanged = existing.lead_unit_code !== values.lead_unit_code;
  const deskChanged =
    existing.exchanged_at === null || existing.updated_at !== existing.exchanged_at;
  const eventData = JSON.stringify({ file: options.fileName, row: rowNo, changes });
  if (!deskChanged) {
    out.counts.updated += 1;
    return staged('update', values, { eventData, leadChanged });
  }
  const deskUpdatedAt = Number(existing.updated_at);
  const fileUpdatedAt = checked.record.updatedAt;
  const fileWins = fileUpdatedAt !== null && fileUpdatedAt > deskUpdatedAt;
  const lost = Object.fromEntries(
    Object.entries(changes).map(([field, [desk, file]]) => [field, fileWins ? desk : file]),
  );
  const conflictData = JSON.stringify({
    winner: fileWins ? 'file' : 'desk',
    file: options.fileName,
    row: rowNo,
    fileUpdatedAt,
    deskUpdatedAt,
    lost,
  });
  if (fileWins) {
    out.counts.updated += 1;
    out.conflicts.fileWon += 1;
    return staged('update', values, {
      eventData,
      leadChanged,
      conflictData,
      conflictFromState: String(existing.state),
    });
  }
  out.counts.unchanged += 1;
  out.conflicts.deskWon += 1;
  const { id: _id, ...kept } = existing;
  return staged(
    'desk_wins',
    { ...kept, exchange_hash: hash },
    { conflictData, conflictFromState: String(existing.state), fromState: null },
  );
}
