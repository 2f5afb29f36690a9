/**
 * Meeting mode's pages (会议模式): the agenda cut into slides that fit a projector at large
 * type: a cover with the week's headline figures, last week's community figures, overdue
 * cases (oldest first), escalated and supervised cases, earlier items, this meeting's items.
 * Long lists continue over as many slides as they need.
 */
import type { AgendaCase, DispatchItemView, RankingRow, WeeklyAgenda } from '../../../api/contract';

export type Slide =
  | { kind: 'cover'; section: 0 }
  | { kind: 'figures'; section: 1; rows: RankingRow[]; part: number; parts: number }
  | { kind: 'overdue'; section: 2; cases: AgendaCase[]; part: number; parts: number }
  | {
      kind: 'flagged';
      section: 3;
      flag: 'escalated' | 'supervised';
      cases: AgendaCase[];
      part: number;
      parts: number;
    }
  | { kind: 'items'; section: 4 | 5; items: DispatchItemView[]; part: number; parts: number };

function chunks<T>(list: readonly T[], size: number): T[][] {
  if (list.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function buildSlides(agenda: WeeklyAgenda, rowsPerSlide: number): Slide[] {
  const rows = Math.max(3, rowsPerSlide);
  const slides: Slide[] = [{ kind: 'cover', section: 0 }];
  const figures = chunks(agenda.figures, rows);
  figures.forEach((part, i) =>
    slides.push({ kind: 'figures', section: 1, rows: part, part: i + 1, parts: figures.length }),
  );
  const overdue = chunks(
    agenda.overdue.groups.flatMap((g) => g.cases),
    rows,
  );
  overdue.forEach((part, i) =>
    slides.push({ kind: 'overdue', section: 2, cases: part, part: i + 1, parts: overdue.length }),
  );
  for (const flag of ['escalated', 'supervised'] as const) {
    const parts = chunks(agenda[flag], rows);
    parts.forEach((part, i) =>
      slides.push({
        kind: 'flagged',
        section: 3,
        flag,
        cases: part,
        part: i + 1,
        parts: parts.length,
      }),
    );
  }
  const carried = chunks(agenda.carriedItems, rows);
  carried.forEach((part, i) =>
    slides.push({ kind: 'items', section: 4, items: part, part: i + 1, parts: carried.length }),
  );
  const items = chunks(agenda.items, rows);
  items.forEach((part, i) =>
    slides.push({ kind: 'items', section: 5, items: part, part: i + 1, parts: items.length }),
  );
  return slides;
}

/** Rows of 28 px type that fit between the slide's heading and its footer. */
export function rowsThatFit(viewportHeight: number): number {
  return Math.floor((viewportHeight - 230) / 52);
}
