/**
 * The seats connected to this host now (在线坐席), kept in memory by the host: each signed-in
 * call and each open live stream notes its session here. Settings lists them; nothing is
 * stored (the sessions table keeps who signed in from where, the case events what they did).
 */
import type { SeatView } from '../contract/seats';

export type { SeatView };

/** A seat that made no call and holds no stream for this long is no longer listed as connected. */
export const SEAT_IDLE_MS = 2 * 60_000;

export class SeatRegistry {
  private readonly seats = new Map<string, SeatView>();

  /** Notes one call or stream of a seat (key: its session, or its display key). */
  note(
    key: string,
    seat: Omit<SeatView, 'firstSeenAt' | 'lastSeenAt' | 'liveStreams'>,
    now: number,
  ): void {
    const known = this.seats.get(key);
    if (known) Object.assign(known, seat, { lastSeenAt: now });
    else this.seats.set(key, { ...seat, firstSeenAt: now, lastSeenAt: now, liveStreams: 0 });
  }

  /** A live stream opened for a noted seat; the returned function closes it. */
  streamOpened(key: string, clock: () => number): () => void {
    const seat = this.seats.get(key);
    if (!seat) return () => {};
    seat.liveStreams += 1;
    return () => {
      seat.liveStreams = Math.max(0, seat.liveStreams - 1);
      seat.lastSeenAt = Math.max(seat.lastSeenAt, clock());
    };
  }

  /** A session signed out or ended: it is no longer a connected seat. */
  forget(key: string): void {
    this.seats.delete(key);
  }

  /** The seats connected now, the most recently active first. */
  list(now: number): SeatView[] {
    for (const [key, seat] of this.seats)
      if (seat.liveStreams === 0 && now - seat.lastSeenAt > SEAT_IDLE_MS) this.seats.delete(key);
    return [...this.seats.values()]
      .map((seat) => ({ ...seat }))
      .sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  }
}
