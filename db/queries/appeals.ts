/**
 * Appeals (申诉) and their events, attachments, as stored by migration 7: every table is
 * append-only, so an appeal's status is read from its events (filed, then approved or
 * rejected once).
 */
import type { AppealParties, AppealReasonKind, AppealStatus } from '../../core/ranking/appeals';
import type { Db } from '../open';

export interface AppealRecord {
  id: number;
  period: string;
  caseId: number;
  caseNo: string;
  unitCode: string;
  unitName: string;
  reasonKind: AppealReasonKind;
  reason: string;
  targetUnitCode: string | null;
  targetUnitName: string | null;
  filedAt: number;
  filedBy: string;
  status: AppealStatus;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
  attachments: number;
}

export interface NewAppeal {
  period: string;
  caseId: number;
  unitCode: string;
  reasonKind: AppealReasonKind;
  reason: string;
  targetUnitCode: string | null;
  filedAt: number;
  filedBy: string;
}

const DECISION = `(SELECT e.kind FROM appeal_events e WHERE e.appeal_id = a.id AND e.kind <> 'filed')`;

const RECORD_SQL = `
SELECT a.id, a.period, a.case_id AS caseId, c.case_no AS caseNo, a.unit_code AS unitCode,
       u.name AS unitName, a.reason_kind AS reasonKind, a.reason,
       a.target_unit_code AS targetUnitCode, t.name AS targetUnitName,
       a.filed_at AS filedAt, a.filed_by AS filedBy,
       coalesce(d.kind, 'pending') AS status, d.note AS decisionNote, d.actor AS decidedBy,
       d.at AS decidedAt,
       (SELECT count(*) FROM appeal_attachments x WHERE x.appeal_id = a.id) AS attachments
  FROM appeals a
  JOIN cases c ON c.id = a.case_id
  JOIN units u ON u.code = a.unit_code
  LEFT JOIN units t ON t.code = a.target_unit_code
  LEFT JOIN appeal_events d ON d.appeal_id = a.id AND d.kind <> 'filed'`;

/** Files an appeal and its 'filed' event; the caller holds the transaction. */
export function insertAppeal(db: Db, appeal: NewAppeal): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO appeals (period, case_id, unit_code, reason_kind, reason, target_unit_code,
           filed_at, filed_by)
         VALUES (@period, @caseId, @unitCode, @reasonKind, @reason, @targetUnitCode, @filedAt, @filedBy)`,
      )
      .run(appeal).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO appeal_events (appeal_id, kind, note, actor, at) VALUES (?, 'filed', ?, ?, ?)`,
  ).run(id, appeal.reason, appeal.filedBy, appeal.filedAt);
  return id;
}

