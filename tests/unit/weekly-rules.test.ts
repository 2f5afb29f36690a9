import { describe, expect, it } from 'vitest';
import type { WeeklyAgenda } from '../../api/contract';
import { carriesOver, dispatchItemStatus, overdueAgeGroup } from '../../core/weekly/agenda-rules';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { buildSlides, rowsThatFit } from '../../renderer/areas/weekly/meeting-slides';

const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

describe('weekly dispatch rules', () => {
  it('groups overdue cases by age at the day boundaries', () => {
    expect(overdueAgeGroup(HOUR_MS)).toBe('under1d');
    expect(overdueAgeGroup(DAY_MS - 1)).toBe('under1d');
    expect(overdueAgeGroup(DAY_MS)).toBe('from1to3d');
    expect(overdueAgeGroup(3 * DAY_MS)).toBe('from3to7d');
    expect(overdueAgeGroup(7 * DAY_MS - 1)).toBe('from3to7d');
    expect(overdueAgeGroup(7 * DAY_MS)).toBe('over7d');
  });

  it('keeps an item open through its due day in Shanghai and overdue from the next midnight', () => {
    const item = { status: 'open' as const, dueDay: '2026-11-20' };
    expect(dispatchItemStatus(item, sh(2026, 11, 20, 23, 59))).toBe('open');
    // 16:00 UTC on the 20th is already the 21st in Shanghai.
    expect(dispatchItemStatus(item, sh(2026, 11, 21, 0, 0))).toBe('overdue');
    expect(dispatchItemStatus({ status: 'done', dueDay: '2026-11-01' }, sh(2026, 11, 21))).toBe(
      'done',
    );
  });

  it('carries an item over until it is done, and shows it once more the week it was done', () => {
    const previousWeekStart = sh(2026, 11, 9);
    expect(carriesOver({ status: 'open', doneAt: null }, previousWeekStart)).toBe(true);
    expect(carriesOver({ status: 'done', doneAt: sh(2026, 11, 10) }, previousWeekStart)).toBe(true);
    expect(carriesOver({ status: 'done', doneAt: sh(2026, 11, 8) }, previousWeekStart)).toBe(false);
  });
});

describe('meeting mode pages', () => {
  const row = (n: number) => ({ unitCode: `U${n}` }) as WeeklyAgenda['figures'][number];
  const agenda = {
    figures: Array.from({ length: 12 }, (_, i) => row(i)),
    overdue: {
      total: 25,
      groups: [
        { group: 'over7d', count: 25, cases: Array.from({ length: 25 }, (_, i) => ({ id: i })) },
      ],
    },
    escalated: [],
    supervised: [{ id: 1 }],
    carriedItems: [],
    items: [{ id: 9 }],
  } as unknown as WeeklyAgenda;

  it('cuts long lists into pages that fit the screen, every section present even when empty', () => {
    // 1366×768 fits 10 rows; 1920×1080 fits 16.
    expect(rowsThatFit(768)).toBe(10);
    expect(rowsThatFit(1080)).toBe(16);
    const small = buildSlides(agenda, rowsThatFit(768));
    expect(small.map((s) => s.kind)).toEqual([
      'cover',
      'figures',
      'figures',
      'overdue',
      'overdue',
      'overdue',
      'flagged',
      'flagged',
      'items',
      'items',
    ]);
    const large = buildSlides(agenda, rowsThatFit(1080));
    expect(large.filter((s) => s.kind === 'figures')).toHaveLength(1);
    expect(large.filter((s) => s.kind === 'overdue')).toHaveLength(2);
  });
});
