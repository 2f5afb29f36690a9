/**
 * A project's (办实事项目) steps from the three lists (docs/design/GRID-WORK.md): planned →
 * in progress → done, or cancelled with a reason from either open step. Overdue when still
 * open after its planned end day. Money is integer fen; what is spent may not be negative,
 * and a project is done only with its actual end day.
 */
import type { DayString } from '../time';

export const PROJECT_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export type ProjectMove =
  | { kind: 'approve' }
  | { kind: 'start'; on: DayString }
  | { kind: 'finish'; on: DayString; spentFen: number; resultNote: string }
  | { kind: 'cancel'; reason: string };

export type ProjectMoveResult =
  { ok: true; status: ProjectStatus } | { ok: false; sentence: { zh: string; en: string } };

const refuse = (zh: string, en: string): ProjectMoveResult => ({ ok: false, sentence: { zh, en } });

export function isProjectOpen(status: ProjectStatus): boolean {
  return status === 'planned' || status === 'in_progress';
}

/** What a move does to a project in `status` started `plannedStart`, or why it cannot. */
export function moveProject(
  project: {
    status: ProjectStatus;
    plannedStart: DayString;
    actualStart: DayString | null;
    /** A leader's approval (立项审批); a project starts only once approved. */
    approved?: boolean;
  },
  move: ProjectMove,
): ProjectMoveResult {
  if (!isProjectOpen(project.status))
    return refuse(
      `项目已${project.status === 'done' ? '完成' : '取消'}，不能再改变状态。`,
      `The project is already ${project.status === 'done' ? 'done' : 'cancelled'}.`,
    );
  if (move.kind === 'approve') {
    if (project.approved) return refuse('项目已经审批通过。', 'The project is already approved.');
    return { ok: true, status: project.status };
  }
  if (move.kind === 'start') {
    if (project.status !== 'planned')
      return refuse('项目已经开始实施。', 'The project has already started.');
    if (project.approved === false)
      return refuse(
        '项目还没有经领导审批，不能开始实施。',
        'A leader has not approved the project yet: it cannot start.',
      );
    return { ok: true, status: 'in_progress' };
  }
  if (move.kind === 'finish') {
    if (!Number.isInteger(move.spentFen) || move.spentFen < 0)
      return refuse('实际支出应为不小于 0 的金额。', 'The amount spent must be 0 or more.');
    if (!move.resultNote.trim())
      return refuse(
        '完成项目时请写明实施结果。',
        'Say what the project achieved when finishing it.',
      );
    const started = project.actualStart ?? project.plannedStart;
    if (move.on < started)
      return refuse(
        `完成日期 ${move.on} 早于开始日期 ${started}。`,
        `The end day ${move.on} is before the start ${started}.`,
      );
    return { ok: true, status: 'done' };
  }
  if (!move.reason.trim())
    return refuse('取消项目时请写明原因。', 'Give a reason for cancelling the project.');
  return { ok: true, status: 'cancelled' };
}

/** Open past its planned end day (the day itself still counts as on time). */
export function isProjectOverdue(
  project: { status: ProjectStatus; plannedEnd: DayString },
  today: DayString,
): boolean {
  return isProjectOpen(project.status) && today > project.plannedEnd;
}

/** 123456 fen → "1,234.56" yuan, as the registers and the bulletin print money. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
