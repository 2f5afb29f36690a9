import { describe, expect, it } from 'vitest';
import { DEFAULT_TIERS, DEFAULT_WEIGHTS, unitIndices } from '../../core/map/composite-score';
import { parsePeriod, selectablePeriods, weekPeriod } from '../../core/map/periods';
import { fromWallClock } from '../../core/time';

describe('periods', () => {
  it('reads months and ISO weeks as half-open Shanghai ranges', () => {
    const nov = parsePeriod('2026-11');
    expect(nov.start).toBe(fromWallClock(2026, 11, 1));
    expect(nov.end).toBe(fromWallClock(2026, 12, 1));
    // 2026-11-21 is a Saturday in ISO week 47, which starts Monday 16 Nov.
    const w = weekPeriod(fromWallClock(2026, 11, 21, 14));
    expect(w.key).toBe('2026-W47');
    expect(w.start).toBe(fromWallClock(2026, 11, 16));
    expect(parsePeriod('2026-W47')).toEqual(w);
    // 1 Jan 2027 is a Friday: it belongs to 2026's last week (W53).
    expect(weekPeriod(fromWallClock(2027, 1, 1)).key).toBe('2026-W53');
    expect(() => parsePeriod('2025-W53')).toThrow(RangeError);
  });

  it('offers this month and five before, this week and three before', () => {
    const keys = selectablePeriods(Date.UTC(2026, 10, 21, 6)).map((p) => p.key);
    expect(keys).toEqual([
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-06',
      '2026-W47',
      '2026-W46',
      '2026-W45',
      '2026-W44',
    ]);
  });
});

describe('composite score and tier (DOMAIN.md)', () => {
  it('weights on-time 0.4, closure 0.3, rework-free 0.2, satisfaction 0.1', () => {
    const r = unitIndices(
      { due: 10, closed: 9, onTime: 8, reworked: 1, withCallback: 5, satisfied: 4 },
      DEFAULT_WEIGHTS,
      DEFAULT_TIERS,
    );
    expect(r.score).toBeCloseTo(100 * (0.4 * 0.8 + 0.3 * 0.9 + 0.2 * 0.9 + 0.1 * 0.8), 10);
    expect(r.tier).toBe('yellow');
  });

  it('leaves out an index with no denominator and scales the rest', () => {
    const r = unitIndices(
      { due: 4, closed: 4, onTime: 4, reworked: 0, withCallback: 0, satisfied: 0 },
      DEFAULT_WEIGHTS,
      DEFAULT_TIERS,
    );
    expect(r.satisfactionRate).toBeNull();
    expect(r.score).toBe(100);
    expect(r.tier).toBe('blue');
  });

  it('does not round before the tier, and leaves a unit with no due cases unranked', () => {
    const just = unitIndices(
      { due: 100000, closed: 74999, onTime: 74999, reworked: 25001, withCallback: 0, satisfied: 0 },
      DEFAULT_WEIGHTS,
      DEFAULT_TIERS,
    );
    expect(just.score!).toBeLessThan(75);
    expect(just.score!).toBeGreaterThan(74.99);
    expect(just.tier).toBe('red');
    const none = unitIndices(
      { due: 0, closed: 0, onTime: 0, reworked: 0, withCallback: 0, satisfied: 0 },
      DEFAULT_WEIGHTS,
      DEFAULT_TIERS,
    );
    expect(none.score).toBeNull();
    expect(none.tier).toBeNull();
  });
});
