/** Week labels and spans for the weekly area: 2026年第47周 · 11月16日 至 11月22日. */
import type { PeriodInfo } from '../../../api/contract';
import type { Formatters } from '../../i18n/formatting';
import type { Translate } from '../../i18n/translate';

export function weekLabel(t: Translate, key: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  return m ? t('weekly.weekLabel', { year: Number(m[1]), week: Number(m[2]) }) : key;
}

export function weekSpan(t: Translate, format: Formatters, week: PeriodInfo): string {
  return t('weekly.weekSpan', {
    start: format.headingDate(week.start),
    end: format.headingDate(week.end - 1),
  });
}

/** +2.35 / −1.20: a score's change, signed, two decimals. */
export function signedChange(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}
