/**
 * The seat behind a case event (issue 13): the session it was made through, with the
 * session's address and kind of client. Read for a stale move's refusal ("moved by 张三 at
 * 192.168.1.21, 14:32") and for the case history.
 */
import type { LastMover } from '../../core/cases/refusal';
import type { Db } from '../open';
import type { SeatClient } from './users';

interface RawMover {
  name: string;
  at: number;
  address: string | null;
  client: SeatClient | null;
  transport: string | null;
}

/** How a seat is named in a sentence: its address for a remote seat, 本机 for this desk's window. */
export function seatLabel(
  address: string | null,
  client: SeatClient | null,
  transport: string | null,
): string | null {
  if (address) return client === 'browser' ? `坐席 ${address} · 浏览器` : `坐席 ${address}`;
  if (client === 'app' || transport === 'ipc') return '本机';
  return null;
}

/** The last event of a case that changed its state, with who made it and from which seat. */
export function readLastMover(db: Db, caseId: number): LastMover | null {
  const row = db
    .prepare<[number], RawMover>(
      `SELECT e.actor_name AS name, e.at AS at, s.address AS address, s.client AS client,
              s.transport AS transport
         FROM case_events e LEFT JOIN sessions s ON s.id = e.session_id
        WHERE e.case_id = ? AND e.to_state IS NOT NULL AND e.from_state IS NOT e.to_state
        ORDER BY e.id DESC LIMIT 1`,
    )
    .get(caseId);
  if (!row) return null;
  return { name: row.name, at: row.at, seat: seatLabel(row.address, row.client, row.transport) };
}
