/** Words of the minutes (会议纪要): overdue age groups and dispatch item states in Chinese. */
import type { DispatchItemStatus, OverdueAgeGroup } from '../../core/weekly/agenda-rules';
import { formatDateTime } from '../../core/time';
import { periodLabelZh, parsePeriodKey } from '../../core/ranking/periods';
import type { WeeklyAgenda } from '../contract/weekly';

export const AGE_GROUP_ZH: Record<OverdueAgeGroup, string> = {
  over7d: '超期 7 天以上',
  from3to7d: '超期 3–7 天',
  from1to3d: '超期 1–3 天',
  under1d: '超期不足 1 天',
};

export const ITEM_STATUS_ZH: Record<DispatchItemStatus, string> = {
  open: '办理中',
  done: '已办结',
  overdue: '已逾期',
};

/** 示范街道2026年第47周调度会议纪要 */
export function minutesTitle(street: string | null, agenda: WeeklyAgenda): string {
  return `${street ?? ''}${periodLabelZh(parsePeriodKey(agenda.week.key)!)}调度会议纪要`;
}

export function meetingLine(agenda: WeeklyAgenda): string {
  const m = agenda.meeting;
  const parts = [
    `会议时间：${m?.heldAt ? formatDateTime(m.heldAt) : '（未填写）'}`,
    `主持：${m?.chair || '（未填写）'}`,
  ];
  return parts.join('\u3000\u3000');
}

export function weekSpan(agenda: WeeklyAgenda): string {
  const start = formatDateTime(agenda.figuresWeek.start).slice(0, 10);
  const end = formatDateTime(agenda.figuresWeek.end - 1).slice(0, 10);
  return `${periodLabelZh(parsePeriodKey(agenda.figuresWeek.key)!)}（${start} 至 ${end}）`;
}
