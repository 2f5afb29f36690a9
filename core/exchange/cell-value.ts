/**
 * What a reader hands the exchange rules for one cell: text (CSV, JSON strings, text cells),
 * a number (xlsx number cells, JSON numbers), a boolean, or nothing. Dates in xlsx arrive as
 * numbers (Excel serials), which the date rules read as Shanghai wall-clock time.
 */
export type CellValue = string | number | boolean | null;

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space folded to half-width (０５０５ → 0505). */
export function foldFullWidth(text: string): string {
  let folded = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      folded += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      folded += ' ';
      changed = true;
    } else {
      folded += text[i];
    }
  }
  return changed ? folded : text;
}

/** A cell as trimmed text ('' for nothing); numbers keep their shortest exact form. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.trim();
}

function isBlank(value: CellValue | undefined): boolean {
  return cellText(value) === '';
}

/** A row where every cell is blank is skipped (Excel leaves them between blocks). */
export function isBlankRow(cells: readonly (CellValue | undefined)[]): boolean {
  for (const cell of cells) if (!isBlank(cell)) return false;
  return true;
}

/** How a value is shown in a problem report: text, cut short so one bad cell cannot flood it. */
export function displayValue(value: CellValue | undefined, max = 200): string {
  const text = cellText(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Our own exports prefix risky text with an apostrophe (so Excel never runs it as a
 * formula); reading such a cell back removes exactly that prefix.
 */
export function stripFormulaGuard(text: string): string {
  if (text.length > 1 && text.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(text)) {
    return text.slice(1);
  }
  return text;
}
