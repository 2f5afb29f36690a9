/**
 * Seats at once (issue 13): the demo street served by `griddesk serve --seats` in a child
 * process on 127.0.0.2 (HTTPS), and the seats as async loops in this process. Each seat is
 * a browser of its own: its own loopback address (127.0.0.11…), its own keep-alive
 * connections, the host's certificate pinned by its SHA-256, its own operator signed in
 * (X-GridDesk-Session), its live stream (/api/live) open. Each seat
 * - every second reads a board page: cases.list, the 办理中 column's first 50 cards by due
 *   time, as renderer/areas/cases/BoardColumn.tsx asks for a column;
 * - every 3–5 s (seeded) makes a move on a card of the page it last read, sent with the
 *   state it saw (expectedState): mostly a note (备注); now and then (one in twelve of the
 *   cards it picks) 办理 (handle), which another seat, at its next turn, sends back (返工,
 *   rework: 采办分离 keeps it from the handler) and then signs again (签收): the case is back
 *   in 办理中, so the column never runs out.
 * The wall display (a display key, X-GridDesk-Display) reads overview.counts every second,
 * its stream open too.
 * Phase A: one seat alone (20 s). Phase B: ten seats and the display (30 s). Three rounds
 * A, B alternated (SEATS_BENCH_QUICK=1: one round of 5 s each), after a few unrecorded
 * seconds of B to warm the host. Figures per phase: p50/p95 of a move and of a board page
 * (request sent → answer read, in this process), B/A of the p95s; and the live events:
 * for each move that committed, the time from the mover receiving the host's answer (the
 * commit: the host publishes the event right after the commit and then answers) to each
 * seat's stream receiving the cases.changed event of that case (matched by case id and the
 * event's time), per (move, seat) pair and per move until the last of the seats had it.
 * All times are this process's clock; the host's CPU is read from /proc.
 * Run: node --import tsx tests/bench/seats.bench.ts
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import type { TLSSocket } from 'node:tls';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiErrorPayload, CaseCard, LiveEvent } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import type { CaseState } from '../../core/glossary';
import { createBackupSync } from '../../db/backup/create-backup';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { median, percentile, record } from './record';
import { startSeatHostProcess } from '../seat-host-process';

const QUICK = process.env.SEATS_BENCH_QUICK === '1';
const ROUNDS = QUICK ? 1 : 3;
const PHASE_A_MS = QUICK ? 5_000 : 20_000;
const PHASE_B_MS = QUICK ? 5_000 : 30_000;
const WARM_UP_MS = QUICK ? 2_000 : 5_000;
/** After a phase, how long late live events may still come in before the streams close. */
const LIVE_GRACE_MS = 1_500;
const SEATS = 10;
const LOOP_SAMPLE_MS = 10;
const READ_EVERY_MS = 1_000;
const MOVE_EVERY_MS: [number, number] = [3_000, 5_000];
/** Of the moves a seat picks from its page, the share that are 办理 (each brings a 返工 and a 签收). */
const STATE_MOVE_SHARE = 0.08;
const HOST = '127.0.0.2';
const DISPLAY_FROM = '127.0.0.30';
const BOARD_PAGE = {
  states: ['in_progress'] as CaseState[],
  filters: {},
  sort: 'due' as const,
  offset: 0,
  limit: 50,
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bench-seats-'));
const file = path.join(dir, 'desk.sqlite');
const log = (message: string) => process.stderr.write(`[seats.bench] ${message}\n`);
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
const round2 = (ms: number) => Math.round(ms * 100) / 100;

/** A seeded generator (mulberry32): the same seats make the same choices every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function summary(values: number[]) {
  if (values.length === 0) return { n: 0, p50: null, p95: null, max: null };
  return {
    n: values.length,
    p50: round2(median(values)),
    p95: round2(percentile(values, 95)),
    max: round2(Math.max(...values)),
  };
}

// ---------------------------------------------------------------------------------------------
// 1. The store: the demo street, ten operators with passwords, a display key, today's backup.

interface SeatUser {
  username: string;
  name: string;
  password: string;
}

async function prepareStore(): Promise<{ users: SeatUser[]; displayKey: string }> {
  const { db } = openOrCreateDatabase(file, {
    appVersion: 'bench',
    now: Date.now(),
    demoWhenNew: true,
    demoSeed: 7,
  });
  try {
    const context: ApiContext = {
      db,
      now: () => Date.now(),
      appVersion: 'bench',
      live: new LiveBus(),
      actor: SYSTEM_ACTOR,
      transport: 'cli',
    };
    const system = (method: string, input: unknown) =>
      invoke(context, method, input) as Promise<Record<string, unknown>>;
    // The demo's own operators first (张敏, 刘洋, 陈静), then made-up ones up to ten.
    const operators = db
      .prepare("SELECT id, username, display_name AS name FROM users WHERE role = 'operator'")
      .all() as { id: number; username: string; name: string }[];
    const users: SeatUser[] = [];
    for (let i = 0; i < SEATS; i++) {
      const password = `seat-bench-${String(i + 1).padStart(2, '0')}-2026`;
      const existing = operators[i];
      if (existing) {
        await system('users.setPassword', { id: existing.id, password });
        users.push({ username: existing.username, name: existing.name, password });
      } else {
        const username = `seat${String(i + 1).padStart(2, '0')}`;
        const name = `坐席${i + 1}号`;
        await system('users.create', {
          username,
          displayName: name,
          role: 'operator',
          unitCode: null,
          password,
        });
        users.push({ username, name, password });
      }
    }
    const display = await system('displayKeys.create', { name: '大屏' });
    // Today's daily backup, so the host's first daily attempt (60 s after its start) finds
    // one and copies nothing in the middle of a phase.
    createBackupSync(db, { reason: 'daily', now: Date.now(), appVersion: 'bench' });
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { users, displayKey: display.key as string };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The host: `griddesk serve --seats` in a child process.

let child: ChildProcess | null = null;
let childExited: string | null = null;
let childStderr: () => string = () => '';

async function startChildHost(): Promise<{ url: string; port: number; fingerprint: string }> {
  const started = await startSeatHostProcess({
    dbFile: file,
    address: HOST,
    env: { ...process.env, GRIDDESK_LANG: 'en', GRIDDESK_RENDERER_DIR: dir },
    timeoutMs: 60_000,
  });
  child = started.child;
  childStderr = started.stderr;
  started.child.once('exit', (code, signal) => (childExited = `exit ${code ?? signal}`));
  return { url: started.url, port: started.port, fingerprint: started.fingerprint };
}

async function stopChildHost(): Promise<void> {
  const running = child;
  if (!running || childExited) return;
  const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
  running.kill('SIGTERM');
  const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const CLOCK_TICK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
/** The host process's CPU time so far (user + system), in ms. */
function hostCpuMs(): number {
  if (!child?.pid) return 0;
  const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICK;
}

// ---------------------------------------------------------------------------------------------
// 3. A browser: keep-alive HTTPS from its own address, the certificate pinned, its auth header.

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the host sent it
  body: { ok: boolean; result?: any; error?: ApiErrorPayload };
  sentAt: number;
  answeredAt: number;
  ms: number;
}

