/**
 * Live updates: handlers publish what changed; every transport forwards it to its windows
 * or tabs. Writes from another process (the CLI importing while the app is open) are seen
 * through SQLite's data_version, polled cheaply.
 */
import type { Db } from '../db/open';
import type { LiveEvent } from './contract';

type LiveListener = (event: LiveEvent) => void;

export class LiveBus {
  private readonly listeners = new Set<LiveListener>();

  publish(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}

/** Publishes `data.changed` when another connection commits; returns a stop function. */
export function watchExternalWrites(
  db: Db,
  bus: LiveBus,
  now: () => number,
  intervalMs = 1000,
): () => void {
  const readVersion = () => db.pragma('data_version', { simple: true }) as number;
  let last = readVersion();
  const timer = setInterval(() => {
    const current = readVersion();
    if (current !== last) {
      last = current;
      bus.publish({ type: 'data.changed', at: now() });
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
