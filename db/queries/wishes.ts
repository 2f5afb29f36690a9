/** Small wishes (微心愿) as stored: the board's rows, one wish with its events, and writes. */
import type { WishState } from '../../core/party/wish-clock';
import type { Db } from '../open';

export interface WishRow {
  id: number;
  code: string;
  title: string;
  forWhom: string | null;
  residentName: string | null;
  residentPhone: string | null;
  gridCode: string;
  gridName: string;
  communityCode: string;
  communityName: string;
  state: WishState;
  publishedAt: number;
  claimedBy: string | null;
  claimedAt: number | null;
  dueAt: number | null;
  valueFen: number | null;
}

const SELECT_WISH = `
  SELECT w.id, w.code, w.title, w.for_whom AS forWhom, w.resident_name AS residentName,
         w.resident_phone AS residentPhone, w.grid_code AS gridCode, g.name AS gridName,
         w.community_code AS communityCode, c.name AS communityName, w.state,
         w.published_at AS publishedAt,
         coalesce(m.name, u.name) AS claimedBy, w.claimed_at AS claimedAt, w.due_at AS dueAt,
         w.value_fen AS valueFen
    FROM wishes w
    JOIN places g ON g.code = w.grid_code
    JOIN places c ON c.code = w.community_code
    LEFT JOIN party_members m ON m.id = w.claimed_by_member_id
    LEFT JOIN party_units u ON u.id = w.claimed_by_unit_id`;

/** Open wishes whole; confirmed and withdrawn ones of the last 30 days. */
export function readWishRows(
  db: Db,
  filters: { communityCode?: string | null; q?: string | null },
  now: number,
): WishRow[] {
  const where = ["(w.state IN ('published', 'claimed', 'fulfilled') OR w.updated_at >= @recent)"];
  if (filters.communityCode) where.push('w.community_code = @community');
  if (filters.q) where.push("(w.title LIKE @q ESCAPE '\\' OR w.code LIKE @q ESCAPE '\\')");
  return db
    .prepare<Record<string, unknown>, WishRow>(
      `${SELECT_WISH} WHERE ${where.join(' AND ')}
       ORDER BY CASE WHEN w.due_at IS NULL THEN 1 ELSE 0 END, w.due_at, w.published_at DESC LIMIT 2000`,
    )
    .all({
      recent: now - 30 * 86_400_000,
      community: filters.communityCode ?? null,
      q: filters.q ? `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null,
    });
}

export function readWishRow(db: Db, id: number): WishRow | undefined {
  return db.prepare<[number], WishRow>(`${SELECT_WISH} WHERE w.id = ?`).get(id);
}

export interface WishEventRow {
  id: number;
  kind: string;
  at: number;
  actor: string;
  fromState: WishState | null;
  toState: WishState | null;
  note: string | null;
}

export function readWishEvents(db: Db, wishId: number): WishEventRow[] {
  return db
    .prepare<[number], WishEventRow>(
      `SELECT id, kind, at, actor, from_state AS fromState, to_state AS toState, note
         FROM wish_events WHERE wish_id = ? ORDER BY at, id`,
    )
    .all(wishId);
}

export function insertWishEvent(
  db: Db,
  event: {
    wishId: number;
    kind: string;
    at: number;
    actor: string;
    fromState: WishState | null;
    toState: WishState;
    note: string | null;
    sessionId: number | null;
  },
): void {
  db.prepare(
    `INSERT INTO wish_events (wish_id, kind, at, actor, from_state, to_state, note, session_id)
     VALUES (@wishId, @kind, @at, @actor, @fromState, @toState, @note, @sessionId)`,
  ).run(event);
}

export function nextWishCode(db: Db): string {
  const last = db
    .prepare("SELECT max(CAST(substr(code, 3) AS INTEGER)) FROM wishes WHERE code GLOB 'XY[0-9]*'")
    .pluck()
    .get() as number | null;
  return `XY${String((last ?? 0) + 1).padStart(4, '0')}`;
}

export interface AgendaWishRow {
  id: number;
  code: string;
  title: string;
  gridName: string;
  state: WishState;
  claimedBy: string | null;
  dueAt: number;
}

/**
 * For the weekly meeting (周调度): open wishes past their clock at `asOf` (the longest late
 * first) and how many are still unclaimed. Their steps as they stand now.
 */
export function readAgendaWishes(
  db: Db,
  asOf: number,
  limit: number,
): { unclaimed: number; overdueTotal: number; overdue: AgendaWishRow[] } {
  const open = "w.state IN ('published', 'claimed')";
  const overdue = db
    .prepare<[number, number], AgendaWishRow>(
      `SELECT w.id, w.code, w.title, g.name AS gridName, w.state,
              coalesce(m.name, u.name) AS claimedBy, w.due_at AS dueAt
         FROM wishes w
         JOIN places g ON g.code = w.grid_code
         LEFT JOIN party_members m ON m.id = w.claimed_by_member_id
         LEFT JOIN party_units u ON u.id = w.claimed_by_unit_id
        WHERE ${open} AND w.due_at < ?
        ORDER BY w.due_at LIMIT ?`,
    )
    .all(asOf, limit);
  const counts = db
    .prepare<[number], { unclaimed: number; overdueTotal: number }>(
      `SELECT sum(w.state = 'published') AS unclaimed, sum(w.due_at < ?) AS overdueTotal
         FROM wishes w WHERE ${open}`,
    )
    .get(asOf)!;
  return {
    unclaimed: counts.unclaimed ?? 0,
    overdueTotal: counts.overdueTotal ?? 0,
    overdue,
  };
}
