/**
 * The checks a move passes before it is planned (core/cases/workflow): who may make it, from
 * which state, 采办分离, the extension and callback rules, the units and a new deadline. Each
 * refusal is one sentence in both UI languages.
 */
import type { UnitKind } from '../glossary';
import type { CaseSnapshot } from './case-snapshot';
import { MOVE_FROM, MOVE_ROLES, UNIT_BOUND_MOVES, type MoveInput } from './moves';
import { refuse, wrongRoleRefusal, wrongStateRefusal, type Refusal } from './refusal';
import type { MoveActor } from './workflow';
import { DAY_MS, formatDateTime } from '../time';

/** How far ahead a new deadline may be set: beyond a year it is a typing slip. */
const LONGEST_EXTENSION_MS = 366 * DAY_MS;

/** Who may make `input.kind` on this case at all (role, unit, state), before its details. */
export function checkMoveAllowed(
  snapshot: CaseSnapshot,
  kind: MoveInput['kind'],
  actor: MoveActor,
): Refusal | null {
  const roles = MOVE_ROLES[kind];
  if (actor.role !== 'system' && !(roles as readonly string[]).includes(actor.role)) {
    return wrongRoleRefusal(kind, actor.role, roles);
  }
  if (
    actor.role === 'handler' &&
    UNIT_BOUND_MOVES.has(kind) &&
    (!actor.unitCode || actor.unitCode !== snapshot.leadUnitCode)
  ) {
    return refuse(
      'not_your_unit',
      `案卷 ${snapshot.caseNo} 不由您的单位主办，不能办理。`,
      `Case ${snapshot.caseNo} is not led by your unit, so you cannot act on it.`,
    );
  }
  if (!MOVE_FROM[kind].includes(snapshot.state)) {
    return wrongStateRefusal(snapshot.caseNo, snapshot.state, kind);
  }
  // 采办分离: checking the work (close, or send it back) is for someone other than its handler.
  if ((kind === 'close' || kind === 'rework') && isHandler(snapshot, actor)) {
    return refuse(
      'separation_of_duties',
      `采办分离：案卷 ${snapshot.caseNo} 的处置反馈由您登记，须由另一位用户核查（结案或返工）。`,
      `Separation of duties: you recorded the handling of case ${snapshot.caseNo}, so another user must check it (close it or send it back).`,
    );
  }
  if ((kind === 'request_extension' || kind === 'extend') && hasCityDeadline(snapshot)) {
    return refuse(
      'city_deadline',
      `案卷 ${snapshot.caseNo} 的处置时限由市级平台规定，本地不能延期，请在市级平台申请。`,
      `Case ${snapshot.caseNo} has a deadline set by the city platform; extend it there, not here.`,
    );
  }
  if (kind === 'request_extension' && snapshot.pendingExtension) {
    return refuse(
      'extension_pending',
      `案卷 ${snapshot.caseNo} 已有一项待批准的延期申请。`,
      `Case ${snapshot.caseNo} already has an extension request awaiting approval.`,
    );
  }
  if (kind === 'decline_extension' && !snapshot.pendingExtension) {
    return refuse(
      'no_extension_request',
      `案卷 ${snapshot.caseNo} 没有待批准的延期申请。`,
      `Case ${snapshot.caseNo} has no extension request to decline.`,
    );
  }
  if (kind === 'callback' && snapshot.satisfaction != null) {
    return refuse(
      'callback_recorded',
      `案卷 ${snapshot.caseNo} 已登记过回访结果。`,
      `The callback of case ${snapshot.caseNo} is already recorded.`,
    );
  }
  return null;
}

/** 采办分离: the user who recorded the handling may not close the case. */
export function isHandler(snapshot: CaseSnapshot, actor: MoveActor): boolean {
  if (actor.role === 'anonymous') return false;
  if (actor.userId != null && actor.userId === snapshot.handlerUserId) return true;
  return snapshot.handlerName != null && snapshot.handlerName === actor.name;
}

function hasCityDeadline(snapshot: CaseSnapshot): boolean {
  return snapshot.cityDueAt != null || snapshot.cityDeadlineHours != null;
}

