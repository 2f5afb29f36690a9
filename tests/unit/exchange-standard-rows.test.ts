/**
 * The category standard's rows folded in memory (core/exchange/standard-rows): fill-down of
 * merged or blank cells, codes padded back, text cleaned, extra columns kept, how the kind
 * is told, and every refusal with its sheet, row, column and cell.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/exchange/cell-value';
import {
  foldStandardSheets,
  standardProblemSentence,
  type StandardRowIn,
} from '../../core/exchange/standard-rows';

const HEADER = [
  '大类代码',
  '大类名称',
  '小类代码',
  '小类名称',
  '处置单位',
  '主管部门',
  '立案条件',
  '结案条件',
  '处置时限',
];

/** Rows numbered as Excel does, the header on row `first`. */
function rows(first: number, ...cells: CellValue[][]): StandardRowIn[] {
  return cells.map((c, i) => ({ row: first + i, cells: c }));
}

function fold(name: string, sheetRows: StandardRowIn[], fileName = 'standard.xlsx') {
  return foldStandardSheets([{ name, rows: sheetRows }], { fileName, knownUnits: ['水务所'] });
}

describe('standard rows: folding', () => {
  it('continues merged or blank 大类/小类/单位 cells down over their 立案条件 rows', () => {
    const table = fold(
      '部件',
      rows(
        1,
        ['示范市部件类立案、处置和结案标准'],
        HEADER,
        [
          1,
          '公用设施',
          '01',
          '上水井盖',
          '水务所',
          '城市管理局',
          '井盖丢失',
          '补齐井盖',
          '2紧急工作时',
        ],
        [null, null, null, null, null, null, '井盖破损、移位', '修复或更换井盖', '4小时'],
        [null, '', '02', '污水井盖', '', '', '发现即立案', '处置完毕', '2小时'],
        ['02', '道路交通', 1, '停车场', '城管执法中队', null, '发现即立案', '处置完毕', '48小时'],
      ),
    );
    expect(table.problems).toEqual([]);
    expect(table.sheets).toEqual([{ name: '部件', headerRow: 2, kindFrom: 'sheet', rows: 4 }]);
    expect(
      table.minors.map((m) => [
        m.kind,
        m.majorCode,
        m.majorName,
        m.minorCode,
        m.minorName,
        m.unit,
        m.department,
        m.standards.length,
      ]),
    ).toEqual([
      ['component', '01', '公用设施', '01', '上水井盖', '水务所', '城市管理局', 2],
      // 处置单位 and 主管部门 left blank under a filled one continue it, across 小类 too.
      ['component', '01', '公用设施', '02', '污水井盖', '水务所', '城市管理局', 1],
      ['component', '02', '道路交通', '01', '停车场', '城管执法中队', '城市管理局', 1],
    ]);
    expect(table.minors[0]!.standards).toEqual([
      {
        condition: '井盖丢失',
        closeCondition: '补齐井盖',
        limit: { value: 2, unit: 'natural_hours' },
        note: null,
        extra: null,
        row: 3,
        sheet: '部件',
      },
      {
        condition: '井盖破损、移位',
        closeCondition: '修复或更换井盖',
        limit: { value: 4, unit: 'working_hours' },
        note: null,
        extra: null,
        row: 4,
        sheet: '部件',
      },
    ]);
    expect(table.unknownUnits).toEqual(['城管执法中队']);
  });

  it('pads codes stored as numbers and splits a four-digit 小类代码', () => {
    const table = fold(
      '事件',
      rows(
        1,
        HEADER,
        [
          5,
          '街面秩序',
          1,
          '无照经营游商',
          '市场监管所',
          '城市管理局',
          '发现即立案',
          '处置完毕',
          '24小时',
        ],
        ['', '', '0504', '店外经营', '', '', '发现即立案', '处置完毕', '24小时'],
        // 0601 as a number lost its zero: 601 is padded back to 0601, a new 大类 06.
        ['', '其他事件', 601, '其他', '', '', '发现即立案', '处置完毕', '3天'],
        ['１', '市容环境', '２', '暴露垃圾', '', '', '发现即立案', '清理干净', '2小时'],
      ),
    );
    expect(table.problems).toEqual([]);
    expect(
      table.minors.map(
        (m) => `${m.kind}:${m.majorCode}${m.minorCode} ${m.majorName}/${m.minorName}`,
      ),
    ).toEqual([
      'event:0501 街面秩序/无照经营游商',
      'event:0504 街面秩序/店外经营',
      'event:0601 其他事件/其他',
      'event:0102 市容环境/暴露垃圾',
    ]);
  });

  it('trims cells, folds line breaks to one space, reads the header across line breaks', () => {
    const header = [...HEADER];
    header[8] = '处置\n时限';
    const table = fold(
      '部件',
      rows(1, header, [
        '01 ',
        '公用设施\n',
        '18',
        ' 路灯 ',
        '市政所\r\n',
        '城市管理局 ',
        '连续三盏\n以上不亮',
        '恢复照明\n',
        ' 5工作日',
      ]),
    );
    expect(table.problems).toEqual([]);
    const minor = table.minors[0]!;
    expect([minor.majorName, minor.minorName, minor.unit, minor.department]).toEqual([
      '公用设施',
      '路灯',
      '市政所',
      '城市管理局',
    ]);
    expect(minor.standards[0]).toMatchObject({
      condition: '连续三盏 以上不亮',
      closeCondition: '恢复照明',
      limit: { value: 5, unit: 'working_days' },
    });
  });

  it('keeps unknown columns as extra data by header, notes them, and reads the aliases', () => {
    const table = fold(
      '部件',
      rows(
        1,
        [
          '大类代码',
          '大类名称',
          '小类代码',
          '小类名称',
          '责任单位',
          '监管主体',
          '立案标准',
          '结案标准',
          '时限',
          '法律法规依据',
          '采集要求',
        ],
        [
          '01',
          '公用设施',
          '01',
          '上水井盖',
          '水务所',
          '城市管理局',
          '井盖丢失',
          '补齐井盖',
          '1紧急工作时制止',
          '《城市道路管理条例》\n第四十二条',
          '',
        ],
      ),
    );
    expect(table.problems).toEqual([]);
    expect(table.minors[0]!.standards[0]).toMatchObject({
      limit: { value: 1, unit: 'natural_hours' },
      note: '制止',
      extra: { 法律法规依据: '《城市道路管理条例》 第四十二条' },
    });
    expect(table.notes.map((n) => n.column)).toEqual(['法律法规依据', '采集要求']);
  });

  it('fills 结案条件 and 处置时限 down inside one 小类 only', () => {
    const table = fold(
      '部件',
      rows(
        1,
        HEADER,
        ['01', '公用设施', '18', '路灯', '市政所', '城市管理局', '单盏不亮', '恢复照明', '1天'],
        ['', '', '', '', '', '', '连续三盏以上不亮', '', ''],
        ['', '', '19', '地灯', '', '', '不亮', '恢复照明', ''],
      ),
    );
    expect(table.minors[0]!.standards[1]).toMatchObject({
      closeCondition: '恢复照明',
      limit: { value: 1, unit: 'working_days' },
    });
    // The limit is not carried into the next 小类: its empty 处置时限 is refused.
    expect(table.problems).toMatchObject([
      { sheet: '部件', row: 4, column: '处置时限', cell: 'I4', value: '' },
    ]);
  });

  it('reads an empty 立案条件 as the 小类 single row, refused among several', () => {
    const single = fold(
      '部件',
      rows(1, HEADER, ['01', '公用设施', '02', '污水井盖', '水务所', '', '', '处置完毕', '2小时']),
    );
    expect(single.problems).toEqual([]);
    expect(single.minors[0]!.standards[0]!.condition).toBe('');
    const several = fold(
      '部件',
      rows(
        1,
        HEADER,
        ['01', '公用设施', '02', '污水井盖', '水务所', '', '', '处置完毕', '2小时'],
        ['', '', '', '', '', '', '井盖丢失', '补齐', '2紧急工作时'],
      ),
    );
    expect(several.problems).toMatchObject([
      { sheet: '部件', row: 2, column: '立案条件', cell: 'G2', value: '' },
    ]);
  });

  it('keeps a footnote under the table as a note, not a row', () => {
    const table = fold(
      '部件',
      rows(
        1,
        HEADER,
        ['01', '公用设施', '02', '污水井盖', '水务所', '', '发现即立案', '处置完毕', '2小时'],
        ['注：处置时限中的“天”指工作日。'],
      ),
    );
    expect(table.problems).toEqual([]);
    expect(table.notes).toMatchObject([
      { sheet: '部件', row: 3, message: { zh: '注：处置时限中的“天”指工作日。' } },
    ]);
  });
});

