/**
 * One move on one case, all or nothing: read the case, check the move (core/cases/workflow),
 * write the row, its units and the event in one IMMEDIATE transaction, then tell every
 * window (cases.changed). A refusal is a UserError with the workflow's sentence.
 */
import { WorkCalendar } from '../../core/calendar';
import type { MoveInput } from '../../core/cases/moves';
import { planMove } from '../../core/cases/workflow';
import type { CaseState } from '../../core/glossary';
import { caseChangedRefusal } from '../../core/cases/refusal';
import { readLastMover } from '../../db/queries/event-seats';
import { eventActorOf } from './event-actor';
import {
  loadClockRules,
  loadWorkCalendar,
  readStandardChoice,
  registerStandardId,
} from '../../db/queries/clock-rules';
import type { Db } from '../../db/open';
import { checkStandard } from '../../core/cases/move-checks';
import { readUnit } from '../../db/queries/case-lookups';
import { loadWorkPeriods } from '../../db/queries/work-periods';
import { DEFAULT_WORK_PERIODS } from '../../core/limits/work-periods';
import { applyCasePatch, applyUnitsChange, insertCaseEvent } from '../../db/queries/case-moves';
import { readCaseSnapshot } from '../../db/queries/case-snapshot';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { noSuchCase } from './case-detail';

const NEEDS_CALENDAR: ReadonlySet<MoveInput['kind']> = new Set(['register']);

export function moveCase(
  context: ApiContext,
  caseId: number,
  move: MoveInput,
  expectedState?: CaseState,
): number {
  const now = context.now();
  const eventId = context.db
    .transaction(() => applyMove(context, caseId, move, now, expectedState))
    .immediate();
  context.live.publish({ type: 'cases.changed', caseIds: [caseId], at: now });
  return eventId;
}

/** The move's reads and writes, inside the transaction moveCase holds. */
function applyMove(
  context: ApiContext,
  caseId: number,
  move: MoveInput,
  now: number,
  expectedState?: CaseState,
): number {
  const { db, actor } = context;
  const snapshot = readCaseSnapshot(db, caseId);
  if (!snapshot) throw noSuchCase(caseId);
  if (expectedState && snapshot.state !== expectedState) {
    const changed = caseChangedRefusal(snapshot.caseNo, snapshot.state, readLastMover(db, caseId));
    throw new UserError(changed.code, changed.sentence);
  }
  const chosen =
    move.kind === 'register' ? registerStandard(db, snapshot.categoryCode, move) : null;
  const registering = chosen ? { ...move, standardId: chosen } : move;
  const plan = planMove(snapshot, registering, actor, now, {
    rules: loadClockRules(db, snapshot.categoryCode, snapshot.urgency, chosen),
    calendar: NEEDS_CALENDAR.has(move.kind) ? loadWorkCalendar(db) : new WorkCalendar([]),
    periods: NEEDS_CALENDAR.has(move.kind) ? loadWorkPeriods(db, now) : DEFAULT_WORK_PERIODS,
    unit: (code) => readUnit(db, code),
  });
  if (!plan.ok) throw new UserError(plan.code, plan.sentence, plan.where);
  applyCasePatch(db, caseId, plan.patch, now);
  if (plan.units) applyUnitsChange(db, caseId, plan.units, now);
  return insertCaseEvent(db, caseId, plan.event, eventActorOf(context));
}

/**
 * The standard row a registration is made under: the one the operator chose, checked to be
 * of the case's category, else the category's first in the active standard.
 */
export function registerStandard(
  db: Db,
  categoryCode: string,
  move: { standardId?: number | null | undefined },
  where = 'move.standardId',
): number | null {
  if (move.standardId == null) return registerStandardId(db, categoryCode);
  const refused = checkStandard(
    categoryCode,
    move.standardId,
    readStandardChoice(db, move.standardId),
  );
  if (refused) throw new UserError(refused.code, refused.sentence, where);
  return move.standardId;
}
