/**
 * The ranking as a workbook: 排名 (the table, tiers as fills with their word), 受理立案, 趋势
 * (each unit's score per month), 申诉及处理结果 (the month's appeals and their decisions, when
 * there were any), 党建引领 (the month's party-building figures per community, when frozen or
 * exported with them) and 说明 (method, weights, checksum). Numbers stay numbers,
 * formatted, so the figures can be re-used in a spreadsheet.
 */
import ExcelJS from 'exceljs';
import type { Tier } from '../../core/ranking/weight-set';
import { documentDate, versionWords } from './document-words';
import {
  APPEAL_STATUS_ZH,
  APPEALS_TITLE,
  appealDecidedAtText,
  appealEffectText,
  appealReasonKindText,
  appealsSummary,
} from './appeal-words';
import { LEVEL_ZH, rankChangeText, shortPeriodLabel, TIER_ZH, dateZh } from './document-words';
import { methodNotes, rankingSummary } from './ranking-notes';
import type { RankingDocumentInput } from './ranking-pdf';
import { guardedXlsxBuffer } from './xlsx-text-guard';
import type { PartySection } from '../contract/ranking';
import { MEMBER_PROJECT_COLUMNS, partySummary, WISH_VOLUNTEER_COLUMNS } from './party-words';

const TIER_FILL: Record<Tier, string> = { blue: 'FFE6F0FC', yellow: 'FFFDF5DC', red: 'FFFCEBEB' };
const HEADER_FILL = 'FFEEF1F4';

function titleRows(
  sheet: ExcelJS.Worksheet,
  title: string,
  subtitle: string,
  columns: number,
): void {
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, columns);
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.addRow([subtitle]);
  sheet.mergeCells(2, 1, 2, columns);
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };
  sheet.getCell(2, 1).font = { color: { argb: 'FF5A626E' } };
}

function headerRow(sheet: ExcelJS.Worksheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
}

/** 党建引领: the month's party-building figures per community, the street's total last. */
function partySheet(
  workbook: ExcelJS.Workbook,
  section: PartySection,
  title: string,
  subtitle: string,
): void {
  const sheet = workbook.addWorksheet('党建引领');
  const columns = [...MEMBER_PROJECT_COLUMNS, ...WISH_VOLUNTEER_COLUMNS];
  const headers = ['社区编码', '社区', ...columns.map((c) => c.header)];
  titleRows(sheet, title, subtitle, headers.length);
  sheet.addRow([partySummary(section)]);
  sheet.mergeCells(3, 1, 3, headers.length);
  sheet.getCell(3, 1).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(3).height = 48;
  headerRow(sheet, headers);
  const add = (code: string, name: string, row: PartySection['totals']) => {
    const added = sheet.addRow([code, name, ...columns.map((c) => c.value(row))]);
    columns.forEach((column, i) => {
      if (column.numFmt) added.getCell(i + 3).numFmt = column.numFmt;
    });
    return added;
  };
  for (const row of section.rows) add(row.code, row.name, row);
  add('', '合计', section.totals).font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 14 : i === 1 ? 18 : 11));
}