interface Received {
  event: LiveEvent;
  receivedAt: number;
}

interface Stream {
  events: Received[];
  close(): void;
}

class Browser {
  readonly headers: Record<string, string> = {};
  private readonly agent: https.Agent;
  private readonly pinnedSockets = new WeakSet<object>();
  private readonly streams = new Set<Stream>();

  constructor(
    private readonly host: { port: number; fingerprint: string },
    readonly from: string,
  ) {
    // A browser keeps up to six connections to a host open.
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 6, rejectUnauthorized: false });
  }

  /** The seat pins the fingerprint it was shown, not a CA. */
  private pin(socket: TLSSocket): void {
    if (this.pinnedSockets.has(socket)) return;
    const check = () => {
      // A resumed TLS session (the agent keeps them, as a browser does) shows no certificate:
      // it was set up by a handshake this seat pinned.
      if (socket.isSessionReused()) return void this.pinnedSockets.add(socket);
      const seen = socket.getPeerCertificate().fingerprint256;
      if (seen !== this.host.fingerprint)
        socket.destroy(new Error(`certificate ${seen} is not ${this.host.fingerprint}`));
      else this.pinnedSockets.add(socket);
    };
    // A socket not seen before is new: its handshake is still to come.
    socket.once('secureConnect', check);
  }

  call(method: string, input: unknown): Promise<Answer> {
    const body = JSON.stringify(input);
    const sentAt = performance.now();
    return new Promise<Answer>((resolve) => {
      const done = (status: number, parsed: Answer['body']) => {
        const answeredAt = performance.now();
        resolve({ status, body: parsed, sentAt, answeredAt, ms: answeredAt - sentAt });
      };
      const request = https.request(
        {
          host: HOST,
          port: this.host.port,
          path: `/api/call/${method}`,
          method: 'POST',
          localAddress: this.from,
          agent: this.agent,
          headers: {
            Host: `${HOST}:${this.host.port}`,
            'Content-Type': 'application/json',
            'Content-Length': String(Buffer.byteLength(body)),
            ...this.headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              done(response.statusCode!, JSON.parse(text));
            } catch {
              done(response.statusCode!, {
                ok: false,
                error: { code: 'not_json', message: { zh: text, en: text } },
              });
            }
          });
          response.on('error', (error) => done(0, networkError(error)));
        },
      );
      request.on('socket', (socket) => this.pin(socket as TLSSocket));
      request.on('error', (error) => done(0, networkError(error)));
      request.end(body);
    });
  }

  /** Opens /api/live (its own connection, as an EventSource has); resolves once connected. */
  live(): Promise<Stream> {
    return new Promise((resolve, reject) => {
      const request = https.request({
        host: HOST,
        port: this.host.port,
        path: '/api/live',
        method: 'GET',
        localAddress: this.from,
        agent: false,
        rejectUnauthorized: false,
        headers: { Host: `${HOST}:${this.host.port}`, ...this.headers },
      });
      request.on('socket', (socket) => this.pin(socket as TLSSocket));
      request.on('error', reject);
      request.on('response', (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`/api/live answered ${response.statusCode}`));
          request.destroy();
          return;
        }
        const events: Received[] = [];
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const receivedAt = performance.now();
          buffer += chunk;
          let at: number;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (data) events.push({ event: JSON.parse(data.slice(6)) as LiveEvent, receivedAt });
          }
        });
        response.on('error', () => {});
        const stream: Stream = {
          events,
          close: () => {
            this.streams.delete(stream);
            request.destroy();
          },
        };
        this.streams.add(stream);
        resolve(stream);
      });
      request.end();
    });
  }

  close(): void {
    for (const stream of [...this.streams]) stream.close();
    this.agent.destroy();
  }
}

