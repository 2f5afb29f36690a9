/** The words around a ranking's figures: the summary paragraph and the notes on method. */
import type { RankingResult } from '../contract/ranking';
import { countText, dateZh, LEVEL_ZH, scoreText } from './document-words';

export function rankingSummary(ranking: RankingResult, periodLabel: string): string {
  const level = LEVEL_ZH[ranking.level];
  const ranked = ranking.rows.filter((r) => r.rank !== null);
  const tally = { blue: 0, yellow: 0, red: 0 };
  for (const row of ranked) if (row.tier) tally[row.tier] += 1;
  const total = ranking.rows.reduce(
    (sum, r) => ({
      due: sum.due + r.counts.due,
      closed: sum.closed + r.counts.closed,
      onTime: sum.onTime + r.counts.onTime,
      reported: sum.reported + r.counts.reported,
    }),
    { due: 0, closed: 0, onTime: 0, reported: 0 },
  );
  if (ranked.length === 0) {
    return `${periodLabel}没有应结案件，各${level}均未参与排名；共受理案件 ${countText(total.reported)} 件。`;
  }
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  const unranked = ranking.rows.length - ranked.length;
  return (
    `${periodLabel}共 ${ranked.length} 个${level}参与排名${unranked > 0 ? `（另有 ${unranked} 个${level}无应结案件，未排名）` : ''}，` +
    `其中蓝色 ${tally.blue} 个、黄色 ${tally.yellow} 个、红色 ${tally.red} 个。` +
    `应结案 ${countText(total.due)} 件，结案 ${countText(total.closed)} 件，按期结案 ${countText(total.onTime)} 件；` +
    `受理案件 ${countText(total.reported)} 件。综合指标值最高的是${best.unitName}（${scoreText(best.score)}），` +
    `最低的是${worst.unitName}（${scoreText(worst.score)}）。`
  );
}

export function methodNotes(ranking: RankingResult): string[] {
  const w = ranking.weightSet.weights;
  const t = ranking.weightSet.tiers;
  const g = ranking.weightSet.grades;
  const notes = [
    '1. 应结案数：立案且在本期内“结案时间与处置截止时间（含延期、扣除挂账时间）中较早者”落入本期的案件；挂账中的案件恢复前不计，作废案件一律不计。结案数为其中在本期结束前结案的件数，按期结案数为其中在截止时间或之前结案的件数。',
    '2. 返工数、延期数为应结案件中至少返工、延期一次的件数；满意率 = 满意与基本满意件数 / 有回访结果的件数（同一批应结案件）。受理数、立案数按上报时间计入本期；及时受理率 = 在受理时限内立案的件数 / 立案数。',
    `3. 综合指标值 = 100 ×（${w.onTimeRate}×按期结案率 + ${w.closureRate}×结案率 + ${w.reworkFree}×（1 − 返工率）+ ${w.satisfactionRate}×满意率）；某项指标分母为零时不计入，其余权重按比例放大至合计为 1。分级：蓝 ≥ ${t.blue}，黄 ≥ ${t.yellow}，红 < ${t.yellow}；等级：A ≥ ${g.A}，B ≥ ${g.B}，C ≥ ${g.C}，D ≥ ${g.D}，E < ${g.D}。分级、等级与排名均按未经四舍五入的分值确定，表中保留两位小数。`,
    '4. 排名：综合指标值高者在前；相同时按期结案率高者在前，再相同时应结案数多者在前，再按单位编码。无应结案件的单位列于表末，不排名。“变化”为与上期名次相比（▲上升、▼下降，“新”表示上期未排名）。',
    `5. 单位归属：社区、网格按案件所在位置；责任单位按主办单位计，协办单位不计。权重版本 v${ranking.weightSet.id}；上期名次来源：${ranking.previousSource === 'bulletin' ? '上期已发布通报' : '按当前数据计算'}。`,
    `6. 数据校验码（SHA-256，覆盖本期所用全部案件数据与权重）：${ranking.inputsSha256}`,
  ];
  if (ranking.party) {
    notes.push(
      `${notes.length + 1}. 党建引领：报到党员为期末前已报到的在职党员（按居住社区），活跃党员为本期有服务记录者；实施项目为本期内计划实施且未取消的项目，完成项目按实际完成日期计，超期项目与超期心愿按${ranking.bulletin || ranking.draft ? '冻结' : '计算'}时点（不晚于期末）计；心愿按发布、认领、实现时间计入本期；党员参与占比 = 志愿活动中党员人次 / 参与人次。校验码（SHA-256）：${ranking.party.sha256}`,
    );
  }
  const n = notes.length + 1;
  if (ranking.bulletin) {
    notes.push(
      `${n}. 本通报为第 ${ranking.bulletin.version} 版，${dateZh(ranking.bulletin.publishedAt)}由${ranking.bulletin.publishedBy}发布；发布后数据即冻结，此后的导入或更正不改变本通报，重新计算将作为新版本发布。`,
    );
    if (ranking.bulletin.notes) notes.push(`备注：${ranking.bulletin.notes}`);
  } else {
    notes.push(`${n}. 本文件为实时计算结果，尚未发布为通报，数字会随案件办理而变化。`);
  }
  return notes;
}
