/** How the ranking's figures are named, formatted and opened, shared by the table, board and meeting. */
import type { UnitRates } from '../../../core/ranking/unit-counts';
import type { CountFigure } from '../../../core/ranking/unit-counts';
import type { Translate } from '../../i18n/translate';

export type RateKey = keyof UnitRates;

/** Which counts a rate divides: a rate opens its denominator's cases, the numerator marked. */
export const RATE_PARTS: Record<RateKey, { numerator: CountFigure; denominator: CountFigure }> = {
  registrationRate: { numerator: 'registered', denominator: 'reported' },
  timelyAcceptRate: { numerator: 'timelyAccepted', denominator: 'registered' },
  closureRate: { numerator: 'closed', denominator: 'due' },
  onTimeRate: { numerator: 'onTime', denominator: 'due' },
  reworkRate: { numerator: 'rework', denominator: 'due' },
  extensionRate: { numerator: 'extended', denominator: 'due' },
  satisfactionRate: { numerator: 'satisfied', denominator: 'callbacks' },
  dispatchOnTimeRate: { numerator: 'dispatchOnTime', denominator: 'due' },
  onsiteOnTimeRate: { numerator: 'onsiteOnTime', denominator: 'dispatched' },
  handleOnTimeRate: { numerator: 'handleOnTime', denominator: 'dispatched' },
  verifyOnTimeRate: { numerator: 'verifyOnTime', denominator: 'handled' },
};

/** 87.5% (docs/design/UI.md), — when there is no denominator. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Two decimals (docs/design/UI.md); the engine never rounds, only the screen does. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}

/** What a click on a figure asks to see. */
export interface DrillTarget {
  unitCode: string;
  unitName: string;
  figure: CountFigure;
  /** For a rate: the numerator, marked in the denominator's list. */
  marked?: CountFigure;
  /** The period when it is not the page's (the weekly agenda's figures week). */
  period?: string;
}

/** `2026-10` → { year: 2026, month: 10 } */
function monthParts(key: string): { year: number; month: number } {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** 2026年10月 / 2026年第47周 in the UI language. */
export function periodLabel(t: Translate, key: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) return t('ranking.week', { year: Number(week[1]), week: Number(week[2]) });
  return t('ranking.month', monthParts(key));
}