function networkError(error: Error): Answer['body'] {
  const code = (error as NodeJS.ErrnoException).code ?? `network: ${error.message.slice(0, 80)}`;
  return { ok: false, error: { code, message: { zh: error.message, en: error.message } } };
}

// ---------------------------------------------------------------------------------------------
// 4. Seats, the display, and a phase.

interface Seat {
  index: number;
  user: SeatUser;
  browser: Browser;
  rand: () => number;
  /** The cards of the page it last read. */
  page: CaseCard[];
  /** A case it sent back (返工) and will sign again. */
  pending: { caseId: number; state: CaseState } | null;
}

/** Cases handled (已处置) and waiting for another seat to check them, and who handled each. */
const awaitingCheck: { caseId: number; handledBy: number }[] = [];

interface Committed {
  seat: number;
  caseId: number;
  /** The event's time on the host's clock (epoch ms), as the live event carries it. */
  eventAt: number | null;
  sentAt: number;
  answeredAt: number;
}

interface PhaseLog {
  label: string;
  wallMs: number;
  reads: number[];
  moves: number[];
  displayReads: number[];
  moveKinds: Record<string, number>;
  refused: Record<string, number>;
  failures: Record<string, number>;
  committed: Committed[];
  /** Per committed move, per seat: the seat's receipt minus the mover's answer, and minus the send. */
  liveAfterAnswer: number[];
  liveAfterSend: number[];
  /** Per committed move, the last seat's receipt (every seat has it). */
  everySeatAfterAnswer: number[];
  everySeatAfterSend: number[];
  displayLiveAfterAnswer: number[];
  liveMissing: number;
  liveMatchedByCaseOnly: number;
  hostCpuMs: number;
  clientCpuMs: number;
  clientLoopP99Ms: number;
  clientLoopMaxMs: number;
  loadBefore: string;
  loadAfter: string;
}

