/**
 * Published ranking bulletins (月通报排队). The table's triggers refuse UPDATE and DELETE, so
 * a bulletin is frozen once written; a re-computation is inserted as the next version.
 */
import type { RankingLevel } from '../../core/indices/ranking';
import type { Db } from '../open';

export interface BulletinRecord {
  id: number;
  period: string;
  level: RankingLevel;
  version: number;
  title: string;
  weightSetId: number;
  inputsSha256: string;
  /** The frozen figures, as JSON text (parsed by the caller, which owns its shape). */
  figures: string;
  notes: string | null;
  publishedAt: number;
  publishedBy: string;
}

export type BulletinSummaryRecord = Omit<BulletinRecord, 'figures'>;

const SUMMARY_COLUMNS = `id, period, level, version, title, weight_set_id AS weightSetId,
  inputs_sha256 AS inputsSha256, notes, published_at AS publishedAt, published_by AS publishedBy`;

export function insertBulletin(
  db: Db,
  bulletin: Omit<BulletinRecord, 'id' | 'version'>,
): BulletinSummaryRecord {
  return db.transaction(() => {
    const version =
      (db
        .prepare<[string, string], number>(
          'SELECT coalesce(max(version), 0) FROM bulletins WHERE period = ? AND level = ?',
        )
        .pluck()
        .get(bulletin.period, bulletin.level) ?? 0) + 1;
    const id = Number(
      db
        .prepare(
          `INSERT INTO bulletins (period, level, version, title, weight_set_id, inputs_sha256,
             figures, notes, published_at, published_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          bulletin.period,
          bulletin.level,
          version,
          bulletin.title,
          bulletin.weightSetId,
          bulletin.inputsSha256,
          bulletin.figures,
          bulletin.notes,
          bulletin.publishedAt,
          bulletin.publishedBy,
        ).lastInsertRowid,
    );
    return bulletinSummary(db, id)!;
  })();
}

export function bulletinSummary(db: Db, id: number): BulletinSummaryRecord | null {
  return (
    db
      .prepare<[number], BulletinSummaryRecord>(
        `SELECT ${SUMMARY_COLUMNS} FROM bulletins WHERE id = ?`,
      )
      .get(id) ?? null
  );
}

export function bulletinById(db: Db, id: number): BulletinRecord | null {
  return (
    db
      .prepare<[number], BulletinRecord>(
        `SELECT ${SUMMARY_COLUMNS}, figures FROM bulletins WHERE id = ?`,
      )
      .get(id) ?? null
  );
}

/** Newest first; optionally one period and/or level. */
export function listBulletins(
  db: Db,
  filter: { period?: string | undefined; level?: RankingLevel | undefined },
): BulletinSummaryRecord[] {
  return db
    .prepare<{ period: string | null; level: string | null }, BulletinSummaryRecord>(
      `SELECT ${SUMMARY_COLUMNS} FROM bulletins
        WHERE (:period IS NULL OR period = :period) AND (:level IS NULL OR level = :level)
        ORDER BY period DESC, level, version DESC`,
    )
    .all({ period: filter.period ?? null, level: filter.level ?? null });
}

export function latestBulletin(db: Db, period: string, level: RankingLevel): BulletinRecord | null {
  return (
    db
      .prepare<[string, string], BulletinRecord>(
        `SELECT ${SUMMARY_COLUMNS}, figures FROM bulletins WHERE period = ? AND level = ?
          ORDER BY version DESC LIMIT 1`,
      )
      .get(period, level) ?? null
  );
}

/** The street's name for bulletin titles (示范街道…), or null before one is set up. */
export function streetName(db: Db): string | null {
  return (
    db
      .prepare<[], string>("SELECT name FROM places WHERE level = 'street' ORDER BY code LIMIT 1")
      .pluck()
      .get() ?? null
  );
}
