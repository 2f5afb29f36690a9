/**
 * The host: the built renderer and the API over HTTP, in one of two modes.
 * - Browser mode (default): 127.0.0.1 only, with a random token minted at each start.
 * - Seat mode (issue 13): HTTPS on a LAN address for the centre's other seats; no token, a
 *   signed-in seat session or a display key on every call (host/seat-gate.ts).
 * The Host header is checked in both (host/host-names.ts), so a web page that rebinds a
 * DNS name to this machine still cannot reach the API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ApiContext } from '../api/context';
import type { ErrorLogger } from '../api/errors';
import { contextForSession, SESSION_HEADER } from '../api/sessions';
import type { SeatRegistry } from '../api/seats/seat-registry';
import { handleApiCall, handleLiveStream, sendJson } from './api-routes';
import { serveStatic } from './static-files';
import { createBasemapTileSource } from '../api/map/basemap-tiles';
import { serveTile } from './tile-route';
import { sweepTempFolders } from '../db/temp-folders';
import { allowedHosts, urlHost } from './host-names';
import { gateSeatRequest, type Gate } from './seat-gate';
import { handleUpload } from './upload-route';
import type { SeatCertificate } from './seat-certificate';
import { noteSeat, sessionCookieFrom, tileCookieHeader } from './seat-cookies';

const LOOPBACK_HOST = '127.0.0.1';

interface HostOptions {
  context: ApiContext;
  /** 0 = any free port. */
  port: number;
  rendererDir: string;
  log: ErrorLogger;
  /** Only for tests that need a known token; normally minted here. */
  token?: string;
  /** Seat mode: HTTPS on this address with this certificate, seats noted in the registry. */
  seats?: { address: string; certificate: SeatCertificate; registry: SeatRegistry } | null;
}

export interface RunningHost {
  url: string;
  port: number;
  /** Browser mode's per-start token; '' in seat mode. */
  token: string;
  /** Seat mode: the certificate's SHA-256 fingerprint. */
  fingerprint: string | null;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const seats = options.seats ?? null;
  const token = seats ? '' : (options.token ?? randomBytes(24).toString('base64url'));
  // Temp folders of runs that died (a kill during a package import) go at every start.
  sweepTempFolders(options.context.db.name, Date.now());
  const bind = seats ? seats.address : LOOPBACK_HOST;
  let port = options.port;
  let hosts = allowedHosts(bind, port, !seats);
  let serving: { url: string; fingerprint: string; since: number } | null = null;
  // Under griddesk serve (and in tests) the flags decide; the desktop app brings its own switch.
  const base: ApiContext = seats
    ? {
        ...options.context,
        seats: seats.registry,
        seatHost: options.context.seatHost ?? {
          switchable: false,
          serving: () => serving,
          problem: () => null,
          apply: async () => {},
        },
      }
    : options.context;
  const tiles = createBasemapTileSource(options.context.db);
  const handler = (request: http.IncomingMessage, response: http.ServerResponse) => {
    void route(request, response).catch((error: unknown) => {
      options.log('host', error);
      if (!response.headersSent) sendJson(response, 500, { ok: false });
      else response.end();
    });
  };
  const server = seats
    ? https.createServer({ key: seats.certificate.key, cert: seats.certificate.cert }, handler)
    : http.createServer(handler);

  /** Browser mode: the per-start token, from the header or (streams, tiles) the query. */
  function tokenGate(request: http.IncomingMessage, url: URL): Gate {
    const presented =
      bearerToken(request.headers.authorization) ?? url.searchParams.get('token') ?? '';
    if (!sameToken(presented, token))
      return { ok: false, status: 401, error: forbidden('missing or wrong token') };
    const session = request.headers[SESSION_HEADER];
    // Each tab signs in on its own: its session token picks the actor of this call.
    const context = contextForSession(
      // The sign-in throttle counts wrong passwords per account and address.
      { ...base, address: request.socket.remoteAddress ?? null },
      typeof session === 'string' ? session : null,
    );
    return { ok: true, context, seatKey: null };
  }

  function gate(request: http.IncomingMessage, url: URL, method: string | null): Gate {
    if (!seats) return tokenGate(request, url);
    return gateSeatRequest(base, request, method, url.searchParams.get('display'));
  }

  async function route(request: http.IncomingMessage, response: http.ServerResponse) {
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      return sendJson(response, 421, { ok: false, error: forbidden('wrong host') });
    }
    const url = new URL(request.url ?? '/', `http://${LOOPBACK_HOST}:${port}`);
    if (url.pathname.startsWith('/api/')) {
      const match = /^\/api\/call\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
      const isLive = url.pathname === '/api/live' && request.method === 'GET';
      const isUpload = url.pathname === '/api/upload' && request.method === 'PUT';
      if (!isLive && !isUpload && !(match && request.method === 'POST'))
        return sendJson(response, 404, { ok: false, error: forbidden('no such route') });
      const allowed = gate(request, url, match ? match[1]! : isUpload ? 'exchange.upload' : null);
      if (!allowed.ok)
        return sendJson(response, allowed.status, { ok: false, error: allowed.error });
      const { context, seatKey } = allowed;
      if (seats && seatKey) noteSeat(seats.registry, seatKey, context);
      if (isLive) {
        const closed = seats && seatKey ? seats.registry.streamOpened(seatKey, context.now) : null;
        return handleLiveStream(context, request, response, {
          stillAllowed: seats ? () => gate(request, url, null).ok : null,
          onClose: closed,
        });
      }
      if (isUpload)
        return handleUpload(context, url.searchParams.get('name'), request, response, options.log);
      const method = match![1]!;
      return handleApiCall(context, method, request, response, options.log, (result) => {
        if (!seats) return {};
        // The tile cookie: <img> tiles cannot send the session header (read-only, /tiles/ only).
        if (method === 'auth.signOut' && seatKey) seats.registry.forget(seatKey);
        return tileCookieHeader(method, result);
      });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, { ok: false, error: forbidden('method not allowed') });
    }
    if (url.pathname.startsWith('/tiles/')) {
      const allowed = seats ? tileGate(request, url) : tokenGate(request, url);
      if (!allowed.ok)
        return sendJson(response, allowed.status, { ok: false, error: allowed.error });
      return serveTile(tiles, url.pathname.slice('/tiles'.length), request.method, response);
    }
    serveStatic(options.rendererDir, url.pathname, response);
  }

  /** Seat mode's tiles: the session from its cookie (an <img> sends no header) or a display key. */
  function tileGate(request: http.IncomingMessage, url: URL): Gate {
    const cookie = sessionCookieFrom(request.headers.cookie);
    if (cookie && !request.headers[SESSION_HEADER]) request.headers[SESSION_HEADER] = cookie;
    return gateSeatRequest(base, request, null, url.searchParams.get('display'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, bind, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(bind, port, !seats);
  const url = seats
    ? `https://${urlHost(bind)}:${port}/`
    : `http://${LOOPBACK_HOST}:${port}/?token=${token}`;
  if (seats) serving = { url, fingerprint: seats.certificate.fingerprint, since: Date.now() };
  return {
    url,
    port,
    token,
    fingerprint: seats ? seats.certificate.fingerprint : null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        tiles.close();
        server.close(() => resolve());
      }),
  };
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function forbidden(reason: string) {
  return {
    code: 'forbidden',
    message: { zh: `请求被拒绝：${reason}`, en: `Request refused: ${reason}` },
  };
}
