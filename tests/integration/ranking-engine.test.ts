/**
 * The indices engine against real SQLite files: hand-made boundary cases through the whole
 * path (SQL period filter → core rules → API), and the demo street, where the SQL shortcuts
 * (the accountable_at column, the trend's GROUP BY) must agree with core/ranking exactly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { accountableAt, type HandlingCase } from '../../core/ranking/case-facts';
import { measuredWindow, parsePeriodKey } from '../../core/ranking/periods';
import { aggregatePeriod } from '../../core/ranking/unit-counts';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import {
  aggregateHandlingByPeriod,
  aggregateIntakeByPeriod,
  loadHandlingCases,
  loadIntakeCases,
} from '../../db/queries/ranking-facts';
import { computeLiveRanking } from '../../api/ranking/live-ranking';
import { trendWithCounts } from '../../api/ranking/trend';
import { insertCase, insertPlaces, COMMUNITY_A, COMMUNITY_B, sh } from './ranking-fixture';

const NOW = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;

function contextFor(db: Db): ApiContext {
  return {
    db,
    now: () => NOW,
    appVersion: 'test',
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'cli',
  };
}
function call<M extends MethodName>(db: Db, method: M, input: ApiInput<M>) {
  return invoke(contextFor(db), method, input) as Promise<ApiResult<M>>;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-ranking-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('hand-made boundary cases, through SQL and the API', () => {
  let db: Db;
  beforeAll(() => {
    db = openOrCreateDatabase(path.join(dir, 'fixture.sqlite'), {
      appVersion: 'test',
      now: NOW,
      demoWhenNew: false,
    }).db;
    insertPlaces(db);
    // Community A, October 2026:
    insertCase(db, {
      community: COMMUNITY_A,
      due: sh(2026, 10, 5),
      closed: sh(2026, 10, 3),
      rework: 1,
      satisfaction: 'satisfied',
    });
    insertCase(db, {
      community: COMMUNITY_A,
      due: sh(2026, 10, 10, 12),
      closed: sh(2026, 10, 10, 12),
    }); // closed exactly at due
    insertCase(db, {
      community: COMMUNITY_A,
      due: sh(2026, 10, 30, 18),
      closed: sh(2026, 11, 2, 9),
      extensions: 1,
    }); // closed after the month
    insertCase(db, {
      community: COMMUNITY_A,
      due: sh(2026, 10, 31, 23, 59),
      state: 'dispatched',
      satisfaction: 'unsatisfied',
    }); // open, last minute
    insertCase(db, { community: COMMUNITY_A, due: sh(2026, 11, 1, 0, 10), state: 'dispatched' }); // 00:10 on the 1st: November
    insertCase(db, { community: COMMUNITY_A, due: sh(2026, 10, 8), state: 'suspended' }); // suspended: not accountable
    insertCase(db, { community: COMMUNITY_A, due: sh(2026, 10, 8), state: 'voided' }); // voided: never
    insertCase(db, { community: COMMUNITY_A, state: 'reported', reported: sh(2026, 10, 20) }); // reported, not registered
    // Community B: every case on time, no callbacks → satisfaction left out, weights renormalised.
    insertCase(db, { community: COMMUNITY_B, due: sh(2026, 10, 15), closed: sh(2026, 10, 14) });
    insertCase(db, { community: COMMUNITY_B, due: sh(2026, 10, 16), closed: sh(2026, 10, 17) });
  });
  afterAll(() => db.close());

  it('counts each figure by DOMAIN.md for October', async () => {
    const result = await call(db, 'ranking.compute', { period: '2026-10', level: 'community' });
    const a = result.rows.find((r) => r.unitCode === COMMUNITY_A)!;
    // due: early, exact, after-month, last-minute = 4; closed before 1 Nov: 2; on time: 2.
    expect(a.counts).toMatchObject({
      due: 4,
      closed: 2,
      onTime: 2,
      rework: 1,
      extended: 1,
      callbacks: 2,
      satisfied: 1,
    });
    // intake: A's 8 cases were all reported in October; the voided one does not count, and
    // one of the other 7 is still waiting to be registered.
    expect(a.counts.reported).toBe(7);
    expect(a.counts.registered).toBe(6);
    expect(a.counts.timelyAccepted).toBe(6);
    // 100 × (0.4·0.5 + 0.3·0.5 + 0.2·0.75 + 0.1·0.5) = 55
    expect(a.score).toBeCloseTo(55, 10);
    expect([a.tier, a.grade, a.rank]).toEqual(['red', 'D', 2]);
    const b = result.rows.find((r) => r.unitCode === COMMUNITY_B)!;
    // (0.4·0.5 + 0.3·1 + 0.2·1) / 0.9 = 77.77…
    expect(b.score).toBeCloseTo(700 / 9, 10);
    expect([b.tier, b.grade, b.rank]).toEqual(['yellow', 'B', 1]);
  });

  it('puts the case due at 00:10 on 1 November into November', async () => {
    const nov = await call(db, 'ranking.compute', { period: '2026-11', level: 'community' });
    expect(nov.rows.find((r) => r.unitCode === COMMUNITY_A)!.counts.due).toBe(1);
  });

  it('drills each figure down to exactly the cases it counts', async () => {
    const ranking = await call(db, 'ranking.compute', { period: '2026-10', level: 'community' });
    for (const row of ranking.rows) {
      for (const figure of [
        'due',
        'closed',
        'onTime',
        'rework',
        'extended',
        'callbacks',
        'satisfied',
        'reported',
        'registered',
        'timelyAccepted',
      ] as const) {
        const list = await call(db, 'ranking.cases', {
          period: '2026-10',
          level: 'community',
          unitCode: row.unitCode,
          figure,
        });
        expect(list.total, `${row.unitCode} ${figure}`).toBe(row.counts[figure]);
        expect(list.cases).toHaveLength(row.counts[figure]);
      }
    }
  });
});

describe('the demo street: SQL and core agree', () => {
  let db: Db;
  beforeAll(() => {
    db = openOrCreateDatabase(path.join(dir, 'demo.sqlite'), {
      appVersion: 'test',
      now: NOW,
      demoWhenNew: true,
    }).db;
  });
  afterAll(() => db.close());

  it('keeps cases.accountable_at equal to core accountableAt for every case', () => {
    const rows = db
      .prepare<[], HandlingCase & { stored: number | null }>(
        `SELECT id AS caseId, '' AS unitCode, state, registered_at AS registeredAt, closed_at AS closedAt,
                due_at AS dueAt, rework_count AS reworkCount, extension_count AS extensionCount,
                satisfaction, accountable_at AS stored FROM cases`,
      )
      .all();
    expect(rows.length).toBeGreaterThan(2000);
    const differing = rows.filter((r) => accountableAt(r) !== r.stored);
    expect(differing).toEqual([]);
    expect(rows.filter((r) => r.stored !== null).length).toBeGreaterThan(1500);
  });

  it("gives the trend's SQL counts the same numbers core counts from per-case facts, stages included", () => {
    // The default stage limits and tighter ones: the SQL and core must agree on both.
    for (const stages of [undefined, { dispatchMinutes: 5, verifyMinutes: 60 }]) {
      for (const level of ['community', 'grid', 'unit'] as const) {
        const periods = ['2026-08', '2026-09', '2026-10', '2026-11', '2026-W45', '2026-W46'].map(
          (k) => parsePeriodKey(k)!,
        );
        // November is still running at NOW: both sides measure it up to now.
        const windows = periods.map((p) => measuredWindow(p, NOW));
        const sql = aggregateHandlingByPeriod(db, level, windows, stages);
        periods.forEach((period, index) => {
          const window = windows[index]!;
          const core = aggregatePeriod(
            period,
            loadHandlingCases(db, level, window),
            loadIntakeCases(db, level, window),
            NOW,
            stages,
          ).counts;
          const fromSql = sql.filter((r) => r.periodIndex === index);
          expect(fromSql.length, `${level} ${period.key}`).toBe(
            [...core.values()].filter((c) => c.due > 0).length,
          );
          for (const { periodIndex: _i, unitCode, ...counts } of fromSql) {
            const c = core.get(unitCode)!;
            expect(counts, `${level} ${period.key} ${unitCode}`).toEqual({
              due: c.due,
              closed: c.closed,
              onTime: c.onTime,
              rework: c.rework,
              extended: c.extended,
              callbacks: c.callbacks,
              satisfied: c.satisfied,
              dispatched: c.dispatched,
              dispatchOnTime: c.dispatchOnTime,
              onsiteOnTime: c.onsiteOnTime,
              handleOnTime: c.handleOnTime,
              handled: c.handled,
              verifyOnTime: c.verifyOnTime,
            });
          }
        });
      }
    }
  });

  it('counts the stages by their deadlines: a tighter verify limit makes fewer verified on time', () => {
    const period = parsePeriodKey('2026-10')!;
    const window = measuredWindow(period, NOW);
    const total = (stages?: { dispatchMinutes: number; verifyMinutes: number }) =>
      aggregateHandlingByPeriod(db, 'community', [window], stages).reduce(
        (sum, r) => ({
          verifyOnTime: sum.verifyOnTime + r.verifyOnTime,
          dispatchOnTime: sum.dispatchOnTime + r.dispatchOnTime,
          handled: sum.handled + r.handled,
        }),
        { verifyOnTime: 0, dispatchOnTime: 0, handled: 0 },
      );
    const loose = total({ dispatchMinutes: 100_000, verifyMinutes: 100_000 });
    const tight = total({ dispatchMinutes: 1, verifyMinutes: 1 });
    expect(loose.handled).toBeGreaterThan(0);
    // With limits of ~70 days every handled case is verified in time.
    expect(loose.verifyOnTime).toBe(loose.handled);
    expect(tight.verifyOnTime).toBeLessThan(loose.verifyOnTime);
    expect(tight.dispatchOnTime).toBeLessThan(loose.dispatchOnTime);
  });

  it('counts intake the same in SQL and in core, and both ways of ranking give the same rows', () => {
    for (const level of ['community', 'grid', 'unit'] as const) {
      for (const key of ['2026-09', '2026-10', '2026-11', '2026-W46', '2026-W47']) {
        const period = parsePeriodKey(key)!;
        const window = measuredWindow(period, NOW);
        const core = aggregatePeriod(period, [], loadIntakeCases(db, level, window), NOW).counts;
        const sql = aggregateIntakeByPeriod(db, level, [window]);
        expect(sql.length, `${level} ${key}`).toBe(core.size);
        for (const { periodIndex: _i, unitCode, ...counts } of sql) {
          const c = core.get(unitCode)!;
          expect(counts, `${level} ${key} ${unitCode}`).toEqual({
            reported: c.reported,
            registered: c.registered,
            timelyAccepted: c.timelyAccepted,
          });
        }
        const bySql = computeLiveRanking(db, level, period, NOW);
        const byCore = computeLiveRanking(db, level, period, NOW, { caseFlags: true });
        expect(bySql.rows, `${level} ${key}`).toEqual(byCore.rows);
        expect(bySql.inputsSha256).toBe(byCore.inputsSha256);
        // The export counts handling once for the trend and the ranking: same rows again.
        const { counts } = trendWithCounts(db, level, period, 12, bySql.weightSet, NOW);
        const shared = computeLiveRanking(db, level, period, NOW, {
          precounted: {
            current: counts.filter((r) => r.periodIndex === 11),
            previous: counts.filter((r) => r.periodIndex === 10),
          },
        });
        expect(shared.rows).toEqual(bySql.rows);
      }
    }
  });

  it('ranks all 12 communities in October, scores sorted, with a 12-month trend ending in the same scores', async () => {
    const ranking = await call(db, 'ranking.compute', { period: '2026-10', level: 'community' });
    expect(ranking.rows).toHaveLength(12);
    const ranked = ranking.rows.filter((r) => r.rank !== null);
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score!).toBeGreaterThanOrEqual(ranked[i]!.score!);
    const trend = await call(db, 'ranking.trend', {
      period: '2026-10',
      level: 'community',
      count: 12,
    });
    expect(trend.periods.map((p) => p.key)[11]).toBe('2026-10');
    for (const row of ranking.rows) {
      const series = trend.series.find((s) => s.unitCode === row.unitCode)!;
      expect(series.scores[11]).toBeCloseTo(row.score!, 9);
      expect(series.tiers[11]).toBe(row.tier);
      // The previous month's live rank is what the change column compares with.
      const sept = (
        await call(db, 'ranking.compute', { period: '2026-09', level: 'community' })
      ).rows.find((r) => r.unitCode === row.unitCode)!;
      expect(row.previousRank).toBe(sept.rank);
    }
  });

  it('ranks the ISO week and the lead units too', async () => {
    const week = await call(db, 'ranking.compute', { period: '2026-W46', level: 'unit' });
    expect(week.period).toMatchObject({ kind: 'week', key: '2026-W46' });
    const due = week.rows.reduce((sum, r) => sum + r.counts.due, 0);
    const period = parsePeriodKey('2026-W46')!;
    const accountableWithLead = db
      .prepare(
        'SELECT count(*) FROM cases WHERE accountable_at >= ? AND accountable_at < ? AND lead_unit_code IS NOT NULL',
      )
      .pluck()
      .get(period.start, period.end);
    expect(due).toBe(accountableWithLead);
    expect(
      week.rows.filter((r) => r.counts.due === 0).every((r) => r.rank === null && r.tier === null),
    ).toBe(true);
  });

  it('refuses a week the year does not have, in one sentence with the field', async () => {
    await expect(
      call(db, 'ranking.compute', { period: '2027-W53', level: 'community' }),
    ).rejects.toMatchObject({
      code: 'invalid_period',
      where: 'period',
    });
  });
});
