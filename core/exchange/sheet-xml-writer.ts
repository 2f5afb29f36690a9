/**
 * SpreadsheetML for the desk's .xlsx files (exports, error files): the fixed parts of a
 * one-sheet workbook and the XML of each row. Text cells are inline strings, so a cell that
 * starts with "=" is text to Excel and WPS, never a formula (no cell ever gets an <f>); and a
 * text cell that starts like a formula (= + - @, or a tab or CR before one) also gets Excel's
 * quote prefix style (what typing '=1+2 gives), so editing the cell in Excel or WPS keeps it
 * text instead of evaluating it (formula injection, OWASP "CSV injection").
 * Written by hand because exceljs' streaming writer takes about five times longer for the
 * 100,000-row exports the city asks for.
 */
import { isFormulaLike, type ExportCell } from './export-row';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 cannot carry, and CR (which XML parsers fold into LF). */
function needsHexEscape(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10) || code === 0xfffe || code === 0xffff;
}

/** XML text: & < > escaped; the characters above as Excel's _xHHHH_, and a literal "_xHHHH_" kept literal. */
function escapeCellText(text: string): string {
  // Most cells need nothing: one pass over the characters, no allocation.
  let plain = true;
  for (let i = 0; i < text.length && plain; i++) {
    const code = text.charCodeAt(i);
    plain = code !== 38 && code !== 60 && code !== 62 && code !== 95 && !needsHexEscape(code);
  }
  if (plain) return text;
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (out.includes('_x')) out = out.replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_');
  let escaped = '';
  for (let i = 0; i < out.length; i++) {
    const code = out.charCodeAt(i);
    escaped += needsHexEscape(code)
      ? `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`
      : out[i];
  }
  return escaped;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** styles.xml's cell styles: 0 plain, 1 bold (headers); 2 and 3 the same with the quote prefix. */
const QUOTED_STYLE: Record<number, number> = { 0: 2, 1: 3 };

export function rowXml(
  rowNumber: number,
  cells: readonly ExportCell[],
  letters: readonly string[],
  style = 0,
): string {
  let xml = `<row r="${rowNumber}">`;
  const s = style ? ` s="${style}"` : '';
  const quoted = ` s="${QUOTED_STYLE[style] ?? QUOTED_STYLE[0]}"`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined || cell === '') continue;
    const ref = `${letters[i] ?? columnLetters(i)}${rowNumber}`;
    if (typeof cell === 'number') {
      if (Number.isFinite(cell)) xml += `<c r="${ref}"${s}><v>${cell}</v></c>`;
    } else {
      xml += `<c r="${ref}"${isFormulaLike(cell) ? quoted : s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(cell)}</t></is></c>`;
    }
  }
  return `${xml}</row>`;
}

export function worksheetStart(columnWidths: readonly number[]): string {
  const cols = columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  // The header row stays in view while scrolling (frozen pane).
  return `${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>`;
}

export const WORKSHEET_END = '</sheetData></worksheet>';

/** The other parts of a one-sheet workbook, by path inside the zip. */
export function workbookParts(sheetName: string): Array<[string, string]> {
  return [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${escapeCellText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ],
  ];
}
