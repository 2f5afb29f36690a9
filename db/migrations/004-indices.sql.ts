/**
 * Migration 4: what the indices, bulletins and weekly dispatch need beyond the domain schema.
 * - cases.accountable_at: the instant that places a case in its accountable period
 *   (docs/design/DOMAIN.md "Measuring"): min(closed_at, due_at) for a registered case that is neither
 *   voided nor suspended, else NULL. A VIRTUAL generated column, so every writer (moves,
 *   imports, the demo) keeps it right without knowing about it; core/ranking/case-facts.ts
 *   `accountableAt` is the same rule in TypeScript and a test holds the two together.
 * - cases_accountable_facts and cases_intake_facts: covering indexes holding every column the
 *   handling and intake figures read, so "the facts of October" is one index range and no
 *   row lookups. Without them a month over a million cases (scattered through the table, as
 *   imports leave them) costs ~75,000 random page reads; with them it is a sequential scan.
 *   They cost about 120 bytes per case (≈120 MB per million cases).
 * - cases_flagged: the few escalated (吹哨) or supervised (督办) cases, for the weekly agenda.
 * - dispatch_items_meeting: a meeting's items, for its agenda and minutes.
 */
const ACCOUNTABLE_AT_SQL = `CASE
    WHEN registered_at IS NOT NULL AND state NOT IN ('voided', 'suspended')
    THEN min(coalesce(closed_at, due_at), coalesce(due_at, closed_at))
  END`;

export const sql = /* sql */ `
ALTER TABLE cases ADD COLUMN accountable_at INTEGER GENERATED ALWAYS AS (${ACCOUNTABLE_AT_SQL}) VIRTUAL;
CREATE INDEX cases_accountable_facts ON cases (accountable_at, community_code, grid_code,
  lead_unit_code, state, registered_at, closed_at, due_at, rework_count, extension_count, satisfaction)
  WHERE accountable_at IS NOT NULL;
CREATE INDEX cases_intake_facts ON cases (reported_at, state, community_code, grid_code,
  lead_unit_code, registered_at, accept_due_at);
CREATE INDEX cases_flagged ON cases (reported_at) WHERE escalated = 1 OR supervised = 1;
CREATE INDEX dispatch_items_meeting ON dispatch_items (meeting_id);
`;