const count = (counts: Record<string, number>, key: string) =>
  (counts[key] = (counts[key] ?? 0) + 1);

function failure(phase: PhaseLog, method: string, answer: Answer): void {
  count(phase.failures, `${method} ${answer.status} ${answer.body.error?.code ?? '?'}`);
}

async function sleepUntil(at: number): Promise<void> {
  await sleep(at - performance.now());
}

async function readLoop(seat: Seat, phase: PhaseLog, until: number): Promise<void> {
  let next = performance.now() + seat.rand() * READ_EVERY_MS;
  for (;;) {
    await sleepUntil(Math.min(next, until));
    if (performance.now() >= until) return;
    const answer = await seat.browser.call('cases.list', BOARD_PAGE);
    if (answer.status === 200 && answer.body.ok) {
      phase.reads.push(answer.ms);
      seat.page = answer.body.result.rows as CaseCard[];
    } else failure(phase, 'cases.list', answer);
    next = Math.max(next + READ_EVERY_MS, performance.now());
  }
}

interface PlannedMove {
  kind: string;
  input: { caseId: number; expectedState: CaseState; move: Record<string, unknown> };
  /** The case's state after it, when it is to be brought back; null: nothing to follow. */
  then: CaseState | null;
}

function planMove(seat: Seat): PlannedMove | null {
  const pending = seat.pending;
  if (pending?.state === 'dispatched')
    return {
      kind: 'sign',
      input: { caseId: pending.caseId, expectedState: 'dispatched', move: { kind: 'sign' } },
      then: null,
    };
  const check = awaitingCheck.findIndex((c) => c.handledBy !== seat.index);
  if (check >= 0) {
    const { caseId } = awaitingCheck.splice(check, 1)[0]!;
    return {
      kind: 'rework',
      input: {
        caseId,
        expectedState: 'handled',
        move: { kind: 'rework', reason: '核查未通过，返工处理' },
      },
      then: 'dispatched',
    };
  }
  if (seat.page.length === 0) return null;
  const card = seat.page[Math.floor(seat.rand() * seat.page.length)]!;
  if (seat.rand() < STATE_MOVE_SHARE)
    return {
      kind: 'handle',
      input: {
        caseId: card.id,
        expectedState: card.state,
        move: { kind: 'handle', result: '已到现场处置完毕' },
      },
      then: 'handled',
    };
  return {
    kind: 'note',
    input: {
      caseId: card.id,
      expectedState: card.state,
      move: { kind: 'note', note: `${seat.user.name}：已电话催办` },
    },
    then: null,
  };
}

async function moveLoop(seat: Seat, phase: PhaseLog, until: number): Promise<void> {
  const [least, most] = MOVE_EVERY_MS;
  let next = performance.now() + seat.rand() * least;
  for (;;) {
    await sleepUntil(Math.min(next, until));
    if (performance.now() >= until) return;
    const planned = planMove(seat);
    if (planned) {
      const answer = await seat.browser.call('cases.move', planned.input);
      if (answer.status === 200 && answer.body.ok) {
        phase.moves.push(answer.ms);
        count(phase.moveKinds, planned.kind);
        const eventId = answer.body.result.eventId as number;
        const event = (answer.body.result.detail.events as { id: number; at: number }[]).find(
          (e) => e.id === eventId,
        );
        phase.committed.push({
          seat: seat.index,
          caseId: planned.input.caseId,
          eventAt: event?.at ?? null,
          sentAt: answer.sentAt,
          answeredAt: answer.answeredAt,
        });
        const caseId = planned.input.caseId;
        if (planned.then === 'handled') awaitingCheck.push({ caseId, handledBy: seat.index });
        seat.pending = planned.then === 'dispatched' ? { caseId, state: 'dispatched' } : null;
      } else {
        count(phase.refused, `${planned.kind} ${answer.status} ${answer.body.error?.code ?? '?'}`);
        // A case someone else moved first: this seat lets it go.
        seat.pending = null;
      }
    }
    next = Math.max(next + least + seat.rand() * (most - least), performance.now());
  }
}

