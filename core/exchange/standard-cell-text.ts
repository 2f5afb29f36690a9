/**
 * How a standard table's cells read as text: trimmed with line breaks folded ("井盖破损、\n移位"
 * is one line), Excel's column letters for naming a cell, and the footnote under a table.
 */
import { cellText, type CellValue } from './cell-value';

/** Trimmed, line breaks (and the spaces around them) folded to one space. */
export function standardText(value: CellValue | undefined): string {
  return cellText(value)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

/** 0-based column → Excel letters (0 → A, 26 → AA). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A footnote under the table ("注：时限按…"): one filled cell starting 注/说明/备注. */
export function footnote(cells: readonly CellValue[]): string | null {
  const filled = cells.map((c) => standardText(c)).filter((t) => t !== '');
  return filled.length === 1 && /^(注|说明|备注)/.test(filled[0]!) ? filled[0]! : null;
}
