/**
 * How long a write on a connection waits for another writer's lock (SQLite's busy timeout).
 * The desk's own connection waits only moments: a save during an import is refused at once
 * with a sentence rather than freezing the window for SQLite's default five seconds.
 */
import type { Db } from './open';

export function readBusyTimeout(db: Db): number {
  return db.pragma('busy_timeout', { simple: true }) as number;
}

export function setBusyTimeout(db: Db, ms: number): void {
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`busy timeout must be a whole number of ms, not ${ms}`);
  db.pragma(`busy_timeout = ${ms}`);
}
