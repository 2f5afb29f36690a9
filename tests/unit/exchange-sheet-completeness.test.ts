/**
 * Whether a worksheet's XML is whole (core/exchange/sheet-xml SheetCompleteness): cut off
 * anywhere before its closing tags it is refused, however the text is chunked; a dimension
 * claiming more rows than there are is refused; a placeholder, missing or smaller dimension is not.
 */
import { describe, expect, it } from 'vitest';
import { SheetCompleteness, SheetRowsReader, SheetXmlError } from '../../core/exchange/sheet-xml';

function sheet(rows: number, dimension: string | null, prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  let xml = `<?xml version="1.0"?><${p}worksheet xmlns${prefix ? `:${prefix}` : ''}="main">`;
  if (dimension) xml += `<${p}dimension ref="${dimension}"/>`;
  xml += `<${p}sheetData>`;
  for (let r = 1; r <= rows; r++)
    xml += `<${p}row r="${r}" spans="1:2"><${p}c r="A${r}"><${p}v>${r}</${p}v></${p}c></${p}row>`;
  return `${xml}</${p}sheetData><${p}pageMargins left="0.7"/></${p}worksheet>\n`;
}

function check(xml: string, cuts: number[] = []): SheetXmlError | null {
  const c = new SheetCompleteness();
  let from = 0;
  for (const cut of [...cuts, xml.length]) {
    c.push(xml.slice(from, cut));
    from = cut;
  }
  try {
    c.finish();
    return null;
  } catch (error) {
    if (error instanceof SheetXmlError) return error;
    throw error;
  }
}

describe('a worksheet XML is whole', () => {
  it('accepts a whole sheet however it is cut into chunks', () => {
    const xml = sheet(12, 'A1:A12');
    for (let i = 0; i <= xml.length; i += 5) expect(check(xml, [i]), `cut at ${i}`).toBeNull();
    expect(check(sheet(12, 'A1:A12', 'x'))).toBeNull();
  });

  it('refuses the sheet cut off at any point before </worksheet>', () => {
    const xml = sheet(12, 'A1:A12');
    const end = xml.lastIndexOf('</worksheet>');
    for (let at = 0; at < end; at += 7) {
      const error = check(xml.slice(0, at), [Math.floor(at / 2)]);
      expect(error?.problem, `cut at ${at}`).toBe('truncated');
    }
  });

  it('says the last whole row read when cut mid-row', () => {
    const xml = sheet(60, 'A1:A60');
    const cut = xml.slice(0, xml.indexOf('<row r="30"') + 20);
    const reader = new SheetRowsReader([], 1000, () => new Error('long'));
    const rows = reader.push(cut);
    expect(rows.at(-1)?.row).toBe(29);
    expect(() => reader.end()).toThrow(
      expect.objectContaining({ problem: 'truncated', lastRow: 29 }),
    );
  });

  it('refuses rows that stop short of the dimension, reads the rest', () => {
    expect(check(sheet(61, 'A1:K80'))).toMatchObject({
      problem: 'dimension_mismatch',
      lastRow: 61,
      dimensionLastRow: 80,
      dimensionRef: 'A1:K80',
    });
    expect(check(sheet(61, 'A1'))).toBeNull();
    expect(check(sheet(61, 'A1:A1'))).toBeNull();
    expect(check(sheet(61, null))).toBeNull();
    expect(check(sheet(61, 'A1:K10'))).toBeNull();
    expect(check(sheet(0, 'A1'))).toBeNull();
  });
});
