/**
 * The other end of the seat host (issue 13): how a desktop app joined to the centre's host
 * reaches it. Every connection pins the SHA-256 fingerprint the operator checked when
 * joining (a closed LAN has no CA), says it is the app (X-GridDesk-Client: seat-app), and
 * carries the seat's session. Failures come back as an API error with a sentence (host
 * unreachable, certificate changed), never as a thrown socket error, so the window shows
 * them like any refusal and keeps what was typed.
 */
import https from 'node:https';
import tls from 'node:tls';
import type { ApiErrorPayload, LiveEvent } from '../api/contract';
import type { ServedTile } from '../api/map/basemap-tiles';

export type SeatReply = { ok: true; result: unknown } | { ok: false; error: ApiErrorPayload };

export interface SeatHostAddress {
  /** https://ADDRESS:PORT/ as the host printed it. */
  url: string;
  /** "AB:CD:…", as settings on the host show it. */
  fingerprint: string;
}

const CALL_TIMEOUT_MS = 30_000;
const PROBE_TIMEOUT_MS = 5_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000];
/** The host writes a keep-alive every 25 s (host/api-routes.ts); silence past this is a loss. */
const STREAM_SILENCE_MS = 60_000;

/** A typed address made into the host's base URL, or a sentence saying what is wrong. */
export function seatHostUrl(typed: string): URL | { zh: string; en: string } {
  const text = typed.trim();
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return {
      zh: `「${text}」不是有效的地址，请填写主机的地址和端口，例如 192.168.1.20:8443。`,
      en: `"${text}" is not an address: give the host's address and port, e.g. 192.168.1.20:8443.`,
    };
  }
  if (url.protocol !== 'https:')
    return {
      zh: '中心主机只通过 HTTPS 提供服务，地址应以 https:// 开头。',
      en: 'The centre host serves over HTTPS only: the address starts with https://.',
    };
  if (!url.port) url.port = '8443';
  url.pathname = '/';
  url.search = '';
  url.hash = '';
  return url;
}

function unreachable(url: URL, detail: string): ApiErrorPayload {
  return {
    code: 'host_unreachable',
    message: {
      zh: `连接不上中心主机 ${url.host}（${detail}）：请确认主机已开启坐席接入、网络畅通；填写的内容仍保留，稍后重试。`,
      en: `The centre host ${url.host} cannot be reached (${detail}): check it lets seats join and the network is up; what you typed is kept, try again shortly.`,
    },
  };
}

function fingerprintChanged(url: URL, seen: string): ApiErrorPayload {
  return {
    code: 'host_fingerprint_changed',
    message: {
      zh: `中心主机 ${url.host} 的证书指纹已变为 ${seen}，与接入时核对的不一致：可能不是本中心的主机。请向管理员核实后重新接入。`,
      en: `The certificate of ${url.host} now has the fingerprint ${seen}, not the one checked when joining: it may not be the centre's host. Ask the administrator, then join again.`,
    },
  };
}

/**
 * A TLS connection to the host and the fingerprint of the certificate it showed; nothing is
 * written on it yet. Not a CA's word: the fingerprint is the trust (a closed LAN has none).
 */
function openTls(
  url: URL,
): Promise<{ socket: tls.TLSSocket; fingerprint: string } | ApiErrorPayload> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port),
      servername: /^[\d.]+$/.test(url.hostname) ? undefined : url.hostname,
      rejectUnauthorized: false,
      timeout: PROBE_TIMEOUT_MS,
    });
    socket.once('secureConnect', () => {
      socket.setTimeout(0);
      resolve({ socket, fingerprint: socket.getPeerCertificate().fingerprint256 });
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(unreachable(url, 'timeout'));
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve(unreachable(url, error.code ?? error.message)),
    );
  });
}

/** The fingerprint the host at `url` shows, for the operator to compare before joining. */
export async function probeSeatHost(url: URL): Promise<{ fingerprint: string } | ApiErrorPayload> {
  const opened = await openTls(url);
  if (!('socket' in opened)) return opened;
  opened.socket.end();
  return { fingerprint: opened.fingerprint };
}

export class SeatClient {
  readonly url: URL;
  private readonly fingerprint: string;

  constructor(host: SeatHostAddress) {
    const url = seatHostUrl(host.url);
    if (!(url instanceof URL)) throw new Error(url.en);
    this.url = url;
    this.fingerprint = host.fingerprint;
  }

  /**
   * A TLS connection whose certificate is the one checked when joining; nothing (no
   * session, no input) is written before that check, so an impostor learns nothing.
   */
  private async connect(): Promise<tls.TLSSocket | ApiErrorPayload> {
    const opened = await openTls(this.url);
    if (!('socket' in opened)) return opened;
    if (opened.fingerprint === this.fingerprint) return opened.socket;
    opened.socket.destroy();
    return fingerprintChanged(this.url, opened.fingerprint);
  }

