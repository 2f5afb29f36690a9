/**
 * Case import under the city's standard, from the city's own sample rows (issue 12,
 * CITY-EXCHANGE.md "立案条件"): a row names its 立案条件 by text or by number (in an xlsx,
 * a numeric cell), a minor with one row needs none, and a minor with several that names
 * none and gives no deadline refuses the file with the row and column named, writing
 * nothing; "import valid rows" writes the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLimit } from '../../core/limits/add-limit';
import { DEFAULT_WORK_PERIODS } from '../../core/limits/work-periods';
import { fromWallClock } from '../../core/time';
import { importFile } from '../../db/exchange/import-file';
import { loadWorkCalendar } from '../../db/queries/clock-rules';
import { importSampleStandard, openCaseDesk, type CaseDesk } from './cases-fixture';
import { writeCsv } from './exchange-fixture';

const SAMPLES = path.resolve(import.meta.dirname, '../../../shared/samples');
let desk: CaseDesk;
let standardOf: (categoryCode: string, condition: string) => number;

beforeAll(async () => {
  desk = openCaseDesk('griddesk-case-standards-');
  standardOf = await importSampleStandard(desk);
});
afterAll(() => desk.close());

/** The city's first sample row, turned into a registered case of `minor` naming `condition`. */
function sampleRow(caseNo: string, minor: [string, string], condition: string | number) {
  const [sample] = JSON.parse(
    fs.readFileSync(path.join(SAMPLES, 'cases-sample.json'), 'utf8'),
  ) as Record<string, string | number>[];
  return {
    ...sample!,
    案卷编号: caseNo,
    问题类型: '部件',
    大类代码: minor[0],
    小类代码: minor[1],
    当前状态: '已立案',
    上报时间: '2026-11-20 17:28:00',
    立案时间: '2026-11-20 17:30:00', // Friday, 30 minutes before the day's last period ends
    派遣时间: '',
    处置截止时间: '',
    '处置时限(小时)': '',
    反馈时间: '',
    结案时间: '',
    延期次数: 0,
    更新时间: '2026-11-20 17:30:00',
    立案条件: condition,
  } as Record<string, string | number>;
}

const stored = (caseNo: string) =>
  desk.db
    .prepare<[string], { dueAt: number; standardId: number | null }>(
      'SELECT due_at AS dueAt, standard_id AS standardId FROM cases WHERE case_no = ?',
    )
    .get(caseNo);

const registered = fromWallClock(2026, 11, 20, 17, 30);
const inWorkingHours = (hours: number) =>
  addLimit(
    registered,
    { value: hours, unit: 'working_hours' },
    loadWorkCalendar(desk.db),
    DEFAULT_WORK_PERIODS,
  );

describe('importing cases under the city standard', () => {
  it('refuses the whole file when a minor with several conditions names none, naming row and column', async () => {
    const rows = [
      sampleRow('C01012026112000001', ['01', '01'], '井盖破损、移位'),
      sampleRow('C01182026112000002', ['01', '18'], ''), // 路灯 has three conditions
    ];
    const file = writeCsv(path.join(desk.dir, 'refused.csv'), [
      Object.keys(rows[0]!),
      ...rows.map(Object.values),
    ]);
    const report = await importFile(desk.db, file, {
      skipInvalid: false,
      now: desk.clock.now,
      actor: { userId: null, name: 'test' },
    });
    expect(report.written).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: '立案条件',
        message: expect.objectContaining({ zh: expect.stringContaining('路灯') }),
      }),
    ]);
    expect(stored('C01012026112000001')).toBeUndefined();
  });

  it('takes the condition by text, by number (a numeric xlsx cell) and the only row; skips the unnamed one when asked', async () => {
    const rows = [
      sampleRow('C01012026112000011', ['01', '01'], '井盖 破损、移位'), // a space typed in
      sampleRow('C01182026112000012', ['01', '18'], 2), // 路灯's second: 连续三盏以上不亮, 4小时
      sampleRow('C01022026112000013', ['01', '02'], ''), // 污水井盖: its only row, 2小时
      sampleRow('C01182026112000014', ['01', '18'], ''), // refused: names none of three
    ];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('案件');
    sheet.addRow(Object.keys(rows[0]!));
    for (const row of rows) sheet.addRow(Object.values(row));
    const file = path.join(desk.dir, 'cases-with-conditions.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(
      typeof sheet.getRow(3).getCell(Object.keys(rows[0]!).indexOf('立案条件') + 1).value,
    ).toBe('number');

    const report = await importFile(desk.db, file, {
      skipInvalid: true,
      now: desk.clock.now,
      actor: { userId: null, name: 'test' },
    });
    expect(report.counts).toMatchObject({ invalid: 1 });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[5, '立案条件']]);

    const byText = stored('C01012026112000011')!;
    expect(byText.standardId).toBe(standardOf('C0101', '井盖破损、移位'));
    // 4 working hours from Friday 17:30: 0.5 h on Friday, then Monday 08:00 + 3.5 h.
    expect(byText.dueAt).toBe(fromWallClock(2026, 11, 23, 11, 30));
    expect(byText.dueAt).toBe(inWorkingHours(4));

    const byNumber = stored('C01182026112000012')!;
    expect(byNumber.standardId).toBe(standardOf('C0118', '连续三盏以上不亮'));
    expect(byNumber.dueAt).toBe(inWorkingHours(4));

    const only = stored('C01022026112000013')!;
    expect(only.standardId).toBe(standardOf('C0102', '发现即立案'));
    expect(only.dueAt).toBe(inWorkingHours(2));
    expect(stored('C01182026112000014')).toBeUndefined();
  });
});
