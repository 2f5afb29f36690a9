/**
 * Appeals before a bulletin (申诉) on a real demo store: a draft opens the window, a unit's
 * user files on one of its cases, a leader decides; an approval moves the month's figures,
 * a rejection does not; the published bulletin lists every appeal and its decision; the
 * drill-down shows the removed case and why. Roles and the append-only rows are enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../api/context';
import type { ApiResult } from '../../api/contract';
import { requireBulletin } from '../../api/ranking/bulletins';
import type { Db } from '../../db/open';
import { openDemoApi, type DemoApi } from './demo-api';

// Friday 20 November 2026, 14:00 in Shanghai: October is over.
const NOW = Date.UTC(2026, 10, 20, 6, 0);
let api: DemoApi;
let db: Db;
const call: DemoApi['call'] = (method, input, actor) => api.call(method, input, actor);

const LEADER: Actor = { userId: 2, name: '王主任', role: 'leader' };
const OTHER_LEADER: Actor = { userId: 3, name: '李书记', role: 'leader' };
const OPERATOR: Actor = { userId: 4, name: '张敏', role: 'operator' };

/** The community unit with the most October cases, its place code, and two of its counted cases. */
function pickCommunity() {
  const row = db
    .prepare<[], { unitCode: string; placeCode: string; name: string }>(
      `SELECT u.code AS unitCode, u.place_code AS placeCode, u.name FROM units u
        WHERE u.kind = 'community' AND u.place_code IS NOT NULL ORDER BY u.code LIMIT 1`,
    )
    .get()!;
  return row;
}

let community: { unitCode: string; placeCode: string; name: string };
let handler: Actor;
let otherCommunity: { unitCode: string; placeCode: string };

beforeAll(() => {
  api = openDemoApi('griddesk-appeals-', NOW);
  db = api.db;
  community = pickCommunity();
  otherCommunity = db
    .prepare<[string], { unitCode: string; placeCode: string }>(
      `SELECT code AS unitCode, place_code AS placeCode FROM units
        WHERE kind = 'community' AND place_code IS NOT NULL AND code <> ? ORDER BY code LIMIT 1`,
    )
    .get(community.unitCode)!;
  handler = { userId: 9, name: '社区干部甲', role: 'handler', unitCode: community.unitCode };
});
afterAll(() => api.close());

const rowOf = (ranking: ApiResult<'ranking.compute'>, unit: string) =>
  ranking.rows.find((r) => r.unitCode === unit)!;

async function countedCases(figure: 'due' | 'onTime') {
  const drill = await call('ranking.cases', {
    period: '2026-10',
    level: 'community',
    unitCode: community.placeCode,
    figure,
  });
  return drill.cases;
}

