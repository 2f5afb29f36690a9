/** The minutes as a workbook: one sheet per agenda part, numbers and dates as values. */
import ExcelJS from 'exceljs';
import { formatDateTime } from '../../core/time';
import type { AgendaCase, DispatchItemView } from '../contract/weekly';
import { TIER_ZH } from './document-words';
import { AGE_GROUP_ZH, ITEM_STATUS_ZH, meetingLine, weekSpan } from './minutes-words';
import type { MinutesDocumentInput } from './minutes-pdf';
import { guardedXlsxBuffer } from './xlsx-text-guard';

function sheetWithHeader(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  headers: string[],
  widths: number[],
) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return sheet;
}

function addCases(sheet: ExcelJS.Worksheet, group: string, cases: readonly AgendaCase[]) {
  for (const c of cases) {
    sheet.addRow([
      group,
      c.caseNo,
      c.categoryName,
      c.communityName,
      c.gridName,
      c.leadUnitName,
      c.dueAt === null ? null : formatDateTime(c.dueAt),
    ]);
  }
}

function addItems(sheet: ExcelJS.Worksheet, items: readonly DispatchItemView[]) {
  for (const item of items) {
    sheet.addRow([
      item.week,
      item.title,
      item.leadUnit.name,
      item.assistUnits.map((u) => u.name).join('、'),
      item.owner,
      item.dueDay,
      ITEM_STATUS_ZH[item.status],
      item.doneAt === null ? null : formatDateTime(item.doneAt),
      item.progressNote,
      item.cases.map((c) => c.caseNo).join(' '),
    ]);
  }
}

export async function minutesXlsx(input: MinutesDocumentInput): Promise<Buffer> {
  const { agenda } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GridDesk';
  workbook.created = new Date(input.now);

  const cover = workbook.addWorksheet('会议');
  cover.addRow([input.title]).font = { bold: true, size: 14 };
  cover.addRow([input.issuer]);
  cover.addRow([meetingLine(agenda)]);
  cover.addRow([`参会：${agenda.meeting?.attendees ?? '（未填写）'}`]);
  cover.addRow([`会议纪要：${agenda.meeting?.notes ?? '（未填写）'}`]);
  cover.getColumn(1).width = 100;
  cover.getColumn(1).alignment = { wrapText: true, vertical: 'top' };

  const figures = sheetWithHeader(
    workbook,
    '上周指标',
    `${weekSpan(agenda)}各社区综合指标`,
    [
      '排名',
      '社区',
      '分级',
      '综合指标值',
      '前一周',
      '较前一周',
      '应结案数',
      '结案数',
      '按期结案数',
      '按期结案率',
      '结案率',
      '返工率',
    ],
    [6, 16, 8, 11, 10, 10, 9, 8, 10, 10, 9, 9],
  );
  for (const row of agenda.figures) {
    const added = figures.addRow([
      row.rank,
      row.unitName,
      row.tier ? TIER_ZH[row.tier] : '未排名',
      row.score,
      row.previousScore,
      row.score !== null && row.previousScore !== null ? row.score - row.previousScore : null,
      row.counts.due,
      row.counts.closed,
      row.counts.onTime,
      row.rates.onTimeRate,
      row.rates.closureRate,
      row.rates.reworkRate,
    ]);
    for (const column of [4, 5, 6]) added.getCell(column).numFmt = '0.00';
    for (const column of [10, 11, 12]) added.getCell(column).numFmt = '0.0%';
  }

  const caseHeaders = ['分组', '案卷编号', '类别', '社区', '网格', '责任单位', '截止时间'];
  const caseWidths = [16, 22, 16, 12, 18, 16, 18];
  const overdue = sheetWithHeader(
    workbook,
    '超期案件',
    `超期案件（截至 ${formatDateTime(agenda.asOf)}，共 ${agenda.overdue.total} 件）`,
    caseHeaders,
    caseWidths,
  );
  for (const group of agenda.overdue.groups)
    addCases(overdue, AGE_GROUP_ZH[group.group], group.cases);
  const flagged = sheetWithHeader(
    workbook,
    '吹哨与督办',
    '吹哨报到与督办、尚未办结的案件',
    caseHeaders,
    caseWidths,
  );
  addCases(flagged, '吹哨报到', agenda.escalated);
  addCases(flagged, '领导督办', agenda.supervised);

  const itemHeaders = [
    '会议周',
    '事项',
    '牵头单位',
    '协办单位',
    '责任人',
    '完成时限',
    '状态',
    '办结时间',
    '进展',
    '关联案件',
  ];
  const itemWidths = [10, 36, 14, 20, 10, 12, 8, 18, 30, 30];
  addItems(
    sheetWithHeader(workbook, '往期事项', '往期调度事项办理情况', itemHeaders, itemWidths),
    agenda.carriedItems,
  );
  addItems(
    sheetWithHeader(workbook, '本次事项', '本次会议调度事项', itemHeaders, itemWidths),
    agenda.items,
  );
  return guardedXlsxBuffer(workbook);
}
