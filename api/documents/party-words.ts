/**
 * The 党建引领 section of a ranking bulletin in words (issue 14): its headline sentence and its
 * two tables' columns, shared by the workbook and the PDF so they print the same figures.
 */
import type { PartySection } from '../contract/ranking';
import { formatYuan } from '../../core/party/project-state';

export const PARTY_SECTION_TITLE = '党建引领工作情况';

type Row = Omit<PartySection['rows'][number], 'code' | 'name'>;

export interface PartyColumn {
  header: string;
  /** A number for the workbook (yuan as yuan, hours to one decimal); text for the PDF. */
  value(row: Row): number | null;
  text(row: Row): string;
  /** Excel number format. */
  numFmt?: string;
}

const count = (pick: (row: Row) => number): Pick<PartyColumn, 'value' | 'text'> => ({
  value: pick,
  text: (row) => pick(row).toLocaleString('en-US'),
});
const hours = (pick: (row: Row) => number): Pick<PartyColumn, 'value' | 'text' | 'numFmt'> => ({
  value: (row) => Math.round(pick(row) * 10) / 10,
  text: (row) => (Math.round(pick(row) * 10) / 10).toLocaleString('en-US'),
  numFmt: '0.0',
});
const yuan = (pick: (row: Row) => number): Pick<PartyColumn, 'value' | 'text' | 'numFmt'> => ({
  value: (row) => pick(row) / 100,
  text: (row) => formatYuan(pick(row)),
  numFmt: '#,##0.00',
});

/** The party members' share of volunteer participants; null with no participants. */
export function partyShare(row: Row): number | null {
  return row.participants === 0 ? null : row.partyParticipants / row.participants;
}

/** 在职党员双报到与项目: members, service hours, projects and their money. */
export const MEMBER_PROJECT_COLUMNS: PartyColumn[] = [
  { header: '报到党员', ...count((r) => r.membersReported) },
  { header: '活跃党员', ...count((r) => r.membersActive) },
  { header: '服务时长（小时）', ...hours((r) => r.serviceHours) },
  { header: '实施项目', ...count((r) => r.projectsPlanned) },
  { header: '完成项目', ...count((r) => r.projectsDone) },
  { header: '超期项目', ...count((r) => r.projectsOverdue) },
  { header: '计划资金（元）', ...yuan((r) => r.budgetFen) },
  { header: '实际支出（元）', ...yuan((r) => r.spentFen) },
];

/** 微心愿与志愿服务: wishes, volunteer activities, hours and the party members' share. */
export const WISH_VOLUNTEER_COLUMNS: PartyColumn[] = [
  { header: '发布心愿', ...count((r) => r.wishesPublished) },
  { header: '认领心愿', ...count((r) => r.wishesClaimed) },
  { header: '实现心愿', ...count((r) => r.wishesFulfilled) },
  { header: '超期心愿', ...count((r) => r.wishesOverdue) },
  { header: '志愿活动', ...count((r) => r.activities) },
  { header: '志愿时长（小时）', ...hours((r) => r.volunteerHours) },
  {
    header: '党员参与占比',
    value: partyShare,
    text: (row) => {
      const share = partyShare(row);
      return share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
    },
    numFmt: '0.0%',
  },
];

/** The section's opening sentence: the street's totals for the period. */
export function partySummary(section: PartySection): string {
  const t = section.totals;
  const share = WISH_VOLUNTEER_COLUMNS.at(-1)!.text(t);
  return (
    `${section.label}，全街道在职党员报到 ${t.membersReported.toLocaleString('en-US')} 人，` +
    `其中 ${t.membersActive.toLocaleString('en-US')} 人参加服务，累计服务 ${hours((r) => r.serviceHours).text(t)} 小时；` +
    `实施项目 ${t.projectsPlanned} 个，完成 ${t.projectsDone} 个，超期 ${t.projectsOverdue} 个，` +
    `计划资金 ${formatYuan(t.budgetFen)} 元，实际支出 ${formatYuan(t.spentFen)} 元；` +
    `发布微心愿 ${t.wishesPublished} 个，认领 ${t.wishesClaimed} 个，实现 ${t.wishesFulfilled} 个，超期 ${t.wishesOverdue} 个；` +
    `开展志愿活动 ${t.activities} 场，志愿服务 ${hours((r) => r.volunteerHours).text(t)} 小时，党员参与占比 ${share}。`
  );
}
