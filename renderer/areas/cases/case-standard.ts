/**
 * What a case shows of the 立案条件 it was registered under (the board's detail panel and the
 * map's case card): the condition, the 结案条件 the verifier checks against, and the limit in
 * its own unit with the deadline it gave ("4 工作时，截止 11月23日 11:30"). None for a case
 * registered without one (before the standard, or on a city deadline).
 */
import type { CaseDetail } from '../../../api/contract';
import { formatLimit } from '../../../core/limits/limit';
import type { LocaleContextValue } from '../../i18n/locale-context';

export interface StandardLine {
  label: string;
  text: string;
  testId: string;
}

export function standardLines(
  detail: Pick<CaseDetail, 'standard' | 'dueAt'>,
  { t, format, locale }: Pick<LocaleContextValue, 't' | 'format' | 'locale'>,
): StandardLine[] {
  const standard = detail.standard;
  if (!standard) return [];
  const limit = formatLimit(standard.limit, locale === 'zh-CN' ? 'zh' : 'en');
  const condition = standard.note
    ? `${standard.condition}（${standard.note}）`
    : standard.condition;
  return [
    { label: t('cases.detail.condition'), text: condition, testId: 'detail-condition' },
    {
      label: t('cases.detail.closeCondition'),
      text: standard.closeCondition ?? '—',
      testId: 'detail-close-condition',
    },
    {
      label: t('cases.detail.limit'),
      text:
        detail.dueAt == null
          ? limit
          : t('cases.detail.limitDue', { limit, time: format.dayTime(detail.dueAt) }),
      testId: 'detail-limit',
    },
  ];
}