async function displayLoop(display: Browser, phase: PhaseLog, until: number): Promise<void> {
  let next = performance.now() + 500;
  for (;;) {
    await sleepUntil(Math.min(next, until));
    if (performance.now() >= until) return;
    const answer = await display.call('overview.counts', {});
    if (answer.status === 200 && answer.body.ok) phase.displayReads.push(answer.ms);
    else failure(phase, 'overview.counts (display)', answer);
    next = Math.max(next + READ_EVERY_MS, performance.now());
  }
}

/** The live event of a committed move on a stream: same case, same time; else same case after. */
function receiptOf(stream: Stream, move: Committed): { at: number; exact: boolean } | null {
  let loose: number | null = null;
  for (const { event, receivedAt } of stream.events) {
    if (event.type !== 'cases.changed' || !(event.caseIds ?? []).includes(move.caseId)) continue;
    if (move.eventAt !== null && event.at === move.eventAt) return { at: receivedAt, exact: true };
    if (loose === null && receivedAt >= move.sentAt) loose = receivedAt;
  }
  return loose === null ? null : { at: loose, exact: false };
}

async function runPhase(
  label: string,
  seats: Seat[],
  display: Browser | null,
  ms: number,
): Promise<PhaseLog> {
  if (childExited) throw new Error(`the host ended (${childExited}): ${childStderr()}`);
  const streams = await Promise.all(seats.map((seat) => seat.browser.live()));
  const displayStream = display ? await display.live() : null;
  const phase: PhaseLog = {
    label,
    wallMs: 0,
    reads: [],
    moves: [],
    displayReads: [],
    moveKinds: {},
    refused: {},
    failures: {},
    committed: [],
    liveAfterAnswer: [],
    liveAfterSend: [],
    everySeatAfterAnswer: [],
    everySeatAfterSend: [],
    displayLiveAfterAnswer: [],
    liveMissing: 0,
    liveMatchedByCaseOnly: 0,
    hostCpuMs: 0,
    clientCpuMs: 0,
    clientLoopP99Ms: 0,
    clientLoopMaxMs: 0,
    loadBefore: loadavg(),
    loadAfter: '',
  };
  const loop = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  loop.enable();
  const cpu = process.cpuUsage();
  const hostCpu = hostCpuMs();
  const started = performance.now();
  const until = started + ms;
  await Promise.all([
    ...seats.flatMap((seat) => [readLoop(seat, phase, until), moveLoop(seat, phase, until)]),
    ...(display ? [displayLoop(display, phase, until)] : []),
  ]);
  phase.wallMs = performance.now() - started;
  phase.hostCpuMs = hostCpuMs() - hostCpu;
  const used = process.cpuUsage(cpu);
  phase.clientCpuMs = (used.user + used.system) / 1000;
  loop.disable();
  // The histogram counts the sampling timer's own interval: the lag is what is beyond it.
  phase.clientLoopP99Ms = round2(loop.percentile(99) / 1e6 - LOOP_SAMPLE_MS);
  phase.clientLoopMaxMs = round2(loop.max / 1e6 - LOOP_SAMPLE_MS);
  phase.loadAfter = loadavg();
  await sleep(LIVE_GRACE_MS);
  for (const stream of streams) stream.close();
  displayStream?.close();
  for (const move of phase.committed) {
    let lastAfterAnswer = -Infinity;
    let lastAfterSend = -Infinity;
    let all = true;
    for (const stream of streams) {
      const receipt = receiptOf(stream, move);
      if (!receipt) {
        phase.liveMissing++;
        all = false;
        continue;
      }
      if (!receipt.exact) phase.liveMatchedByCaseOnly++;
      phase.liveAfterAnswer.push(receipt.at - move.answeredAt);
      phase.liveAfterSend.push(receipt.at - move.sentAt);
      lastAfterAnswer = Math.max(lastAfterAnswer, receipt.at - move.answeredAt);
      lastAfterSend = Math.max(lastAfterSend, receipt.at - move.sentAt);
    }
    if (all) {
      phase.everySeatAfterAnswer.push(lastAfterAnswer);
      phase.everySeatAfterSend.push(lastAfterSend);
    }
    const onDisplay = displayStream ? receiptOf(displayStream, move) : null;
    if (onDisplay) phase.displayLiveAfterAnswer.push(onDisplay.at - move.answeredAt);
  }
  log(
    `${label}: ${phase.reads.length} board pages (p95 ${round2(percentile(phase.reads, 95))} ms), ` +
      `${phase.moves.length} moves (p95 ${phase.moves.length ? round2(percentile(phase.moves, 95)) : '—'} ms), ` +
      `${Object.values(phase.refused).reduce((a, b) => a + b, 0)} refused, ` +
      `${Object.values(phase.failures).reduce((a, b) => a + b, 0)} failed; load ${phase.loadAfter}`,
  );
  return phase;
}

