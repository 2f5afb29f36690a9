/**
 * One case as the case screen (and the map's case card) shows it: the row with names, its
 * units, history, attachments, related cases, and the moves this viewer may make now.
 * Reporters' names and phones are masked for roles that do not call them back.
 */
import { allowedMoves } from '../../core/cases/allowed-moves';
import { duplicateMatch, type DuplicateMatch } from '../../core/cases/duplicates';
import { personalDataFor } from '../../core/cases/personal-data';
import { CASE_DETAIL_VIEW, pickView, type CaseNearbyRow } from '../../core/cases/case-views';
import { listAttachments } from '../../db/queries/case-attachments';
import { suggestedLeadUnit } from '../../db/queries/case-lookups';
import {
  readCaseEvents,
  readCaseNames,
  readCaseSnapshot,
  readCaseUnits,
} from '../../db/queries/case-snapshot';
import { readStandardOption } from '../../db/queries/category-standards';
import { loadStageLimits } from '../../db/queries/clock-rules';
import { readRelatedCases } from '../../db/queries/case-related';
import type { CaseDetail, RelatedCase } from '../contract';
import type { ApiContext } from '../context';
import { UserError } from '../errors';

export function noSuchCase(ref: number | string): UserError {
  return new UserError(
    'no_such_case',
    { zh: `没有找到案卷 ${ref}。`, en: `There is no case ${ref}.` },
    typeof ref === 'number' ? 'caseId' : 'caseNo',
  );
}

/** A nearby case as the screen lists it: a likely duplicate when it matches, or was named one. */
export function relatedCase(
  other: CaseNearbyRow,
  match: DuplicateMatch | null,
  namedDuplicate = false,
): RelatedCase {
  return {
    id: other.id,
    caseNo: other.caseNo,
    state: other.state,
    categoryName: other.categoryName,
    address: other.address,
    reportedAt: other.reportedAt,
    possibleDuplicate: match != null || namedDuplicate,
    distanceM: match?.by === 'distance' ? Math.round(match.distanceM) : null,
  };
}

/** What the detail shows of the case's 立案条件: the condition, 结案条件, limit and note. */
function standardOf(db: ApiContext['db'], standardId: number | null): CaseDetail['standard'] {
  const row = standardId == null ? null : readStandardOption(db, standardId);
  return row
    ? {
        condition: row.condition,
        closeCondition: row.closeCondition,
        limit: row.limit,
        note: row.note,
      }
    : null;
}

export function buildCaseDetail(context: ApiContext, caseId: number): CaseDetail {
  const { db } = context;
  const snapshot = readCaseSnapshot(db, caseId);
  if (!snapshot) throw noSuchCase(caseId);
  const row = snapshot;
  const names = readCaseNames(db, caseId);
  const events = readCaseEvents(db, caseId);
  const duplicateOf = events.find(
    (e) => e.kind === 'void' && typeof e.data?.duplicateOf === 'string',
  )?.data?.duplicateOf as string | undefined;
  const related = readRelatedCases(db, row, duplicateOf ?? null).map((other) =>
    relatedCase(other, duplicateMatch(row, other), other.caseNo === duplicateOf),
  );
  const shown = personalDataFor(row, context.actor.role);
  return {
    asOf: context.now(),
    ...pickView(CASE_DETAIL_VIEW, { ...shown, ...names }),
    personalDataMasked: shown.personalDataMasked,
    units: readCaseUnits(db, caseId),
    events,
    attachments: listAttachments(db, caseId).map(({ caseId: _c, ...meta }) => meta),
    related,
    pendingExtension: snapshot.pendingExtension,
    suggestedLeadUnitCode: suggestedLeadUnit(db, row.categoryCode, row.communityCode),
    moves: allowedMoves(snapshot, context.actor),
    standard: standardOf(db, row.standardId),
    stageLimits: loadStageLimits(db),
  };
}
