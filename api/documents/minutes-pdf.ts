/**
 * The weekly dispatch meeting's minutes (周调度会议纪要) on A4: last week's community figures,
 * overdue cases by age, escalated and supervised cases, earlier items, this meeting's items.
 */
import { formatDateTime } from '../../core/time';
import type { AgendaCase, DispatchItemView, WeeklyAgenda } from '../contract/weekly';
import { A4Report, TIER_COLOURS, type TableCell } from './a4-report';
import { dateZh, rateText, scoreText, TIER_ZH } from './document-words';
import { AGE_GROUP_ZH, ITEM_STATUS_ZH, meetingLine, weekSpan } from './minutes-words';

export interface MinutesDocumentInput {
  agenda: WeeklyAgenda;
  title: string;
  issuer: string;
  now: number;
}

const CASE_ROWS_PER_TABLE = 60;

function caseRows(cases: readonly AgendaCase[], asOf: number): TableCell[][] {
  return cases.slice(0, CASE_ROWS_PER_TABLE).map((c) => [
    { text: c.caseNo },
    { text: c.categoryName },
    {
      text: [c.communityName, c.gridName?.replace(c.communityName ?? '', '')]
        .filter(Boolean)
        .join(' '),
    },
    { text: c.leadUnitName ?? '未派遣' },
    { text: c.dueAt === null ? '—' : formatDateTime(c.dueAt) },
    { text: c.dueAt !== null && c.dueAt < asOf ? overdueSpan(asOf - c.dueAt) : '—' },
  ]);
}

/** 12 天 past a day, 5 小时 within the first. */
function overdueSpan(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  return days > 0 ? `${days} 天` : `${Math.max(1, Math.floor(ms / 3_600_000))} 小时`;
}

const CASE_COLUMNS = [
  { header: '案卷编号', width: 100 },
  { header: '类别', width: 80 },
  { header: '社区 / 网格', width: 100 },
  { header: '责任单位', width: 72 },
  { header: '截止时间', width: 80 },
  { header: '已超期', width: 63, align: 'right' as const },
];

function itemRows(items: readonly DispatchItemView[]): TableCell[][] {
  return items.map((item, i) => [
    { text: String(i + 1) },
    { text: item.title },
    { text: [item.leadUnit.name, ...item.assistUnits.map((u) => u.name)].join('、') },
    { text: item.owner },
    { text: item.dueDay },
    {
      text: ITEM_STATUS_ZH[item.status],
      colour: item.status === 'overdue' ? TIER_COLOURS.red : undefined,
    },
    { text: item.cases.map((c) => c.caseNo).join(' ') || '—' },
  ]);
}

const ITEM_COLUMNS = [
  { header: '序号', width: 26, align: 'center' as const },
  { header: '事项', width: 130 },
  { header: '牵头 / 协办单位', width: 100 },
  { header: '责任人', width: 48 },
  { header: '完成时限', width: 56 },
  { header: '状态', width: 40 },
  { header: '关联案件', width: 95 },
];

export async function minutesPdf(input: MinutesDocumentInput): Promise<Buffer> {
  const { agenda } = input;
  const report = new A4Report({
    title: input.title,
    subject: '周调度会议纪要',
    author: input.issuer,
    createdAt: new Date(input.now),
  });
  report.title(input.title);
  report.subline(`${input.issuer}\u3000\u3000${dateZh(input.now)}`);
  report.paragraph(meetingLine(agenda));
  if (agenda.meeting?.attendees) report.paragraph(`参会：${agenda.meeting.attendees}`);

  report.section('一、上周各社区指标');
  report.table(
    `${weekSpan(agenda)}各社区综合指标`,
    [
      { header: '排名', width: 30, align: 'center' },
      { header: '社区', width: 96 },
      { header: '分级', width: 40 },
      { header: '综合指标值', width: 60, align: 'right' },
      { header: '较前一周', width: 56, align: 'right' },
      { header: '应结案', width: 46, align: 'right' },
      { header: '按期结案率', width: 60, align: 'right' },
      { header: '结案率', width: 52, align: 'right' },
      { header: '返工率', width: 55, align: 'right' },
    ],
    agenda.figures.map((row) => [
      { text: row.rank === null ? '—' : String(row.rank) },
      { text: row.unitName },
      row.tier ? { text: TIER_ZH[row.tier], swatch: TIER_COLOURS[row.tier] } : { text: '未排名' },
      { text: scoreText(row.score) },
      {
        text:
          row.score !== null && row.previousScore !== null
            ? `${row.score - row.previousScore >= 0 ? '+' : ''}${(row.score - row.previousScore).toFixed(2)}`
            : '—',
      },
      { text: String(row.counts.due) },
      { text: rateText(row.rates.onTimeRate) },
      { text: rateText(row.rates.closureRate) },
      { text: rateText(row.rates.reworkRate) },
    ]),
  );

  report.section(
    `二、超期案件（截至 ${formatDateTime(agenda.asOf)}，共 ${agenda.overdue.total} 件）`,
  );
  report.paragraph(
    agenda.overdue.groups.map((g) => `${AGE_GROUP_ZH[g.group]} ${g.count} 件`).join('；') + '。',
  );
  for (const group of agenda.overdue.groups) {
    if (group.count === 0) continue;
    const shown = Math.min(group.cases.length, CASE_ROWS_PER_TABLE);
    report.table(
      `${AGE_GROUP_ZH[group.group]}的案件${group.count > shown ? `（列出最早的 ${shown} 件，共 ${group.count} 件）` : ''}`,
      CASE_COLUMNS,
      caseRows(group.cases, agenda.asOf),
    );
  }

  report.section(
    `三、吹哨报到与督办案件（吹哨 ${agenda.escalated.length} 件，督办 ${agenda.supervised.length} 件）`,
  );
  if (agenda.escalated.length > 0)
    report.table('吹哨报到、尚未办结的案件', CASE_COLUMNS, caseRows(agenda.escalated, agenda.asOf));
  if (agenda.supervised.length > 0)
    report.table(
      '领导督办、尚未办结的案件',
      CASE_COLUMNS,
      caseRows(agenda.supervised, agenda.asOf),
    );
  if (agenda.escalated.length + agenda.supervised.length === 0) report.paragraph('无。');

  report.section(`四、往期调度事项办理情况（${agenda.carriedItems.length} 项）`);
  if (agenda.carriedItems.length > 0)
    report.table('往期调度事项', ITEM_COLUMNS, itemRows(agenda.carriedItems));
  else report.paragraph('无。');

  report.section(`五、本次会议调度事项（${agenda.items.length} 项）`);
  if (agenda.items.length > 0)
    report.table('本次会议确定的调度事项', ITEM_COLUMNS, itemRows(agenda.items));
  else report.paragraph('本次会议未新增调度事项。');

  if (agenda.meeting?.notes) {
    report.section('六、会议纪要');
    report.paragraph(agenda.meeting.notes);
  }
  return report.finish();
}