// ---------------------------------------------------------------------------------------------
// 5. The run.

function pooled(phases: PhaseLog[]) {
  const all = <K extends keyof PhaseLog>(key: K) =>
    phases.flatMap((p) => p[key] as unknown as number[]);
  const merge = (key: 'moveKinds' | 'refused' | 'failures') => {
    const merged: Record<string, number> = {};
    for (const phase of phases)
      for (const [k, v] of Object.entries(phase[key])) merged[k] = (merged[k] ?? 0) + v;
    return merged;
  };
  const wallMs = phases.reduce((sum, p) => sum + p.wallMs, 0);
  const hostCpu = phases.reduce((sum, p) => sum + p.hostCpuMs, 0);
  const clientCpu = phases.reduce((sum, p) => sum + p.clientCpuMs, 0);
  return {
    seconds: round2(wallMs / 1000),
    boardPage: summary(all('reads')),
    move: summary(all('moves')),
    displayOverview: summary(all('displayReads')),
    moveKinds: merge('moveKinds'),
    refusedMoves: merge('refused'),
    failedCalls: merge('failures'),
    live: {
      perSeatAfterAnswer: summary(all('liveAfterAnswer')),
      everySeatAfterAnswer: summary(all('everySeatAfterAnswer')),
      perSeatAfterSend: summary(all('liveAfterSend')),
      everySeatAfterSend: summary(all('everySeatAfterSend')),
      displayAfterAnswer: summary(all('displayLiveAfterAnswer')),
      beforeTheAnswer: all('liveAfterAnswer').filter((ms) => ms < 0).length,
      missing: phases.reduce((sum, p) => sum + p.liveMissing, 0),
      matchedByCaseOnly: phases.reduce((sum, p) => sum + p.liveMatchedByCaseOnly, 0),
    },
    hostCpuPercent: round2((100 * hostCpu) / wallMs),
    clientCpuPercent: round2((100 * clientCpu) / wallMs),
    clientEventLoopP99Ms: Math.max(...phases.map((p) => p.clientLoopP99Ms)),
    clientEventLoopMaxMs: Math.max(...phases.map((p) => p.clientLoopMaxMs)),
    load: phases.map((p) => `${p.loadBefore} → ${p.loadAfter}`),
  };
}

