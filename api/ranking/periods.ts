/** Period keys from the API's edge, turned into periods or refused with a sentence. */
import { parsePeriodKey, type Period, type PeriodKind } from '../../core/ranking/periods';
import type { PeriodInfo } from '../contract/ranking';
import { UserError } from '../errors';

export function requirePeriod(key: string, where = 'period', kind?: PeriodKind): Period {
  const period = parsePeriodKey(key);
  if (!period) {
    throw new UserError(
      'invalid_period',
      {
        zh: `${where}：${key} 不是一个存在的月份（YYYY-MM）或 ISO 周（YYYY-Www）。`,
        en: `${where}: ${key} is not a real month (YYYY-MM) or ISO week (YYYY-Www).`,
      },
      where,
    );
  }
  if (kind && period.kind !== kind) {
    throw new UserError(
      'invalid_period',
      kind === 'month'
        ? {
            zh: `${where}：这里需要月份（YYYY-MM），不是 ${key}。`,
            en: `${where}: a month (YYYY-MM) is needed here, not ${key}.`,
          }
        : {
            zh: `${where}：这里需要 ISO 周（YYYY-Www），不是 ${key}。`,
            en: `${where}: an ISO week (YYYY-Www) is needed here, not ${key}.`,
          },
      where,
    );
  }
  return period;
}

export function periodInfo(period: Period): PeriodInfo {
  return { kind: period.kind, key: period.key, start: period.start, end: period.end };
}
