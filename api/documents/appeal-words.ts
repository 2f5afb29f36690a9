/**
 * The words a bulletin's export uses for its month's appeals (申诉及处理结果): the decision,
 * what it did to this level's figures, and the summary line. Shared by the xlsx and the PDF.
 */
import { APPEAL_REASON_ZH, type AppealStatus } from '../../core/ranking/appeals';
import { formatDateTime } from '../../core/time';
import type { FrozenAppeal, RankingResult } from '../contract/ranking';
import { countText } from './document-words';

export const APPEALS_TITLE = '申诉及处理结果';
export const NO_APPEALS_LINE = '本月无申诉。';

export const APPEAL_STATUS_ZH: Record<AppealStatus, string> = {
  approved: '已批准',
  rejected: '已驳回',
  pending: '待决定',
};

/** A unit of this level by its name in the ranking's rows, else its code. */
function unitLabel(ranking: RankingResult, code: string): string {
  return ranking.rows.find((r) => r.unitCode === code)?.unitName ?? code;
}

/** 从甲社区核减 / 由甲社区移至乙社区 / 无 (rejected, undecided, or not touching this level). */
export function appealEffectText(ranking: RankingResult, appeal: FrozenAppeal): string {
  const applied = appeal.status === 'approved' ? appeal.applied : null;
  if (!applied) return '无';
  const from = unitLabel(ranking, applied.fromUnit);
  return applied.toUnit === null
    ? `从${from}核减`
    : `由${from}移至${unitLabel(ranking, applied.toUnit)}`;
}

export function appealReasonKindText(appeal: FrozenAppeal): string {
  return APPEAL_REASON_ZH[appeal.reasonKind] ?? appeal.reasonKind;
}

export function appealDecidedAtText(appeal: FrozenAppeal): string | null {
  return appeal.decidedAt === null ? null : formatDateTime(appeal.decidedAt);
}

/** 本月共收到申诉 2 件，其中批准 1 件、驳回 1 件；经批准调整本级排名数据的 1 件。 */
export function appealsSummary(ranking: RankingResult): string {
  const appeals = ranking.appeals;
  const tally = { approved: 0, rejected: 0, pending: 0 };
  for (const a of appeals) tally[a.status] += 1;
  const applied = appeals.filter((a) => a.status === 'approved' && a.applied).length;
  const parts = [`批准 ${countText(tally.approved)} 件`, `驳回 ${countText(tally.rejected)} 件`];
  if (tally.pending > 0) parts.push(`待决定 ${countText(tally.pending)} 件`);
  return (
    `本月共收到申诉 ${countText(appeals.length)} 件，其中${parts.join('、')}；` +
    `经批准调整本级排名数据的 ${countText(applied)} 件，表中数据已按处理结果计算。`
  );
}
