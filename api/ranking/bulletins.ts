/**
 * Publishing a bulletin (发布通报) and reading one back. Publishing freezes the live ranking,
 * its trend and the case ids behind every figure; a month that has not ended cannot be
 * published, and a re-computation whose inputs are unchanged is refused rather than
 * stored as a duplicate version.
 */
import { periodLabelZh, type Period } from '../../core/ranking/periods';
import type { RankingLevel } from '../../core/ranking/ranking';
import {
  bulletinById,
  insertBulletin,
  latestBulletin,
  streetName,
  type BulletinRecord,
  type BulletinSummaryRecord,
} from '../../db/queries/bulletins';
import type { Db } from '../../db/open';
import type { BulletinSummary, RankingResult } from '../contract/ranking';
import { UserError } from '../errors';
import {
  BULLETIN_FIGURES_SCHEMA,
  parseBulletinFigures,
  type BulletinFigures,
} from './bulletin-figures';
import { computeLiveRanking } from './live-ranking';
import { frozenAppeals } from './frozen-appeals';
import { pendingAppealCount } from '../../db/queries/appeals';
import { appealWindow } from '../../db/queries/bulletin-drafts';
import { formatDateTime } from '../../core/time';
import { periodInfo } from './periods';
import { computeTrend } from './trend';
import { freezePartySection } from './party-section';

export const TREND_PERIODS = 12;

const LEVEL_TITLE: Record<RankingLevel, string> = {
  community: '',
  grid: '（网格）',
  unit: '（责任单位）',
};

/** 示范街道2026年10月城市治理案件办理情况通报 (docs/design/UI.md). */
export function bulletinTitle(street: string | null, period: Period, level: RankingLevel): string {
  return `${street ?? ''}${periodLabelZh(period)}城市治理案件办理情况通报${LEVEL_TITLE[level]}`;
}

export function toBulletinSummary(record: BulletinSummaryRecord): BulletinSummary {
  return {
    id: record.id,
    period: record.period,
    level: record.level,
    version: record.version,
    title: record.title,
    weightSetId: record.weightSetId,
    inputsSha256: record.inputsSha256,
    notes: record.notes,
    publishedAt: record.publishedAt,
    publishedBy: record.publishedBy,
  };
}

export function publishBulletin(
  db: Db,
  input: {
    period: Period;
    level: RankingLevel;
    notes: string | null;
    actor: string;
    now: number;
    /** Publishing before the month's appeal window ends closes it: only when said so. */
    closeAppealWindow?: boolean;
  },
): BulletinSummary {
  const { period, level, now } = input;
  const label = periodLabelZh(period);
  if (period.end > now) {
    throw new UserError(
      'period_not_over',
      {
        zh: `${label}尚未结束，不能发布通报：请在月末之后发布。`,
        en: `${period.key} has not ended yet; publish its bulletin after the month is over.`,
      },
      'period',
    );
  }
  // One write transaction: the figures, the trend and the checksum come from one snapshot.
  return db
    .transaction(() => {
      refuseWhileAppealsPending(db, period);
      refuseWhileWindowOpen(db, period, now, input.closeAppealWindow === true);
      const { live, figures, inputsSha256 } = freezeFigures(db, level, period, now);
      const latest = latestBulletin(db, period.key, level);
      if (latest && sameInputs(latest, figures)) {
        throw new UserError(
          'bulletin_unchanged',
          {
            zh: `${label}的通报第 ${latest.version} 版与当前数据完全一致，无需再发布新版本。`,
            en: `Version ${latest.version} of the ${period.key} bulletin already has exactly these inputs; no new version is needed.`,
          },
          'period',
        );
      }
      return toBulletinSummary(
        insertBulletin(db, {
          period: period.key,
          level,
          title: bulletinTitle(streetName(db), period, level),
          weightSetId: live.weightSet.id,
          inputsSha256,
          figures: JSON.stringify(figures),
          notes: input.notes,
          publishedAt: now,
          publishedBy: input.actor,
        }),
      );
    })
    .immediate();
}

/**
 * Whether a version already froze exactly these inputs: the ranking's (cases and weights)
 * and the 党建引领 section's. A version from before the section existed differs.
 */
export function sameInputs(
  version: { inputsSha256: string; figures: string },
  figures: BulletinFigures,
): boolean {
  if (version.inputsSha256 !== figures.inputsSha256) return false;
  const frozen = parseBulletinFigures(version.figures);
  return frozen.party?.sha256 === figures.party?.sha256;
}

/**
 * The figures a bulletin or a draft freezes: the ranking, its trend, the cases behind every
 * figure, the month's appeals with their decisions and the 党建引领 section (the caller holds
 * the transaction).
 */
export function freezeFigures(
  db: Db,
  level: RankingLevel,
  period: Period,
  now: number,
): {
  live: ReturnType<typeof computeLiveRanking>;
  figures: BulletinFigures;
  inputsSha256: string;
} {
  const live = computeLiveRanking(db, level, period, now, { caseFlags: true, checksum: true });
  const inputsSha256 = live.inputsSha256;
  if (inputsSha256 === null) throw new Error('the inputs checksum was asked for');
  const figures: BulletinFigures = {
    schema: BULLETIN_FIGURES_SCHEMA,
    period: periodInfo(period),
    previousPeriod: periodInfo(live.previousPeriod),
    level,
    computedAt: now,
    weightSet: live.weightSet,
    rows: live.rows,
    previousSource: live.previousSource,
    inputsSha256,
    trend: computeTrend(db, level, period, TREND_PERIODS, live.weightSet, now),
    cases: Object.fromEntries(live.caseFlags ?? []),
    appeals: frozenAppeals(db, period, live.adjustments),
    party: freezePartySection(db, period, now),
  };
  return { live, figures, inputsSha256 };
}

