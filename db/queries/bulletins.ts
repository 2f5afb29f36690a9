/**
 * Published ranking bulletins (月通报排队). The table's triggers refuse UPDATE, DELETE and
 * REPLACE, so a bulletin is frozen once written; a re-computation is inserted as the next
 * version. Each carries the SHA-256 of its canonical text (migration 5): written at publish,
 * recomputed whenever one is read with its figures (`checksumOk`).
 */
import type { RankingLevel } from '../../core/ranking/ranking';
import { BULLETIN_CHECKSUM_COLUMNS, canonicalText } from '../../core/integrity/canonical';
import { sha256Hex, type Db } from '../open';

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
  /** Whether the stored checksum still matches the stored figures (recomputed at each read). */
  checksumOk: boolean;
}

export type BulletinSummaryRecord = Omit<BulletinRecord, 'figures' | 'checksumOk'>;

type NewBulletin = Omit<BulletinRecord, 'id' | 'version' | 'checksumOk'>;

/** The SHA-256 a bulletin carries: of its canonical text (core/integrity/canonical.ts). */
export function bulletinChecksum(bulletin: NewBulletin & { version: number }): string {
  const values: Record<(typeof BULLETIN_CHECKSUM_COLUMNS)[number], string | number | null> = {
    period: bulletin.period,
    level: bulletin.level,
    version: bulletin.version,
    title: bulletin.title,
    weight_set_id: bulletin.weightSetId,
    inputs_sha256: bulletin.inputsSha256,
    figures: bulletin.figures,
    notes: bulletin.notes,
    published_at: bulletin.publishedAt,
    published_by: bulletin.publishedBy,
  };
  return sha256Hex(canonicalText(BULLETIN_CHECKSUM_COLUMNS.map((c) => values[c])));
}

/** The stored figures and checksum still agree: the same function the insert trigger uses. */
const CHECKSUM_OK = `(checksum IS griddesk_bulletin_sha256(${BULLETIN_CHECKSUM_COLUMNS.join(', ')})) AS checksumOk`;

type StoredRecord = Omit<BulletinRecord, 'checksumOk'> & { checksumOk: 0 | 1 };
const withChecksum = (row: StoredRecord | undefined): BulletinRecord | null =>
  row ? { ...row, checksumOk: row.checksumOk === 1 } : null;

const SUMMARY_COLUMNS = `id, period, level, version, title, weight_set_id AS weightSetId,
  inputs_sha256 AS inputsSha256, notes, published_at AS publishedAt, published_by AS publishedBy`;

export function insertBulletin(db: Db, bulletin: NewBulletin): BulletinSummaryRecord {
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
             figures, notes, published_at, published_by, checksum)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
          bulletinChecksum({ ...bulletin, version }),
        ).lastInsertRowid,
    );
    return bulletinSummary(db, id)!;
  })();
}

function bulletinSummary(db: Db, id: number): BulletinSummaryRecord | null {
  return (
    db
      .prepare<[number], BulletinSummaryRecord>(
        `SELECT ${SUMMARY_COLUMNS} FROM bulletins WHERE id = ?`,
      )
      .get(id) ?? null
  );
}

export function bulletinById(db: Db, id: number): BulletinRecord | null {
  return withChecksum(
    db
      .prepare<[number], StoredRecord>(
        `SELECT ${SUMMARY_COLUMNS}, figures, ${CHECKSUM_OK} FROM bulletins WHERE id = ?`,
      )
      .get(id),
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
  return withChecksum(
    db
      .prepare<[string, string], StoredRecord>(
        `SELECT ${SUMMARY_COLUMNS}, figures, ${CHECKSUM_OK} FROM bulletins WHERE period = ? AND level = ?
          ORDER BY version DESC LIMIT 1`,
      )
      .get(period, level),
  );
}

/** Every bulletin's identity and whether its checksum still matches, for `griddesk verify`. */
export function bulletinChecksums(db: Db): Array<{
  id: number;
  period: string;
  level: RankingLevel;
  version: number;
  checksumOk: boolean;
}> {
  return db
    .prepare<
      [],
      { id: number; period: string; level: RankingLevel; version: number; checksumOk: 0 | 1 }
    >(
      `SELECT id, period, level, version, ${CHECKSUM_OK} FROM bulletins ORDER BY period, level, version`,
    )
    .all()
    .map((row) => ({ ...row, checksumOk: row.checksumOk === 1 }));
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
