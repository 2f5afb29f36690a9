/**
 * A month's draft bulletin (通报征求意见稿): the ranking of all three levels frozen for the
 * units to check, which opens the month's appeal window (default 3 working days, setting
 * 'appeals.windowWorkingDays'). A later draft, made after decisions, shows the corrected
 * figures as its next version; the window stays the first draft's.
 */
import { z } from 'zod';
import { periodLabelZh, type Period } from '../../core/ranking/periods';
import { RANKING_LEVELS, type RankingLevel } from '../../core/ranking/ranking';
import { formatDateTime } from '../../core/time';
import {
  appealWindow,
  draftById,
  insertDraft,
  latestDraft,
  type DraftRecord,
  type DraftSummary,
} from '../../db/queries/bulletin-drafts';
import { latestBulletin, streetName } from '../../db/queries/bulletins';
import { loadWorkCalendar } from '../../db/queries/clock-rules';
import type { Db } from '../../db/open';
import { UserError } from '../errors';
import type { RankingResult } from '../contract/ranking';
import { parseBulletinFigures, type BulletinFigures } from './bulletin-figures';
import { bulletinTitle, freezeFigures, rankingFromFigures, sameInputs } from './bulletins';

export const DEFAULT_APPEAL_WINDOW_WORKING_DAYS = 3;

/** The window's length in working days: the admin's setting, else 3. */
export function appealWindowWorkingDays(db: Db): number {
  const value = db
    .prepare<[string], string>('SELECT value FROM settings WHERE key = ?')
    .pluck()
    .get('appeals.windowWorkingDays');
  const parsed = z
    .number()
    .int()
    .min(1)
    .max(30)
    .safeParse(value ? JSON.parse(value) : null);
  return parsed.success ? parsed.data : DEFAULT_APPEAL_WINDOW_WORKING_DAYS;
}

/** Drafts the month at every level in one transaction; refused before the month ends or after it is published. */
export function draftBulletins(
  db: Db,
  input: { period: Period; actor: string; now: number },
): DraftSummary[] {
  const { period, now } = input;
  const label = periodLabelZh(period);
  if (period.end > now) {
    throw new UserError(
      'period_not_over',
      {
        zh: `${label}尚未结束，不能出通报征求意见稿：请在月末之后再出。`,
        en: `${period.key} has not ended yet; draft its bulletin after the month is over.`,
      },
      'period',
    );
  }
  return db
    .transaction(() => {
      refuseWhenPublished(db, period);
      const window = appealWindow(db, period.key);
      const deadline =
        window?.closesAt ?? loadWorkCalendar(db).addWorkingDays(now, appealWindowWorkingDays(db));
      const title = (level: RankingLevel) =>
        `${bulletinTitle(streetName(db), period, level)}（征求意见稿）`;
      const made: DraftSummary[] = [];
      for (const level of RANKING_LEVELS) {
        const { figures, inputsSha256 } = freezeFigures(db, level, period, now);
        // A draft identical to the last one would only repeat it.
        const last = latestDraft(db, period.key, level);
        if (last && sameInputs(last, figures)) continue;
        made.push(
          insertDraft(db, {
            period: period.key,
            level,
            title: title(level),
            inputsSha256,
            figures: JSON.stringify(figures),
            appealDeadline: deadline,
            createdAt: now,
            createdBy: input.actor,
          }),
        );
      }
      if (made.length === 0) {
        throw new UserError(
          'draft_unchanged',
          {
            zh: `${label}的征求意见稿与当前数据完全一致，无需再出新版本。`,
            en: `The ${period.key} draft already has exactly these inputs; no new version is needed.`,
          },
          'period',
        );
      }
      return made;
    })
    .immediate();
}

/** Once a month is published at any level, its figures are final: no new draft, no new appeal. */
export function refuseWhenPublished(db: Db, period: Period): void {
  for (const level of RANKING_LEVELS) {
    const published = latestBulletin(db, period.key, level);
    if (!published) continue;
    throw new UserError(
      'bulletin_already_published',
      {
        zh: `${periodLabelZh(period)}的通报已于 ${formatDateTime(published.publishedAt)} 发布，申诉与征求意见已结束。`,
        en: `The ${period.key} bulletin was published at ${formatDateTime(published.publishedAt)}; drafts and appeals for it are closed.`,
      },
      'period',
    );
  }
}

function draftOrRefuse(db: Db, id: number): DraftRecord {
  const draft = draftById(db, id);
  if (!draft) {
    throw new UserError(
      'draft_not_found',
      {
        zh: `没有编号为 ${id} 的通报征求意见稿。`,
        en: `There is no draft bulletin with id ${id}.`,
      },
      'draftId',
    );
  }
  return draft;
}

/** A draft's frozen figures, checked to be of the period and level asked for. */
export function requireDraft(
  db: Db,
  id: number,
  expected?: { period: string; level: RankingLevel },
): { draft: DraftRecord; figures: BulletinFigures } {
  const draft = draftOrRefuse(db, id);
  if (expected && (draft.period !== expected.period || draft.level !== expected.level)) {
    throw new UserError(
      'draft_mismatch',
      {
        zh: `征求意见稿 ${id} 是 ${draft.period} 的${draft.level}排名，不是 ${expected.period} 的${expected.level}排名。`,
        en: `Draft ${id} ranks ${draft.level} for ${draft.period}, not ${expected.level} for ${expected.period}.`,
      },
      'draftId',
    );
  }
  return { draft, figures: parseBulletinFigures(draft.figures) };
}

/** A draft's frozen ranking, in the same shape as a live one (what the units were sent). */
export function rankingFromDraft(db: Db, id: number): RankingResult {
  const { draft, figures } = requireDraft(db, id);
  const { figures: _f, ...summary } = draft;
  return rankingFromFigures(db, figures, { bulletin: null, draft: summary, bulletinIntact: null });
}