/** What the unit checks need to know of a unit (units table). */
export interface UnitFacts {
  name: string;
  active: boolean;
  kind: UnitKind;
}

/**
 * The units a dispatch or an escalation names: each known and in service, the lead not also
 * assisting, no assist twice, and 吹哨 calling a department in to lead.
 */
export function checkUnits(
  move: Extract<MoveInput, { kind: 'dispatch' | 'escalate' }>,
  unit: (code: string) => UnitFacts | null,
): Refusal | null {
  const codes: Array<[string, string]> = [
    ['leadUnitCode', move.leadUnitCode],
    ...move.assistUnitCodes.map((code, i): [string, string] => [`assistUnitCodes.${i}`, code]),
  ];
  for (const [where, code] of codes) {
    const facts = unit(code);
    if (!facts)
      return refuse(
        'unknown_unit',
        `没有代码为 ${code} 的单位。`,
        `There is no unit with the code ${code}.`,
        `move.${where}`,
      );
    if (!facts.active)
      return refuse(
        'inactive_unit',
        `单位「${facts.name}」已停用，不能派遣。`,
        `The unit ${facts.name} is switched off and cannot take cases.`,
        `move.${where}`,
      );
    if (move.kind === 'escalate' && where === 'leadUnitCode' && facts.kind !== 'department')
      return refuse(
        'escalate_needs_department',
        `吹哨须由职能部门主办，「${facts.name}」不是部门。`,
        `Escalation calls a department in to lead; ${facts.name} is not a department.`,
        `move.${where}`,
      );
  }
  const lead = move.leadUnitCode;
  const assists = move.assistUnitCodes;
  if (assists.includes(lead)) {
    return refuse(
      'lead_is_assisting',
      `主办单位 ${lead} 不能同时是协办单位。`,
      `The lead unit ${lead} cannot also be an assisting unit.`,
      'assistUnitCodes',
    );
  }
  if (new Set(assists).size !== assists.length) {
    return refuse(
      'duplicate_assist',
      '协办单位中有重复。',
      'An assisting unit is listed twice.',
      'assistUnitCodes',
    );
  }
  return null;
}

export function checkNewDueAt(
  snapshot: CaseSnapshot,
  newDueAt: number,
  now: number,
): Refusal | null {
  const current = snapshot.dueAt;
  if (newDueAt <= now) {
    return refuse(
      'impossible_time',
      `新的截止时间 ${formatDateTime(newDueAt)} 已经过去，请选择现在（${formatDateTime(now)}）之后的时间。`,
      `The new deadline ${formatDateTime(newDueAt)} has already passed; choose a time after now (${formatDateTime(now)}).`,
      'newDueAt',
    );
  }
  if (current != null && newDueAt <= current) {
    return refuse(
      'extension_not_later',
      `延期后的截止时间须晚于现在的截止时间 ${formatDateTime(current)}。`,
      `An extension must end after the current deadline, ${formatDateTime(current)}.`,
      'newDueAt',
    );
  }
  if (newDueAt - now > LONGEST_EXTENSION_MS) {
    return refuse(
      'impossible_time',
      `新的截止时间 ${formatDateTime(newDueAt)} 在一年以后，请检查输入。`,
      `The new deadline ${formatDateTime(newDueAt)} is more than a year away; check the input.`,
      'newDueAt',
    );
  }
  return null;
}

/** The 立案条件 a registration names must be one of the case's own category. */
export function checkStandard(
  categoryCode: string,
  standardId: number,
  standard: { categoryCode: string; condition: string } | null,
): Refusal | null {
  if (!standard)
    return refuse(
      'unknown_standard',
      `没有编号为 ${standardId} 的立案条件。`,
      `There is no 立案条件 (category standard row) ${standardId}.`,
      'standardId',
    );
  if (standard.categoryCode !== categoryCode)
    return refuse(
      'standard_of_other_category',
      `立案条件「${standard.condition}」属于类别 ${standard.categoryCode}，不是本案的 ${categoryCode}。`,
      `The 立案条件 "${standard.condition}" belongs to category ${standard.categoryCode}, not this case's ${categoryCode}.`,
      'standardId',
    );
  return null;
}