export function insertAppealAttachment(
  db: Db,
  attachment: {
    appealId: number;
    fileName: string;
    mimeType: string;
    sha256: string;
    content: Buffer;
    addedAt: number;
    addedBy: string;
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO appeal_attachments (appeal_id, file_name, mime_type, size_bytes, sha256, content,
           added_at, added_by)
         VALUES (@appealId, @fileName, @mimeType, @sizeBytes, @sha256, @content, @addedAt, @addedBy)`,
      )
      .run({ ...attachment, sizeBytes: attachment.content.length }).lastInsertRowid,
  );
}

export function insertAppealDecision(
  db: Db,
  decision: {
    appealId: number;
    kind: 'approved' | 'rejected';
    note: string;
    actor: string;
    at: number;
  },
): void {
  db.prepare(
    `INSERT INTO appeal_events (appeal_id, kind, note, actor, at)
     VALUES (@appealId, @kind, @note, @actor, @at)`,
  ).run(decision);
}

export function appealById(db: Db, id: number): AppealRecord | null {
  return db.prepare<[number], AppealRecord>(`${RECORD_SQL} WHERE a.id = ?`).get(id) ?? null;
}

/** A month's appeals (or every month's), optionally one unit's, oldest first. */
export function listAppeals(
  db: Db,
  filter: { period?: string | undefined; unitCode?: string | undefined },
): AppealRecord[] {
  return db
    .prepare<{ period: string | null; unit: string | null }, AppealRecord>(
      `${RECORD_SQL}
        WHERE (:period IS NULL OR a.period = :period) AND (:unit IS NULL OR a.unit_code = :unit)
        ORDER BY a.period DESC, a.id`,
    )
    .all({ period: filter.period ?? null, unit: filter.unitCode ?? null });
}

export interface AppealAttachmentMeta {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  addedAt: number;
  addedBy: string;
}

export function listAppealAttachments(db: Db, appealId: number): AppealAttachmentMeta[] {
  return db
    .prepare<[number], AppealAttachmentMeta>(
      `SELECT id, file_name AS fileName, mime_type AS mimeType, size_bytes AS sizeBytes, sha256,
              added_at AS addedAt, added_by AS addedBy
         FROM appeal_attachments WHERE appeal_id = ? ORDER BY id`,
    )
    .all(appealId);
}

export function readAppealAttachment(
  db: Db,
  id: number,
): (AppealAttachmentMeta & { appealId: number; content: Buffer }) | null {
  return (
    db
      .prepare<[number], AppealAttachmentMeta & { appealId: number; content: Buffer }>(
        `SELECT id, appeal_id AS appealId, file_name AS fileName, mime_type AS mimeType,
                size_bytes AS sizeBytes, sha256, added_at AS addedAt, added_by AS addedBy, content
           FROM appeal_attachments WHERE id = ?`,
      )
      .get(id) ?? null
  );
}

interface PartiesRow {
  appealId: number;
  caseId: number;
  unitCode: string;
  unitKind: AppealParties['unitKind'];
  unitPlaceCode: string | null;
  targetCode: string | null;
  targetKind: AppealParties['unitKind'] | null;
  targetPlaceCode: string | null;
  caseCommunityCode: string | null;
  caseGridCode: string | null;
  caseLeadUnitCode: string | null;
}

const PARTIES_SQL = `SELECT a.id AS appealId, a.case_id AS caseId, a.unit_code AS unitCode,
       u.kind AS unitKind, u.place_code AS unitPlaceCode, t.code AS targetCode, t.kind AS targetKind,
       t.place_code AS targetPlaceCode, c.community_code AS caseCommunityCode,
       c.grid_code AS caseGridCode, c.lead_unit_code AS caseLeadUnitCode
  FROM appeals a
  JOIN units u ON u.code = a.unit_code
  LEFT JOIN units t ON t.code = a.target_unit_code
  JOIN cases c ON c.id = a.case_id`;

const toParties = (r: PartiesRow): AppealParties => ({
  appealId: r.appealId,
  caseId: r.caseId,
  unitCode: r.unitCode,
  unitKind: r.unitKind,
  unitPlaceCode: r.unitPlaceCode,
  target:
    r.targetCode === null
      ? null
      : { code: r.targetCode, kind: r.targetKind!, placeCode: r.targetPlaceCode },
  caseCommunityCode: r.caseCommunityCode,
  caseGridCode: r.caseGridCode,
  caseLeadUnitCode: r.caseLeadUnitCode,
});

/** The month's approved appeals with the units and the case's attribution core/ranking/appeals needs. */
export function approvedAppealParties(db: Db, period: string): AppealParties[] {
  return db
    .prepare<[string], PartiesRow>(
      `${PARTIES_SQL} WHERE a.period = ? AND ${DECISION} = 'approved' ORDER BY a.id`,
    )
    .all(period)
    .map(toParties);
}

/** One appeal's parties, whatever its status (what an approval would do, before it is made). */
export function appealParties(db: Db, appealId: number): AppealParties | null {
  const row = db.prepare<[number], PartiesRow>(`${PARTIES_SQL} WHERE a.id = ?`).get(appealId);
  return row ? toParties(row) : null;
}

/** How many of a month's appeals still wait for a decision. */
export function pendingAppealCount(db: Db, period: string): number {
  return db
    .prepare<[string], number>(
      `SELECT count(*) FROM appeals a WHERE a.period = ? AND ${DECISION} IS NULL`,
    )
    .pluck()
    .get(period)!;
}
