/**
 * A look at a file before importing it: what it is (format, detected encoding, sheets),
 * which row is the header and how each column maps, and the first rows, so an admin can fix
 * the mapping (and save it as the source's template) before anything is read for real.
 * Reads only the beginning of the file, however big.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cellText, type CellValue } from '../../core/exchange/cell-value';
import { CASE_COLUMNS, CASE_HEADER_LOOKUP } from '../../core/exchange/case-columns';
import {
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  mapHeaderRow,
  type ColumnHow,
} from '../../core/exchange/header-map';
import { MANIFEST_FILE, readManifest, type ManifestFile } from '../../core/exchange/manifest';
import { STAFF_COLUMNS, STAFF_HEADER_LOOKUP } from '../../core/exchange/staff-row';
import { probeFile, type FileFormat } from './file-probe';
import { detectKind, openRowSource, type PartKind } from './import-part';
import type { ImportKind } from './import-report';
import { openCheckedZip, readEntryText } from './zip-guard';

const PREVIEW_ROWS = 20;

export interface PreviewColumn {
  index: number;
  header: string;
  key: string | null;
  how: ColumnHow;
}

export interface ImportPreview {
  file: string;
  fileName: string;
  size: number;
  format: FileFormat;
  kind: ImportKind;
  encoding: string | null;
  sheet: string | null;
  sheetNames: string[];
  headerRow: number | null;
  columns: PreviewColumn[];
  /** The first data rows as text, one string per column. */
  rows: Array<{ row: number; cells: string[] }>;
  /** The keys a column can map to, with their Chinese headers. */
  keys: Array<{ key: string; zh: string }>;
  /** A package's manifest entries. */
  packageFiles: ManifestFile[];
}

const display = (value: CellValue | undefined) => {
  const text = cellText(value ?? null);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};

export async function previewFile(
  file: string,
  options: { kind?: ImportKind; sheet?: string | null; mapping?: Record<string, string> },
): Promise<ImportPreview> {
  const probed = probeFile(file);
  const base = {
    file: probed.path,
    fileName: probed.name,
    size: probed.size,
    format: probed.format,
    encoding: null,
    sheet: null,
    sheetNames: [],
    headerRow: null,
    columns: [],
    rows: [],
    keys: [],
    packageFiles: [],
  };
  if (probed.format === 'folder' || probed.format === 'zip' || options.kind === 'package') {
    let manifestText: string | null = null;
    if (probed.format === 'folder' && fs.existsSync(path.join(probed.path, MANIFEST_FILE))) {
      manifestText = fs.readFileSync(path.join(probed.path, MANIFEST_FILE), 'utf8');
    } else if (probed.format === 'zip') {
      const zip = await openCheckedZip(probed.path);
      try {
        const name = [...zip.entries.keys()].find(
          (n) => n === MANIFEST_FILE || n.endsWith(`/${MANIFEST_FILE}`),
        );
        manifestText = name ? await readEntryText(zip, name, 1024 * 1024) : null;
      } finally {
        zip.close();
      }
    }
    let packageFiles: ManifestFile[] = [];
    try {
      const reading = manifestText
        ? readManifest(JSON.parse(manifestText.replace(/^\uFEFF/, '')))
        : null;
      if (reading?.ok) packageFiles = reading.manifest.files;
    } catch {
      // A broken manifest is reported by the import itself, with its sentence.
    }
    return { ...base, kind: 'package', packageFiles };
  }
  const kind: PartKind =
    (options.kind as PartKind | undefined) ?? (await detectKind(probed, options.sheet ?? null));
  const columnsTable = kind === 'staff' ? STAFF_COLUMNS : CASE_COLUMNS;
  const keys = columnsTable.map((c) => ({ key: c.key as string, zh: c.zh }));
  if (kind === 'grids') return { ...base, kind, encoding: 'UTF-8', keys: [] };
  const lookup: ReadonlyMap<string, string> =
    kind === 'staff' ? STAFF_HEADER_LOOKUP : CASE_HEADER_LOOKUP;
  const source = await openRowSource(probed, options.sheet ?? null, undefined, false);
  const rows: Array<{ row: number; cells?: CellValue[]; object?: Record<string, unknown> }> = [];
  try {
    for await (const batch of source.batches()) {
      rows.push(...batch);
      if (rows.length >= HEADER_SEARCH_ROWS + PREVIEW_ROWS) break;
    }
    // A file the import would refuse (a sheet cut off past the first rows) is refused here too.
    await source.verify?.();
  } finally {
    source.close();
  }
  const shared = {
    ...base,
    kind,
    keys,
    encoding: source.encoding,
    sheet: source.sheet,
    sheetNames: source.sheetNames,
  };
  if (source.format === 'json') {
    const members = [...new Set(rows.flatMap((r) => Object.keys(r.object ?? {})))];
    const columns = mapHeaderRow(members, lookup, options.mapping);
    return {
      ...shared,
      columns,
      rows: rows.slice(0, PREVIEW_ROWS).map((r) => ({
        row: r.row,
        cells: members.map((m) => display(r.object?.[m] as CellValue)),
      })),
    };
  }
  const tables = rows.map((r) => r.cells ?? []);
  const headerIndex = findHeaderRow(tables, lookup, options.mapping);
  if (headerIndex < 0) {
    // No header found: show the top rows as they are, so the admin can see why.
    const width = Math.max(0, ...tables.map((c) => c.length));
    return {
      ...shared,
      rows: rows.slice(0, PREVIEW_ROWS).map((r) => ({
        row: r.row,
        cells: Array.from({ length: width }, (_, i) => display(r.cells?.[i])),
      })),
    };
  }
  const header = rows[headerIndex]!;
  const columns = mapHeaderRow(header.cells ?? [], lookup, options.mapping);
  const data = rows
    .slice(headerIndex + 1)
    .filter((r) => (r.cells ?? []).some((c) => cellText(c) !== ''))
    .slice(0, PREVIEW_ROWS);
  return {
    ...shared,
    headerRow: header.row,
    columns,
    rows: data.map((r) => ({ row: r.row, cells: columns.map((c) => display(r.cells?.[c.index])) })),
  };
}
