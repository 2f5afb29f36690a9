/**
 * Draft bulletins (通报征求意见稿, migration 7): a month's ranking frozen for the units to
 * see before publication. The month's first draft opens the appeal window; later drafts
 * (after decisions) are new versions, never changes.
 */
import type { RankingLevel } from '../../core/ranking/ranking';
import type { Db } from '../open';

export interface DraftSummary {
  id: number;
  period: string;
  level: RankingLevel;
  version: number;
  title: string;
  inputsSha256: string;
  appealDeadline: number;
  createdAt: number;
  createdBy: string;
}

export type DraftRecord = DraftSummary & { figures: string };

const SUMMARY = `id, period, level, version, title, inputs_sha256 AS inputsSha256,
  appeal_deadline AS appealDeadline, created_at AS createdAt, created_by AS createdBy`;

export function insertDraft(db: Db, draft: Omit<DraftRecord, 'id' | 'version'>): DraftSummary {
  const version =
    (db
      .prepare<[string, string], number>(
        'SELECT coalesce(max(version), 0) FROM bulletin_drafts WHERE period = ? AND level = ?',
      )
      .pluck()
      .get(draft.period, draft.level) ?? 0) + 1;
  const id = Number(
    db
      .prepare(
        `INSERT INTO bulletin_drafts (period, level, version, title, inputs_sha256, figures,
           appeal_deadline, created_at, created_by)
         VALUES (@period, @level, @version, @title, @inputsSha256, @figures, @appealDeadline,
           @createdAt, @createdBy)`,
      )
      .run({ ...draft, version }).lastInsertRowid,
  );
  return db
    .prepare<[number], DraftSummary>(`SELECT ${SUMMARY} FROM bulletin_drafts WHERE id = ?`)
    .get(id)!;
}

export function latestDraft(db: Db, period: string, level: RankingLevel): DraftRecord | null {
  return (
    db
      .prepare<[string, string], DraftRecord>(
        `SELECT ${SUMMARY}, figures FROM bulletin_drafts WHERE period = ? AND level = ?
          ORDER BY version DESC LIMIT 1`,
      )
      .get(period, level) ?? null
  );
}

export function draftById(db: Db, id: number): DraftRecord | null {
  return (
    db
      .prepare<[number], DraftRecord>(
        `SELECT ${SUMMARY}, figures FROM bulletin_drafts WHERE id = ?`,
      )
      .get(id) ?? null
  );
}

/** Newest first. */
export function listDrafts(db: Db, period: string): DraftSummary[] {
  return db
    .prepare<[string], DraftSummary>(
      `SELECT ${SUMMARY} FROM bulletin_drafts WHERE period = ? ORDER BY version DESC, level`,
    )
    .all(period);
}

/** The month's appeal window: from its first draft to that draft's deadline; null before any draft. */
export function appealWindow(db: Db, period: string): { opensAt: number; closesAt: number } | null {
  const first = db
    .prepare<[string], { opensAt: number; closesAt: number }>(
      `SELECT created_at AS opensAt, appeal_deadline AS closesAt FROM bulletin_drafts
        WHERE period = ? ORDER BY id LIMIT 1`,
    )
    .get(period);
  return first ?? null;
}
