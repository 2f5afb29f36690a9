/**
 * The work calendar's exceptions (工作日历) as the admin edits them: official holidays and
 * make-up working days (调休), per year. A day without a row follows the week (Mon–Fri work).
 */
import type { Db } from '../open';

export interface CalendarDayRow {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: 'official' | 'provisional' | 'admin';
}

export function listCalendarDays(db: Db, year: number): CalendarDayRow[] {
  return db
    .prepare<[string], CalendarDayRow>(
      'SELECT day, kind, name, source FROM calendar_days WHERE day GLOB ? ORDER BY day',
    )
    .all(`${year}-*`);
}

export function calendarYears(db: Db): Array<{ year: number; days: number; provisional: number }> {
  return db
    .prepare<[], { year: number; days: number; provisional: number }>(
      `SELECT CAST(substr(day, 1, 4) AS INTEGER) AS year, count(*) AS days,
              sum(source = 'provisional') AS provisional
         FROM calendar_days GROUP BY substr(day, 1, 4) ORDER BY year`,
    )
    .all();
}

export function upsertCalendarDay(db: Db, day: CalendarDayRow): void {
  db.prepare(
    `INSERT INTO calendar_days (day, kind, name, source) VALUES (@day, @kind, @name, @source)
     ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, source = excluded.source`,
  ).run(day);
}

export function deleteCalendarDay(db: Db, day: string): boolean {
  return db.prepare('DELETE FROM calendar_days WHERE day = ?').run(day).changes > 0;
}