function printTable(a: ReturnType<typeof pooled>, b: ReturnType<typeof pooled>): void {
  const cell = (s: { n: number; p50: number | null; p95: number | null; max: number | null }) =>
    s.n ? `${s.p50} / ${s.p95} / ${s.max} ms (n ${s.n})` : '—';
  const ratio = (x: number | null, y: number | null) => (x && y ? `${round2(y / x)}×` : '—');
  const rows: [string, string, string, string][] = [
    ['figure (p50 / p95 / max)', 'A: one seat', 'B: ten seats + display', 'B/A p95'],
    [
      'board page (cases.list, 50 cards)',
      cell(a.boardPage),
      cell(b.boardPage),
      ratio(a.boardPage.p95, b.boardPage.p95),
    ],
    ['move (cases.move)', cell(a.move), cell(b.move), ratio(a.move.p95, b.move.p95)],
    ['display overview.counts', '—', cell(b.displayOverview), ''],
    [
      'live event, each seat, after the answer',
      cell(a.live.perSeatAfterAnswer),
      cell(b.live.perSeatAfterAnswer),
      '',
    ],
    [
      'live event, every seat, after the answer',
      cell(a.live.everySeatAfterAnswer),
      cell(b.live.everySeatAfterAnswer),
      '',
    ],
    [
      'live event, every seat, after the send',
      cell(a.live.everySeatAfterSend),
      cell(b.live.everySeatAfterSend),
      '',
    ],
    ['host CPU', `${a.hostCpuPercent}%`, `${b.hostCpuPercent}%`, ''],
    ['this process: CPU', `${a.clientCpuPercent}%`, `${b.clientCpuPercent}%`, ''],
    [
      'this process: event loop lag p99 / max',
      `${a.clientEventLoopP99Ms} / ${a.clientEventLoopMaxMs} ms`,
      `${b.clientEventLoopP99Ms} / ${b.clientEventLoopMaxMs} ms`,
      '',
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(
    [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join(
      '\n',
    ),
  );
}

const browsers: Browser[] = [];
let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  for (const browser of browsers) browser.close();
  await stopChildHost().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

try {
  const loadAtStart = loadavg();
  log(`${QUICK ? 'quick run' : 'full run'}; load ${loadAtStart}; preparing the demo street`);
  const { users, displayKey } = await prepareStore();
  const host = await startChildHost();
  log(`host ${host.url} (pid ${child!.pid})`);
  const seats: Seat[] = [];
  for (let i = 0; i < SEATS; i++) {
    const browser = new Browser(host, `127.0.0.${11 + i}`);
    browsers.push(browser);
    const user = users[i]!;
    const signedIn = await browser.call('auth.signIn', {
      username: user.username,
      password: user.password,
    });
    if (!signedIn.body.ok)
      throw new Error(`sign-in of ${user.username}: ${signedIn.body.error?.message.en}`);
    browser.headers['X-GridDesk-Session'] = signedIn.body.result.sessionToken as string;
    seats.push({ index: i, user, browser, rand: seeded(1000 + i), page: [], pending: null });
  }
  const display = new Browser(host, DISPLAY_FROM);
  browsers.push(display);
  display.headers['X-GridDesk-Display'] = displayKey;

  const warm = await runPhase('warm-up (not recorded)', seats, display, WARM_UP_MS);
  if (Object.keys(warm.failures).length || Object.keys(warm.refused).length)
    log(`warm-up: ${JSON.stringify({ failures: warm.failures, refused: warm.refused })}`);
  const phasesA: PhaseLog[] = [];
  const phasesB: PhaseLog[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    phasesA.push(await runPhase(`round ${r} A: one seat`, seats.slice(0, 1), null, PHASE_A_MS));
    phasesB.push(await runPhase(`round ${r} B: ten seats + display`, seats, display, PHASE_B_MS));
  }
  const loadAtEnd = loadavg();
  const a = pooled(phasesA);
  const b = pooled(phasesB);
  printTable(a, b);
  const ratio = (x: number | null, y: number | null) => (x && y ? round2(y / x) : null);
  record(QUICK ? 'seatsQuick' : 'seats', {
    quick: QUICK,
    rounds: ROUNDS,
    phaseSeconds: { oneSeat: PHASE_A_MS / 1000, tenSeats: PHASE_B_MS / 1000 },
    seats: SEATS,
    boardPageInput: BOARD_PAGE,
    loadAverage: { before: loadAtStart, after: loadAtEnd },
    oneSeat: a,
    tenSeatsAndDisplay: b,
    ratios: {
      boardPageP95: ratio(a.boardPage.p95, b.boardPage.p95),
      moveP95: ratio(a.move.p95, b.move.p95),
    },
    commitToEverySeatLive: {
      definition:
        "from the mover receiving the host's answer to a move (the host publishes the live event right after the commit, then answers) to each of the ten seats' streams receiving that case's cases.changed event",
      perSeatP95Ms: b.live.perSeatAfterAnswer.p95,
      perSeatMaxMs: b.live.perSeatAfterAnswer.max,
      everySeatP95Ms: b.live.everySeatAfterAnswer.p95,
      everySeatMaxMs: b.live.everySeatAfterAnswer.max,
      fromSendEverySeatP95Ms: b.live.everySeatAfterSend.p95,
      fromSendEverySeatMaxMs: b.live.everySeatAfterSend.max,
      pairs: b.live.perSeatAfterAnswer.n,
      missing: b.live.missing,
    },
  });
} finally {
  await cleanUp();
}
