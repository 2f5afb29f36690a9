/** The words and number formats that exported documents share (zh-CN, docs/design/UI.md's formats). */
import type { RankingResult } from '../contract/ranking';
import type { RankingLevel } from '../../core/ranking/ranking';
import type { Tier } from '../../core/ranking/weight-set';
import { toWallClock } from '../../core/time';

export const LEVEL_ZH: Record<RankingLevel, string> = {
  community: '社区',
  grid: '网格',
  unit: '责任单位',
};
export const TIER_ZH: Record<Tier, string> = { blue: '蓝', yellow: '黄', red: '红' };

/** 87.5% ; — when there is no denominator. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Two decimals (docs/design/UI.md); — for an unranked unit. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}

/** ▲2 up, ▼1 down, 持平, 新 when it was unranked last time, — when unranked now. */
export function rankChangeText(rank: number | null, previousRank: number | null): string {
  if (rank === null) return '—';
  if (previousRank === null) return '新';
  const change = previousRank - rank;
  if (change > 0) return `▲${change}`;
  if (change < 0) return `▼${-change}`;
  return '持平';
}

/** 2026年11月3日 */
export function dateZh(epochMs: number): string {
  const w = toWallClock(epochMs);
  return `${w.year}年${w.month}月${w.day}日`;
}

export function countText(n: number): string {
  return n.toLocaleString('en-US');
}

/** 10月 for a month, 第47周 for a week: chart axis labels. */
export function shortPeriodLabel(key: string): string {
  const week = /-W(\d{2})$/.exec(key);
  return week ? `第${Number(week[1])}周` : `${Number(key.slice(5))}月`;
}

/** What the document says it is: a published version, a draft for comment, or live figures. */
export function versionWords(ranking: RankingResult): string {
  if (ranking.bulletin) return `第 ${ranking.bulletin.version} 版`;
  if (ranking.draft) return `征求意见稿第 ${ranking.draft.version} 版`;
  return '未发布（实时计算）';
}

/** When the figures were frozen (published or drafted), else computed. */
export function documentDate(ranking: RankingResult): number {
  return ranking.bulletin?.publishedAt ?? ranking.draft?.createdAt ?? ranking.computedAt;
}