describe('standard rows: the kind of a row', () => {
  const withKind = ['问题类型', ...HEADER];

  it('reads 问题类型 filled down, a new kind starting its own 大类', () => {
    const table = fold(
      'Sheet1',
      rows(
        1,
        withKind,
        [
          '部件',
          '01',
          '公用设施',
          '01',
          '上水井盖',
          '水务所',
          '城市管理局',
          '井盖丢失',
          '补齐井盖',
          '2紧急工作时',
        ],
        ['', '', '', '02', '污水井盖', '', '', '发现即立案', '处置完毕', '2小时'],
        [
          '事件',
          '01',
          '市容环境',
          '02',
          '暴露垃圾',
          '环卫所',
          '',
          '发现即立案',
          '清理干净',
          '2小时',
        ],
      ),
    );
    expect(table.problems).toEqual([]);
    expect(table.minors.map((m) => `${m.kind}:${m.majorCode}${m.minorCode}`)).toEqual([
      'component:0101',
      'component:0102',
      'event:0102',
    ]);
    expect(table.sheets[0]!.kindFrom).toBe('column');
  });

  it('refuses an unreadable 问题类型', () => {
    const table = fold(
      'Sheet1',
      rows(1, withKind, [
        '设施',
        '01',
        '公用设施',
        '01',
        '上水井盖',
        '水务所',
        '',
        '井盖丢失',
        '',
        '2小时',
      ]),
    );
    expect(table.problems).toMatchObject([
      { row: 2, column: '问题类型', cell: 'A2', value: '设施' },
    ]);
  });

  it('without 问题类型 or a kind name: 部件 until 大类代码 starts again, then 事件', () => {
    const sheet = rows(
      1,
      HEADER,
      ['01', '公用设施', '01', '上水井盖', '水务所', '', '井盖丢失', '', '2小时'],
      ['05', '房屋土地', '01', '宣传栏', '社区居委会', '', '发现即立案', '', '48小时'],
      ['02', '宣传广告', '01', '非法张贴小广告', '', '', '发现即立案', '', '24小时'],
    );
    const table = fold('Sheet1', sheet, 'standard.csv');
    expect(table.problems).toEqual([]);
    expect(table.minors.map((m) => m.kind)).toEqual(['component', 'component', 'event']);
    expect(table.notes.at(-1)).toMatchObject({ row: 4 });
    // The caller's kind, or the file's name, wins over the order.
    const told = foldStandardSheets([{ name: 'Sheet1', rows: sheet.slice(0, 3) }], {
      fileName: 'x.csv',
      kind: 'event',
    });
    expect(told.minors.map((m) => m.kind)).toEqual(['event', 'event']);
    const named = foldStandardSheets([{ name: 'Sheet1', rows: sheet.slice(0, 3) }], {
      fileName: '事件立结案标准.csv',
    });
    expect(named.minors.map((m) => m.kind)).toEqual(['event', 'event']);
    // Starting again a second time cannot be told apart.
    const twice = fold('Sheet1', [
      ...sheet,
      { row: 5, cells: ['01', '公用设施', '03', '雨水井盖', '', '', '发现即立案', '', '2小时'] },
    ]);
    expect(twice.problems).toMatchObject([{ row: 5, column: '大类代码', cell: 'A5', value: '01' }]);
  });
});

