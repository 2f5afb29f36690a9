/**
 * Hand-computed fixtures for every index and boundary of docs/design/DOMAIN.md "Measuring". Each
 * expected number below was worked out by hand from the definitions, not by the code.
 */
import { describe, expect, it } from 'vitest';
import {
  HANDLING_FLAG,
  accountableAt,
  handlingFlags,
  type HandlingCase,
  type IntakeCase,
} from '../../core/ranking/case-facts';
import { parsePeriodKey } from '../../core/ranking/periods';
import { rankUnits } from '../../core/ranking/ranking';
import { compositeScore, gradeOf, tierOf } from '../../core/ranking/score';
import {
  aggregatePeriod,
  emptyCounts,
  ratesOf,
  type UnitCounts,
} from '../../core/ranking/unit-counts';
import { DEFAULT_GRADES, DEFAULT_TIERS, DEFAULT_WEIGHTS } from '../../core/ranking/weight-set';

const sh = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const OCT = parsePeriodKey('2026-10')!;
const NOV = parsePeriodKey('2026-11')!;
const DEFAULTS = { weights: DEFAULT_WEIGHTS, tiers: DEFAULT_TIERS, grades: DEFAULT_GRADES };

let nextId = 1;
function handling(overrides: Partial<HandlingCase>): HandlingCase {
  return {
    caseId: nextId++,
    unitCode: 'A',
    state: 'closed',
    registeredAt: sh(2026, 10, 1, 9),
    closedAt: null,
    dueAt: null,
    reworkCount: 0,
    extensionCount: 0,
    satisfaction: null,
    dispatchedAt: null,
    onsiteDueAt: null,
    arrivedAt: null,
    handledAt: null,
    ...overrides,
  };
}
function intake(overrides: Partial<IntakeCase>): IntakeCase {
  return {
    caseId: nextId++,
    unitCode: 'A',
    state: 'registered',
    reportedAt: sh(2026, 10, 5, 9),
    registeredAt: null,
    acceptDueAt: null,
    ...overrides,
  };
}
const counts = (partial: Partial<UnitCounts>): UnitCounts => ({ ...emptyCounts(), ...partial });

describe('which period a case is accountable in', () => {
  it('a case due at 00:10 on 1 November (Shanghai) and still open counts in November, not October', () => {
    const c = handling({ state: 'in_progress', dueAt: sh(2026, 11, 1, 0, 10) });
    expect(handlingFlags(c, OCT)).toBeNull();
    expect(handlingFlags(c, NOV)).toBe(0); // due, not closed
  });

  it('a case closed exactly at its deadline is closed and on time', () => {
    const at = sh(2026, 10, 10, 12);
    const flags = handlingFlags(handling({ closedAt: at, dueAt: at }), OCT)!;
    expect(flags & HANDLING_FLAG.closed).toBeTruthy();
    expect(flags & HANDLING_FLAG.onTime).toBeTruthy();
  });

  it('a case due in October and closed in November counts in October as due but not closed', () => {
    const c = handling({ dueAt: sh(2026, 10, 30, 18), closedAt: sh(2026, 11, 2, 10) });
    expect(handlingFlags(c, OCT)).toBe(0);
    expect(handlingFlags(c, NOV)).toBeNull();
  });

  it('a case closed early counts where it was closed, even when due next month', () => {
    const c = handling({ dueAt: sh(2026, 11, 3, 18), closedAt: sh(2026, 10, 31, 23, 59) });
    expect(handlingFlags(c, OCT)).toBe(HANDLING_FLAG.closed | HANDLING_FLAG.onTime);
    expect(handlingFlags(c, NOV)).toBeNull();
  });

  it('a case closed late within the month is closed but not on time', () => {
    const c = handling({ dueAt: sh(2026, 10, 12, 9), closedAt: sh(2026, 10, 15, 9) });
    expect(handlingFlags(c, OCT)).toBe(HANDLING_FLAG.closed);
  });

  it('in a month still running, an open case becomes accountable only once its deadline has come', () => {
    const c = handling({ state: 'in_progress', dueAt: sh(2026, 11, 25, 9) });
    expect(handlingFlags(c, NOV, sh(2026, 11, 21, 14))).toBeNull();
    expect(handlingFlags(c, NOV, sh(2026, 11, 25, 9))).toBe(0);
    // A case closed early is accountable at once.
    const closed = handling({ dueAt: sh(2026, 11, 25, 9), closedAt: sh(2026, 11, 20, 9) });
    expect(handlingFlags(closed, NOV, sh(2026, 11, 21, 14))).toBe(
      HANDLING_FLAG.closed | HANDLING_FLAG.onTime,
    );
  });

  it('suspended and voided cases are not accountable; unregistered ones neither', () => {
    expect(
      accountableAt(handling({ state: 'suspended', dueAt: sh(2026, 10, 9), closedAt: null })),
    ).toBeNull();
    expect(
      accountableAt(handling({ state: 'voided', dueAt: sh(2026, 10, 9), closedAt: null })),
    ).toBeNull();
    expect(accountableAt(handling({ state: 'reported', registeredAt: null }))).toBeNull();
    // Resumed: counts again, at its shifted deadline.
    expect(accountableAt(handling({ state: 'dispatched', dueAt: sh(2026, 10, 9) }))).toBe(
      sh(2026, 10, 9),
    );
  });
});

