/**
 * Seat mode's small helpers around a signed-in seat: the tile cookie and the registry note.
 * Map tiles are <img> elements, which cannot send the session header, so a sign-in also
 * sets the session as a cookie scoped to /tiles/ (Secure, HttpOnly, SameSite=Strict): it
 * opens basemap images and nothing else; every API call still needs the header.
 */
import type { ApiContext } from '../api/context';
import type { SeatRegistry } from '../api/seats/seat-registry';

export const SESSION_COOKIE = 'griddesk_tiles';
const ISSUING = new Set(['auth.signIn', 'auth.unlock']);

export function tileCookieHeader(method: string, result: unknown): Record<string, string> {
  if (method === 'auth.signOut')
    return {
      'Set-Cookie': `${SESSION_COOKIE}=; Path=/tiles/; Max-Age=0; Secure; HttpOnly; SameSite=Strict`,
    };
  if (!ISSUING.has(method) || typeof result !== 'object' || result === null) return {};
  const token = (result as { sessionToken?: unknown }).sessionToken;
  if (typeof token !== 'string') return {};
  return {
    'Set-Cookie': `${SESSION_COOKIE}=${token}; Path=/tiles/; Secure; HttpOnly; SameSite=Strict`,
  };
}

export function sessionCookieFrom(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=') || null;
  }
  return null;
}

/** Notes the seat behind a call in the host's registry (settings lists the seats connected now). */
export function noteSeat(registry: SeatRegistry, key: string, context: ApiContext): void {
  registry.note(
    key,
    {
      sessionId: context.session?.id ?? context.display?.id ?? 0,
      userId: context.actor.userId,
      name: context.actor.name,
      role: context.display ? 'display' : context.actor.role,
      address: context.address ?? null,
      client: context.display ? 'display' : (context.client ?? 'browser'),
    },
    context.now(),
  );
}
