/**
 * SpreadsheetML (the XML inside an .xlsx) read from text chunks: the workbook's sheet list,
 * its relationships, the shared strings and a worksheet's rows. Hand-written, not exceljs'
 * WorkbookReader: that reader decodes each zip chunk on its own and garbles a Chinese
 * character split across two chunks (燃气管道 → 燃气��道); here the caller decodes UTF-8 as a
 * stream and this code only ever sees whole characters. It is also several times faster.
 */
import type { CellValue } from './cell-value';

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, then Excel's own _xHHHH_ escapes for control characters (_x000D_). */
export function decodeXmlText(text: string): string {
  let out =
    text.indexOf('&') < 0
      ? text
      : text.replace(ENTITY, (_, named: string, dec: string, hex: string) =>
          named ? NAMED[named]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
        );
  if (out.indexOf('_x') >= 0)
    out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  return out;
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXmlText(m[1]!) : null;
}

/**
 * Whether the workbook counts dates from 1904-01-01 (Excel for Mac's old default, still set in
 * some exported files) instead of 1900: its serials are then 1,462 days smaller.
 */
export function usesDate1904(workbookXml: string): boolean {
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const value = pr ? attribute(pr[0], 'date1904') : null;
  return value === '1' || value === 'true';
}

/** The sheets in workbook order: their names and relationship ids. */
export function workbookSheets(xml: string): Array<{ name: string; relId: string }> {
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => ({
    name: attribute(m[0], 'name') ?? '',
    relId: attribute(m[0], '(?:\\w+:)?id') ?? '',
  }));
}

/** Relationship id → the part it points at, as a path inside the zip ('xl/worksheets/sheet1.xml'). */
export function workbookTargets(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], 'Id');
    const target = attribute(m[0], 'Target');
    if (!id || !target) continue;
    targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return targets;
}

/** Splits streamed text into complete elements named `tag` (and their self-closing form). */
class ElementSplitter {
  private buffer = '';
  private readonly open: string;
  private readonly close: string;

  constructor(
    tag: string,
    private readonly maxChars: number,
    private readonly tooLong: () => Error,
  ) {
    this.open = `<${tag}`;
    this.close = `</${tag}>`;
  }

  push(text: string): string[] {
    this.buffer += text;
    const out: string[] = [];
    let from = 0;
    for (;;) {
      let start = this.buffer.indexOf(this.open, from);
      // `<si` must not match `<sip…`: the next character ends the tag name.
      while (start >= 0 && /[\w:-]/.test(this.buffer[start + this.open.length] ?? ''))
        start = this.buffer.indexOf(this.open, start + 1);
      if (start < 0) {
        // Keep a tail that may be the start of a tag split across chunks ('<ro' + 'w r=…').
        from = Math.max(from, this.buffer.length - this.open.length);
        break;
      }
      const tagEnd = this.buffer.indexOf('>', start);
      if (tagEnd < 0) {
        from = start;
        break;
      }
      if (this.buffer[tagEnd - 1] === '/') {
        out.push(this.buffer.slice(start, tagEnd + 1));
        from = tagEnd + 1;
        continue;
      }
      const end = this.buffer.indexOf(this.close, tagEnd);
      if (end < 0) {
        from = start;
        break;
      }
      out.push(this.buffer.slice(start, end + this.close.length));
      from = end + this.close.length;
    }
    this.buffer = this.buffer.slice(from);
    if (this.buffer.length > this.maxChars) throw this.tooLong();
    return out;
  }
}

/** Text of every <t> in an element, phonetic runs (<rPh>) left out. */
function textRuns(xml: string): string {
  const withoutPhonetic =
    xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g))
    text += m[1] ?? '';
  return decodeXmlText(text);
}

export class SharedStringsReader {
  readonly strings: string[] = [];
  private readonly splitter: ElementSplitter;

  constructor(tooLong: () => Error) {
    this.splitter = new ElementSplitter('si', 1_000_000, tooLong);
  }

  push(text: string): void {
    for (const si of this.splitter.push(text)) this.strings.push(textRuns(si));
  }
}

/** 'AB12' → 27 (0-based column of AB). */
function columnIndex(ref: string): number {
  let index = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    index = index * 26 + (c - 64);
  }
  return index - 1;
}

interface SheetRow {
  row: number;
  cells: CellValue[];
}

/** A worksheet's XML that cannot be the whole sheet: cut off, or shorter than it says. */
export class SheetXmlError extends Error {
  constructor(
    readonly problem: 'truncated' | 'dimension_mismatch',
    /** The last row read (Excel's number), 0 when none. */
    readonly lastRow: number,
    /** The last row the sheet's <dimension ref> claims, when it says one. */
    readonly dimensionLastRow: number | null,
    readonly dimensionRef: string | null,
  ) {
    super(`${problem} after row ${lastRow}`);
    this.name = 'SheetXmlError';
  }
}

const DIMENSION = /<(?:\w+:)?dimension\b[^>]*?\sref="([^"]*)"/;
const SHEET_DATA_END = /<\/(?:\w+:)?sheetData\s*>|<(?:\w+:)?sheetData(?:\s[^>]*)?\/>/;
const WORKSHEET_END = /<\/(?:\w+:)?worksheet\s*>\s*$/;
const CARRY_CHARS = 512;

