/**
 * Per-unit counts and rates for one period, aggregated from per-case facts (docs/design/DOMAIN.md
 * "Measuring"). Rates are fractions 0–1, null when their denominator is zero.
 */
import {
  HANDLING_FLAG,
  INTAKE_FLAG,
  handlingFlags,
  intakeFlags,
  type HandlingCase,
  type IntakeCase,
} from './case-facts';
import type { StageLimits } from '../cases/stage-clocks';
import type { Period } from './periods';

export interface UnitCounts {
  /** 受理数: reported in the period (voided never count). */
  reported: number;
  /** 立案数: of those, registered. */
  registered: number;
  /** Of those registered, accepted within the accept clock. */
  timelyAccepted: number;
  /** 应结案数: accountable in the period. */
  due: number;
  /** 结案数: of those, closed before the period's end. */
  closed: number;
  /** 按期结案数: of those, closed at or before the deadline. */
  onTime: number;
  /** 返工数: of the accountable cases, those reworked at least once. */
  rework: number;
  /** 延期数: of the accountable cases, those extended at least once. */
  extended: number;
  /** Of the accountable cases, those with a callback result (回访). */
  callbacks: number;
  /** Of those, 满意 or 基本满意. */
  satisfied: number;
  /** Of the accountable cases, those dispatched (派遣) at least once. */
  dispatched: number;
  /** Of the accountable cases, dispatched within the dispatch stage's limit. */
  dispatchOnTime: number;
  /** Of those dispatched, on site by the on-site deadline. */
  onsiteOnTime: number;
  /** Of those dispatched, reported handled by the resolution deadline. */
  handleOnTime: number;
  /** Of the accountable cases, those reported handled (待核查 reached). */
  handled: number;
  /** Of those handled, verified within the verify stage's limit. */
  verifyOnTime: number;
}

export const COUNT_FIGURES = [
  'reported',
  'registered',
  'timelyAccepted',
  'due',
  'closed',
  'onTime',
  'rework',
  'extended',
  'callbacks',
  'satisfied',
  'dispatched',
  'dispatchOnTime',
  'onsiteOnTime',
  'handleOnTime',
  'handled',
  'verifyOnTime',
] as const satisfies ReadonlyArray<keyof UnitCounts>;
export type CountFigure = (typeof COUNT_FIGURES)[number];

export interface UnitRates {
  /** 立案率 = 立案数 / 受理数. */
  registrationRate: number | null;
  /** 及时受理率 = accepted within the accept clock / 立案数. */
  timelyAcceptRate: number | null;
  /** 结案率 = closed / due. */
  closureRate: number | null;
  /** 按期结案率 = on-time / due. */
  onTimeRate: number | null;
  /** 返工率 = rework / due. */
  reworkRate: number | null;
  /** 延期率 = extended / due. */
  extensionRate: number | null;
  /** 满意率 = satisfied / with a callback result. */
  satisfactionRate: number | null;
  /** 按时派遣率 = dispatched on time / due. */
  dispatchOnTimeRate: number | null;
  /** 按时到场率 = on site on time / dispatched. */
  onsiteOnTimeRate: number | null;
  /** 按时处置率 = handled by the deadline / dispatched. */
  handleOnTimeRate: number | null;
  /** 按时核查率 = verified on time / handled. */
  verifyOnTimeRate: number | null;
}

export function emptyCounts(): UnitCounts {
  return {
    reported: 0,
    registered: 0,
    timelyAccepted: 0,
    due: 0,
    closed: 0,
    onTime: 0,
    rework: 0,
    extended: 0,
    callbacks: 0,
    satisfied: 0,
    dispatched: 0,
    dispatchOnTime: 0,
    onsiteOnTime: 0,
    handleOnTime: 0,
    handled: 0,
    verifyOnTime: 0,
  };
}

/** Which count each stage flag adds to (the stage figures of the ranking's detail). */
const STAGE_COUNT_FLAGS: ReadonlyArray<[keyof UnitCounts, number]> = [
  ['dispatched', HANDLING_FLAG.dispatched],
  ['dispatchOnTime', HANDLING_FLAG.dispatchOnTime],
  ['onsiteOnTime', HANDLING_FLAG.onsiteOnTime],
  ['handleOnTime', HANDLING_FLAG.handleOnTime],
  ['handled', HANDLING_FLAG.handled],
  ['verifyOnTime', HANDLING_FLAG.verifyOnTime],
];

/** Adds one accountable case's handling flags to a unit's counts. */
function addHandlingFlags(counts: UnitCounts, flags: number): void {
  counts.due += 1;
  if (flags & HANDLING_FLAG.closed) counts.closed += 1;
  if (flags & HANDLING_FLAG.onTime) counts.onTime += 1;
  if (flags & HANDLING_FLAG.rework) counts.rework += 1;
  if (flags & HANDLING_FLAG.extended) counts.extended += 1;
  if (flags & HANDLING_FLAG.callback) counts.callbacks += 1;
  if (flags & HANDLING_FLAG.satisfied) counts.satisfied += 1;
  for (const [count, flag] of STAGE_COUNT_FLAGS) if (flags & flag) counts[count] += 1;
}

