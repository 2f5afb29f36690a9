/**
 * The cases the weekly agenda lists: open cases overdue at an instant, and open escalated
 * (吹哨) or supervised (督办) cases. "At an instant" so a past week's agenda shows that week:
 * a case closed since then was still open at the time.
 */
import type { Db } from '../open';
import { CASE_LIST_VIEW, type CaseListRow } from '../../core/cases/case-views';
import { selectCaseView } from './case-select';

/** Open (not closed by `asOf`), not voided and not suspended, with a deadline before `asOf`. */
export function overdueCasesAt(db: Db, asOf: number): CaseListRow[] {
  return selectCaseView(
    db,
    CASE_LIST_VIEW,
    `WHERE c.due_at < :asOf AND c.registered_at IS NOT NULL AND c.registered_at <= :asOf
          AND c.state NOT IN ('voided', 'suspended')
          AND (c.closed_at IS NULL OR c.closed_at > :asOf)
        ORDER BY c.due_at ASC, c.id ASC`,
    { asOf },
  );
}

/** Escalated or supervised cases open at `asOf`, oldest report first. */
export function flaggedOpenCasesAt(db: Db, asOf: number): CaseListRow[] {
  return selectCaseView(
    db,
    CASE_LIST_VIEW,
    `WHERE (escalated = 1 OR supervised = 1) AND c.reported_at <= :asOf
          AND c.state <> 'voided' AND (c.closed_at IS NULL OR c.closed_at > :asOf)
        ORDER BY c.reported_at ASC, c.id ASC`,
    { asOf },
  );
}
