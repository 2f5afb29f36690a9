/**
 * Reads a city's category standard (立结案标准) file into checked rows
 * (core/exchange/standard-fold), through the case import's own readers: xlsx-source for a
 * workbook (every sheet in turn: a sheet per kind, 部件 and 事件, or one sheet with a
 * 问题类型 column) and csv-source for a CSV (UTF-8 with or without BOM, GB18030, UTF-16).
 * Rows stream batch by batch into the folder; nothing is written to the store here: the
 * import checks `problems` is empty, then writes the new version in one transaction.
 *
 * A file the readers refuse (damaged, truncated, password-protected, not a table) throws
 * their ExchangeRefusal, as for a case file; every problem with the table's content (no
 * header, an unreadable limit, a 小类 with two names…) comes back in `problems`.
 */
import type { CategoryKind } from '../../core/glossary';
import { StandardTableFolder } from '../../core/exchange/standard-fold';
import type { StandardTable } from '../../core/exchange/standard-table';
import { openCsvSource } from './csv-source';
import { probeFile, refuse, type ProbedFile } from './file-probe';
import { fileSha256, type RowSource } from './row-source';
import { openXlsxSource } from './xlsx-source';

export interface StandardReadOptions {
  /** The desk's unit names (and codes): a 处置单位 not among them is in `unknownUnits`. */
  knownUnits: Iterable<string>;
  /** What the file holds when neither a 问题类型 column nor a sheet's name says it. */
  kind?: CategoryKind | null;
  signal?: AbortSignal;
}

export interface StandardRead extends StandardTable {
  file: {
    name: string;
    format: 'xlsx' | 'csv';
    /** CSV only: 'UTF-8 (BOM)', 'GB18030', … */
    encoding: string | null;
    sheetNames: string[];
    /** Of the whole file: the same file imported again is the same version. */
    sha256: string;
  };
}

export async function readStandardTable(
  file: string | ProbedFile,
  options: StandardReadOptions,
): Promise<StandardRead> {
  const probed = typeof file === 'string' ? probeFile(file) : file;
  if (probed.format !== 'xlsx' && probed.format !== 'csv') {
    refuse(
      'not_a_standard_table',
      `${probed.name} 不是 .xlsx 或 .csv 表格，无法作为立结案标准导入。`,
      `${probed.name} is not an .xlsx or .csv table, so it cannot be imported as a category standard.`,
      probed.name,
    );
  }
  const folder = new StandardTableFolder({ fileName: probed.name, kind: options.kind ?? null });
  if (probed.format === 'csv') {
    const source = openCsvSource(probed, options.signal);
    try {
      // A CSV has no sheet: problems name the file in its place.
      await foldSource(folder, probed.name, source);
    } finally {
      source.close();
    }
    return {
      ...folder.finish(options.knownUnits),
      file: {
        name: probed.name,
        format: 'csv',
        encoding: source.encoding,
        sheetNames: [],
        sha256: source.sha256() ?? (await fileSha256(probed.path, options.signal)),
      },
    };
  }
  // The first open names the sheets; each sheet is then read by name, in workbook order.
  const first = await openXlsxSource(probed, null, options.signal, false);
  const sheetNames = first.sheetNames;
  first.close();
  for (const name of sheetNames) {
    const source = await openXlsxSource(probed, name, options.signal, false);
    try {
      await foldSource(folder, name, source);
    } finally {
      source.close();
    }
  }
  return {
    ...folder.finish(options.knownUnits),
    file: {
      name: probed.name,
      format: 'xlsx',
      encoding: null,
      sheetNames,
      sha256: await fileSha256(probed.path, options.signal),
    },
  };
}

async function foldSource(
  folder: StandardTableFolder,
  sheet: string,
  source: RowSource,
): Promise<void> {
  folder.startSheet(sheet);
  for await (const batch of source.batches())
    folder.push(batch.map((r) => ({ row: r.row, cells: r.cells ?? [] })));
  folder.endSheet();
}
