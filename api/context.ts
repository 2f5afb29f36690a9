/** What every handler is given: the database, the clock, the live bus, who is acting. Never the transport. */
import type { UserRole } from '../core/glossary';
import type { Db } from '../db/open';
import type { LiveBus } from './live';

/** Who a call acts for (操作人): recorded on every case event, import and export. */
export interface Actor {
  userId: number | null;
  name: string;
  role: UserRole | 'system';
}

/** The actor before anyone has signed in, and for the CLI run by whoever holds the file. */
export const SYSTEM_ACTOR: Actor = { userId: null, name: '系统', role: 'system' };

export interface ApiContext {
  db: Db;
  /** The clock, passed in so tests and deadlines agree to the second. */
  now: () => number;
  appVersion: string;
  live: LiveBus;
  /** Who this call acts for; transports fill it per call from the signed-in session. */
  actor: Actor;
  /** Reported back by app.info only; handlers must not branch on it. */
  transport: 'ipc' | 'http' | 'cli';
}