describe('standard rows: refusals name sheet, row, column and cell', () => {
  it('an unreadable limit, with parseLimit’s message', () => {
    const table = fold(
      '部件',
      rows(1, ['标题'], HEADER, [
        '01',
        '公用设施',
        '01',
        '上水井盖',
        '水务所',
        '',
        '井盖丢失',
        '',
        '三天',
      ]),
    );
    expect(table.problems).toHaveLength(1);
    const problem = table.problems[0]!;
    expect(problem).toMatchObject({
      sheet: '部件',
      row: 3,
      column: '处置时限',
      cell: 'I3',
      value: '三天',
    });
    expect(problem.message.zh).toContain('三天');
    expect(standardProblemSentence(problem).zh).toMatch(
      /^工作表“部件”第 3 行I3 单元格（处置时限）：/,
    );
    expect(standardProblemSentence(problem).en).toMatch(
      /^Sheet "部件", row 3, cell I3 \(处置时限\): /,
    );
  });

  it('a CSV’s problem names the file in the sheet’s place', () => {
    const table = fold(
      'city.csv',
      rows(1, HEADER, ['01', '公用设施', '01', '上水井盖', '', '', '井盖丢失', '', '三天']),
    );
    expect(standardProblemSentence(table.problems[0]!).en).toMatch(
      /^File "city.csv", row 2, cell I2 /,
    );
  });

  it('a 小类 row with no 大类 above it', () => {
    const table = fold(
      '部件',
      rows(1, HEADER, ['', '', '01', '上水井盖', '水务所', '', '井盖丢失', '', '2小时']),
    );
    expect(table.problems).toMatchObject([
      { sheet: '部件', row: 2, column: '大类代码', cell: 'A2' },
    ]);
  });

  it('a 小类代码 repeated with another name in the same kind', () => {
    const table = fold(
      '部件',
      rows(
        1,
        HEADER,
        ['01', '公用设施', '01', '上水井盖', '水务所', '', '井盖丢失', '', '2小时'],
        ['', '', '02', '污水井盖', '', '', '发现即立案', '', '2小时'],
        ['', '', '01', '下水井盖', '', '', '发现即立案', '', '2小时'],
      ),
    );
    expect(table.problems).toMatchObject([
      { row: 4, column: '小类名称', cell: 'D4', value: '下水井盖' },
    ]);
    expect(table.problems[0]!.message.zh).toContain('第 2 行');
  });

  it('a code that is not two digits, and a 小类 with two handling units', () => {
    const table = fold(
      '部件',
      rows(
        1,
        HEADER,
        ['0A', '公用设施', '01', '上水井盖', '水务所', '', '井盖丢失', '', '2小时'],
        ['01', '公用设施', '01', '上水井盖', '水务所', '', '井盖丢失', '', '2小时'],
        ['', '', '', '', '市政所', '', '井盖破损', '', '4小时'],
      ),
    );
    expect(table.problems).toMatchObject([
      { row: 2, column: '大类代码', cell: 'A2', value: '0A' },
      { row: 4, column: '处置单位', cell: 'E4', value: '市政所' },
    ]);
  });

  it('no header: one sentence naming the file and the header names', () => {
    const table = fold('Sheet1', rows(1, ['名称', '说明'], ['a', 'b']), 'city.xlsx');
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({ sheet: 'city.xlsx', row: null, column: null });
    expect(table.problems[0]!.message.zh).toContain('city.xlsx');
    expect(table.problems[0]!.message.zh).toContain('大类代码、大类名称、小类代码');
  });

  it('a sheet named for a kind must have a header; any other sheet without one is skipped', () => {
    const good = rows(1, HEADER, [
      '01',
      '公用设施',
      '01',
      '上水井盖',
      '水务所',
      '',
      '井盖丢失',
      '',
      '2小时',
    ]);
    const table = foldStandardSheets(
      [
        { name: '说明', rows: rows(1, ['本标准自2026年起施行']) },
        { name: '部件', rows: good },
        { name: '事件', rows: rows(1, ['空表']) },
      ],
      { fileName: 'city.xlsx' },
    );
    expect(table.notes[0]).toMatchObject({ sheet: '说明' });
    expect(table.problems).toMatchObject([{ sheet: '事件', row: null }]);
  });

  it('a header without a 处置时限 column', () => {
    const table = fold(
      '部件',
      rows(1, HEADER.slice(0, 8), [
        '01',
        '公用设施',
        '01',
        '上水井盖',
        '水务所',
        '',
        '井盖丢失',
        '',
      ]),
    );
    expect(table.problems).toMatchObject([{ row: 1, column: '处置时限', cell: null }]);
    expect(table.minors).toEqual([]);
  });
});