/** Adds one reported case's intake flags to a unit's counts. */
function addIntakeFlags(counts: UnitCounts, flags: number): void {
  counts.reported += 1;
  if (flags & INTAKE_FLAG.registered) counts.registered += 1;
  if (flags & INTAKE_FLAG.timely) counts.timelyAccepted += 1;
}

/** Which case counts towards which figure, per unit: what a drill-down or a bulletin keeps. */
export interface UnitCaseFlags {
  handling: Array<[caseId: number, flags: number]>;
  intake: Array<[caseId: number, flags: number]>;
}

interface PeriodAggregate {
  counts: Map<string, UnitCounts>;
  caseFlags: Map<string, UnitCaseFlags>;
}

/**
 * Counts every unit's figures for `period`, as of the instant `asOf` (now, for a period still
 * running), from the facts of its cases. Cases outside the period (or not accountable in it
 * yet) are skipped, so callers may pass a superset.
 */
export function aggregatePeriod(
  period: Period,
  handling: Iterable<HandlingCase>,
  intake: Iterable<IntakeCase>,
  asOf = Infinity,
  stages?: StageLimits,
): PeriodAggregate {
  const counts = new Map<string, UnitCounts>();
  const caseFlags = new Map<string, UnitCaseFlags>();
  const unit = (code: string) => {
    let c = counts.get(code);
    if (!c) {
      c = emptyCounts();
      counts.set(code, c);
      caseFlags.set(code, { handling: [], intake: [] });
    }
    return { counts: c, flags: caseFlags.get(code)! };
  };
  for (const fact of handling) {
    const flags = handlingFlags(fact, period, asOf, stages);
    if (flags === null) continue;
    const u = unit(fact.unitCode);
    addHandlingFlags(u.counts, flags);
    u.flags.handling.push([fact.caseId, flags]);
  }
  for (const fact of intake) {
    const flags = intakeFlags(fact, period, asOf);
    if (flags === null) continue;
    const u = unit(fact.unitCode);
    addIntakeFlags(u.counts, flags);
    u.flags.intake.push([fact.caseId, flags]);
  }
  for (const flags of caseFlags.values()) {
    flags.handling.sort((a, b) => a[0] - b[0]);
    flags.intake.sort((a, b) => a[0] - b[0]);
  }
  return { counts, caseFlags };
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

export function ratesOf(c: UnitCounts): UnitRates {
  return {
    registrationRate: ratio(c.registered, c.reported),
    timelyAcceptRate: ratio(c.timelyAccepted, c.registered),
    closureRate: ratio(c.closed, c.due),
    onTimeRate: ratio(c.onTime, c.due),
    reworkRate: ratio(c.rework, c.due),
    extensionRate: ratio(c.extended, c.due),
    satisfactionRate: ratio(c.satisfied, c.callbacks),
    dispatchOnTimeRate: ratio(c.dispatchOnTime, c.due),
    onsiteOnTimeRate: ratio(c.onsiteOnTime, c.dispatched),
    handleOnTimeRate: ratio(c.handleOnTime, c.dispatched),
    verifyOnTimeRate: ratio(c.verifyOnTime, c.handled),
  };
}

/** Whether a case with these flags counts towards `figure` (drill-down filters). */
export function countsTowards(figure: CountFigure, kind: 'handling' | 'intake', flags: number) {
  if (kind === 'intake') {
    if (figure === 'reported') return true;
    if (figure === 'registered') return (flags & INTAKE_FLAG.registered) !== 0;
    if (figure === 'timelyAccepted') return (flags & INTAKE_FLAG.timely) !== 0;
    return false;
  }
  switch (figure) {
    case 'due':
      return true;
    case 'closed':
      return (flags & HANDLING_FLAG.closed) !== 0;
    case 'onTime':
      return (flags & HANDLING_FLAG.onTime) !== 0;
    case 'rework':
      return (flags & HANDLING_FLAG.rework) !== 0;
    case 'extended':
      return (flags & HANDLING_FLAG.extended) !== 0;
    case 'callbacks':
      return (flags & HANDLING_FLAG.callback) !== 0;
    case 'satisfied':
      return (flags & HANDLING_FLAG.satisfied) !== 0;
    default: {
      const stage = STAGE_COUNT_FLAGS.find(([count]) => count === figure);
      return stage !== undefined && (flags & stage[1]) !== 0;
    }
  }
}

export const INTAKE_FIGURES: readonly CountFigure[] = ['reported', 'registered', 'timelyAccepted'];
