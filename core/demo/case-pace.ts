/**
 * How long each step of a demo case takes: accepting, dispatching, getting on site, and
 * the whole resolution as a share of the case's window, by its pace.
 */
import { HOUR_MS, MINUTE_MS } from '../time';
import type { CasePlan } from './case-plan';
import type { SeededRandom } from './random';

/**
 * How far into its window the case closes. `now` matters for one thing only: a case whose
 * window is in its last fifth right now may still be open, so the desk shows some 临期 cases.
 */
export function spanFraction(
  plan: CasePlan,
  registeredAt: number,
  window: number,
  paceWindow: number,
  now: number,
): number {
  const u = plan.paceFraction;
  const age = now - registeredAt;
  if (plan.nearDueCandidate && plan.pace !== 'stuck' && age >= 0.8 * window && age < window) {
    return age / paceWindow + 0.02 + u * 0.5;
  }
  switch (plan.pace) {
    case 'on_time':
      return 0.12 + 0.6 * u;
    case 'tight':
      return 0.72 + 0.28 * u;
    case 'late':
      return 1.02 + 1.5 * u;
    case 'stuck':
      return 3 + 22 * u;
  }
}

/** 受理: mostly within the minute, some within minutes, a few much later. */
export function acceptDelay(random: SeededRandom): number {
  const band = random.next();
  if (band < 0.78) return random.between(10, 55) * 1000;
  if (band < 0.93) return random.between(1, 10) * MINUTE_MS;
  if (band < 0.99) return random.between(10, 60) * MINUTE_MS;
  return random.between(1, 6) * HOUR_MS;
}

export function dispatchDelay(random: SeededRandom): number {
  const band = random.next();
  if (band < 0.7) return random.between(1, 8) * MINUTE_MS;
  if (band < 0.95) return random.between(8, 30) * MINUTE_MS;
  return random.between(30, 120) * MINUTE_MS;
}

/** 到场: most within the hour, some late. */
export function onsiteDelay(random: SeededRandom): number {
  const band = random.next();
  if (band < 0.82) return random.between(10, 55) * MINUTE_MS;
  if (band < 0.96) return random.between(55, 120) * MINUTE_MS;
  return random.between(2, 6) * HOUR_MS;
}
