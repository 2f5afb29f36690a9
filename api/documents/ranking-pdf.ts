/**
 * The ranking bulletin as a print-ready A4 PDF: title, date and issuing unit, the ranking
 * table, the score chart, intake figures, the 12-month trend, a month's appeals and their
 * decisions (申诉及处理结果), the month's 党建引领 figures per community, and the notes on method.
 */
import type { RankingResult, TrendResult } from '../contract/ranking';
import { documentDate, versionWords } from './document-words';
import { A4Report, TIER_COLOURS, type TableCell } from './a4-report';
import {
  APPEAL_STATUS_ZH,
  APPEALS_TITLE,
  appealDecidedAtText,
  appealEffectText,
  appealReasonKindText,
  appealsSummary,
  NO_APPEALS_LINE,
} from './appeal-words';
import {
  countText,
  dateZh,
  LEVEL_ZH,
  rankChangeText,
  rateText,
  scoreText,
  shortPeriodLabel,
  TIER_ZH,
} from './document-words';
import {
  drawScoreBars,
  drawTierMix,
  drawTrendMultiples,
  SCORE_BAR_ROW,
  type ScoreBar,
} from './pdf-charts';
import { methodNotes, rankingSummary } from './ranking-notes';
import type { PartySection } from '../contract/ranking';
import {
  MEMBER_PROJECT_COLUMNS,
  PARTY_SECTION_TITLE,
  partySummary,
  WISH_VOLUNTEER_COLUMNS,
  type PartyColumn,
} from './party-words';

export interface RankingDocumentInput {
  ranking: RankingResult;
  trend: TrendResult;
  title: string;
  issuer: string;
  periodLabel: string;
}

const MAX_BARS = 40;

/** ▲2 / ▼1 with a drawn arrow (so the digits stay in the fast Latin font), else the words. */
function rankChangeCell(rank: number | null, previousRank: number | null): TableCell {
  const text = rankChangeText(rank, previousRank);
  if (text.startsWith('▲')) return { text: text.slice(1), marker: 'up' };
  if (text.startsWith('▼')) return { text: text.slice(1), marker: 'down' };
  return { text };
}
const MAX_MULTIPLES = 12;
const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 申诉及处理结果: a short table of who appealed which case and what was decided, then each
 * appeal's own words and the leader's note in full (a table cell would cut them). A month
 * without appeals says so; a week has none and gets no section.
 */
function appealsSection(
  report: A4Report,
  ranking: RankingResult,
  heading: string,
  periodLabel: string,
): void {
  report.section(heading);
  if (ranking.appeals.length === 0) {
    report.paragraph(NO_APPEALS_LINE);
    return;
  }
  report.paragraph(appealsSummary(ranking));
  report.table(
    `${periodLabel}${APPEALS_TITLE}`,
    [
      { header: '序号', width: 20, align: 'center' },
      { header: '案卷编号', width: 88 },
      { header: '申诉单位', width: 60 },
      { header: '申诉理由类别', width: 78 },
      { header: '处理结果', width: 38, align: 'center' },
      { header: '审核人', width: 38 },
      { header: '审核时间', width: 72 },
      { header: '对本级排名的影响', width: 101 },
    ],
    ranking.appeals.map((appeal, i): TableCell[] => [
      { text: String(i + 1) },
      { text: appeal.caseNo },
      { text: appeal.unitName },
      { text: appealReasonKindText(appeal) },
      { text: APPEAL_STATUS_ZH[appeal.status] },
      { text: appeal.decidedBy ?? '—' },
      { text: appealDecidedAtText(appeal) ?? '—' },
      { text: appealEffectText(ranking, appeal) },
    ]),
  );
  ranking.appeals.forEach((appeal, i) => {
    const target = appeal.targetUnitName ? `；所指责任单位：${appeal.targetUnitName}` : '';
    const note = appeal.decisionNote ? appeal.decisionNote : '（尚未决定）';
    report.paragraph(
      `${i + 1}. ${appeal.caseNo}（${appeal.unitName}）申诉理由：${appeal.reason}${target}。审核意见：${note}`,
      8.5,
    );
  });
}

/**
 * 党建引领工作情况: the street's totals in a sentence, then two tables per community (members
 * and projects; wishes and volunteers): sixteen columns do not fit an A4 page's width.
 */
function partySection(report: A4Report, section: PartySection, heading: string): void {
  report.section(heading);
  report.paragraph(partySummary(section));
  const table = (caption: string, columns: PartyColumn[]) => {
    const width = Math.floor((report.width - 90) / columns.length);
    const cells = (name: string, row: PartySection['totals']): TableCell[] => [
      { text: name },
      ...columns.map((c) => ({ text: c.text(row) })),
    ];
    report.table(
      `${section.label}${caption}`,
      [
        { header: '社区', width: 90 },
        ...columns.map((c) => ({ header: c.header, width, align: 'right' as const })),
      ],
      [...section.rows.map((row) => cells(row.name, row)), cells('合计', section.totals)],
    );
  };
  table('各社区在职党员报到服务与项目情况', MEMBER_PROJECT_COLUMNS);
  table('各社区微心愿与志愿服务情况', WISH_VOLUNTEER_COLUMNS);
}

