/**
 * Reading a register file's rows (issue 14), shared by the members' roster and every other
 * register: the file probed and opened (.xlsx or .csv; JSON refused), the header found, each
 * row checked by the register's own rule, its problems kept by Excel row and column, progress
 * reported, and the file's SHA-256 taken. Nothing is written here: the caller writes the
 * valid rows in one transaction, or nothing.
 */
import type { CellValue } from '../../core/exchange/cell-value';
import type { ImportNote, RowIssue, Sentence } from '../../core/exchange/issues';
import { probeFile, refuse } from './file-probe';
import { openRowSource } from './import-part';
import {
  emptyCounts,
  MAX_KEPT_ISSUES,
  type ImportCounts,
  type ImportProgress,
} from './import-report';
import { keyedTable } from './keyed-rows';

/** What every register import reports, whatever its kind. */
export interface RegisterReading {
  file: string;
  counts: ImportCounts;
  issues: RowIssue[];
  issueCount: number;
  notes: ImportNote[];
  headerRow: number | null;
  sha256: string | null;
  written: boolean;
}

export type RowCheck<Key extends string, T> = (
  cells: Partial<Record<Key, CellValue>>,
  date1904: boolean,
) =>
  | { ok: true; value: T }
  | { ok: false; problems: { key: Key; value: string; message: Sentence }[] };

export async function readRegisterRows<Key extends string, T>(
  file: string,
  spec: {
    /** 党员名册, 需求清单…: named in the refusal of a file that is not a table. */
    title: string;
    lookup: ReadonlyMap<string, Key>;
    keyColumn: { key: Key; zh: string };
    headerOf(key: Key): string;
    check: RowCheck<Key, T>;
  },
  options: { sheet?: string | null; onProgress?: (p: ImportProgress) => void },
): Promise<{ reading: RegisterReading; valid: { row: number; value: T }[] }> {
  const probed = probeFile(file);
  const source = await openRowSource(probed, options.sheet ?? null);
  const reading: RegisterReading = {
    file: probed.name,
    counts: emptyCounts(),
    issues: [],
    issueCount: 0,
    notes: [],
    headerRow: null,
    sha256: null,
    written: false,
  };
  const valid: { row: number; value: T }[] = [];
  try {
    if (source.format === 'json')
      refuse(
        'register_not_table',
        `${spec.title}须为 .xlsx 或 .csv 表格，${probed.name} 不是。`,
        `A register file (${spec.title}) must be an .xlsx or .csv table; ${probed.name} is not.`,
        probed.name,
      );
    const table = await keyedTable<Key>(source, {
      lookup: spec.lookup,
      keyColumn: spec.keyColumn,
      fileName: probed.name,
    });
    reading.notes = table.notes;
    reading.headerRow = table.headerRow;
    const started = performance.now();
    for await (const batch of table.rows) {
      for (const row of batch) {
        reading.counts.rows += 1;
        const result = spec.check(row.cells, source.date1904 ?? false);
        if (result.ok) {
          valid.push({ row: row.row, value: result.value });
          continue;
        }
        reading.counts.invalid += 1;
        for (const problem of result.problems) {
          reading.issueCount += 1;
          if (reading.issues.length < MAX_KEPT_ISSUES)
            reading.issues.push({
              row: row.row,
              column: row.headers[problem.key] ?? spec.headerOf(problem.key),
              value: problem.value,
              message: problem.message,
            });
        }
      }
      options.onProgress?.({
        phase: 'reading',
        rows: reading.counts.rows,
        bytesRead: source.bytesRead(),
        bytesTotal: source.bytesTotal,
        rowsPerSecond: reading.counts.rows / Math.max(0.001, (performance.now() - started) / 1000),
        fileName: probed.name,
      });
    }
    reading.sha256 = source.sha256();
  } finally {
    source.close();
  }
  return { reading, valid };
}