/**
 * Whether a worksheet's XML is whole, from its text chunks: it must reach `</sheetData>` and
 * end with `</worksheet>`, and its rows must reach the last row its `<dimension ref>` names.
 * Used by the row reader and, on its own (no cell parsing), by the preview.
 *
 * Why the dimension is checked only one way (decided from what real writers do):
 * - Excel, WPS and LibreOffice write `<dimension ref>` as the sheet's used range, and a
 *   `<row>` element for every row in it that holds a value, a style or a custom height, so
 *   the last `<row>` of a whole sheet is the dimension's last row. When the rows stop short
 *   of it while the XML still closes, something (a repair tool, a hand-made writer, a sync
 *   that dropped a block) lost rows: the file is refused.
 * - A dimension smaller than the rows read loses nothing (every row the file holds is read),
 *   and streaming writers fill the dimension in before they know the rows; those files are
 *   read. A single-cell dimension (`A1`) is the placeholder such writers leave (openpyxl's
 *   documentation warns of it): no check. No dimension at all (some writers omit it): no check.
 * - A sheet whose XML is cut off is refused whatever its dimension says.
 */
export class SheetCompleteness {
  private carry = '';
  private prelude = '';
  private dimension: { ref: string; lastRow: number | null } | null = null;
  private preludeDone = false;
  private sheetDataEnded = false;
  private lastRowTag = 0;

  push(text: string): void {
    if (text === '') return;
    const window = this.carry + text;
    if (!this.preludeDone) {
      this.prelude += text;
      const m = DIMENSION.exec(this.prelude);
      if (m) {
        const ref = m[1]!;
        const range = /^\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/i.exec(ref.trim());
        const single = !range?.[2] || ref.split(':')[0] === ref.split(':')[1];
        this.dimension = { ref, lastRow: range && !single ? Number(range[2]) : null };
      }
      // The dimension comes before <sheetData>; past that (or a megabyte) stop looking.
      if (m || /<(?:\w+:)?sheetData\b/.test(this.prelude) || this.prelude.length > 1 << 20) {
        this.preludeDone = true;
        this.prelude = '';
      }
    }
    if (!this.sheetDataEnded && window.includes('sheetData') && SHEET_DATA_END.test(window))
      this.sheetDataEnded = true;
    // The last complete row tag in view (<row …> or <x:row …>): its r= is the last row so far.
    let at = window.lastIndexOf('row');
    while (at > 0) {
      const next = window[at + 3];
      const close = window.indexOf('>', at);
      const opens =
        window[at - 1] === '<' || /<[\w.-]+:$/.test(window.slice(Math.max(0, at - 16), at));
      if (opens && (next === ' ' || next === '>' || next === '/') && close > 0) {
        const r = /\sr="(\d+)"/.exec(window.slice(at, close));
        if (r) this.lastRowTag = Number(r[1]);
        break;
      }
      at = window.lastIndexOf('row', at - 1);
    }
    this.carry = window.slice(-CARRY_CHARS);
  }

  /** Throws when the sheet is not whole; `lastRow` is the reader's (rows without r= counted). */
  finish(lastRow = this.lastRowTag): void {
    const ref = this.dimension?.ref ?? null;
    const claimed = this.dimension?.lastRow ?? null;
    if (!this.sheetDataEnded || !WORKSHEET_END.test(this.carry))
      throw new SheetXmlError('truncated', lastRow, claimed, ref);
    if (claimed !== null && lastRow < claimed)
      throw new SheetXmlError('dimension_mismatch', lastRow, claimed, ref);
  }
}

export class SheetRowsReader {
  private readonly splitter: ElementSplitter;
  private readonly completeness = new SheetCompleteness();
  private lastRow = 0;

  constructor(
    private readonly sharedStrings: readonly string[],
    maxRowChars: number,
    tooLong: (row: number) => Error,
  ) {
    this.splitter = new ElementSplitter('row', maxRowChars * 8, () => tooLong(this.lastRow + 1));
  }

  push(text: string): SheetRow[] {
    this.completeness.push(text);
    return this.splitter.push(text).map((xml) => this.readRow(xml));
  }

  /** After the last chunk: throws SheetXmlError when the sheet's XML is not whole. */
  end(): void {
    this.completeness.finish(this.lastRow);
  }

  private readRow(xml: string): SheetRow {
    const tagEnd = xml.indexOf('>');
    const rowNumber = Number(attribute(xml.slice(0, tagEnd + 1), 'r')) || this.lastRow + 1;
    this.lastRow = rowNumber;
    const cells: CellValue[] = [];
    if (xml[tagEnd - 1] === '/') return { row: rowNumber, cells };
    let next = 0;
    for (const m of xml.slice(tagEnd + 1).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1]!;
      const ref = /\sr="([A-Z]+)\d*"/.exec(attrs);
      const index = ref ? columnIndex(ref[1]!) : next;
      next = index + 1;
      const inner = m[2];
      if (inner === undefined) continue;
      const type = /\st="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
      let value: CellValue = null;
      if (type === 'inlineStr') value = textRuns(inner);
      else {
        const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        if (v !== undefined) {
          if (type === 's') value = this.sharedStrings[Number(v)] ?? '';
          else if (type === 'str' || type === 'e' || type === 'd') value = decodeXmlText(v);
          else if (type === 'b') value = v === '1';
          else value = Number(v);
        }
      }
      while (cells.length < index) cells.push(null);
      cells[index] = value;
    }
    return { row: rowNumber, cells };
  }
}
