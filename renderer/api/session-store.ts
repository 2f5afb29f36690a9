/**
 * Browser mode's sign-in token for this tab (X-GridDesk-Session). sessionStorage is per tab,
 * so two tabs can be two users, and closing the tab forgets it. The desktop app keeps its
 * session in the main process instead: there the page never sees a token.
 */
const SESSION_STORAGE_KEY = 'griddesk.session';
/** Methods whose answer carries a new session token (api/sessions.ts SESSION_TOKEN_FIELD). */
const ISSUING = new Set(['auth.signIn', 'auth.setupAdmin']);

let memory: string | null = null;

export function readSessionToken(): string | null {
  try {
    return window.sessionStorage.getItem(SESSION_STORAGE_KEY) ?? memory;
  } catch {
    return memory;
  }
}

function storeSessionToken(token: string | null): void {
  memory = token;
  try {
    if (token) window.sessionStorage.setItem(SESSION_STORAGE_KEY, token);
    else window.sessionStorage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Without storage the session lasts for this page load only.
  }
}

/** Called with every answer: keeps a new token, forgets it on sign-out. */
export function noteSessionAnswer(method: string, result: unknown): void {
  if (method === 'auth.signOut') storeSessionToken(null);
  if (!ISSUING.has(method) || typeof result !== 'object' || result === null) return;
  const token = (result as { sessionToken?: unknown }).sessionToken;
  if (typeof token === 'string') storeSessionToken(token);
}