  private async request(
    path: string,
    method: 'GET' | 'POST',
    session: string | null,
  ): Promise<ReturnType<typeof https.request> | ApiErrorPayload> {
    const socket = await this.connect();
    if (!(socket instanceof tls.TLSSocket)) return socket;
    return https.request({
      host: this.url.hostname,
      port: Number(this.url.port),
      path,
      method,
      // No agent: with createConnection given, Node sends on this very (checked) socket.
      createConnection: () => socket,
      headers: {
        Host: this.url.host,
        'Content-Type': 'application/json',
        'X-GridDesk-Client': 'seat-app',
        ...(session ? { 'X-GridDesk-Session': session } : {}),
      },
    });
  }

  /** The host's answer to one API call: its result, or its refusal, or why it was not reached. */
  async call(method: string, input: unknown, session: string | null): Promise<SeatReply> {
    const request = await this.request(`/api/call/${method}`, 'POST', session);
    if (!('on' in request)) return { ok: false, error: request };
    return new Promise((resolve) => {
      let settled = false;
      const settle = (reply: SeatReply) => {
        if (settled) return;
        settled = true;
        resolve(reply);
      };
      request.setTimeout(CALL_TIMEOUT_MS, () => {
        request.destroy();
        settle({ ok: false, error: unreachable(this.url, 'timeout') });
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SeatReply;
            if (typeof body === 'object' && body && 'ok' in body) return settle(body);
          } catch {
            // fall through: not the host's JSON
          }
          settle({ ok: false, error: unreachable(this.url, `HTTP ${response.statusCode}`) });
        });
      });
      request.on('error', (error: NodeJS.ErrnoException) =>
        settle({ ok: false, error: unreachable(this.url, error.code ?? error.message) }),
      );
      request.end(JSON.stringify(input ?? {}));
    });
  }

  /** A basemap tile from the host (its /tiles/ route takes the session header too). */
  async tile(z: number, x: number, y: number, session: string | null): Promise<ServedTile | null> {
    const request = await this.request(`/tiles/${z}/${x}/${y}`, 'GET', session);
    if (!('on' in request)) return null;
    return new Promise((resolve) => {
      request.setTimeout(CALL_TIMEOUT_MS, () => {
        request.destroy();
        resolve(null);
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve(
            response.statusCode === 200
              ? {
                  bytes: new Uint8Array(Buffer.concat(chunks)),
                  contentType: String(response.headers['content-type'] ?? 'image/png'),
                }
              : null,
          ),
        );
        response.on('error', () => resolve(null));
      });
      request.on('error', () => resolve(null));
      request.end();
    });
  }

  /**
   * The host's live stream for a session, reconnecting after a loss (1, 2, 5, then every
   * 10 s; at once on `retryNow`, when a call shows the host is back). A stream silent for
   * longer than the host's keep-alive allows (a pulled cable closes nothing) counts as lost.
   * `onState` says when it is lost and back, so the window can say its figures are not
   * live, and 'ended' when the host refuses the session (signed out, expired): no retry.
   */
  live(
    session: () => string | null,
    onEvent: (event: LiveEvent) => void,
    onState: (state: 'connected' | 'lost' | 'ended') => void,
  ): LiveStream {
    let stopped = false;
    let attempt = 0;
    let current: ReturnType<typeof https.request> | null = null;
    let timer: NodeJS.Timeout | null = null;
    let retrying = false;
    const retry = () => {
      if (stopped || retrying) return;
      retrying = true;
      current?.destroy();
      onState('lost');
      timer = setTimeout(
        () => {
          retrying = false;
          void connect();
        },
        RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)],
      );
      attempt += 1;
    };
    const connect = async () => {
      if (stopped) return;
      const request = await this.request('/api/live', 'GET', session());
      if (!('on' in request)) return retry();
      if (stopped) return request.destroy();
      current = request;
      request.setTimeout(STREAM_SILENCE_MS, retry);
      request.on('response', (response) => {
        if (stopped) return response.destroy();
        if (response.statusCode === 401) {
          response.resume();
          stopped = true;
          onState('ended');
          return;
        }
        if (response.statusCode !== 200) {
          response.resume();
          response.on('end', retry);
          return;
        }
        attempt = 0;
        onState('connected');
        const read = sseReader(onEvent);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (!stopped) read(chunk);
        });
        response.on('end', retry);
        response.on('error', retry);
      });
      request.on('error', retry);
      request.end();
    };
    void connect();
    return {
      stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
        current?.destroy();
      },
      retryNow() {
        if (stopped || !retrying) return;
        if (timer) clearTimeout(timer);
        retrying = false;
        void connect();
      },
    };
  }
}

export interface LiveStream {
  stop(): void;
  /** Reconnect now if the stream is waiting to retry. */
  retryNow(): void;
}

/** Server-sent events, as /api/live sends them: `data: <json>` blocks; comments ignored. */
function sseReader(onEvent: (event: LiveEvent) => void): (chunk: string) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (!data) continue;
      try {
        onEvent(JSON.parse(data) as LiveEvent);
      } catch {
        // A block that is not JSON is not ours to show.
      }
    }
  };
}
