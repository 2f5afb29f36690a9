/**
 * The work calendar (工作日历): weekends off, weekdays on, except the official holidays
 * (法定节假日) and make-up working days (调休, e.g. Saturday 10 Oct 2026) that override them.
 */
import { DAY_MS, SHANGHAI_OFFSET_MS, dayString, startOfDay, type DayString } from './time';

type DayKind = 'holiday' | 'workday';

interface CalendarDay {
  day: DayString;
  kind: DayKind;
  name: string;
}

export class WorkCalendar {
  private readonly overrides: ReadonlyMap<DayString, DayKind>;
  /**
   * Answers by Shanghai day number (days since 1970-01-01 Shanghai). The calendar never changes
   * once built, so a day's answer is computed once: deadlines over a million registrations ask
   * about the same few hundred days again and again, and dayString() is the costly part.
   */
  private readonly answers = new Map<number, boolean>();

  constructor(days: Iterable<Pick<CalendarDay, 'day' | 'kind'>>) {
    const map = new Map<DayString, DayKind>();
    for (const d of days) map.set(d.day, d.kind);
    this.overrides = map;
  }

  /** Whether the Shanghai day holding `epochMs` is a working day. */
  isWorkingDay(epochMs: number): boolean {
    const dayNumber = Math.floor((epochMs + SHANGHAI_OFFSET_MS) / DAY_MS);
    const known = this.answers.get(dayNumber);
    if (known !== undefined) return known;
    const override = this.overrides.get(dayString(epochMs));
    // Day 0 (1 Jan 1970) was a Thursday: weekday = (dayNumber + 4) mod 7, 0 = Sunday.
    const weekday = (((dayNumber + 4) % 7) + 7) % 7;
    const answer = override ? override === 'workday' : weekday !== 0 && weekday !== 6;
    this.answers.set(dayNumber, answer);
    return answer;
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
