/**
 * Walking the case history's hash chain (migration 5): every event of every case, in event
 * id order, is checked against its link in case_event_chain. A link is
 * sha256(the previous link of the same case || the event's canonical text), the same
 * computation the insert trigger makes (core/integrity/canonical.ts, hashed here).
 *
 * Each link is checked against the stored link before it, so a break names the event where
 * the chain stops matching: an event rewritten around the triggers, an event without a link
 * (inserted with the trigger dropped), a link whose event is gone (deleted), or a link
 * rewritten to match a rewritten event (the next event then fails). Removing a case's
 * newest events together with their links cannot be seen from the chain alone.
 */
import { EVENT_CHAIN_COLUMNS, eventChainText, type SqlValue } from '../../core/integrity/canonical';
import { GUARD_TRIGGERS } from '../migrations/005-tamper-evidence.sql';
import { WISH_GUARD_TRIGGERS } from '../migrations/009-party-registers.sql';
import { REGISTER_GUARD_TRIGGERS } from '../migrations/010-party-register-history.sql';
import { sha256Hex, type Db } from '../open';

export type ChainProblem =
  /** The event no longer hashes to its link: it (or the link before it) was changed. */
  | 'changed'
  /** The event has no link: it was written with the chain trigger dropped. */
  | 'unlinked'
  /** A link whose event is gone: the event was deleted. */
  | 'missing_event';

export interface ChainBreak {
  caseId: number;
  /** The case's number, or null when the case itself is gone. */
  caseNo: string | null;
  eventId: number;
  problem: ChainProblem;
}

interface ChainReport {
  /** Cases with at least one event. */
  cases: number;
  events: number;
  breaks: ChainBreak[];
}

type EventRow = Record<(typeof EVENT_CHAIN_COLUMNS)[number], SqlValue> & {
  link: string | null;
  linkCaseId: number | null;
};

/** At most this many breaks are listed (the count of broken cases is always complete). */
const MAX_LISTED_BREAKS = 1000;

export function verifyHistoryChain(
  db: Db,
): ChainReport & { brokenCases: number; totalBreaks: number } {
  const columns = EVENT_CHAIN_COLUMNS.map((c) => `e.${c}`).join(', ');
  const rows = db
    .prepare<[], EventRow>(
      `SELECT ${columns}, c.hash AS link, c.case_id AS linkCaseId
         FROM case_events e LEFT JOIN case_event_chain c ON c.event_id = e.id
        ORDER BY e.case_id, e.id`,
    )
    .iterate();
  const breaks: Array<Omit<ChainBreak, 'caseNo'>> = [];
  const broken = new Set<number>();
  let cases = 0;
  let events = 0;
  let totalBreaks = 0;
  let currentCase: SqlValue = null;
  let previous = '';
  const fail = (caseId: number, eventId: number, problem: ChainProblem) => {
    broken.add(caseId);
    totalBreaks += 1;
    if (breaks.length < MAX_LISTED_BREAKS) breaks.push({ caseId, eventId, problem });
  };
  for (const row of rows) {
    events += 1;
    if (row.case_id !== currentCase) {
      currentCase = row.case_id;
      previous = '';
      cases += 1;
    }
    const caseId = Number(row.case_id);
    const eventId = Number(row.id);
    if (row.link === null) {
      fail(caseId, eventId, 'unlinked');
      continue;
    }
    const expected = sha256Hex(
      eventChainText(
        previous,
        EVENT_CHAIN_COLUMNS.map((c) => row[c]),
      ),
    );
    if (expected !== row.link || row.linkCaseId !== caseId) fail(caseId, eventId, 'changed');
    previous = row.link;
  }
  const orphans = db
    .prepare<[], { eventId: number; caseId: number }>(
      `SELECT c.event_id AS eventId, c.case_id AS caseId FROM case_event_chain c
        WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.id = c.event_id) ORDER BY c.case_id, c.event_id`,
    )
    .all();
  for (const orphan of orphans) fail(orphan.caseId, orphan.eventId, 'missing_event');
  const caseNo = db.prepare<[number], string>('SELECT case_no FROM cases WHERE id = ?').pluck();
  return {
    cases,
    events,
    brokenCases: broken.size,
    totalBreaks,
    breaks: breaks
      .sort((a, b) => a.caseId - b.caseId || a.eventId - b.eventId)
      .map((b) => ({ ...b, caseNo: caseNo.get(b.caseId) ?? null })),
  };
}

/**
 * What migration 5 added that a check needs and that is gone (dropped by hand): the chain's
 * table, the bulletins' checksum column. Without them nothing can be checked.
 */
export function missingIntegritySchema(db: Db): string[] {
  const missing: string[] = [];
  const table = db
    .prepare(
      "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'case_event_chain'",
    )
    .pluck()
    .get();
  if (table !== 1) missing.push('case_event_chain');
  const column = db
    .prepare("SELECT count(*) FROM pragma_table_info('bulletins') WHERE name = 'checksum'")
    .pluck()
    .get();
  if (column !== 1) missing.push('bulletins.checksum');
  return missing;
}

/** The triggers that guard the records (migrations 1, 5 and 9) that are not in the schema. */
export function missingGuardTriggers(db: Db): string[] {
  const present = new Set(
    db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all(),
  );
  return [...GUARD_TRIGGERS, ...WISH_GUARD_TRIGGERS, ...REGISTER_GUARD_TRIGGERS].filter(
    (name) => !present.has(name),
  );
}
