/** What every handler is given: the database, the clock, the live bus, who is acting. Never the transport. */
import type { UserRole } from '../core/glossary';
import type { Db } from '../db/open';
import type { LiveBus } from './live';
import type { SeatClient } from '../db/queries/users';
import type { SeatRegistry } from './seats/seat-registry';
import type { SeatHostControl } from './seats/seat-desk';

/** Who a call acts for (操作人): recorded on every case event, import and export. */
export interface Actor {
  userId: number | null;
  name: string;
  /** 'system': the CLI, run by whoever holds the file; 'anonymous': a window nobody signed in to. */
  role: UserRole | 'system' | 'anonymous';
  /** The unit of a handling-unit user (handler role). */
  unitCode?: string | null;
}

/** The CLI (and in-process jobs), run by whoever holds the database file. */
export const SYSTEM_ACTOR: Actor = { userId: null, name: '系统', role: 'system' };

/** A window or tab where nobody has signed in (or the session is locked): it may only read. */
export const ANONYMOUS_ACTOR: Actor = { userId: null, name: '未登录', role: 'anonymous' };

/** The signed-in session a call came through (api/sessions.ts), when there is one. */
interface SessionRef {
  id: number;
  userId: number;
  locked: boolean;
}

export interface ApiContext {
  db: Db;
  /** The clock, passed in so tests and deadlines agree to the second. */
  now: () => number;
  appVersion: string;
  live: LiveBus;
  /** Who this call acts for; transports fill it per call from the signed-in session. */
  actor: Actor;
  /** The session behind `actor` (set by api/sessions.ts contextForSession), if any. */
  session?: SessionRef | null;
  /**
   * Where the call came from, for the sign-in throttle and the audit log: the socket's
   * remote address in browser mode, 'local' for the desktop window (IPC), null or absent
   * for the command line.
   */
  address?: string | null;
  /**
   * Which kind of seat the call came from (recorded with its session): this desk's own
   * window ('app'), a browser tab ('browser'), or a desktop app joined to this host
   * ('seat_app'). Absent for the command line.
   */
  client?: SeatClient;
  /**
   * Set by the host in seat mode (issue 13): the caller is on another machine, so paths it
   * names are limited to its own uploads and the admin's exchange folders.
   */
  remoteSeat?: { uploadsKey: string } | null;
  /** Set when the call came with a wall display's key (api/seats/display-access.ts). */
  display?: { id: number; name: string } | null;
  /** The host's registry of connected seats, where one serves them (settings lists it). */
  seats?: SeatRegistry | null;
  /** The seat host's controls, where this process can serve seats (seat-desk.ts). */
  seatHost?: SeatHostControl | null;
  /** Reported back by app.info only; handlers must not branch on it. */
  transport: 'ipc' | 'http' | 'cli';
}
