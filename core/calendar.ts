/**
 * The work calendar (工作日历): weekends off, weekdays on, except the official holidays
 * (法定节假日) and make-up working days (调休, e.g. Saturday 10 Oct 2026) that override them.
 */
import { DAY_MS, dayString, startOfDay, type DayString } from './time';

type DayKind = 'holiday' | 'workday';

interface CalendarDay {
  day: DayString;
  kind: DayKind;
  name: string;
}

export class WorkCalendar {
  private readonly overrides: ReadonlyMap<DayString, DayKind>;

  constructor(days: Iterable<Pick<CalendarDay, 'day' | 'kind'>>) {
    const map = new Map<DayString, DayKind>();
    for (const d of days) map.set(d.day, d.kind);
    this.overrides = map;
  }

  /** Whether the Shanghai day holding `epochMs` is a working day. */
  isWorkingDay(epochMs: number): boolean {
    const override = this.overrides.get(dayString(epochMs));
    if (override) return override === 'workday';
    const weekday = new Date(epochMs + 8 * 3600_000).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The deadline N working days after `registeredAt` (docs/design/DOMAIN.md): the same time of day, on
   * the N-th working day after the registration day. A registration on a non-working day
   * counts as 00:00 of the next working day.
   */
  addWorkingDays(registeredAt: number, workingDays: number): number {
    let dayStart = startOfDay(registeredAt);
    let timeOfDay = registeredAt - dayStart;
    if (!this.isWorkingDay(registeredAt)) {
      do dayStart += DAY_MS;
      while (!this.isWorkingDay(dayStart));
      timeOfDay = 0;
    }
    let remaining = workingDays;
    while (remaining > 0) {
      dayStart += DAY_MS;
      if (this.isWorkingDay(dayStart)) remaining -= 1;
    }
    return dayStart + timeOfDay;
  }
}
