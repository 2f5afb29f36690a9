/**
 * The loopback host (browser mode): the built renderer and the API on 127.0.0.1 only, with
 * a random token minted at each start. The Host header is checked too, so a web page that
 * rebinds a DNS name to 127.0.0.1 still cannot reach the API.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiContext } from '../api/context';
import type { ErrorLogger } from '../api/errors';
import { contextForSession, SESSION_HEADER } from '../api/sessions';
import { handleApiCall, handleLiveStream, sendJson } from './api-routes';
import { serveStatic } from './static-files';
import { createBasemapTileSource } from '../api/map/basemap-tiles';
import { serveTile } from './tile-route';
import { sweepTempFolders } from '../db/temp-folders';

const LOOPBACK_HOST = '127.0.0.1';

interface HostOptions {
  context: ApiContext;
  /** 0 = any free port. */
  port: number;
  rendererDir: string;
  log: ErrorLogger;
  /** Only for tests that need a known token; normally minted here. */
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // Temp folders of runs that died (a kill during a package import) go at every start.
  sweepTempFolders(options.context.db.name, Date.now());
  let port = options.port;
  const tiles = createBasemapTileSource(options.context.db);
  const server = http.createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      options.log('host', error);
      if (!response.headersSent) sendJson(response, 500, { ok: false });
      else response.end();
    });
  });

  async function route(request: http.IncomingMessage, response: http.ServerResponse) {
    if (!isLoopbackHost(request.headers.host, port)) {
      return sendJson(response, 421, { ok: false, error: forbidden('wrong host') });
    }
    const url = new URL(request.url ?? '/', `http://${LOOPBACK_HOST}:${port}`);
    if (url.pathname.startsWith('/api/')) {
      const presented =
        bearerToken(request.headers.authorization) ?? url.searchParams.get('token') ?? '';
      if (!sameToken(presented, token)) {
        return sendJson(response, 401, { ok: false, error: forbidden('missing or wrong token') });
      }
      if (url.pathname === '/api/live' && request.method === 'GET') {
        return handleLiveStream(options.context, request, response);
      }
      const match = /^\/api\/call\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
      if (match && request.method === 'POST') {
        // Each tab signs in on its own: its session token picks the actor of this call.
        const session = request.headers[SESSION_HEADER];
        const context = contextForSession(
          // The sign-in throttle counts wrong passwords per account and address.
          { ...options.context, address: request.socket.remoteAddress ?? null },
          typeof session === 'string' ? session : null,
        );
        return handleApiCall(context, match[1]!, request, response, options.log);
      }
      return sendJson(response, 404, { ok: false, error: forbidden('no such route') });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, { ok: false, error: forbidden('method not allowed') });
    }
    if (url.pathname.startsWith('/tiles/')) {
      // <img> tiles cannot send a header: the token rides in the query, as for /api/live.
      const presented =
        url.searchParams.get('token') ?? bearerToken(request.headers.authorization) ?? '';
      if (!sameToken(presented, token)) {
        return sendJson(response, 401, { ok: false, error: forbidden('missing or wrong token') });
      }
      return serveTile(tiles, url.pathname.slice('/tiles'.length), request.method, response);
    }
    serveStatic(options.rendererDir, url.pathname, response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK_HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        tiles.close();
        server.close(() => resolve());
      }),
  };
}

function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `${LOOPBACK_HOST}:${port}` || hostHeader === `localhost:${port}`;
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
