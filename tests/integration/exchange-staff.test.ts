/** Staff rosters (网格人员, xlsx or csv): people in roles on grids; detected by their header. */
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { count, importInto, openWorkspace, writeCsv } from './exchange-fixture';

const ws = openWorkspace();
afterAll(() => ws.close());

const HEADER = ['姓名', '联系电话', '性别', '是否党员', '网格编码', '岗位', '楼栋', '联系户数'];
const ROWS = [
  ['李红', '13900000001', '女', '是', '990101001001001', '专职网格员', '', ''],
  ['李红', '13900000001', '女', '是', '990101001001002', '兼职网格员', '', ''],
  ['赵强', '13900000002', '男', '否', '990101001001001', '楼长', '3号楼', 48],
  ['周敏', '', '女', '中共党员', '990101001001', '网格长', '', ''],
];

describe('staff rosters', () => {
  it('adds people and their roles, and a second import changes nothing', async () => {
    const { db } = await ws.empty();
    const file = writeCsv(ws.path('staff.csv'), [HEADER, ...ROWS]);
    const report = await importInto(db, file);
    expect(report).toMatchObject({ kind: 'staff', status: 'done' });
    expect(report.counts).toEqual({ rows: 4, new: 4, updated: 0, unchanged: 0, invalid: 0 });
    expect(count(db, 'SELECT count(*) FROM staff')).toBe(3);
    expect(
      count(
        db,
        "SELECT count(*) FROM staff_roles r JOIN staff s ON s.id = r.staff_id WHERE s.name = '李红'",
      ),
    ).toBe(2);
    expect(
      db
        .prepare("SELECT building, households FROM staff_roles WHERE role = 'building_leader'")
        .get(),
    ).toEqual({ building: '3号楼', households: 48 });
    const again = await importInto(db, file);
    expect(again.counts).toEqual({ rows: 4, new: 0, updated: 0, unchanged: 4, invalid: 0 });
    expect(count(db, 'SELECT count(*) FROM staff_roles')).toBe(4);
  });

  it('reads an xlsx roster and refuses unknown roles and grids by row and column', async () => {
    const { db } = await ws.empty();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('网格人员');
    sheet.addRow(['龙泉社区网格人员名单']);
    sheet.addRow(HEADER);
    sheet.addRow(['王五', '13900000009', '男', '否', 990101001001003, '协管员', '', '']);
    sheet.addRow(['钱六', '13900000010', '男', '否', '990101009999999', '专职网格员', '', '']);
    const file = ws.path('staff.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await importInto(db, file);
    expect(report).toMatchObject({ kind: 'staff', status: 'refused', headerRow: 2 });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '岗位'],
      [4, '网格编码'],
    ]);
    expect(count(db, 'SELECT count(*) FROM staff')).toBe(0);
  });
});
