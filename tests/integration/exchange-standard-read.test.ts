/**
 * Reading whole category standard files (db/exchange/standard-read): the city's samples
 * (../shared/samples/standard-sample.xlsx and .csv) minor by minor, and the messier
 * workbooks of tests/fixtures/standard-files (merged cells, a sheet per kind or a 问题类型
 * column, shared or inline strings, an unreadable limit), and the sample CSV in GB18030.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StandardMinor } from '../../core/exchange/standard-rows';
import { ExchangeRefusal } from '../../db/exchange/file-probe';
import { readStandardTable } from '../../db/exchange/standard-read';
import {
  writeBadLimitWorkbook,
  writeKindColumnWorkbook,
  writeMessyStandardWorkbook,
  writeStandardCsvAsGbk,
} from '../fixtures/standard-files';
import { SAMPLES } from './exchange-fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-standard-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The desk's units as categories.csv seeds them (its default_unit column). */
const DESK_UNITS = fs
  .readFileSync(path.resolve(import.meta.dirname, '../../assets/reference/categories.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(',')[7] ?? '')
  .filter((name) => name !== '');

/** One line per minor: kind, code, names, unit/department, then its standards. */
function lines(minors: StandardMinor[]): string[] {
  return minors.map((m) => {
    const standards = m.standards.map((s) => {
      const note = s.note ? ` ${s.note}` : '';
      const extra = s.extra ? ` ${JSON.stringify(s.extra)}` : '';
      return `${s.condition}→${s.closeCondition} ${s.limit.value} ${s.limit.unit}${note}${extra}`;
    });
    const kind = m.kind === 'component' ? '部件' : '事件';
    return `${kind} ${m.majorCode}${m.minorCode} ${m.majorName}/${m.minorName} ${m.unit}/${m.department}: ${standards.join('; ')}`;
  });
}

const SAMPLE_MINORS = [
  '部件 0101 公用设施/上水井盖 水务所/城市管理局: 井盖丢失→补齐井盖 2 natural_hours; 井盖破损、移位→修复或更换井盖 4 working_hours',
  '部件 0102 公用设施/污水井盖 水务所/城市管理局: 发现即立案→处置完毕 2 working_hours',
  '部件 0103 公用设施/雨水井盖 水务所/城市管理局: 发现即立案→处置完毕 2 working_hours',
  '部件 0118 公用设施/路灯 市政所/城市管理局: 单盏不亮→恢复照明 1 working_days; 连续三盏以上不亮→恢复照明 4 working_hours; 灯杆倾斜有倒伏危险→扶正加固或拆除 2 natural_hours',
  '部件 0201 道路交通/停车场 城管执法中队/城市管理局: 发现即立案→处置完毕 48 working_hours',
  '部件 0205 道路交通/过街天桥 市政所/城市管理局: 发现即立案→处置完毕 48 working_hours',
  '部件 0209 道路交通/交通标志牌 交警中队/城市管理局: 发现即立案→处置完毕 48 working_hours',
  '部件 0211 道路交通/交通护栏 市政所/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '部件 0214 道路交通/交通信号灯 交警中队/城市管理局: 信号灯不亮或故障→恢复正常 2 natural_hours',
  '部件 0301 市容环境/公共厕所 环卫所/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '部件 0305 市容环境/垃圾箱 环卫所/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '部件 0307 市容环境/广告牌匾 城管执法中队/城市管理局: 破损、污损→修复或清洗 3 working_days; 有坠落危险→排除危险 2 natural_hours',
  '部件 0401 园林绿化/古树名木 园林所/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '部件 0402 园林绿化/行道树 园林所/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '部件 0405 园林绿化/绿地 园林所/城市管理局: 发现即立案→处置完毕 48 working_hours',
  '部件 0501 房屋土地/宣传栏 社区居委会/城市管理局: 发现即立案→处置完毕 48 working_hours',
  '部件 0502 房屋土地/人防工事 住建办/城市管理局: 发现即立案→处置完毕 3 working_days',
  '事件 0102 市容环境/暴露垃圾 环卫所/城市管理局: 主次干道暴露垃圾→清理干净 2 working_hours; 背街小巷暴露垃圾→清理干净 4 working_hours',
  '事件 0103 市容环境/积存垃圾渣土 环卫所/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 0107 市容环境/废弃车辆 城管执法中队/城市管理局: 发现即立案→处置完毕 3 working_days',
  '事件 0111 市容环境/道路积水 市政所/城市管理局: 积水深度超过10厘米→排除积水 2 natural_hours',
  '事件 0201 宣传广告/非法张贴小广告 城管执法中队/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 0204 宣传广告/街头散发小广告 城管执法中队/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 0301 施工管理/施工扰民 住建办/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 0302 施工管理/工地扬尘 住建办/城市管理局: 发现即立案→处置完毕 8 working_hours',
  '事件 0304 施工管理/道路遗撒 城管执法中队/城市管理局: 发现即立案→处置完毕 8 working_hours',
  '事件 0401 突发事件/路面塌陷 应急办/城市管理局: 发现即立案→处置完毕 2 working_hours',
  '事件 0403 突发事件/燃气管道破裂 应急办/城市管理局: 燃气泄漏→关阀止漏、修复 1 natural_hours 制止',
  '事件 0501 街面秩序/无照经营游商 市场监管所/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 0504 街面秩序/店外经营 城管执法中队/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 0505 街面秩序/机动车乱停放 交警中队/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 0507 街面秩序/乱堆物堆料 城管执法中队/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 0510 街面秩序/露天烧烤 城管执法中队/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 9001 基层治理/矛盾纠纷 司法所/城市管理局: 邻里纠纷→调解完毕 3 working_days; 群体性纠纷苗头→稳控并报告 1 natural_days',
  '事件 9002 基层治理/安全隐患 应急办/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 9003 基层治理/物业服务 物业办/城市管理局: 物业服务投诉→答复并整改 3 working_days',
  '事件 9004 基层治理/违法建设 城管执法中队/城市管理局: 在建违法建设→制止施工 1 natural_days; 已建成违法建设→立案查处 15 working_days',
  '事件 9005 基层治理/私拉乱接电线 供电所/城市管理局: 发现即立案→处置完毕 24 working_hours',
  '事件 9006 基层治理/牌匾乱挂 城管执法中队/城市管理局: 发现即立案→处置完毕 3 working_days',
  '事件 9007 基层治理/民生诉求 社区居委会/城市管理局: 发现即立案→处置完毕 3 working_days',
];

describe('the city samples', () => {
  it('standard-sample.xlsx: two sheets, 40 minors, 47 standards, every unit known', async () => {
    const table = await readStandardTable(path.join(SAMPLES, 'standard-sample.xlsx'), {
      knownUnits: DESK_UNITS,
    });
    expect(table.problems).toEqual([]);
    expect(table.sheets).toEqual([
      { name: '部件', headerRow: 2, kindFrom: 'sheet', rows: 21 },
      { name: '事件', headerRow: 2, kindFrom: 'sheet', rows: 26 },
    ]);
    expect(lines(table.minors)).toEqual(SAMPLE_MINORS);
    expect(table.minors.flatMap((m) => m.standards)).toHaveLength(47);
    expect(table.unknownUnits).toEqual([]);
    expect(table.file).toMatchObject({ format: 'xlsx', sheetNames: ['部件', '事件'] });
    expect(table.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Rows are Excel's: 路灯's third condition is on row 9 of 部件.
    expect(table.minors[3]!.standards[2]).toMatchObject({ row: 9, sheet: '部件' });
  });

  it('standard-sample.csv: the same table, its kinds told by where 大类代码 starts again', async () => {
    const table = await readStandardTable(path.join(SAMPLES, 'standard-sample.csv'), {
      knownUnits: DESK_UNITS,
    });
    expect(table.problems).toEqual([]);
    expect(table.file).toMatchObject({ format: 'csv', encoding: 'UTF-8 (BOM)' });
    expect(table.sheets).toEqual([
      { name: 'standard-sample.csv', headerRow: 1, kindFrom: 'order', rows: 47 },
    ]);
    expect(lines(table.minors)).toEqual(SAMPLE_MINORS);
    expect(table.notes.at(-1)).toMatchObject({ row: 23 });
  });

  it('the sample CSV in GB18030 with CRLF reads the same', async () => {
    const file = writeStandardCsvAsGbk(dir, path.join(SAMPLES, 'standard-sample.csv'));
    const table = await readStandardTable(file, { knownUnits: DESK_UNITS });
    expect(table.file.encoding).toBe('GB18030');
    expect(table.problems).toEqual([]);
    expect(lines(table.minors)).toEqual(SAMPLE_MINORS);
  });
});

describe('messier workbooks', () => {
  const MESSY = [
    '部件 0101 公用设施/上水井盖 水务所/城市管理局: 井盖丢失→补齐井盖 2 natural_hours {"法律法规依据":"《城市道路管理条例》"}; 井盖破损、 移位→修复或更换井盖 5 working_days',
    '部件 0118 公用设施/路灯 市政所/城市管理局: 单盏不亮→恢复照明 1 working_days; 连续三盏 以上不亮→恢复照明 4 working_hours',
    '部件 0214 道路交通/交通信号灯 交警中队/城市管理局: 信号灯不亮或故障→恢复正常 1 natural_hours 制止',
    '事件 9004 基层治理/违法建设 城管执法中队/城市管理局: 在建违法建设→制止施工 1 natural_days {"法律法规依据":"《城乡规划法》第六十四条"}; 已建成违法建设→立案查处 15 working_days {"法律法规依据":"《城乡规划法》第六十四条"}',
    '事件 9008 基层治理/高空抛物 网格工作站/城市管理局: 发现即立案→处置完毕 24 working_hours',
  ];

  for (const strings of ['shared', 'none'] as const) {
    it(`a sheet per kind, title row, merged cells, numbers for codes (${strings} strings)`, async () => {
      const file = await writeMessyStandardWorkbook(dir, { strings });
      const table = await readStandardTable(file, { knownUnits: DESK_UNITS });
      expect(table.problems).toEqual([]);
      expect(lines(table.minors)).toEqual(MESSY);
      expect(table.unknownUnits).toEqual(['网格工作站']);
      expect(table.sheets.map((s) => [s.name, s.headerRow, s.rows])).toEqual([
        ['部件', 2, 5],
        ['事件', 2, 3],
        ['说明', null, 0],
      ]);
      expect(table.notes.map((n) => [n.sheet, n.column ?? null])).toEqual([
        ['部件', '法律法规依据'],
        ['事件', '法律法规依据'],
        ['说明', null],
      ]);
    });
  }

  it('one sheet with a 问题类型 column merged down over both kinds', async () => {
    const table = await readStandardTable(await writeKindColumnWorkbook(dir), {
      knownUnits: DESK_UNITS,
    });
    expect(table.problems).toEqual([]);
    expect(lines(table.minors)).toEqual([
      '部件 0101 公用设施/上水井盖 水务所/城市管理局: 井盖丢失→补齐井盖 2 natural_hours',
      '部件 0102 公用设施/污水井盖 水务所/城市管理局: 发现即立案→处置完毕 2 working_hours',
      '事件 0102 市容环境/暴露垃圾 环卫所/城市管理局: 主次干道暴露垃圾→清理干净 2 working_hours; 背街小巷暴露垃圾→清理干净 4 working_hours',
      '事件 0501 街面秩序/无照经营游商 市场监管所/城市管理局: 发现即立案→处置完毕 24 working_hours',
    ]);
    expect(table.sheets[0]).toMatchObject({ name: '立结案标准', kindFrom: 'column' });
  });

  it('三天 in 处置时限 refuses the file naming sheet, row and cell', async () => {
    const table = await readStandardTable(await writeBadLimitWorkbook(dir), {
      knownUnits: DESK_UNITS,
    });
    expect(table.problems).toEqual([
      {
        sheet: '部件',
        row: 5,
        column: '处置时限',
        cell: 'I5',
        value: '三天',
        message: {
          zh: '时限「三天」无法识别：应写成 4小时、1天、2紧急工作时 或 1紧急工作日。',
          en: 'The limit "三天" cannot be read: write it as 4小时, 1天, 2紧急工作时 or 1紧急工作日.',
        },
      },
    ]);
  });

  it('a file that is no table is refused by the readers, as for cases', async () => {
    const file = path.join(dir, 'standard.json');
    fs.writeFileSync(file, '[]');
    await expect(readStandardTable(file, { knownUnits: [] })).rejects.toBeInstanceOf(
      ExchangeRefusal,
    );
  });
});
