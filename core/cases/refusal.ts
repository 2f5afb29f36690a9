/**
 * A move the workflow refuses: a code and one sentence in each UI language that says what
 * is wrong and, where it can, what would be right. The API turns it into a UserError.
 */
import { CASE_STATE_ZH, type CaseState, type UserRole } from '../glossary';
import { formatDateTime } from '../time';
import { MOVE_EN, MOVE_FROM, MOVE_ZH, type MoveKind } from './moves';

export interface Refusal {
  ok: false;
  code: string;
  sentence: { zh: string; en: string };
  /** The input field at fault, when there is one. */
  where?: string;
}

export function refuse(code: string, zh: string, en: string, where?: string): Refusal {
  return { ok: false, code, sentence: { zh, en }, ...(where ? { where } : {}) };
}

const CASE_STATE_EN: Record<CaseState, string> = {
  reported: 'reported',
  registered: 'registered',
  dispatched: 'dispatched',
  in_progress: 'in progress',
  handled: 'awaiting check',
  closed: 'closed',
  voided: 'voided',
  suspended: 'suspended',
};

const ROLE_ZH: Record<UserRole, string> = {
  operator: '值班员',
  leader: '领导',
  admin: '管理员',
  handler: '处置单位',
};

const ROLE_EN: Record<UserRole, string> = {
  operator: 'operator',
  leader: 'leader',
  admin: 'administrator',
  handler: 'handling unit',
};

/** 案卷 X 现在是「已派遣」，不能「核查结案」：只有「待核查」的案卷可以。 */
export function wrongStateRefusal(caseNo: string, state: CaseState, move: MoveKind): Refusal {
  const from = MOVE_FROM[move];
  const allowedZh = from.map((s) => `「${CASE_STATE_ZH[s]}」`).join('、');
  const allowedEn = from.map((s) => `“${CASE_STATE_EN[s]}”`).join(', ');
  return refuse(
    'move_out_of_order',
    `案卷 ${caseNo} 现在是「${CASE_STATE_ZH[state]}」，不能「${MOVE_ZH[move]}」：只有${allowedZh}的案卷可以。`,
    `Case ${caseNo} is ${CASE_STATE_EN[state]}, so it cannot ${MOVE_EN[move]}: only a case that is ${allowedEn} can.`,
  );
}

export function wrongRoleRefusal(
  move: MoveKind,
  role: UserRole | 'system' | 'anonymous',
  allowed: readonly UserRole[],
): Refusal {
  if (role === 'anonymous') {
    return refuse(
      'sign_in_required',
      `请先登录，再「${MOVE_ZH[move]}」。`,
      `Sign in first to ${MOVE_EN[move]}.`,
    );
  }
  const zh = allowed.map((r) => ROLE_ZH[r]).join('、');
  const en = allowed.map((r) => ROLE_EN[r]).join(', ');
  const mine = role === 'system' ? '系统' : ROLE_ZH[role];
  const mineEn = role === 'system' ? 'the system' : `a ${ROLE_EN[role]}`;
  return refuse(
    'role_not_allowed',
    `「${MOVE_ZH[move]}」只能由${zh}操作，当前用户是${mine}。`,
    `Only ${en} may ${MOVE_EN[move]}; you are signed in as ${mineEn}.`,
  );
}

/** Who made the move that changed a case, for the refusal of a stale one (from its last event). */
export interface LastMover {
  name: string;
  at: number;
  /** The seat it came from (an address, or 本机), when known. */
  seat: string | null;
}

/**
 * Two operators on one case: the state the user saw is no longer the case's. Names who
 * moved it and when, so the one who lost the race knows whom to ask.
 */
export function caseChangedRefusal(
  caseNo: string,
  now: CaseState,
  mover: LastMover | null = null,
): Refusal {
  if (!mover) {
    return refuse(
      'case_changed',
      `案卷 ${caseNo} 刚刚已变为「${CASE_STATE_ZH[now]}」，请看一下最新情况再操作。`,
      `Case ${caseNo} has just become ${CASE_STATE_EN[now]}; look at it again before acting.`,
    );
  }
  const when = formatDateTime(mover.at);
  const seatZh = mover.seat ? `（${mover.seat}）` : '';
  const seatEn = mover.seat ? ` (${mover.seat})` : '';
  return refuse(
    'case_changed',
    `案卷 ${caseNo} 已由 ${mover.name}${seatZh} 于 ${when} 改为「${CASE_STATE_ZH[now]}」，您的操作未执行。请看一下最新情况再操作，填写的内容仍保留。`,
    `Case ${caseNo} was moved to ${CASE_STATE_EN[now]} by ${mover.name}${seatEn} at ${when}; your move was not made. Look at it again before acting; what you typed is kept.`,
  );
}
