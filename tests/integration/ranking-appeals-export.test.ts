/**
 * The published bulletin's exports list every appeal and its decision (issue 12): on a real
 * demo store October is drafted, three appeals are filed (one removal approved, one move to
 * the named community approved, one rejected whose reason looks like a formula), October is
 * published, and its xlsx (sheet 申诉及处理结果, read back with exceljs) and PDF (text read
 * back through its fonts' ToUnicode maps) carry the rows, the decisions and the effect on
 * this level. A month without appeals says 本月无申诉。 and has no sheet; a week says nothing.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ApiResult } from '../../api/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../api/context';
import type { Db } from '../../db/open';
import { openDemoApi, type DemoApi } from './demo-api';
import { pdfPageTexts, pdfText } from './pdf-text';

// Friday 20 November 2026, 14:00 in Shanghai: October is over.
const NOW = Date.UTC(2026, 10, 20, 6, 0);
let api: DemoApi;
let db: Db;
const call: DemoApi['call'] = (method, input, actor) => api.call(method, input, actor);

const LEADER: Actor = { userId: 2, name: '王主任', role: 'leader' };
const OTHER_LEADER: Actor = { userId: 3, name: '李书记', role: 'leader' };

interface Community {
  unitCode: string;
  placeCode: string;
}
let community: Community;
let neighbour: Community;
let handler: Actor;

beforeAll(() => {
  api = openDemoApi('griddesk-appeals-export-', NOW);
  db = api.db;
  const communities = db
    .prepare<[], Community>(
      `SELECT code AS unitCode, place_code AS placeCode FROM units
        WHERE kind = 'community' AND place_code IS NOT NULL ORDER BY code LIMIT 2`,
    )
    .all();
  [community, neighbour] = [communities[0]!, communities[1]!];
  handler = { userId: 9, name: '社区干部甲', role: 'handler', unitCode: community.unitCode };
});
afterAll(() => api.close());

async function workbookOf(file: ApiResult<'ranking.export'>): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    Buffer.from(file.base64, 'base64') as unknown as Parameters<typeof workbook.xlsx.load>[0],
  );
  return workbook;
}

const cellText = (row: ExcelJS.Row, column: number) => {
  const value = row.getCell(column).value;
  return value === null || value === undefined ? null : String(value);
};

describe('the October bulletin with its appeals', () => {
  let bulletinId: number;
  let names: Map<string, string>;
  let cases: { removed: string; moved: string; rejected: string };

  beforeAll(async () => {
    await call('bulletin.draft', { period: '2026-10' }, LEADER);
    const due = await call('ranking.cases', {
      period: '2026-10',
      level: 'community',
      unitCode: community.placeCode,
      figure: 'due',
    });
    expect(due.cases.length).toBeGreaterThanOrEqual(3);
    cases = {
      removed: due.cases[0]!.caseNo,
      moved: due.cases[1]!.caseNo,
      rejected: due.cases[2]!.caseNo,
    };
    const removed = await call(
      'appeals.file',
      {
        period: '2026-10',
        caseNo: cases.removed,
        unitCode: community.unitCode,
        reasonKind: 'force_majeure',
        reason: '10月强降雨，道路封闭无法处置',
      },
      handler,
    );
    const moved = await call(
      'appeals.file',
      {
        period: '2026-10',
        caseNo: cases.moved,
        unitCode: community.unitCode,
        reasonKind: 'not_responsible',
        reason: '事发地属相邻社区',
        targetUnitCode: neighbour.unitCode,
      },
      handler,
    );
    const rejected = await call(
      'appeals.file',
      {
        period: '2026-10',
        caseNo: cases.rejected,
        unitCode: community.unitCode,
        reasonKind: 'duplicate',
        // Looks like a formula: the workbook must keep it text.
        reason: '=HYPERLINK("http://x","与另一案重复")',
      },
      handler,
    );
    await call(
      'appeals.decide',
      { appealId: removed.id, decision: 'approved', note: '情况属实，予以核减' },
      LEADER,
    );
    await call(
      'appeals.decide',
      { appealId: moved.id, decision: 'approved', note: '核实属相邻社区' },
      LEADER,
    );
    await call(
      'appeals.decide',
      { appealId: rejected.id, decision: 'rejected', note: '不属于重复案件' },
      OTHER_LEADER,
    );
    bulletinId = (
      await call(
        'bulletin.publish',
        { period: '2026-10', level: 'community', closeAppealWindow: true },
        LEADER,
      )
    ).id;
    const ranking = await call('ranking.compute', { period: '2026-10', level: 'community' });
    names = new Map(ranking.rows.map((r) => [r.unitCode, r.unitName]));
  });

  it('adds the sheet 申诉及处理结果 with one row per appeal, its decision and its effect', async () => {
    const file = await call('ranking.export', {
      period: '2026-10',
      level: 'community',
      format: 'xlsx',
      bulletinId,
    });
    const workbook = await workbookOf(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '排名',
      '受理立案',
      '趋势',
      '申诉及处理结果',
      '党建引领',
      '说明',
    ]);
    const sheet = workbook.getWorksheet('申诉及处理结果')!;
    expect(sheet.getCell(3, 1).value).toBe(
      '本月共收到申诉 3 件，其中批准 2 件、驳回 1 件；经批准调整本级排名数据的 2 件，表中数据已按处理结果计算。',
    );
    const header = sheet.getRow(4);
    expect((header.values as unknown[]).slice(1)).toEqual([
      '序号',
      '案卷编号',
      '申诉单位',
      '申诉理由类别',
      '申诉理由',
      '所指责任单位',
      '处理结果',
      '审核意见',
      '审核人',
      '审核时间',
      '对本级排名的影响',
    ]);
    expect(header.font?.bold).toBe(true);
    const rows = [5, 6, 7].map((n) => sheet.getRow(n));
    expect(sheet.rowCount).toBe(7);
    const unitName = db
      .prepare<[string], string>('SELECT name FROM units WHERE code = ?')
      .pluck()
      .get(community.unitCode)!;
    const neighbourUnitName = db
      .prepare<[string], string>('SELECT name FROM units WHERE code = ?')
      .pluck()
      .get(neighbour.unitCode)!;
    const from = names.get(community.placeCode)!;
    const to = names.get(neighbour.placeCode)!;
    expect(from).toBeTruthy();
    expect(to).toBeTruthy();
    expect(rows.map((r) => [1, 2, 3, 4, 6, 7, 8, 9, 10, 11].map((c) => cellText(r, c)))).toEqual([
      [
        '1',
        cases.removed,
        unitName,
        '不可抗力',
        null,
        '已批准',
        '情况属实，予以核减',
        '王主任',
        '2026-11-20 14:00',
        `从${from}核减`,
      ],
      [
        '2',
        cases.moved,
        unitName,
        '非本单位职责',
        neighbourUnitName,
        '已批准',
        '核实属相邻社区',
        '王主任',
        '2026-11-20 14:00',
        `由${from}移至${to}`,
      ],
      [
        '3',
        cases.rejected,
        unitName,
        '重复案件',
        null,
        '已驳回',
        '不属于重复案件',
        '李书记',
        '2026-11-20 14:00',
        '无',
      ],
    ]);
    expect(rows[0]!.getCell(5).value).toBe('10月强降雨，道路封闭无法处置');
    // The formula-looking reason stays a text cell (Text format; no formula).
    const formulaLike = rows[2]!.getCell(5);
    expect(formulaLike.value).toBe('=HYPERLINK("http://x","与另一案重复")');
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.numFmt).toBe('@');
  });

  it('prints 申诉及处理结果 before the notes, with the same facts', async () => {
    const file = await call('ranking.export', {
      period: '2026-10',
      level: 'community',
      format: 'pdf',
      bulletinId,
    });
    const bytes = Buffer.from(file.base64, 'base64');
    // GRIDDESK_KEEP_PDF=<file> keeps the bulletin to look at (pdftoppm -png -r 60 <file> out).
    if (process.env.GRIDDESK_KEEP_PDF) fs.writeFileSync(process.env.GRIDDESK_KEEP_PDF, bytes);
    const text = pdfText(bytes);
    const lines = text.split('\n');
    const section = lines.indexOf('五、申诉及处理结果');
    expect(section).toBeGreaterThan(lines.indexOf('四、近 12 个月趋势'));
    // The bulletin's 党建引领 section follows the appeals, then the notes.
    expect(lines.indexOf('六、党建引领工作情况')).toBeGreaterThan(section);
    expect(lines.indexOf('七、说明')).toBeGreaterThan(lines.indexOf('六、党建引领工作情况'));
    const body = lines.slice(section, lines.indexOf('六、党建引领工作情况')).join('\n');
    expect(body).toContain('本月共收到申诉 3 件，其中批准 2 件、驳回 1 件');
    expect(body).toMatch(/表\d+ {2}2026年10月申诉及处理结果/);
    for (const word of [
      cases.removed,
      cases.moved,
      cases.rejected,
      '不可抗力',
      '非本单位职责',
      '重复案件',
      '已批准',
      '已驳回',
      '王主任',
      '李书记',
      '2026-11-20 14:00',
      `从${names.get(community.placeCode)}核减`,
      `由${names.get(community.placeCode)}移至${names.get(neighbour.placeCode)}`,
      '情况属实，予以核减',
      '不属于重复案件',
    ]) {
      expect(body).toContain(word);
    }
    // The rows' effect cells, in order.
    expect(body.split('\n').filter((l) => /^(从\S+核减|由\S+移至\S+|无)$/.test(l))).toEqual([
      `从${names.get(community.placeCode)}核减`,
      `由${names.get(community.placeCode)}移至${names.get(neighbour.placeCode)}`,
      '无',
    ]);
    expect(text).not.toContain('本月无申诉。');
  });
});

describe('a bulletin without appeals, and a week', () => {
  it('exports September without the sheet, and its PDF says 本月无申诉。', async () => {
    const bulletin = await call(
      'bulletin.publish',
      { period: '2026-09', level: 'community' },
      LEADER,
    );
    const xlsx = await call('ranking.export', {
      period: '2026-09',
      level: 'community',
      format: 'xlsx',
      bulletinId: bulletin.id,
    });
    expect((await workbookOf(xlsx)).worksheets.map((s) => s.name)).toEqual([
      '排名',
      '受理立案',
      '趋势',
      '党建引领',
      '说明',
    ]);
    const pdf = await call('ranking.export', {
      period: '2026-09',
      level: 'community',
      format: 'pdf',
      bulletinId: bulletin.id,
    });
    const lines = pdfText(Buffer.from(pdf.base64, 'base64')).split('\n');
    const section = lines.indexOf('五、申诉及处理结果');
    expect(section).toBeGreaterThan(0);
    expect(lines[section + 1]).toBe('本月无申诉。');
    expect(lines.indexOf('六、党建引领工作情况')).toBe(section + 2);
  });

  it('prints nothing about appeals for a week', async () => {
    const pdf = await call('ranking.export', {
      period: '2026-W45',
      level: 'community',
      format: 'pdf',
    });
    const pages = pdfPageTexts(Buffer.from(pdf.base64, 'base64'));
    const text = pages.map((p) => p.join('\n')).join('\n');
    expect(text).toContain('五、党建引领工作情况');
    expect(text).toContain('六、说明');
    expect(text).not.toContain('申诉');
    const xlsx = await call('ranking.export', {
      period: '2026-W45',
      level: 'community',
      format: 'xlsx',
    });
    expect((await workbookOf(xlsx)).worksheets.map((s) => s.name)).not.toContain('申诉及处理结果');
  });
});
