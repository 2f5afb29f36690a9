/**
 * What a page may do: load its own files and nothing else. Every web contents refuses new
 * windows, webviews and navigation off app://griddesk; the session grants no permission and
 * cancels any request to a network, so the app never talks to one (it runs on closed
 * government networks, and a page that cannot reach anything cannot leak anything).
 */
import { app, type Session, type WebContents } from 'electron';
import { isAllowedRequestUrl, isAppUrl } from './app-url';
import { logLine } from './log';

/** Logs at most one line per URL prefix, so a page retrying in a loop cannot flood the log. */
const alreadyLogged = new Set<string>();
function logOnce(text: string): void {
  const key = text.slice(0, 160);
  if (alreadyLogged.has(key) || alreadyLogged.size > 500) return;
  alreadyLogged.add(key);
  logLine('warn', text);
}

function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    logOnce(`refused to open a window for ${url}`);
    return { action: 'deny' };
  });
  const refuseForeign = (event: Electron.Event<{ url: string }>, what: string) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logOnce(`refused ${what} to ${event.url}`);
  };
  contents.on('will-navigate', (event) => refuseForeign(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => refuseForeign(event, 'frame navigation'));
  contents.on('will-redirect', (event) => refuseForeign(event, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logOnce('refused to attach a <webview>');
  });
}

/** Call before `ready`: covers every web contents created afterwards, DevTools included. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/** Call after `ready`, on the session the windows use. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    // Meeting mode (周调度) asks for full screen on the projector; nothing else is granted.
    if (permission === 'fullscreen' && isAppUrl(contents.getURL())) return callback(true);
    logOnce(`denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(
    (contents, permission) => permission === 'fullscreen' && isAppUrl(contents?.getURL() ?? ''),
  );
  ses.setDevicePermissionHandler(() => false);
  // The spell checker would download dictionaries from a Google CDN.
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) logOnce(`blocked a network request: ${details.url}`);
    callback({ cancel: !allowed });
  });
}
