/**
 * The board's reads on a real demo file: columns and counts agree with the overview, the
 * filters and the search (FTS5 trigram, and the LIKE path for 1–2 characters), the overdue
 * alarm's query, duplicates within 50 m / 24 h, attachments, masking, sessions, calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../core/time';
import path from 'node:path';
import { formatExchangeDateTime } from '../../core/exchange/date-time';
import { aGrid, openCaseDesk, signInDesk, type CaseDesk } from './cases-fixture';
import { writeCsv } from './exchange-fixture';

let desk: CaseDesk;
let tokens: Awaited<ReturnType<typeof signInDesk>>;

beforeAll(async () => {
  desk = openCaseDesk('griddesk-board-');
  tokens = await signInDesk(desk);
});
afterAll(() => desk.close());

const count = (sql: string, ...params: unknown[]) =>
  desk.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('the board', () => {
  it('has a column per open state whose totals match the table, sorted by due time', async () => {
    const board = await desk.call(null, 'cases.board', { perColumn: 20 });
    expect(board.columns.map((c) => c.state)).toEqual([
      'reported',
      'registered',
      'dispatched',
      'in_progress',
      'handled',
      'suspended',
    ]);
    for (const column of board.columns) {
      expect(column.total, column.state).toBe(
        count('SELECT count(*) FROM cases WHERE state = ?', column.state),
      );
      const dues = column.rows.map((r) => r.dueAt ?? r.acceptDueAt!);
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
    }
    const overview = await desk.call(null, 'overview.counts', {});
    const overdue = await desk.call(null, 'cases.list', {
      filters: { overdueOnly: true },
      limit: 1,
    });
    expect(overdue.total).toBe(overview.overdue);
    const nearDue = await desk.call(null, 'cases.list', {
      filters: { nearDueOnly: true },
      limit: 1,
    });
    expect(nearDue.total).toBe(overview.nearDue);
  });

  it('filters by community, grid, category, source, unit and urgency', async () => {
    const some = desk.db
      .prepare(
        "SELECT community_code AS c, grid_code AS g, category_code AS cat, source, lead_unit_code AS u, urgency FROM cases WHERE state = 'in_progress' LIMIT 1",
      )
      .get() as { c: string; g: string; cat: string; source: string; u: string; urgency: string };
    const page = await desk.call(null, 'cases.list', {
      filters: {
        communityCode: some.c,
        gridCode: some.g,
        categoryCode: some.cat,
        source: some.source as never,
        unitCode: some.u,
        urgency: some.urgency as never,
      },
    });
    expect(page.total).toBe(
      count(
        `SELECT count(*) FROM cases WHERE state IN ('reported','registered','dispatched','in_progress','handled','suspended')
           AND community_code = ? AND grid_code = ? AND category_code = ? AND source = ? AND lead_unit_code = ? AND urgency = ?`,
        some.c,
        some.g,
        some.cat,
        some.source,
        some.u,
        some.urgency,
      ),
    );
    expect(page.total).toBeGreaterThan(0);
    await expect(
      desk.call(null, 'cases.list', { filters: { categoryCode: 'X12' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      where: 'filters.categoryCode',
    });
  });

  it('counts the open cases of a community exactly, however few are on the page', async () => {
    const community = desk.db
      .prepare(
        "SELECT community_code FROM cases WHERE state IN ('in_progress','suspended') GROUP BY community_code ORDER BY count(*) DESC LIMIT 1",
      )
      .pluck()
      .get() as string;
    const page = await desk.call(null, 'cases.list', {
      filters: { communityCode: community },
      limit: 1,
    });
    expect(page.rows).toHaveLength(1);
    expect(page.totalCapped).toBe(false);
    expect(page.total).toBe(
      count(
        "SELECT count(*) FROM cases WHERE community_code = ? AND state IN ('reported','registered','dispatched','in_progress','handled','suspended')",
        community,
      ),
    );
    expect(page.total).toBeGreaterThan(1);
  });

  it('pages through a column without gaps or repeats', async () => {
    const all = await desk.call(null, 'cases.list', {
      states: ['closed'],
      sort: 'closed_desc',
      limit: 500,
    });
    const first = await desk.call(null, 'cases.list', {
      states: ['closed'],
      sort: 'closed_desc',
      limit: 50,
    });
    const second = await desk.call(null, 'cases.list', {
      states: ['closed'],
      sort: 'closed_desc',
      offset: 50,
      limit: 50,
    });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(
      all.rows.slice(0, 100).map((r) => r.id),
    );
  });
});

describe('search', () => {
  it('finds Chinese substrings of 3+ characters through FTS, and 1–2 characters by LIKE', async () => {
    const sample = desk.db
      .prepare("SELECT case_no, address FROM cases WHERE state = 'closed' ORDER BY id DESC LIMIT 1")
      .get() as { case_no: string; address: string };
    const byNumber = await desk.call(null, 'cases.list', {
      states: ['closed'],
      filters: { q: sample.case_no.slice(-9) },
    });
    expect(byNumber.rows.map((r) => r.caseNo)).toContain(sample.case_no);
    const fts = await desk.call(null, 'cases.list', {
      states: ['closed', 'voided', 'in_progress'],
      filters: { q: '暴露垃圾' },
      limit: 500,
    });
    expect(fts.total).toBe(
      count(
        "SELECT count(*) FROM cases WHERE state IN ('closed','voided','in_progress') AND (description LIKE '%暴露垃圾%' OR address LIKE '%暴露垃圾%')",
      ),
    );
    expect(fts.total).toBeGreaterThan(0);
    const short = await desk.call(null, 'cases.list', { filters: { q: '井盖' }, limit: 500 });
    expect(short.total).toBe(
      count(
        "SELECT count(*) FROM cases WHERE state IN ('reported','registered','dispatched','in_progress','handled','suspended') AND (description LIKE '%井盖%' OR address LIKE '%井盖%' OR case_no LIKE '%井盖%')",
      ),
    );
    // Two words narrow: both must appear.
    const both = await desk.call(null, 'cases.list', {
      states: ['closed'],
      filters: { q: '暴露垃圾 1号楼' },
      limit: 500,
    });
    for (const row of both.rows) expect(row.address).toContain('1号楼');
  });

  it('keeps the index in step when a case is written or edited directly (imports, demo)', async () => {
    const id = desk.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').pluck().get() as number;
    desk.db.prepare('UPDATE cases SET address = ? WHERE id = ?').run('青云胡同甲十七号院', id);
    const found = await desk.call(null, 'cases.list', {
      states: [
        'closed',
        'voided',
        'reported',
        'registered',
        'dispatched',
        'in_progress',
        'handled',
        'suspended',
      ],
      filters: { q: '青云胡同甲' },
    });
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    expect(count('SELECT count(*) FROM cases_fts WHERE cases_fts MATCH \'"幸福路"\'')).toBe(
      count(
        "SELECT count(*) FROM cases WHERE address LIKE '%幸福路%' OR description LIKE '%幸福路%'",
      ),
    );
  });
});

describe('the overdue alarm', () => {
  it('lists the cases whose deadline passed since the last look, once', async () => {
    const grid = aGrid(desk.db);
    const created = await desk.call(tokens.zhang, 'cases.create', {
      source: 'city_platform',
      categoryCode: 'E0102',
      description: '限时案件',
      placeCode: grid.code,
      cityDeadlineHours: 1,
    });
    const due = (await desk.call(null, 'cases.get', { id: created.id })).dueAt!;
    expect(due).toBe(desk.clock.now + HOUR_MS);
    const since = desk.clock.now;
    desk.clock.now = due + MINUTE_MS;
    const first = await desk.call(null, 'cases.newlyOverdue', { since });
    expect(first.cases.map((c) => c.id)).toContain(created.id);
    const again = await desk.call(null, 'cases.newlyOverdue', { since: first.asOf });
    expect(again.cases.map((c) => c.id)).not.toContain(created.id);
  });

  it('rings for an open case that an import brought in already overdue', async () => {
    const grid = aGrid(desk.db);
    const since = desk.clock.now;
    desk.clock.now += 10 * MINUTE_MS;
    // Reported two days ago with a 24-hour city deadline: overdue before the board's last look.
    const reported = formatExchangeDateTime(since - 48 * HOUR_MS);
    const file = writeCsv(
      path.join(desk.dir, 'late.csv'),
      [
        ['案卷编号', '问题来源', '问题类型', '大类代码', '小类代码', '问题描述', '单元网格编码'],
        ['E0505LATE0001', '市级平台派发', '事件', '05', '05', '市平台转来的超期案件', grid.code],
      ].map((row, i) =>
        i === 0
          ? [...row, '当前状态', '上报时间', '立案时间', '派遣时间', '处置时限(小时)', '处置部门']
          : [...row, '已派遣', reported, reported, reported, 24, '城管执法中队'],
      ),
    );
    const job = await desk.call(tokens.admin, 'exchange.import.start', {
      path: file,
      skipInvalid: false,
    });
    let status = job;
    for (let i = 0; i < 200 && status.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      status = await desk.call(tokens.admin, 'exchange.jobStatus', { jobId: job.jobId });
    }
    expect(status.report?.errors ?? []).toEqual([]);
    expect(status.state).toBe('done');
    const imported = desk.db
      .prepare("SELECT id, due_at FROM cases WHERE case_no = 'E0505LATE0001'")
      .get() as { id: number; due_at: number };
    expect(imported.due_at).toBeLessThan(since);

    const look = await desk.call(null, 'cases.newlyOverdue', { since });
    expect(look.cases.map((c) => c.id)).toContain(imported.id);
    // Once the import is older than the last look, it is no longer news.
    desk.clock.now += MINUTE_MS;
    const later = await desk.call(null, 'cases.newlyOverdue', { since: look.asOf + 30_000 });
    expect(later.cases.map((c) => c.id)).not.toContain(imported.id);
  });
});
