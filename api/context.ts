/** What every handler is given: the database, the clock, the live bus. Never the transport. */
import type { Db } from '../db/open';
import type { LiveBus } from './live';

export interface ApiContext {
  db: Db;
  /** The clock, passed in so tests and deadlines agree to the second. */
  now: () => number;
  appVersion: string;
  live: LiveBus;
  /** Reported back by app.info only; handlers must not branch on it. */
  transport: 'ipc' | 'http' | 'cli';
}