export async function rankingXlsx(input: RankingDocumentInput): Promise<Buffer> {
  const { ranking, trend } = input;
  const level = LEVEL_ZH[ranking.level];
  const date = documentDate(ranking);
  const subtitle = `${input.issuer}\u3000${dateZh(date)}\u3000${versionWords(ranking)}`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GridDesk';
  workbook.created = new Date(date);

  const main = workbook.addWorksheet('排名');
  const headers = [
    '排名',
    '变化',
    `${level}编码`,
    level,
    '分级',
    '等级',
    '综合指标值',
    '应结案数',
    '结案数',
    '按期结案数',
    '返工数',
    '结案率',
    '按期结案率',
    '返工率',
    '满意率',
  ];
  titleRows(main, input.title, subtitle, headers.length);
  headerRow(main, headers);
  for (const row of ranking.rows) {
    const added = main.addRow([
      row.rank,
      rankChangeText(row.rank, row.previousRank),
      row.unitCode,
      row.unitName,
      row.tier ? TIER_ZH[row.tier] : '未排名',
      row.grade,
      row.score,
      row.counts.due,
      row.counts.closed,
      row.counts.onTime,
      row.counts.rework,
      row.rates.closureRate,
      row.rates.onTimeRate,
      row.rates.reworkRate,
      row.rates.satisfactionRate,
    ]);
    if (row.tier) {
      added.getCell(5).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: TIER_FILL[row.tier] },
      };
    }
    added.getCell(7).numFmt = '0.00';
    for (const column of [12, 13, 14, 15]) added.getCell(column).numFmt = '0.0%';
  }
  main.columns.forEach((column, i) => (column.width = i === 3 ? 22 : i === 2 ? 16 : 11));

  const intake = workbook.addWorksheet('受理立案');
  const intakeHeaders = [
    level,
    '受理数',
    '立案数',
    '立案率',
    '及时受理数',
    '及时受理率',
    '延期数',
    '延期率',
    '回访数',
    '满意数',
  ];
  titleRows(intake, input.title, subtitle, intakeHeaders.length);
  headerRow(intake, intakeHeaders);
  for (const row of ranking.rows) {
    const added = intake.addRow([
      row.unitName,
      row.counts.reported,
      row.counts.registered,
      row.rates.registrationRate,
      row.counts.timelyAccepted,
      row.rates.timelyAcceptRate,
      row.counts.extended,
      row.rates.extensionRate,
      row.counts.callbacks,
      row.counts.satisfied,
    ]);
    for (const column of [4, 6, 8]) added.getCell(column).numFmt = '0.0%';
  }
  intake.columns.forEach((column, i) => (column.width = i === 0 ? 22 : 11));

  const trendSheet = workbook.addWorksheet('趋势');
  const periods = trend.periods.map((p) => shortPeriodLabel(p.key));
  titleRows(
    trendSheet,
    `各${level}综合指标值趋势`,
    `${trend.periods[0]?.key ?? ''} 至 ${trend.periods.at(-1)?.key ?? ''}`,
    periods.length + 1,
  );
  headerRow(trendSheet, [level, ...periods]);
  for (const series of trend.series) {
    const added = trendSheet.addRow([series.unitName, ...series.scores]);
    series.tiers.forEach((tier, i) => {
      const cell = added.getCell(i + 2);
      cell.numFmt = '0.00';
      if (tier)
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TIER_FILL[tier] } };
    });
  }
  trendSheet.columns.forEach((column, i) => (column.width = i === 0 ? 22 : 9));

  if (ranking.appeals.length > 0) {
    const appeals = workbook.addWorksheet(APPEALS_TITLE);
    const appealHeaders = [
      '序号',
      '案卷编号',
      '申诉单位',
      '申诉理由类别',
      '申诉理由',
      '所指责任单位',
      '处理结果',
      '审核意见',
      '审核人',
      '审核时间',
      '对本级排名的影响',
    ];
    titleRows(appeals, input.title, subtitle, appealHeaders.length);
    // Row 3: how many were filed and decided, above the table.
    appeals.addRow([appealsSummary(ranking)]);
    appeals.mergeCells(3, 1, 3, appealHeaders.length);
    headerRow(appeals, appealHeaders);
    ranking.appeals.forEach((appeal, i) => {
      const added = appeals.addRow([
        i + 1,
        appeal.caseNo,
        appeal.unitName,
        appealReasonKindText(appeal),
        appeal.reason,
        appeal.targetUnitName,
        APPEAL_STATUS_ZH[appeal.status],
        appeal.decisionNote,
        appeal.decidedBy,
        appealDecidedAtText(appeal),
        appealEffectText(ranking, appeal),
      ]);
      added.alignment = { vertical: 'top' };
      for (const column of [5, 8])
        added.getCell(column).alignment = { vertical: 'top', wrapText: true };
    });
    const widths = [6, 18, 18, 18, 40, 18, 10, 32, 10, 17, 26];
    appeals.columns.forEach((column, i) => (column.width = widths[i]));
  }

  if (ranking.party) partySheet(workbook, ranking.party, input.title, subtitle);

  const notes = workbook.addWorksheet('说明');
  notes.addRow([input.title]).font = { bold: true, size: 14 };
  notes.addRow([rankingSummary(ranking, input.periodLabel)]);
  for (const note of methodNotes(ranking)) notes.addRow([note]);
  notes.getColumn(1).width = 120;
  notes.getColumn(1).alignment = { wrapText: true, vertical: 'top' };

  return guardedXlsxBuffer(workbook);
}