/**
 * The units have until the window's end to appeal: publishing earlier takes that from them,
 * so it is refused unless the leader says to close the window (提前结束申诉期).
 */
function refuseWhileWindowOpen(db: Db, period: Period, now: number, close: boolean): void {
  const window = appealWindow(db, period.key);
  if (!window || now > window.closesAt || close) return;
  throw new UserError(
    'appeal_window_open',
    {
      zh: `${periodLabelZh(period)}的申诉期至 ${formatDateTime(window.closesAt)} 结束，各单位仍可申诉：请在申诉期结束后发布，或勾选“提前结束申诉期”后发布。`,
      en: `The appeal window for ${period.key} runs until ${formatDateTime(window.closesAt)}; units may still appeal. Publish after it ends, or tick "close the appeal window early".`,
    },
    'closeAppealWindow',
  );
}

/** A month with appeals still waiting for a decision cannot be published: they may change it. */
function refuseWhileAppealsPending(db: Db, period: Period): void {
  const pending = pendingAppealCount(db, period.key);
  if (pending === 0) return;
  throw new UserError(
    'appeals_pending',
    {
      zh: `${periodLabelZh(period)}还有 ${pending} 件申诉尚未决定：请先在“申诉”中逐件批准或驳回，再发布通报。`,
      en: `${pending} appeal(s) for ${period.key} are still undecided: approve or reject each under Appeals before publishing.`,
    },
    'period',
  );
}

function bulletinOrRefuse(db: Db, id: number): BulletinRecord {
  const record = bulletinById(db, id);
  if (!record) {
    throw new UserError(
      'bulletin_not_found',
      {
        zh: `没有编号为 ${id} 的已发布通报。`,
        en: `There is no published bulletin with id ${id}.`,
      },
      'bulletinId',
    );
  }
  return record;
}

/** A bulletin and its parsed figures; figures tampered into another shape fail in a sentence. */
export function requireBulletin(
  db: Db,
  id: number,
): { record: BulletinRecord; figures: BulletinFigures } {
  const record = bulletinOrRefuse(db, id);
  try {
    return { record, figures: parseBulletinFigures(record.figures) };
  } catch (error) {
    if (record.checksumOk) throw error;
    throw new UserError(
      'bulletin_checksum_mismatch',
      bulletinMismatchSentence(record),
      'bulletinId',
    );
  }
}

const LEVEL_ZH: Record<RankingLevel, string> = {
  community: '社区',
  grid: '网格',
  unit: '责任单位',
};

/**
 * The sentence for a bulletin whose stored figures no longer match the checksum taken when
 * it was published (someone changed the database file around the triggers).
 */
function bulletinMismatchSentence(record: Pick<BulletinRecord, 'period' | 'level' | 'version'>): {
  zh: string;
  en: string;
} {
  return {
    zh: `此通报与其校验值不符：${record.period}（${LEVEL_ZH[record.level]}）第 ${record.version} 版发布后，数据库中存储的数据被改动过，不能作为正式通报导出。请运行 griddesk verify 查看，或重新发布新版本。`,
    en: `This bulletin no longer matches its checksum: version ${record.version} of ${record.period} (${record.level}) was changed in the database after it was published, so it cannot be exported. Run griddesk verify for details, or publish a new version.`,
  };
}

/** Refuses to hand out a bulletin whose checksum fails as a document to be sent on. */
export function requireIntactBulletin(ranking: RankingResult): void {
  if (ranking.bulletin && ranking.bulletinIntact !== true)
    throw new UserError(
      'bulletin_checksum_mismatch',
      bulletinMismatchSentence(ranking.bulletin),
      'bulletinId',
    );
}

/**
 * A published bulletin's frozen ranking, in the same shape as a live one. A bulletin whose
 * checksum fails is still shown (`bulletinIntact: false`, and the screen says so in a
 * banner); figures tampered into another shape fail with the sentence (requireBulletin).
 */
export function rankingFromBulletin(db: Db, id: number): RankingResult {
  const { record, figures } = requireBulletin(db, id);
  return rankingFromFigures(db, figures, {
    bulletin: toBulletinSummary(record),
    draft: null,
    bulletinIntact: record.checksumOk,
  });
}

/** Frozen figures (a bulletin's or a draft's) as a ranking, with what they are. */
export function rankingFromFigures(
  db: Db,
  figures: BulletinFigures,
  what: Pick<RankingResult, 'bulletin' | 'draft' | 'bulletinIntact'>,
): RankingResult {
  const latest = latestBulletin(db, figures.period.key, figures.level);
  return {
    period: figures.period,
    previousPeriod: figures.previousPeriod,
    level: figures.level,
    computedAt: figures.computedAt,
    weightSet: figures.weightSet,
    rows: figures.rows,
    previousSource: figures.previousSource,
    inputsSha256: figures.inputsSha256,
    ...what,
    latestBulletin: latest ? toBulletinSummary(latest) : null,
    trend: figures.trend,
    appeals: figures.appeals ?? [],
    party: figures.party ?? null,
  };
}
