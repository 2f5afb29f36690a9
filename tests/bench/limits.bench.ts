/**
 * Deadline computation over a city's year (issue 12): 1,000,000 registrations at
 * deterministic pseudo-random instants of 2026, 250,000 in each limit unit, through addLimit
 * over the reference work calendar (assets/reference/holidays.json: 2026's holidays and 调休)
 * and DEFAULT_WORK_PERIODS; against plain natural-hours addition (from + N h) of the same
 * 1,000,000 in the same run. Median of 5 runs each (after one warm-up, which is also
 * recorded: it fills the calendar's per-day answers).
 *
 *   node --import tsx tests/bench/limits.bench.ts
 */
import path from 'node:path';
import { WorkCalendar } from '../../core/calendar';
import { addLimit } from '../../core/limits/add-limit';
import type { Limit, LimitUnit } from '../../core/limits/limit';
import { DEFAULT_WORK_PERIODS } from '../../core/limits/work-periods';
import { HOUR_MS, fromWallClock } from '../../core/time';
import { readReferenceCalendar } from '../../db/seed/reference';
import { median, record } from './record';

const REGISTRATIONS = 1_000_000;
const RUNS = 5;
const UNITS: readonly LimitUnit[] = [
  'natural_hours',
  'working_hours',
  'working_days',
  'natural_days',
];
/** Limits as the city's standard writes them (CITY-EXCHANGE.md): a few values per unit. */
const VALUES: Record<LimitUnit, readonly number[]> = {
  natural_hours: [1, 2, 4, 24, 48],
  working_hours: [0.5, 1, 2, 4, 8],
  working_days: [0.5, 1, 2, 3, 5],
  natural_days: [1, 3, 7, 15],
};

/** A small fast PRNG (mulberry32): the same year every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const calendar = new WorkCalendar(
  readReferenceCalendar(path.resolve(import.meta.dirname, '../../assets/reference/holidays.json')),
);
const yearStart = fromWallClock(2026, 1, 1, 0);
const yearMs = fromWallClock(2027, 1, 1, 0) - yearStart;

// The registrations: minute-precision instants over the year, the unit by turn (250,000
// each), the value drawn from the unit's list. Limit objects are shared, as rules are.
const next = random(12);
const from = new Float64Array(REGISTRATIONS);
const limits: Limit[] = new Array<Limit>(REGISTRATIONS);
const pool = new Map<string, Limit>();
for (let i = 0; i < REGISTRATIONS; i++) {
  from[i] = yearStart + Math.floor(next() * (yearMs / 60_000)) * 60_000;
  const unit = UNITS[i % UNITS.length]!;
  const values = VALUES[unit];
  const value = values[Math.floor(next() * values.length)]!;
  const key = `${value}:${unit}`;
  let limit = pool.get(key);
  if (!limit) pool.set(key, (limit = { value, unit }));
  limits[i] = limit;
}
const hours = Float64Array.from(limits, (l) => l.value);
const out = new Float64Array(REGISTRATIONS);

function withLimits(indices: Int32Array | null): number {
  const started = performance.now();
  if (indices) {
    for (const i of indices)
      out[i] = addLimit(from[i]!, limits[i]!, calendar, DEFAULT_WORK_PERIODS);
  } else {
    for (let i = 0; i < REGISTRATIONS; i++)
      out[i] = addLimit(from[i]!, limits[i]!, calendar, DEFAULT_WORK_PERIODS);
  }
  return performance.now() - started;
}

function plainHours(): number {
  const started = performance.now();
  for (let i = 0; i < REGISTRATIONS; i++) out[i] = from[i]! + Math.round(hours[i]! * HOUR_MS);
  return performance.now() - started;
}

/** Every deadline after its registration, and a sum that would change with any of them. */
function check(label: string): number {
  let sum = 0;
  for (let i = 0; i < REGISTRATIONS; i++) {
    if (!(out[i]! > from[i]!)) throw new Error(`${label}: deadline ${i} is not after registration`);
    sum = (sum + (out[i]! - from[i]!) / 60_000) % 1e12;
  }
  return sum;
}

const perSecond = (ms: number, n = REGISTRATIONS) => Math.round((n / ms) * 1000);
const round = (ms: number) => Math.round(ms * 10) / 10;

const warmUpMs = withLimits(null);
const limitsChecksum = check('addLimit');
plainHours();
const limitMs: number[] = [];
const plainMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  limitMs.push(withLimits(null));
  plainMs.push(plainHours());
}
check('plain');
withLimits(null);
if (check('addLimit') !== limitsChecksum) throw new Error('addLimit gave different deadlines');

const byUnit: Record<string, number> = {};
for (const [u, unit] of UNITS.entries()) {
  const indices = new Int32Array(REGISTRATIONS / UNITS.length).map((_, k) => k * UNITS.length + u);
  const runs = Array.from({ length: RUNS }, () => withLimits(indices));
  byUnit[`${unit}PerSecond`] = perSecond(median(runs), indices.length);
}

const limitMedian = median(limitMs);
const plainMedian = median(plainMs);
record('limits', {
  registrations: REGISTRATIONS,
  perUnit: REGISTRATIONS / UNITS.length,
  runs: RUNS,
  warmUpMs: round(warmUpMs),
  addLimitMs: round(limitMedian),
  addLimitPerSecond: perSecond(limitMedian),
  plainHoursMs: round(plainMedian),
  plainHoursPerSecond: perSecond(plainMedian),
  /** How many times longer addLimit takes than from + N h. */
  ratio: Math.round((limitMedian / plainMedian) * 10) / 10,
  ...byUnit,
  addLimitRunsMs: limitMs.map(round),
  plainHoursRunsMs: plainMs.map(round),
});
