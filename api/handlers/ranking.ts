import { periodLabelZh } from '../../core/ranking/periods';
import { weighsStages, weightSetProblems } from '../../core/ranking/weight-set';
import { listBulletins, latestBulletin } from '../../db/queries/bulletins';
import { latestDraft } from '../../db/queries/bulletin-drafts';
import { currentWeightSet, listWeightSets, saveWeightSet } from '../../db/queries/weight-sets';
import type { RankingResult } from '../contract/ranking';
import { UserError } from '../errors';
import { renderRankingExport } from '../documents/ranking-export';
import {
  publishBulletin,
  rankingFromBulletin,
  requireIntactBulletin,
  toBulletinSummary,
  TREND_PERIODS,
} from '../ranking/bulletins';
import { figureCases } from '../ranking/figure-cases';
import { rankingFromDraft } from '../ranking/drafts';
import { frozenAppeals } from '../ranking/frozen-appeals';
import { computeLiveRanking, type PrecountedHandling } from '../ranking/live-ranking';
import { periodInfo, requirePeriod } from '../ranking/periods';
import { computeTrend, trendWithCounts } from '../ranking/trend';
import { freezePartySection } from '../ranking/party-section';
import type { ApiContext } from '../context';
import type { FeatureHandlers } from './types';

function liveRankingResult(
  context: ApiContext,
  periodKey: string,
  level: RankingResult['level'],
  precounted?: PrecountedHandling,
  checksum?: boolean,
): RankingResult {
  const period = requirePeriod(periodKey);
  const latest = period.kind === 'month' ? latestBulletin(context.db, period.key, level) : null;
  // The checksum says whether today's data still matches a version: needed once there is one.
  const versioned =
    latest !== null ||
    (period.kind === 'month' && latestDraft(context.db, period.key, level) !== null);
  const live = computeLiveRanking(context.db, level, period, context.now(), {
    precounted,
    // A month with a version always has one: its status compares with it.
    checksum: checksum === true || versioned,
  });
  return {
    period: periodInfo(period),
    previousPeriod: periodInfo(live.previousPeriod),
    level,
    computedAt: live.computedAt,
    weightSet: live.weightSet,
    rows: live.rows,
    previousSource: live.previousSource,
    inputsSha256: live.inputsSha256,
    bulletin: null,
    draft: null,
    latestBulletin: latest ? toBulletinSummary(latest) : null,
    trend: null,
    bulletinIntact: null,
    appeals: frozenAppeals(context.db, period, live.adjustments),
    party: null,
  };
}

/** A live ranking with its trend, counting each window's handling figures once for both. */
function liveRankingWithTrend(
  context: ApiContext,
  periodKey: string,
  level: RankingResult['level'],
) {
  const period = requirePeriod(periodKey);
  const weightSet = currentWeightSet(context.db, context.now());
  // The trend's points are scores: with no stage weighted, only the month itself (which is
  // also ranked, with its stage rates) carries the six stage counts, not all twelve windows.
  const { trend, counts } = trendWithCounts(
    context.db,
    level,
    period,
    TREND_PERIODS,
    weightSet,
    context.now(),
    weighsStages(weightSet.weights) ? 'all' : 'last',
  );
  const last = TREND_PERIODS - 1;
  // An export prints its checksum (ranking-notes.ts): always computed.
  const ranked = liveRankingResult(
    context,
    periodKey,
    level,
    {
      current: counts.filter((row) => row.periodIndex === last),
      previous: counts.filter((row) => row.periodIndex === last - 1),
    },
    true,
  );
  // A live export carries the 党建引领 section as it stands, like a bulletin's frozen one.
  const ranking = { ...ranked, party: freezePartySection(context.db, period, context.now()) };
  return { ranking, trend };
}

/** Weights and tiers are the admin's to change (docs/design/DOMAIN.md); before sign-in exists, the system acts. */
function requireAdmin(context: ApiContext): void {
  if (context.actor.role === 'admin' || context.actor.role === 'system') return;
  throw new UserError('forbidden', {
    zh: '只有管理员可以修改评价权重与分级分数线。',
    en: 'Only an administrator can change the index weights and thresholds.',
  });
}

export const rankingHandlers = {
  'ranking.compute': (context, input) =>
    input.bulletinId !== undefined
      ? rankingFromBulletin(context.db, input.bulletinId)
      : input.draftId !== undefined
        ? rankingFromDraft(context.db, input.draftId)
        : liveRankingResult(context, input.period, input.level, undefined, input.checksum),

  'ranking.trend': (context, input) =>
    computeTrend(
      context.db,
      input.level,
      requirePeriod(input.period),
      input.count,
      currentWeightSet(context.db, context.now()),
      context.now(),
    ),

  'ranking.cases': (context, input) =>
    figureCases(context.db, {
      period: requirePeriod(input.period),
      level: input.level,
      unitCode: input.unitCode,
      figure: input.figure,
      bulletinId: input.bulletinId,
      draftId: input.draftId,
      limit: input.limit,
      now: context.now(),
    }),

  'ranking.weights': (context) => ({
    current: currentWeightSet(context.db, context.now()),
    history: listWeightSets(context.db),
  }),

  'ranking.weights.save': (context, input) => {
    requireAdmin(context);
    const problems = weightSetProblems(input.weights, input.tiers, input.grades);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new UserError(
        'invalid_weights',
        { zh: `${first.field}：${first.zh}。`, en: `${first.field}: ${first.en}.` },
        first.field,
      );
    }
    const saved = saveWeightSet(
      context.db,
      input.weights,
      input.tiers,
      input.grades,
      context.actor.name,
      context.now(),
    );
    context.live.publish({ type: 'data.changed', at: context.now() });
    return saved;
  },

  'ranking.export': async (context, input) => {
    // A bulletin exports exactly what it froze, its trend included.
    const { ranking, trend } =
      input.bulletinId !== undefined
        ? (() => {
            const frozen = rankingFromBulletin(context.db, input.bulletinId);
            // A bulletin whose checksum fails is shown with a banner but never sent on.
            requireIntactBulletin(frozen);
            return { ranking: frozen, trend: frozen.trend! };
          })()
        : input.draftId !== undefined
          ? (() => {
              const frozen = rankingFromDraft(context.db, input.draftId);
              return { ranking: frozen, trend: frozen.trend! };
            })()
          : liveRankingWithTrend(context, input.period, input.level);
    return renderRankingExport(context.db, {
      format: input.format,
      ranking,
      trend,
      periodLabel: periodLabelZh(requirePeriod(ranking.period.key)),
    });
  },

  'bulletin.publish': (context, input) => {
    const summary = publishBulletin(context.db, {
      period: requirePeriod(input.period, 'period', 'month'),
      level: input.level,
      notes: input.notes?.trim() || null,
      closeAppealWindow: input.closeAppealWindow,
      actor: context.actor.name,
      now: context.now(),
    });
    context.live.publish({ type: 'data.changed', at: context.now() });
    return summary;
  },

  'bulletin.list': (context, input) =>
    listBulletins(context.db, { period: input.period, level: input.level }).map(toBulletinSummary),
} satisfies FeatureHandlers<
  | 'ranking.compute'
  | 'ranking.trend'
  | 'ranking.cases'
  | 'ranking.weights'
  | 'ranking.weights.save'
  | 'ranking.export'
  | 'bulletin.publish'
  | 'bulletin.list'
>;
