/**
 * The weekly dispatch agenda on hand-made cases: overdue by age at the right instant,
 * escalated and supervised cases, last week's figures, and dispatch items that carry over
 * until done and turn overdue after their due day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { COMMUNITY_A, COMMUNITY_B, insertCase, insertPlaces, sh } from './ranking-fixture';

// Thursday 19 November 2026, 10:00 Shanghai: ISO week 2026-W47.
let now = sh(2026, 11, 19, 10);
let dir: string;
let db: Db;

function call<M extends MethodName>(method: M, input: ApiInput<M>) {
  const context: ApiContext = {
    db,
    now: () => now,
    appVersion: 'test',
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'cli',
  };
  return invoke(context, method, input) as Promise<ApiResult<M>>;
}

let ids: Record<string, number>;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-weekly-'));
  db = openOrCreateDatabase(path.join(dir, 'weekly.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: false,
  }).db;
  insertPlaces(db);
  ids = {
    // overdue 10 days, escalated
    old: insertCase(db, { community: COMMUNITY_A, due: sh(2026, 11, 9, 10), escalated: true }),
    // overdue 2 days, supervised
    twoDays: insertCase(db, { community: COMMUNITY_A, due: sh(2026, 11, 17, 9), supervised: true }),
    // overdue 1 hour
    hour: insertCase(db, { community: COMMUNITY_B, due: sh(2026, 11, 19, 9) }),
    // not yet due
    future: insertCase(db, { community: COMMUNITY_B, due: sh(2026, 11, 20, 9) }),
    // suspended: its clock stopped, not overdue
    parked: insertCase(db, { community: COMMUNITY_B, due: sh(2026, 11, 1), state: 'suspended' }),
    // closed late yesterday: overdue during last week, not now
    closedLate: insertCase(db, {
      community: COMMUNITY_B,
      due: sh(2026, 11, 12),
      closed: sh(2026, 11, 18),
    }),
    // last week's figures: A closes one on time, B one late
    lastWeekA: insertCase(db, {
      community: COMMUNITY_A,
      due: sh(2026, 11, 12),
      closed: sh(2026, 11, 11),
    }),
  };
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the weekly agenda', () => {
  it('groups overdue open cases by age as of now, and lists escalated and supervised ones', async () => {
    const agenda = await call('weekly.agenda', { week: '2026-W47' });
    expect(agenda.figuresWeek.key).toBe('2026-W46');
    expect(agenda.comparedWeek.key).toBe('2026-W45');
    expect(agenda.asOf).toBe(now);
    const groups = Object.fromEntries(
      agenda.overdue.groups.map((g) => [g.group, g.cases.map((c) => c.id)]),
    );
    expect(groups).toEqual({
      over7d: [ids.old],
      from3to7d: [],
      from1to3d: [ids.twoDays],
      under1d: [ids.hour],
    });
    expect(agenda.overdue.total).toBe(3);
    expect(agenda.escalated.map((c) => c.id)).toEqual([ids.old]);
    expect(agenda.supervised.map((c) => c.id)).toEqual([ids.twoDays]);
  });

  it("measures a past week's agenda at that week's end", async () => {
    const agenda = await call('weekly.agenda', { week: '2026-W46' });
    // Sunday 15 Nov 24:00: the late case (closed on the 18th) was open and 3+ days overdue then.
    expect(agenda.asOf).toBe(sh(2026, 11, 16));
    const all = agenda.overdue.groups.flatMap((g) => g.cases.map((c) => c.id));
    expect(all).toContain(ids.closedLate);
    expect(all).not.toContain(ids.hour);
  });

  it("shows last week's community figures with the tiers and the change against the week before", async () => {
    const agenda = await call('weekly.agenda', { week: '2026-W47' });
    const a = agenda.figures.find((r) => r.unitCode === COMMUNITY_A)!;
    // W46 for A: due = lastWeekA (closed on time on the 11th) + old (due 9 Nov, open) = 2
    expect(a.counts).toMatchObject({ due: 2, closed: 1, onTime: 1 });
    const b = agenda.figures.find((r) => r.unitCode === COMMUNITY_B)!;
    expect(b.counts).toMatchObject({ due: 1, closed: 0 });
    expect(b.tier).toBe('red');
  });

  it('carries dispatch items over until done, flags overdue ones, and refuses unknown units and cases', async () => {
    const units = await call('weekly.units', {});
    const lead = units.find((u) => u.kind === 'department')!;
    const caseNo = db
      .prepare('SELECT case_no FROM cases WHERE id = ?')
      .pluck()
      .get(ids.old) as string;
    const item = await call('weekly.items.create', {
      week: '2026-W46',
      title: '督促超期案件办结',
      leadUnitCode: lead.code,
      assistUnitCodes: [units[2]!.code],
      owner: '张科长',
      dueDay: '2026-11-18',
      caseNos: [caseNo],
    });
    expect(item).toMatchObject({
      week: '2026-W46',
      status: 'overdue',
      cases: [{ id: ids.old, caseNo }],
    });
    const onTime = await call('weekly.items.create', {
      week: '2026-W46',
      title: '排查井盖',
      leadUnitCode: lead.code,
      owner: '李科长',
      dueDay: '2026-11-19',
    });
    expect(onTime.status).toBe('open');

    let agenda = await call('weekly.agenda', { week: '2026-W47' });
    expect(agenda.carriedItems.map((i) => [i.id, i.status])).toEqual([
      [item.id, 'overdue'],
      [onTime.id, 'open'],
    ]);
    await call('weekly.items.update', { id: item.id, status: 'done', progressNote: '已全部办结' });
    agenda = await call('weekly.agenda', { week: '2026-W47' });
    expect(agenda.carriedItems.find((i) => i.id === item.id)).toMatchObject({
      status: 'done',
      progressNote: '已全部办结',
    });
    // Done before the week before W49 began: no longer on W49's agenda; the open one still is.
    now = sh(2026, 12, 3, 10);
    agenda = await call('weekly.agenda', { week: '2026-W49' });
    expect(agenda.carriedItems.map((i) => i.id)).toEqual([onTime.id]);
    expect(agenda.carriedItems[0]!.status).toBe('overdue');
    now = sh(2026, 11, 19, 10);

    await expect(
      call('weekly.items.create', {
        week: '2026-W47',
        title: 'x',
        leadUnitCode: 'NOPE',
        owner: 'a',
        dueDay: '2026-11-30',
      }),
    ).rejects.toMatchObject({ code: 'unknown_unit', where: 'leadUnitCode' });
    await expect(
      call('weekly.items.create', {
        week: '2026-W47',
        title: 'x',
        leadUnitCode: lead.code,
        owner: 'a',
        dueDay: '2026-11-30',
        caseNos: ['NO-SUCH'],
      }),
    ).rejects.toMatchObject({ code: 'unknown_case', where: 'caseNos' });
  });

  it('records the meeting and writes the minutes as PDF and xlsx', async () => {
    await call('weekly.meeting.save', {
      week: '2026-W47',
      heldAt: now,
      chair: '王书记',
      attendees: '各社区书记',
      notes: '超期案件本周清零。',
    });
    const agenda = await call('weekly.agenda', { week: '2026-W47' });
    expect(agenda.meeting).toMatchObject({ chair: '王书记', notes: '超期案件本周清零。' });
    const pdf = await call('weekly.minutes.export', { week: '2026-W47', format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await call('weekly.minutes.export', { week: '2026-W47', format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.fileName).toBe('2026-W47-周调度会议纪要.xlsx');
  });
});