describe('appeals before the October bulletin', () => {
  it('refuses an appeal before any draft, in a sentence', async () => {
    const [first] = await countedCases('due');
    await expect(
      call(
        'appeals.file',
        {
          period: '2026-10',
          caseNo: first!.caseNo,
          unitCode: community.unitCode,
          reasonKind: 'force_majeure',
          reason: '台风',
        },
        handler,
      ),
    ).rejects.toMatchObject({ code: 'no_draft' });
  });

  it('lets only leaders draft; a draft opens a 3-working-day window', async () => {
    await expect(call('bulletin.draft', { period: '2026-10' }, OPERATOR)).rejects.toMatchObject({
      code: 'role_not_allowed',
    });
    const drafts = await call('bulletin.draft', { period: '2026-10' }, LEADER);
    expect(drafts.map((d) => d.level).sort()).toEqual(['community', 'grid', 'unit']);
    const list = await call('appeals.list', { period: '2026-10' }, LEADER);
    // Friday 14:00 + 3 working days → Wednesday 25 November 14:00.
    expect(list.window).toEqual({
      opensAt: NOW,
      closesAt: Date.UTC(2026, 10, 25, 6, 0),
      open: true,
    });
  });

  it('files, decides and moves the figures: approval removes the case, rejection changes nothing', async () => {
    const before = await call('ranking.compute', { period: '2026-10', level: 'community' });
    const beforeRow = rowOf(before, community.placeCode);
    const onTime = await countedCases('onTime');
    const due = await countedCases('due');
    const late = due.find((c) => !onTime.some((o) => o.id === c.id))!;
    const other = onTime[0]!;
    expect(late).toBeTruthy();

    // A handler of another unit cannot appeal for this one; an operator cannot appeal at all.
    await expect(
      call(
        'appeals.file',
        {
          period: '2026-10',
          caseNo: late.caseNo,
          unitCode: community.unitCode,
          reasonKind: 'force_majeure',
          reason: '台风',
        },
        { ...handler, unitCode: otherCommunity.unitCode },
      ),
    ).rejects.toMatchObject({ code: 'not_your_unit', where: 'unitCode' });
    await expect(
      call(
        'appeals.file',
        {
          period: '2026-10',
          caseNo: late.caseNo,
          unitCode: community.unitCode,
          reasonKind: 'force_majeure',
          reason: '台风',
        },
        OPERATOR,
      ),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });
    // 非本单位职责 must name the right unit.
    await expect(
      call(
        'appeals.file',
        {
          period: '2026-10',
          caseNo: late.caseNo,
          unitCode: community.unitCode,
          reasonKind: 'not_responsible',
          reason: '该路段属相邻社区',
        },
        handler,
      ),
    ).rejects.toMatchObject({ code: 'target_needed', where: 'targetUnitCode' });

    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const removed = await call(
      'appeals.file',
      {
        period: '2026-10',
        caseNo: late.caseNo,
        unitCode: community.unitCode,
        reasonKind: 'force_majeure',
        reason: '10月强降雨，道路封闭无法处置',
        attachments: [
          {
            fileName: '封路通知.png',
            mimeType: 'image/png',
            contentBase64: png.toString('base64'),
          },
        ],
      },
      handler,
    );
    expect(removed).toMatchObject({ status: 'pending', attachments: 1, filedBy: '社区干部甲' });
    const kept = await call(
      'appeals.file',
      {
        period: '2026-10',
        caseNo: other.caseNo,
        unitCode: community.unitCode,
        reasonKind: 'duplicate',
        reason: '与另一案重复',
      },
      handler,
    );
    // The same case twice in a month is refused by name.
    await expect(
      call(
        'appeals.file',
        {
          period: '2026-10',
          caseNo: late.caseNo,
          unitCode: community.unitCode,
          reasonKind: 'other',
          reason: '再次申诉',
        },
        handler,
      ),
    ).rejects.toMatchObject({ code: 'appeal_exists', where: 'caseNo' });

    // Undecided appeals block publishing.
    await expect(
      call('bulletin.publish', { period: '2026-10', level: 'community' }, LEADER),
    ).rejects.toMatchObject({ code: 'appeals_pending' });
    // Only leaders decide, with a note.
    await expect(
      call('appeals.decide', { appealId: removed.id, decision: 'approved', note: '属实' }, handler),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });
    await call(
      'appeals.decide',
      { appealId: removed.id, decision: 'approved', note: '情况属实，予以核减' },
      LEADER,
    );
    await call(
      'appeals.decide',
      { appealId: kept.id, decision: 'rejected', note: '不属于重复案件' },
      OTHER_LEADER,
    );
    await expect(
      call('appeals.decide', { appealId: kept.id, decision: 'approved', note: '改判' }, LEADER),
    ).rejects.toMatchObject({ code: 'appeal_decided' });

    const after = await call('ranking.compute', { period: '2026-10', level: 'community' });
    const afterRow = rowOf(after, community.placeCode);
    // The approved appeal took one late case out: one fewer due, the same on-time count.
    expect(afterRow.counts.due).toBe(beforeRow.counts.due - 1);
    expect(afterRow.counts.onTime).toBe(beforeRow.counts.onTime);
    expect(afterRow.rates.onTimeRate!).toBeGreaterThan(beforeRow.rates.onTimeRate!);
    expect(after.inputsSha256).not.toBe(before.inputsSha256);
    // The trend's October point is the corrected score too.
    const trend = await call('ranking.trend', { period: '2026-10', level: 'community', count: 12 });
    const series = trend.series.find((x) => x.unitCode === community.placeCode)!;
    expect(series.scores.at(-1)).toBe(afterRow.score);
    expect(afterRow.score).not.toBe(beforeRow.score);
    // Other months and the week are untouched.
    const september = await call('ranking.compute', { period: '2026-09', level: 'community' });
    expect(september.rows).toEqual(
      (await call('ranking.compute', { period: '2026-09', level: 'community' })).rows,
    );

    // The October draft the units were sent keeps its figures; its export says what it is.
    const list = await call('appeals.list', { period: '2026-10' });
    const draft = list.drafts.find((d) => d.level === 'community')!;
    const frozenDraft = await call('ranking.compute', {
      period: '2026-10',
      level: 'community',
      draftId: draft.id,
    });
    expect(frozenDraft.rows).toEqual(before.rows);
    expect(frozenDraft.draft).toMatchObject({ id: draft.id, version: 1 });
    const draftDrill = await call('ranking.cases', {
      period: '2026-10',
      level: 'community',
      unitCode: community.placeCode,
      figure: 'due',
      draftId: draft.id,
    });
    expect(draftDrill.cases.some((c) => c.id === late.id)).toBe(true);
    const draftFile = await call('ranking.export', {
      period: '2026-10',
      level: 'community',
      format: 'xlsx',
      draftId: draft.id,
    });
    expect(draftFile.fileName).toBe('2026-10-社区排名-征求意见稿第1版.xlsx');
    await expect(
      call('ranking.cases', {
        period: '2026-10',
        level: 'grid',
        unitCode: community.placeCode,
        figure: 'due',
        draftId: draft.id,
      }),
    ).rejects.toMatchObject({ code: 'draft_mismatch' });

    // The drill-down no longer lists the case, and says why it left.
    const drill = await call('ranking.cases', {
      period: '2026-10',
      level: 'community',
      unitCode: community.placeCode,
      figure: 'due',
    });
    expect(drill.cases.some((c) => c.id === late.id)).toBe(false);
    expect(drill.appealed).toEqual([
      expect.objectContaining({
        appealId: removed.id,
        caseNo: late.caseNo,
        effect: 'removed',
        reasonKind: 'force_majeure',
        decisionNote: '情况属实，予以核减',
      }),
    ]);

    // The SQL count with the correction equals core counting every fact from scratch.
    // The window is still open: publishing now takes the units' days, so only when said so.
    await expect(
      call('bulletin.publish', { period: '2026-10', level: 'community' }, LEADER),
    ).rejects.toMatchObject({ code: 'appeal_window_open', where: 'closeAppealWindow' });
    const core = await call(
      'bulletin.publish',
      { period: '2026-10', level: 'community', closeAppealWindow: true },
      LEADER,
    );
    const frozen = requireBulletin(db, core.id).figures;
    expect(frozen.rows).toEqual(after.rows);
    expect(frozen.appeals).toEqual([
      expect.objectContaining({
        id: removed.id,
        status: 'approved',
        applied: { fromUnit: community.placeCode, toUnit: null },
      }),
      expect.objectContaining({
        id: kept.id,
        status: 'rejected',
        applied: null,
        decisionNote: '不属于重复案件',
      }),
    ]);

    // After publication the month takes no more appeals.
    await expect(
      call(
        'appeals.file',
        {
          period: '2026-10',
          caseNo: other.caseNo,
          unitCode: community.unitCode,
          reasonKind: 'other',
          reason: '补充',
        },
        { ...SYSTEM_ACTOR },
      ),
    ).rejects.toMatchObject({ code: 'bulletin_already_published' });
  });

  it('shows a wall display no reasons, and another unit no evidence', async () => {
    const anonymous: Actor = { userId: null, name: '未登录', role: 'anonymous' };
    const wall = await call('appeals.list', { period: '2026-10' }, anonymous);
    expect(wall.appeals.length).toBeGreaterThan(0);
    for (const a of wall.appeals)
      expect(a).toMatchObject({ reason: '', decisionNote: null, filedBy: '' });
    const full = await call('appeals.list', { period: '2026-10' }, LEADER);
    expect(full.appeals[0]!.reason).not.toBe('');
    const id = full.appeals[0]!.id;
    await expect(
      call('appeals.get', { appealId: id }, { ...handler, unitCode: otherCommunity.unitCode }),
    ).rejects.toMatchObject({ code: 'not_your_unit' });
    expect((await call('appeals.get', { appealId: id }, handler)).attachments).toHaveLength(1);
  });

  it('keeps appeals append-only: the database refuses UPDATE, DELETE and REPLACE', () => {
    expect(() => db.prepare("UPDATE appeals SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM appeal_events').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `REPLACE INTO appeal_events (id, appeal_id, kind, note, actor, at)
           SELECT id, appeal_id, 'approved', 'x', 'x', 0 FROM appeal_events LIMIT 1`,
        )
        .run(),
    ).toThrow(/append-only/);
  });
});

describe('a move to the responsible unit', () => {
  it('moves a case from one community to the named one in the month’s figures', async () => {
    api.clock.now = NOW;
    const september = '2026-09';
    await call('bulletin.draft', { period: september }, LEADER);
    const before = await call('ranking.compute', { period: september, level: 'community' });
    const drill = await call('ranking.cases', {
      period: september,
      level: 'community',
      unitCode: community.placeCode,
      figure: 'due',
    });
    const target = db
      .prepare<[string], string>(
        "SELECT code FROM units WHERE kind = 'community' AND place_code = ?",
      )
      .pluck()
      .get(otherCommunity.placeCode)!;
    const appeal = await call(
      'appeals.file',
      {
        period: september,
        caseNo: drill.cases[0]!.caseNo,
        unitCode: community.unitCode,
        reasonKind: 'not_responsible',
        reason: '事发地属相邻社区',
        targetUnitCode: target,
      },
      handler,
    );
    await call(
      'appeals.decide',
      { appealId: appeal.id, decision: 'approved', note: '核实属相邻社区' },
      LEADER,
    );
    const after = await call('ranking.compute', { period: september, level: 'community' });
    expect(rowOf(after, community.placeCode).counts.due).toBe(
      rowOf(before, community.placeCode).counts.due - 1,
    );
    expect(rowOf(after, otherCommunity.placeCode).counts.due).toBe(
      rowOf(before, otherCommunity.placeCode).counts.due + 1,
    );
    const received = await call('ranking.cases', {
      period: september,
      level: 'community',
      unitCode: otherCommunity.placeCode,
      figure: 'due',
    });
    expect(received.cases.some((c) => c.caseNo === drill.cases[0]!.caseNo)).toBe(true);
    expect(received.appealed).toEqual([
      expect.objectContaining({ effect: 'moved_in', otherUnit: community.placeCode }),
    ]);
  });

  it('refuses an approval that would change nothing: the case left the unit since the filing', async () => {
    const drill = await call('ranking.cases', {
      period: '2026-09',
      level: 'community',
      unitCode: community.placeCode,
      figure: 'due',
    });
    const target = drill.cases.at(-1)!;
    const appeal = await call(
      'appeals.file',
      {
        period: '2026-09',
        caseNo: target.caseNo,
        unitCode: community.unitCode,
        reasonKind: 'other',
        reason: '已移交',
      },
      handler,
    );
    // The case moves to another community and another lead unit (a reassignment).
    db.prepare(
      'UPDATE cases SET community_code = ?, grid_code = NULL, lead_unit_code = NULL WHERE id = ?',
    ).run(otherCommunity.placeCode, target.id);
    await expect(
      call('appeals.decide', { appealId: appeal.id, decision: 'approved', note: '同意' }, LEADER),
    ).rejects.toMatchObject({ code: 'appeal_no_effect' });
    await call(
      'appeals.decide',
      { appealId: appeal.id, decision: 'rejected', note: '案卷已移交' },
      LEADER,
    );
  });

  it('closes the window after its deadline', async () => {
    api.clock.now = Date.UTC(2026, 10, 26, 6, 0); // Thursday 26 November, past Wednesday's deadline
    await expect(
      call(
        'appeals.file',
        {
          period: '2026-09',
          caseNo: 'X',
          unitCode: community.unitCode,
          reasonKind: 'other',
          reason: '迟到',
        },
        handler,
      ),
    ).rejects.toMatchObject({ code: 'appeal_window_closed' });
    api.clock.now = NOW;
  });
});
