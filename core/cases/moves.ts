/**
 * The moves of a case (案卷流转操作), docs/design/DOMAIN.md's lifecycle to the letter: which states each
 * move starts from, where it leads, and who may make it. Pure data, read by the workflow,
 * the allowed-moves list, the API's input schemas and the screens alike.
 */
import type { CaseState, Satisfaction, UserRole } from '../glossary';
import { OPEN_STATES, RUNNING_STATES } from './case-states';

export const MOVE_KINDS = [
  'register', // 受理/立案
  'void', // 不予立案/作废
  'dispatch', // 派遣
  'sign', // 签收/到场
  'handle', // 处置反馈
  'close', // 核查结案
  'return', // 回退
  'rework', // 返工
  'request_extension', // 申请延期
  'extend', // 批准延期
  'decline_extension', // 驳回延期申请
  'suspend', // 挂账
  'resume', // 恢复
  'escalate', // 吹哨/部门报到
  'supervise', // 督办
  'callback', // 回访
  'note', // 备注
] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

export const MOVE_ZH: Record<MoveKind, string> = {
  register: '受理立案',
  void: '作废',
  dispatch: '派遣',
  sign: '签收到场',
  handle: '处置反馈',
  close: '核查结案',
  return: '回退',
  rework: '返工',
  request_extension: '申请延期',
  extend: '批准延期',
  decline_extension: '驳回延期',
  suspend: '挂账',
  resume: '恢复',
  escalate: '吹哨',
  supervise: '督办',
  callback: '回访',
  note: '备注',
};

export const MOVE_EN: Record<MoveKind, string> = {
  register: 'register',
  void: 'void',
  dispatch: 'dispatch',
  sign: 'sign for it',
  handle: 'report it handled',
  close: 'verify and close',
  return: 'return',
  rework: 'send back for rework',
  request_extension: 'request an extension',
  extend: 'approve an extension',
  decline_extension: 'decline the extension',
  suspend: 'suspend',
  resume: 'resume',
  escalate: 'escalate (吹哨)',
  supervise: 'supervise (督办)',
  callback: 'record the callback',
  note: 'add a note',
};

/** What each move asks for. Times are epoch ms; unit codes are units.code. */
export type MoveInput =
  | {
      kind: 'register';
      note?: string | null;
      /** The 立案条件 (category standard row) registered under; db/ fills the default. */
      standardId?: number | null;
    }
  | { kind: 'void'; reason: string; duplicateOfCaseNo?: string | null }
  | { kind: 'dispatch'; leadUnitCode: string; assistUnitCodes: string[]; note?: string | null }
  | { kind: 'sign'; note?: string | null }
  | { kind: 'handle'; result: string }
  | { kind: 'close'; note?: string | null }
  | { kind: 'return'; reason: string }
  | { kind: 'rework'; reason: string }
  | { kind: 'request_extension'; newDueAt: number; reason: string }
  | { kind: 'extend'; newDueAt: number; reason: string }
  | { kind: 'decline_extension'; reason: string }
  | { kind: 'suspend'; reason: string }
  | { kind: 'resume'; note?: string | null }
  | { kind: 'escalate'; leadUnitCode: string; assistUnitCodes: string[]; note: string }
  | { kind: 'supervise'; note: string }
  | { kind: 'callback'; satisfaction: Satisfaction; note?: string | null }
  | { kind: 'note'; note: string };

const OPEN_WORKING: readonly CaseState[] = RUNNING_STATES;
const ALL_OPEN: readonly CaseState[] = OPEN_STATES;

/** The states each move may start from (docs/design/DOMAIN.md "Lifecycle" and "Side moves"). */
export const MOVE_FROM: Record<MoveKind, readonly CaseState[]> = {
  register: ['reported'],
  void: ['reported', 'registered'],
  dispatch: ['registered'],
  sign: ['dispatched'],
  handle: ['in_progress'],
  close: ['handled'],
  return: ['dispatched', 'in_progress'],
  rework: ['handled'],
  // 延期 is for an open case whose resolution clock runs.
  request_extension: OPEN_WORKING,
  extend: OPEN_WORKING,
  decline_extension: OPEN_WORKING,
  suspend: ['reported', ...OPEN_WORKING],
  resume: ['suspended'],
  // 吹哨 calls departments in on a case already out with a unit.
  escalate: ['dispatched', 'in_progress'],
  supervise: ALL_OPEN,
  callback: ['closed'],
  note: [...ALL_OPEN, 'closed', 'voided'],
};

/** Where a state-changing move leads; side moves keep the state (resume: see the workflow). */
export const MOVE_TO: Partial<Record<MoveKind, CaseState>> = {
  register: 'registered',
  void: 'voided',
  dispatch: 'dispatched',
  sign: 'in_progress',
  handle: 'handled',
  close: 'closed',
  return: 'registered',
  rework: 'dispatched',
  suspend: 'suspended',
};

/**
 * Who may make each move. Operators run the desk; the handling unit's own users (handler)
 * sign, report and return only cases of their unit; leaders approve extensions, escalate and
 * supervise. Operators may record a unit's signing and report on its behalf (phoned in).
 */
export const MOVE_ROLES: Record<MoveKind, readonly UserRole[]> = {
  register: ['operator', 'admin'],
  void: ['operator', 'admin'],
  dispatch: ['operator', 'admin'],
  sign: ['operator', 'admin', 'handler'],
  handle: ['operator', 'admin', 'handler'],
  close: ['operator', 'leader', 'admin'],
  return: ['operator', 'admin', 'handler'],
  rework: ['operator', 'leader', 'admin'],
  request_extension: ['operator', 'admin', 'handler'],
  extend: ['leader', 'admin'],
  decline_extension: ['leader', 'admin'],
  suspend: ['operator', 'leader', 'admin'],
  resume: ['operator', 'leader', 'admin'],
  escalate: ['leader', 'admin'],
  supervise: ['leader', 'admin'],
  callback: ['operator', 'admin'],
  note: ['operator', 'leader', 'admin', 'handler'],
};

/** Moves a handler-role user may make only on cases led by their own unit. */
export const UNIT_BOUND_MOVES: ReadonlySet<MoveKind> = new Set([
  'sign',
  'handle',
  'return',
  'request_extension',
  'note',
]);

/** The order the case screen lists the moves in (and numbers them for the keyboard). */
export const MOVE_ORDER: readonly MoveKind[] = MOVE_KINDS;