describe("a unit's counts and rates for a month", () => {
  it('counts every handling figure of a hand-made month', () => {
    const facts = [
      // 1: closed early, reworked once, callback satisfied
      handling({
        dueAt: sh(2026, 10, 5),
        closedAt: sh(2026, 10, 3),
        reworkCount: 1,
        satisfaction: 'satisfied',
      }),
      // 2: closed late in the month, extended, callback unsatisfied
      handling({
        dueAt: sh(2026, 10, 12),
        closedAt: sh(2026, 10, 15),
        extensionCount: 2,
        satisfaction: 'unsatisfied',
      }),
      // 3: open past its deadline
      handling({ state: 'dispatched', dueAt: sh(2026, 10, 20) }),
      // 4: due in October, closed in November; basically satisfied
      handling({
        dueAt: sh(2026, 10, 30),
        closedAt: sh(2026, 11, 2),
        satisfaction: 'basically_satisfied',
      }),
      // 5: suspended (not accountable), 6: voided (never), 7: another unit
      handling({ state: 'suspended', dueAt: sh(2026, 10, 8) }),
      handling({ state: 'voided', dueAt: sh(2026, 10, 8) }),
      handling({ unitCode: 'B', dueAt: sh(2026, 10, 8), closedAt: sh(2026, 10, 7) }),
    ];
    const { counts: byUnit } = aggregatePeriod(OCT, facts, []);
    expect(byUnit.get('A')).toEqual(
      counts({ due: 4, closed: 2, onTime: 1, rework: 1, extended: 1, callbacks: 3, satisfied: 2 }),
    );
    const rates = ratesOf(byUnit.get('A')!);
    expect(rates.closureRate).toBe(2 / 4);
    expect(rates.onTimeRate).toBe(1 / 4);
    expect(rates.reworkRate).toBe(1 / 4);
    expect(rates.extensionRate).toBe(1 / 4);
    expect(rates.satisfactionRate).toBe(2 / 3);
    expect(byUnit.get('B')!.due).toBe(1);
  });

  it('counts intake by the report time: voided never count, timely = within the accept clock', () => {
    const facts = [
      // registered 30 s after the report with the default 1-minute clock: timely
      intake({ registeredAt: sh(2026, 10, 5, 9) + 30_000 }),
      // registered exactly at its stored accept deadline: timely
      intake({ acceptDueAt: sh(2026, 10, 5, 9, 5), registeredAt: sh(2026, 10, 5, 9, 5) }),
      // registered 2 minutes late
      intake({ registeredAt: sh(2026, 10, 5, 9, 2) }),
      // still waiting to be accepted
      intake({ state: 'reported' }),
      // voided: not even 受理
      intake({ state: 'voided' }),
      // reported at 00:10 on 1 November: next month
      intake({ reportedAt: sh(2026, 11, 1, 0, 10), registeredAt: sh(2026, 11, 1, 0, 10) }),
    ];
    const a = aggregatePeriod(OCT, [], facts).counts.get('A')!;
    expect([a.reported, a.registered, a.timelyAccepted]).toEqual([4, 3, 2]);
    const rates = ratesOf(a);
    expect(rates.registrationRate).toBe(3 / 4);
    expect(rates.timelyAcceptRate).toBe(2 / 3);
    expect(rates.closureRate).toBeNull();
  });
});

