/**
 * Numbers, dates and durations as docs/design/UI.md wants them: thousands separators; `2026-11-21 14:05`
 * in tables; `11月21日 周六` / `Sat 21 Nov` in headings; always Asia/Shanghai.
 */
import type { Locale } from './locale';
import type { Translate } from './translate';

const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface Formatters {
  /** 12,345 */
  count(value: number): string;
  /** 2026-11-21 14:05 (tables). */
  tableDateTime(epochMs: number): string;
  /** 11月21日 周六 / Sat 21 Nov (headings). */
  headingDate(epochMs: number): string;
  /** 11月23日 11:30 / 23 Nov 11:30: a deadline in a sentence. */
  dayTime(epochMs: number): string;
  /** 14:05:09 */
  clockTime(epochMs: number): string;
  /** 3天4小时 / 3 d 4 h: a span of time, to the minute. */
  duration(spanMs: number): string;
}

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

type PartMap = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function partsOf(format: Intl.DateTimeFormat, epochMs: number): PartMap {
  const parts: PartMap = {};
  for (const part of format.formatToParts(epochMs)) parts[part.type] = part.value;
  return parts;
}

export function createFormatters(locale: Locale, t: Translate): Formatters {
  const numberFormat = new Intl.NumberFormat(locale, {
    useGrouping: true,
    maximumFractionDigits: 0,
  });
  // en-CA and h23 give zero-padded numeric parts whatever the UI language; we assemble them.
  const numericDateTime = new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const heading = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: DISPLAY_TIME_ZONE,
    month: locale === 'zh-CN' ? 'numeric' : 'short',
    day: 'numeric',
    weekday: 'short',
  });

  return {
    count: (value) => numberFormat.format(value),
    tableDateTime(epochMs) {
      const p = partsOf(numericDateTime, epochMs);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    },
    headingDate(epochMs) {
      const p = partsOf(heading, epochMs);
      return locale === 'zh-CN'
        ? `${p.month}月${p.day}日 ${p.weekday}`
        : `${p.weekday} ${p.day} ${p.month}`;
    },
    dayTime(epochMs) {
      const p = partsOf(numericDateTime, epochMs);
      const month = Number(p.month);
      return locale === 'zh-CN'
        ? `${month}月${Number(p.day)}日 ${p.hour}:${p.minute}`
        : `${Number(p.day)} ${EN_MONTHS[month - 1]} ${p.hour}:${p.minute}`;
    },
    clockTime(epochMs) {
      const p = partsOf(numericDateTime, epochMs);
      return `${p.hour}:${p.minute}:${p.second}`;
    },
    duration(spanMs) {
      const span = Math.max(0, spanMs);
      const days = Math.floor(span / DAY_MS);
      const hours = Math.floor((span % DAY_MS) / HOUR_MS);
      const minutes = Math.floor((span % HOUR_MS) / MINUTE_MS);
      if (days > 0) return t('duration.daysHours', { d: days, h: hours });
      if (hours > 0) return t('duration.hoursMinutes', { h: hours, m: minutes });
      return t('duration.minutes', { m: minutes });
    },
  };
}
