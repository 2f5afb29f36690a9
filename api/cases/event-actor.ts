/** Who a case event is recorded for: the acting user, and the stored session (the seat) it came through. */
import type { ApiContext } from '../context';

export function eventActorOf(context: ApiContext): {
  userId: number | null;
  name: string;
  sessionId: number | null;
} {
  const id = context.session?.id ?? null;
  // Sessions held in memory while the store took no writes have negative ids: not a row.
  return {
    userId: context.actor.userId,
    name: context.actor.name,
    sessionId: id && id > 0 ? id : null,
  };
}
