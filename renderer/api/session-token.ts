/**
 * The browser-mode access token. The host prints a URL with `?token=…`; on first load we
 * keep the token in sessionStorage (this tab only) and take it out of the visible address,
 * so it is not left on screen, in bookmarks or in screenshots.
 */
const TOKEN_STORAGE_KEY = 'griddesk.token';

function readStoredToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string): void {
  try {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Without storage the token lives in memory for this page load only.
  }
}

/** The token from `?token=` in the page address (or in the hash route's query), removed from it. */
function takeTokenFromAddress(): string | null {
  const url = new URL(window.location.href);
  let token = url.searchParams.get('token');
  if (token !== null) url.searchParams.delete('token');

  // `#/cases?token=…` also works: the hash router keeps its own query.
  const hashQueryAt = url.hash.indexOf('?');
  if (hashQueryAt >= 0) {
    const hashQuery = new URLSearchParams(url.hash.slice(hashQueryAt + 1));
    const fromHash = hashQuery.get('token');
    if (fromHash !== null) {
      token ??= fromHash;
      hashQuery.delete('token');
      const rest = hashQuery.toString();
      url.hash = url.hash.slice(0, hashQueryAt) + (rest ? `?${rest}` : '');
    }
  }

  if (token !== null) {
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return token || null;
}

export function takeSessionToken(): string | null {
  const fromAddress = takeTokenFromAddress();
  if (fromAddress) {
    storeToken(fromAddress);
    return fromAddress;
  }
  return readStoredToken();
}
