/** The small wishes' steps and clocks, and the projects' states (core/party). */
import { describe, expect, it } from 'vitest';
import {
  checkWishClockSettings,
  wishClockStatus,
  wishDueAt,
  wishMovesFrom,
  wishMoveTarget,
} from '../../core/party/wish-clock';
import { formatYuan, isProjectOverdue, moveProject } from '../../core/party/project-state';
import { DAY_MS } from '../../core/time';

const published = Date.UTC(2026, 10, 2, 2, 0); // 2026-11-02 10:00 Shanghai

describe('small wishes', () => {
  it('moves published → claimed → fulfilled → confirmed, and withdraws only before fulfilment', () => {
    expect(wishMoveTarget('published', 'claim')).toBe('claimed');
    expect(wishMoveTarget('claimed', 'fulfil')).toBe('fulfilled');
    expect(wishMoveTarget('fulfilled', 'confirm')).toBe('confirmed');
    expect(wishMoveTarget('published', 'fulfil')).toBeNull();
    expect(wishMoveTarget('fulfilled', 'withdraw')).toBeNull();
    expect(wishMovesFrom('published')).toEqual(['claim', 'withdraw']);
    expect(wishMovesFrom('claimed')).toEqual(['fulfil', 'withdraw']);
    expect(wishMovesFrom('confirmed')).toEqual([]);
    expect(wishMovesFrom('withdrawn')).toEqual([]);
  });

  it('is due 7 days after publishing to be claimed and 30 days after the claim to be fulfilled', () => {
    expect(wishDueAt({ state: 'published', publishedAt: published, claimedAt: null })).toBe(
      published + 7 * DAY_MS,
    );
    const claimedAt = published + 3 * DAY_MS;
    expect(wishDueAt({ state: 'claimed', publishedAt: published, claimedAt })).toBe(
      claimedAt + 30 * DAY_MS,
    );
    expect(wishDueAt({ state: 'fulfilled', publishedAt: published, claimedAt })).toBeNull();
    // Edited clocks count too.
    expect(
      wishDueAt(
        { state: 'published', publishedAt: published, claimedAt: null },
        { claimWithinDays: 3, fulfilWithinDays: 10 },
      ),
    ).toBe(published + 3 * DAY_MS);
  });

  it('is near due in the last fifth of its time (a day at least), overdue after it', () => {
    const wish = { state: 'published' as const, publishedAt: published, claimedAt: null };
    const due = published + 7 * DAY_MS;
    expect(wishClockStatus(wish, published + DAY_MS)).toBe('running');
    // 7 days: the last fifth is 1.4 days.
    expect(wishClockStatus(wish, due - 1.5 * DAY_MS)).toBe('running');
    expect(wishClockStatus(wish, due - 1.3 * DAY_MS)).toBe('near_due');
    expect(wishClockStatus(wish, due)).toBe('near_due');
    expect(wishClockStatus(wish, due + 1)).toBe('overdue');
    expect(wishClockStatus({ ...wish, state: 'confirmed' }, due + DAY_MS)).toBe('none');
  });

  it('says in a sentence what is wrong with edited clocks', () => {
    expect(checkWishClockSettings({ claimWithinDays: 7, fulfilWithinDays: 30 })).toEqual([]);
    const problems = checkWishClockSettings({ claimWithinDays: 0, fulfilWithinDays: 2.5 });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('认领时限');
    expect(problems[1]).toContain('2.5');
  });
});

describe('projects', () => {
  const planned = { status: 'planned' as const, plannedStart: '2026-11-01', actualStart: null };

  it('starts, finishes with its result and money, or is cancelled with a reason', () => {
    expect(moveProject(planned, { kind: 'start', on: '2026-11-03' })).toEqual({
      ok: true,
      status: 'in_progress',
    });
    const running = { ...planned, status: 'in_progress' as const, actualStart: '2026-11-03' };
    expect(
      moveProject(running, {
        kind: 'finish',
        on: '2026-11-20',
        spentFen: 150_000,
        resultNote: '已完工',
      }),
    ).toEqual({ ok: true, status: 'done' });
    expect(moveProject(running, { kind: 'cancel', reason: '资金未落实' })).toEqual({
      ok: true,
      status: 'cancelled',
    });
  });

  it('refuses what does not fit, in a sentence', () => {
    const running = { ...planned, status: 'in_progress' as const, actualStart: '2026-11-03' };
    const early = moveProject(running, {
      kind: 'finish',
      on: '2026-11-02',
      spentFen: 0,
      resultNote: '完成',
    });
    expect(early.ok).toBe(false);
    expect(!early.ok && early.sentence.zh).toContain('早于开始日期 2026-11-03');
    expect(
      moveProject(running, { kind: 'finish', on: '2026-11-20', spentFen: -1, resultNote: 'x' }).ok,
    ).toBe(false);
    expect(
      moveProject(running, { kind: 'finish', on: '2026-11-20', spentFen: 1, resultNote: ' ' }).ok,
    ).toBe(false);
    expect(moveProject(running, { kind: 'cancel', reason: '' }).ok).toBe(false);
    expect(moveProject(running, { kind: 'start', on: '2026-11-04' }).ok).toBe(false);
    const done = { ...running, status: 'done' as const };
    const again = moveProject(done, { kind: 'cancel', reason: '重复' });
    expect(!again.ok && again.sentence.zh).toContain('已完成');
  });

  it('is overdue when open past its planned end day, not on it', () => {
    const open = { status: 'in_progress' as const, plannedEnd: '2026-11-30' };
    expect(isProjectOverdue(open, '2026-11-30')).toBe(false);
    expect(isProjectOverdue(open, '2026-12-01')).toBe(true);
    expect(isProjectOverdue({ ...open, status: 'done' }, '2026-12-01')).toBe(false);
    expect(isProjectOverdue({ ...open, status: 'cancelled' }, '2026-12-01')).toBe(false);
  });

  it('prints fen as yuan', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(123_456)).toBe('1,234.56');
    expect(formatYuan(200_000_000)).toBe('2,000,000.00');
  });
});

describe('a project waits for approval', () => {
  const planned = {
    status: 'planned' as const,
    plannedStart: '2026-11-01',
    actualStart: null,
  };
  it('does not start before a leader approves it, and is approved only once', () => {
    expect(
      moveProject({ ...planned, approved: false }, { kind: 'start', on: '2026-11-02' }),
    ).toMatchObject({
      ok: false,
      sentence: { en: expect.stringMatching(/not approved/) },
    });
    expect(moveProject({ ...planned, approved: false }, { kind: 'approve' })).toEqual({
      ok: true,
      status: 'planned',
    });
    expect(moveProject({ ...planned, approved: true }, { kind: 'approve' })).toMatchObject({
      ok: false,
    });
    expect(
      moveProject({ ...planned, approved: true }, { kind: 'start', on: '2026-11-02' }),
    ).toEqual({
      ok: true,
      status: 'in_progress',
    });
  });
});
