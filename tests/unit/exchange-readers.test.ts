/**
 * The streaming readers' pure halves: CSV records, JSON array elements and SpreadsheetML
 * rows come out the same whichever way the text is cut into chunks, and runaway input is
 * refused instead of held in memory.
 */
import { describe, expect, it } from 'vitest';
import { columnLetters, rowXml } from '../../core/exchange/sheet-xml-writer';
import { CsvFormatError, CsvTokenizer, detectDelimiter } from '../../core/exchange/csv-tokenizer';
import { JsonArraySplitter, JsonShapeError } from '../../core/exchange/json-array-splitter';
import {
  decodeXmlText,
  SharedStringsReader,
  SheetRowsReader,
  workbookSheets,
  workbookTargets,
} from '../../core/exchange/sheet-xml';

function csv(text: string, cuts: number[] = [], delimiter: ',' | '\t' = ','): string[][] {
  const tokenizer = new CsvTokenizer(delimiter);
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    records.push(...tokenizer.push(text.slice(from, cut)));
    from = cut;
  }
  return [...records, ...tokenizer.end()];
}

describe('CSV', () => {
  const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n,,\n"",last\r';
  const expected = [
    ['a', 'b', 'c'],
    ['x, y', 'say "hi"', 'two\r\nlines'],
    ['', '', ''],
    ['', 'last'],
  ];

  it('reads quotes, doubled quotes, embedded line breaks, CRLF, LF and CR', () => {
    expect(csv(text)).toEqual(expected);
  });

  it('gives the same records however the text is cut into chunks', () => {
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j += 3)
        expect(csv(text, [i, j]), `cut at ${i}, ${j}`).toEqual(expected);
    }
  });

  it('ends the last record without a final line break; tabs for TSV', () => {
    expect(csv('a\tb\n1\t2', [], '\t')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(detectDelimiter('示范街道案卷导出\n案卷编号\t问题来源\t状态\n')).toBe('\t');
    expect(detectDelimiter('标题,\n案卷编号,问题来源,状态\n')).toBe(',');
  });

  it('refuses an unclosed quote and a record over the limit, naming the row', () => {
    expect(() => csv('a,b\n1,"never closed\n2,3\n')).toThrow(
      expect.objectContaining({ problem: 'unclosed_quote', record: 2 }),
    );
    const tokenizer = new CsvTokenizer(',', 1000);
    expect(() => {
      tokenizer.push('ok,row\n');
      for (let i = 0; i < 20; i++) tokenizer.push('x'.repeat(100));
    }).toThrow(CsvFormatError);
  });
});

describe('JSON arrays', () => {
  const text = '\uFEFF[ {"a": "x,}]\\"y", "n": [1, {"b": 2}]}, {"c": null} ,"s", 3 ]';
  it('cuts the top-level elements, whatever the chunks', () => {
    for (let i = 0; i <= text.length; i++) {
      const splitter = new JsonArraySplitter();
      const out = [...splitter.push(text.slice(0, i)), ...splitter.push(text.slice(i))];
      splitter.end();
      expect(
        out.map((e) => JSON.parse(e)),
        `cut at ${i}`,
      ).toEqual([{ a: 'x,}]"y', n: [1, { b: 2 }] }, { c: null }, 's', 3]);
    }
  });

  it('refuses what is not an array, a truncated array and an oversized element', () => {
    expect(() => new JsonArraySplitter().push('{"type": "FeatureCollection"}')).toThrow(
      JsonShapeError,
    );
    const truncated = new JsonArraySplitter();
    truncated.push('[{"a": 1}, {"b"');
    expect(() => truncated.end()).toThrow(
      expect.objectContaining({ problem: 'truncated', element: 2 }),
    );
    expect(() => new JsonArraySplitter(50).push(`[{"a": "${'x'.repeat(100)}`)).toThrow(
      expect.objectContaining({ problem: 'element_too_long' }),
    );
  });
});

describe('SpreadsheetML', () => {
  it('reads the workbook’s sheets and where their XML is', () => {
    const sheets = workbookSheets(
      '<sheets><sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="案卷 &amp; 网格" sheetId="2" r:id="rId2"/></sheets>',
    );
    expect(sheets).toEqual([
      { name: '说明', relId: 'rId1' },
      { name: '案卷 & 网格', relId: 'rId2' },
    ]);
    const targets = workbookTargets(
      '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/data.xml"/>',
    );
    expect(targets.get('rId2')).toBe('xl/worksheets/data.xml');
  });

  it('reads shared, inline, number, boolean and formula cells, gaps and empty rows, however the XML is cut', () => {
    const strings =
      '<sst><si><t>案卷编号</t></si><si><r><t>燃气</t></r><r><t xml:space="preserve">管道 </t></r><rPh><t>ガス</t></rPh></si></sst>';
    const sheet =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3"/>' +
      '<row r="4"><c r="A4"><v>46329.5</v></c><c r="B4" t="inlineStr"><is><t>a&lt;b_x000D_</t></is></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="str"><f>A1</f><v>=x</v></c></row></sheetData>';
    for (let i = 0; i <= sheet.length; i += 7) {
      const shared = new SharedStringsReader(() => new Error('long'));
      shared.push(strings.slice(0, i % strings.length));
      shared.push(strings.slice(i % strings.length));
      const reader = new SheetRowsReader(shared.strings, 1000, () => new Error('long'));
      const rows = [...reader.push(sheet.slice(0, i)), ...reader.push(sheet.slice(i))];
      expect(rows, `cut at ${i}`).toEqual([
        { row: 1, cells: ['案卷编号', null, '燃气管道 '] },
        { row: 3, cells: [] },
        { row: 4, cells: [46329.5, 'a<b\r', true, '=x'] },
      ]);
    }
    expect(decodeXmlText('&#x7F51;&#26684;')).toBe('网格');
  });
});

describe('SpreadsheetML written by the desk', () => {
  it('reads back exactly what it wrote: formula-like text as text, odd characters, numbers', () => {
    const cells = [
      '=1+2',
      '@SUM(A1)',
      'a<b & c>d',
      'line\r\nnext\ttab',
      'literal _x000D_ stays',
      '\u0001bell',
      118.2075,
      null,
      '燃气管道',
    ];
    const letters = cells.map((_, i) => columnLetters(i));
    const xml = rowXml(7, cells, letters);
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('t="inlineStr"');
    const rows = new SheetRowsReader([], 10_000, () => new Error('long')).push(xml);
    expect(rows).toEqual([
      {
        row: 7,
        cells: [
          '=1+2',
          '@SUM(A1)',
          'a<b & c>d',
          'line\r\nnext\ttab',
          'literal _x000D_ stays',
          '\u0001bell',
          118.2075,
          null,
          '燃气管道',
        ],
      },
    ]);
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(16383)).toBe('XFD');
  });
});