export async function rankingPdf(input: RankingDocumentInput): Promise<Buffer> {
  const { ranking, trend } = input;
  const level = LEVEL_ZH[ranking.level];
  const date = documentDate(ranking);
  const report = new A4Report({
    title: input.title,
    subject: `${input.periodLabel}${level}综合指标排名`,
    author: input.issuer,
    createdAt: new Date(date),
  });
  report.title(input.title);
  const version = versionWords(ranking);
  report.subline(`${input.issuer}\u3000\u3000${dateZh(date)}\u3000\u3000${version}`);

  let sections = 0;
  const heading = (text: string) => `${SECTION_NUMERALS[sections++]}、${text}`;

  report.section(heading('总体情况'));
  report.paragraph(rankingSummary(ranking, input.periodLabel));

  report.section(heading(`${level}综合指标排名`));
  const ranked = ranking.rows.filter((r) => r.rank !== null);
  report.table(
    `${input.periodLabel}各${level}综合指标值排名`,
    [
      { header: '排名', width: 24, align: 'center' },
      { header: '变化', width: 30, align: 'center' },
      { header: level, width: 80 },
      { header: '分级', width: 30 },
      { header: '等级', width: 24, align: 'center' },
      { header: '综合指标值', width: 48, align: 'right' },
      { header: '应结案', width: 34, align: 'right' },
      { header: '结案', width: 30, align: 'right' },
      { header: '按期结案', width: 40, align: 'right' },
      { header: '结案率', width: 36, align: 'right' },
      { header: '按期结案率', width: 46, align: 'right' },
      { header: '返工率', width: 36, align: 'right' },
      { header: '满意率', width: 36, align: 'right' },
    ],
    ranking.rows.map((row): TableCell[] => [
      { text: row.rank === null ? '—' : String(row.rank) },
      rankChangeCell(row.rank, row.previousRank),
      { text: row.unitName },
      row.tier ? { text: TIER_ZH[row.tier], swatch: TIER_COLOURS[row.tier] } : { text: '未排名' },
      { text: row.grade ?? '—' },
      { text: scoreText(row.score) },
      { text: countText(row.counts.due) },
      { text: countText(row.counts.closed) },
      { text: countText(row.counts.onTime) },
      { text: rateText(row.rates.closureRate) },
      { text: rateText(row.rates.onTimeRate) },
      { text: rateText(row.rates.reworkRate) },
      { text: rateText(row.rates.satisfactionRate) },
    ]),
  );

  if (ranked.length > 0) {
    const bars: Array<ScoreBar | null> = ranked.map((r) => ({
      label: r.unitName,
      score: r.score!,
      tier: r.tier!,
      rank: r.rank!,
    }));
    const shown =
      bars.length > MAX_BARS
        ? [...bars.slice(0, MAX_BARS / 2), null, ...bars.slice(-MAX_BARS / 2)]
        : bars;
    report.figure(
      bars.length > MAX_BARS
        ? `综合指标值（前 ${MAX_BARS / 2} 名与后 ${MAX_BARS / 2} 名，共 ${bars.length} 个${level}参与排名）`
        : `各${level}综合指标值（虚线为蓝、黄分级线）`,
      shown.length * SCORE_BAR_ROW + 18,
      (box) => drawScoreBars(report, box, shown, ranking.weightSet.tiers),
    );
  }

  report.section(heading('受理立案与延期情况'));
  report.table(
    `${input.periodLabel}各${level}受理立案情况`,
    [
      { header: level, width: 110 },
      { header: '受理数', width: 48, align: 'right' },
      { header: '立案数', width: 48, align: 'right' },
      { header: '立案率', width: 50, align: 'right' },
      { header: '及时受理率', width: 56, align: 'right' },
      { header: '延期数', width: 46, align: 'right' },
      { header: '延期率', width: 46, align: 'right' },
      { header: '返工数', width: 46, align: 'right' },
      { header: '回访数', width: 44, align: 'right' },
    ],
    ranking.rows.map((row): TableCell[] => [
      { text: row.unitName },
      { text: countText(row.counts.reported) },
      { text: countText(row.counts.registered) },
      { text: rateText(row.rates.registrationRate) },
      { text: rateText(row.rates.timelyAcceptRate) },
      { text: countText(row.counts.extended) },
      { text: rateText(row.rates.extensionRate) },
      { text: countText(row.counts.rework) },
      { text: countText(row.counts.callbacks) },
    ]),
  );

  report.section(
    heading(`近 ${trend.periods.length} 个${ranking.period.kind === 'week' ? '周' : '月'}趋势`),
  );
  const periodLabels = trend.periods.map((p) => shortPeriodLabel(p.key));
  const units = trend.series
    .filter((s) => s.scores.some((score) => score !== null))
    .map((s) => ({ label: s.unitName, scores: s.scores, tiers: s.tiers }));
  if (units.length === 0) {
    report.paragraph('近期没有应结案件，无趋势可画。');
  } else if (units.length <= MAX_MULTIPLES) {
    const rows = Math.ceil(units.length / (units.length > 9 ? 4 : 3));
    report.figure(`各${level}综合指标值月度趋势（点的颜色为当月分级）`, rows * 96, (box) =>
      drawTrendMultiples(report, box, periodLabels, units, ranking.weightSet.tiers),
    );
  } else {
    report.figure(`各月蓝、黄、红${level}个数`, 170, (box) =>
      drawTierMix(report, box, periodLabels, units),
    );
  }

  // Appeals are a month's (weeks have none): before the notes, as the bulletin's last finding.
  if (ranking.period.kind === 'month')
    appealsSection(report, ranking, heading(APPEALS_TITLE), input.periodLabel);

  if (ranking.party) partySection(report, ranking.party, heading(PARTY_SECTION_TITLE));

  report.section(heading('说明'));
  for (const note of methodNotes(ranking)) report.paragraph(note, 8.5);
  return report.finish();
}