describe('composite score, tiers and grades', () => {
  it('weights the four indices 0.4 / 0.3 / 0.2 / 0.1', () => {
    // 100 × (0.4·0.6 + 0.3·0.8 + 0.2·0.9 + 0.1·0.75) = 73.5
    const c = counts({ due: 10, closed: 8, onTime: 6, rework: 1, callbacks: 4, satisfied: 3 });
    const score = compositeScore(c, DEFAULT_WEIGHTS)!;
    expect(score.value).toBeCloseTo(73.5, 12);
    expect(tierOf(score, DEFAULT_TIERS)).toBe('red');
    expect(gradeOf(score, DEFAULT_GRADES)).toBe('C');
  });

  it('leaves out satisfaction when nobody was called back and scales the rest up to 1', () => {
    // (0.4·0.75 + 0.3·1 + 0.2·1) / 0.9 = 0.8 / 0.9 → 88.888…
    const score = compositeScore(counts({ due: 4, closed: 4, onTime: 3 }), DEFAULT_WEIGHTS)!;
    expect(score.value).toBeCloseTo(800 / 9, 10);
    expect(tierOf(score, DEFAULT_TIERS)).toBe('yellow');
    expect(gradeOf(score, DEFAULT_GRADES)).toBe('B');
  });

  it('a score of exactly 90 is blue and A, and exactly 75 is yellow and B (no rounding, no float drift)', () => {
    // every index 0.9: 100 × (0.36 + 0.27 + 0.18 + 0.09) = 90
    const ninety = compositeScore(
      counts({ due: 10, closed: 9, onTime: 9, rework: 1, callbacks: 10, satisfied: 9 }),
      DEFAULT_WEIGHTS,
    )!;
    expect(tierOf(ninety, DEFAULT_TIERS)).toBe('blue');
    expect(gradeOf(ninety, DEFAULT_GRADES)).toBe('A');
    // every index 0.75 → 75
    const seventyFive = compositeScore(
      counts({ due: 4, closed: 3, onTime: 3, rework: 1, callbacks: 4, satisfied: 3 }),
      DEFAULT_WEIGHTS,
    )!;
    expect(tierOf(seventyFive, DEFAULT_TIERS)).toBe('yellow');
    expect(gradeOf(seventyFive, DEFAULT_GRADES)).toBe('B');
    // perfect handling, the one callback unsatisfied: 100 × (0.4 + 0.3 + 0.2 + 0) = 90, which
    // floating point makes 89.99999999999999 — still blue.
    const unsatisfied = compositeScore(
      counts({ due: 1, closed: 1, onTime: 1, callbacks: 1, satisfied: 0 }),
      DEFAULT_WEIGHTS,
    )!;
    expect(tierOf(unsatisfied, DEFAULT_TIERS)).toBe('blue');
    expect(gradeOf(unsatisfied, DEFAULT_GRADES)).toBe('A');
    expect(unsatisfied.value).toBe(90);
    // one case fewer on time: 100 × (0.4·0.8 + 0.27 + 0.18 + 0.09) = 86 → yellow, and 89.99… is not blue
    const justBelow = compositeScore(
      counts({ due: 1000, closed: 900, onTime: 899, rework: 100, callbacks: 10, satisfied: 9 }),
      DEFAULT_WEIGHTS,
    )!;
    expect(justBelow.value).toBeCloseTo(89.96, 10);
    expect(tierOf(justBelow, DEFAULT_TIERS)).toBe('yellow');
  });

  it('grades D and E at 40', () => {
    // (0.4·0.5 + 0.3·0.5 + 0.2·0) / 0.9 = 0.35 / 0.9 = 38.88… → E
    const e = compositeScore(counts({ due: 2, closed: 1, onTime: 1, rework: 2 }), DEFAULT_WEIGHTS)!;
    expect(gradeOf(e, DEFAULT_GRADES)).toBe('E');
    // (0.4·0.5 + 0.3·1 + 0.2·0) / 0.9 = 0.5 / 0.9 = 55.55… → D
    const d = compositeScore(counts({ due: 2, closed: 2, onTime: 1, rework: 2 }), DEFAULT_WEIGHTS)!;
    expect(gradeOf(d, DEFAULT_GRADES)).toBe('D');
  });

  it('has no score without due cases', () => {
    expect(compositeScore(counts({ reported: 5, registered: 5 }), DEFAULT_WEIGHTS)).toBeNull();
  });

  it('follows edited weights', () => {
    const weights = {
      ...DEFAULT_WEIGHTS,
      onTimeRate: 1,
      closureRate: 0,
      reworkFree: 0,
      satisfactionRate: 0,
    };
    const score = compositeScore(counts({ due: 8, closed: 8, onTime: 6, callbacks: 0 }), weights)!;
    expect(score.value).toBe(75);
  });
});

describe('ranking', () => {
  it('breaks ties by on-time rate, then due count, then unit code; lists units with no due cases unranked', () => {
    const byUnit = new Map<string, UnitCounts>([
      // A: (0.4·0.8 + 0.3·1 + 0.2·1) / 0.9 = 0.82 / 0.9
      ['A', counts({ due: 10, closed: 10, onTime: 8 })],
      // B: (0.4·0.9 + 0.3·1 + 0.2·0.8) / 0.9 = 0.82 / 0.9: same score, better on time → before A
      ['B', counts({ due: 10, closed: 10, onTime: 9, rework: 2 })],
      // C: same rates as A with twice the due cases → before A
      ['C', counts({ due: 20, closed: 20, onTime: 16 })],
      // D: identical to A in everything → after A by code
      ['D', counts({ due: 10, closed: 10, onTime: 8 })],
      // E: best score
      ['E', counts({ due: 3, closed: 3, onTime: 3 })],
      // F: no due cases, only intake
      ['F', counts({ reported: 4, registered: 4 })],
    ]);
    const units = [...'GFEDCBA'].map((code) => ({ code, name: `unit ${code}` }));
    const ranked = rankUnits(units, byUnit, DEFAULTS);
    expect(ranked.map((r) => [r.unitCode, r.rank])).toEqual([
      ['E', 1],
      ['B', 2],
      ['C', 3],
      ['A', 4],
      ['D', 5],
      ['F', null],
      ['G', null],
    ]);
    expect(ranked.find((r) => r.unitCode === 'F')!.tier).toBeNull();
    expect(ranked.find((r) => r.unitCode === 'G')!.counts.due).toBe(0);
    expect(ranked[1]!.score!.value).toBeCloseTo(91.111111, 5);
    expect(ranked[1]!.tier).toBe('blue');
  });
});
