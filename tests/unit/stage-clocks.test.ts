import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STAGE_LIMITS,
  stageClocks,
  type StageColumns,
} from '../../core/cases/stage-clocks';
import { HANDLING_FLAG, handlingFlags, type HandlingCase } from '../../core/ranking/case-facts';
import { parsePeriodKey } from '../../core/ranking/periods';
import { compositeScore } from '../../core/ranking/score';
import { emptyCounts, ratesOf } from '../../core/ranking/unit-counts';
import { DEFAULT_WEIGHTS } from '../../core/ranking/weight-set';
import { HOUR_MS, MINUTE_MS } from '../../core/time';

const sh = (d: number, h: number, mi = 0) => Date.UTC(2026, 9, d, h - 8, mi);
const REPORTED = sh(12, 9);

function row(overrides: Partial<StageColumns>): StageColumns {
  return {
    state: 'reported',
    suspendedAt: null,
    reportedAt: REPORTED,
    registeredAt: null,
    dispatchedAt: null,
    arrivedAt: null,
    handledAt: null,
    closedAt: null,
    acceptDueAt: REPORTED + MINUTE_MS,
    onsiteDueAt: null,
    dueAt: null,
    ...overrides,
  };
}

const states = (r: StageColumns, now: number) =>
  Object.fromEntries(stageClocks(r, DEFAULT_STAGE_LIMITS, now).map((c) => [c.stage, c.state]));

describe('stage clocks (环节时限)', () => {
  it('shows a just-reported case accepting, the later stages not reached', () => {
    expect(states(row({}), REPORTED + 30_000)).toEqual({
      accept: 'running',
      dispatch: 'not_reached',
      onsite: 'not_reached',
      handle: 'not_reached',
      verify: 'not_reached',
    });
    expect(states(row({}), REPORTED + 2 * MINUTE_MS).accept).toBe('overdue');
  });

  it('flags each stage by the move that ended it against its own deadline', () => {
    const registered = REPORTED + 50_000;
    const dispatched = registered + 45 * MINUTE_MS; // dispatch limit 30 min: late
    const closed = row({
      registeredAt: registered,
      dispatchedAt: dispatched,
      onsiteDueAt: dispatched + HOUR_MS,
      arrivedAt: dispatched + 40 * MINUTE_MS,
      dueAt: registered + 24 * HOUR_MS,
      handledAt: registered + 25 * HOUR_MS, // past the resolution deadline
      closedAt: registered + 26 * HOUR_MS, // verified within 4 hours
    });
    expect(states(closed, registered + 30 * HOUR_MS)).toEqual({
      accept: 'on_time',
      dispatch: 'late',
      onsite: 'on_time',
      handle: 'late',
      verify: 'on_time',
    });
  });

  it('shows a voided case’s open stage as not reached, and a suspended one as paused', () => {
    const registered = REPORTED + 30_000;
    const voided = row({ state: 'voided', registeredAt: registered });
    expect(states(voided, registered + 5 * HOUR_MS).dispatch).toBe('not_reached');
    const suspended = row({
      state: 'suspended',
      registeredAt: registered,
      suspendedAt: registered + MINUTE_MS,
    });
    expect(states(suspended, registered + 5 * HOUR_MS).dispatch).toBe('paused');
    // Stages that ended keep their verdict.
    expect(states(suspended, registered + 5 * HOUR_MS).accept).toBe('on_time');
  });

  it('takes the dispatch and verify limits from the settings passed in', () => {
    const registered = REPORTED + 10_000;
    const r = row({ registeredAt: registered, dispatchedAt: registered + 20 * MINUTE_MS });
    const [, dispatch] = stageClocks(r, { dispatchMinutes: 10, verifyMinutes: 240 }, registered);
    expect(dispatch).toMatchObject({
      stage: 'dispatch',
      state: 'late',
      dueAt: registered + 10 * MINUTE_MS,
    });
  });

  it('counts the same stages in the ranking flags, with the denominators each stage reached', () => {
    const october = parsePeriodKey('2026-10')!;
    const registered = sh(12, 9);
    const fact: HandlingCase = {
      caseId: 1,
      unitCode: 'A',
      state: 'closed',
      registeredAt: registered,
      closedAt: registered + 6 * HOUR_MS,
      dueAt: registered + 24 * HOUR_MS,
      reworkCount: 0,
      extensionCount: 0,
      satisfaction: null,
      dispatchedAt: registered + 10 * MINUTE_MS,
      onsiteDueAt: registered + 70 * MINUTE_MS,
      arrivedAt: registered + 90 * MINUTE_MS,
      handledAt: registered + 5 * HOUR_MS,
    };
    const flags = handlingFlags(fact, october)!;
    expect(flags & HANDLING_FLAG.dispatchOnTime).toBeTruthy();
    expect(flags & HANDLING_FLAG.onsiteOnTime).toBe(0);
    expect(flags & HANDLING_FLAG.handleOnTime).toBeTruthy();
    expect(flags & HANDLING_FLAG.verifyOnTime).toBeTruthy();
    // A verify limit of 30 minutes makes the same closing late.
    const tight = handlingFlags(fact, october, Infinity, {
      dispatchMinutes: 30,
      verifyMinutes: 30,
    })!;
    expect(tight & HANDLING_FLAG.verifyOnTime).toBe(0);
    // Not yet dispatched: no on-site or handle denominator.
    const undispatched = handlingFlags(
      {
        ...fact,
        state: 'registered',
        closedAt: null,
        dispatchedAt: null,
        arrivedAt: null,
        handledAt: null,
      },
      october,
    )!;
    expect(undispatched & (HANDLING_FLAG.dispatched | HANDLING_FLAG.handled)).toBe(0);
  });

  it('leaves the stage rates out of the score unless they are weighted', () => {
    const counts = {
      ...emptyCounts(),
      due: 10,
      closed: 10,
      onTime: 10,
      dispatched: 10,
      dispatchOnTime: 5,
      handled: 10,
      verifyOnTime: 10,
    };
    expect(ratesOf(counts).dispatchOnTimeRate).toBe(0.5);
    expect(compositeScore(counts, DEFAULT_WEIGHTS)!.value).toBe(100);
    const weighted = { ...DEFAULT_WEIGHTS, onTimeRate: 0.2, dispatchOnTimeRate: 0.2 };
    // 100 × (0.2·1 + 0.3·1 + 0.2·1 + 0.2·0.5) / 0.9 (no callbacks: satisfaction left out)
    expect(compositeScore(counts, weighted)!.value).toBeCloseTo((100 * 0.8) / 0.9, 9);
  });
});
