/**
 * Which kind of page this is in the browser: browser mode on this machine (a `?token=`),
 * a seat of the centre's host (HTTPS, no token: sign-in on every call), or a wall display
 * (`?display=KEY`, read-only). The display key is taken out of the visible address and kept
 * for this tab, like the token, so a reload keeps working.
 */
const DISPLAY_STORAGE_KEY = 'griddesk.display';

function takeDisplayKeyFromAddress(): string | null {
  const url = new URL(window.location.href);
  const key = url.searchParams.get('display');
  if (key === null) return null;
  url.searchParams.delete('display');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  return key || null;
}

let memory: string | null = null;

export function takeDisplayKey(): string | null {
  const fromAddress = takeDisplayKeyFromAddress();
  if (fromAddress) {
    memory = fromAddress;
    try {
      window.sessionStorage.setItem(DISPLAY_STORAGE_KEY, fromAddress);
    } catch {
      // Without storage the key lives in memory for this page load.
    }
    return fromAddress;
  }
  try {
    return window.sessionStorage.getItem(DISPLAY_STORAGE_KEY) ?? memory;
  } catch {
    return memory;
  }
}

export type PageKind =
  | { kind: 'loopback'; token: string }
  | { kind: 'seat'; host: string }
  | { kind: 'display'; host: string; key: string };

export function pageKindOf(token: string | null, displayKey: string | null): PageKind {
  if (token) return { kind: 'loopback', token };
  if (displayKey) return { kind: 'display', host: window.location.host, key: displayKey };
  return { kind: 'seat', host: window.location.host };
}
