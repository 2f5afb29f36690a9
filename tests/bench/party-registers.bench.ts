/**
 * 党建台账 at a city's size (issue 14): a register table page (party.registerPage, 100 rows
 * as the screen asks, through the API with its checks and masking) at random offsets over
 * every register, plain, searched and filtered by community (a query's first page with its
 * count, one in ten samples, reported apart); and the month's 党建引领 figures
 * (party.figures, per community and per unit) and the bulletin's frozen 党建引领 section. The
 * register is tests/bench/party-city.ts: 2,407 units, 143,000 members, 740,000 service
 * records, 50,000 volunteers. Each figure is the p50/p95 of 200 pages (figures: 5 runs).
 * Run: node --import tsx tests/bench/party-registers.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { REGISTERS, type Register } from '../../core/party/registers';
import { parsePeriodKey } from '../../core/ranking/periods';
import { freezePartySection } from '../../api/ranking/party-section';
import { openOrCreateDatabase } from '../../db/bootstrap';
import { CITY, fillCityRegister } from './party-city';
import { median, percentile, record } from './record';

const SAMPLES = Number(process.env.REGISTER_BENCH_SAMPLES ?? 200);
const now = Date.UTC(2026, 11, 2, 2, 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-party-bench-'));

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function main() {
  const { db } = openOrCreateDatabase(path.join(dir, 'city.sqlite'), {
    appVersion: 'bench',
    now,
    demoWhenNew: true,
  });
  const fillStarted = performance.now();
  fillCityRegister(db, 2026, now);
  const fillMs = performance.now() - fillStarted;
  const context: ApiContext = {
    db,
    now: () => now,
    appVersion: 'bench',
    live: new LiveBus(),
    actor: { ...SYSTEM_ACTOR, role: 'operator', name: '张敏', userId: 2 },
    transport: 'ipc',
  };
  const community = db
    .prepare("SELECT code FROM places WHERE level = 'community' ORDER BY code LIMIT 1 OFFSET 3")
    .pluck()
    .get() as string;
  const random = seeded(14);
  const pages: Record<string, unknown> = {};
  const allTimes: number[] = [];
  for (const register of REGISTERS) {
    for (const variant of ['plain', 'search', 'community'] as const) {
      const filters =
        variant === 'search'
          ? { q: register === 'records' ? '党员12' : '1' }
          : variant === 'community'
            ? { communityCode: community }
            : {};
      const first = (await invoke(context, 'party.registerPage', {
        register,
        filters,
        offset: 0,
        limit: 100,
      })) as { total: number };
      // As the screen asks: a query's first page with its count, then pages scrolled to
      // (random offsets) without it.
      const counted: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const withCount = i % 10 === 0;
        const offset = withCount ? 0 : Math.floor(random() * Math.max(0, first.total - 100));
        const started = performance.now();
        await invoke(context, 'party.registerPage', {
          register,
          filters,
          offset,
          limit: 100,
          count: withCount,
        });
        (withCount ? counted : times).push(performance.now() - started);
      }
      allTimes.push(...times);
      pages[`${register}.${variant}`] = {
        rows: first.total,
        p50Ms: round(median(times)),
        p95Ms: round(percentile(times, 95)),
        firstPageWithCountMedianMs: round(median(counted)),
      };
    }
  }
  const figures: Record<string, unknown> = {};
  for (const level of ['community', 'unit'] as const) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await invoke(context, 'party.figures', { period: '2026-11', level });
      times.push(performance.now() - started);
    }
    figures[level] = { medianMs: round(median(times)), maxMs: round(Math.max(...times)) };
  }
  // What publishing the month's bulletin adds for its 党建引领 section (frozen per community).
  const sectionTimes: number[] = [];
  const november = parsePeriodKey('2026-11')!;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    freezePartySection(db, november, now);
    sectionTimes.push(performance.now() - started);
  }
  figures.bulletinSection = {
    medianMs: round(median(sectionTimes)),
    maxMs: round(Math.max(...sectionTimes)),
  };
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  record('party-registers', {
    register: CITY,
    fillSeconds: round(fillMs / 1000),
    samplesPerPage: SAMPLES,
    pageP95AllMs: round(percentile(allTimes, 95)),
    pages,
    monthFigures: figures,
    load: os.loadavg().map(round),
  });
}

const round = (x: number) => Math.round(x * 10) / 10;

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
export type { Register };
