/**
 * The stage rates enter the score only when an admin weights them (issue 12): with the
 * default weights the score ignores them; weighted, the month's ranking, its trend point and
 * the export's ranking all score them the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compositeScore } from '../../core/ranking/score';
import { DEFAULT_WEIGHTS } from '../../core/ranking/weight-set';
import { openDemoApi, type DemoApi } from './demo-api';

const NOW = Date.UTC(2026, 10, 20, 6, 0);
let api: DemoApi;
const call: DemoApi['call'] = (method, input, actor) => api.call(method, input, actor);

beforeAll(() => {
  api = openDemoApi('griddesk-stage-weights-', NOW);
});
afterAll(() => api.close());

describe('weighting the stages', () => {
  it('leaves them out by default and scores them everywhere once weighted', async () => {
    const plain = await call('ranking.compute', { period: '2026-10', level: 'community' });
    const row = plain.rows.find((r) => r.rank === 1)!;
    expect(row.rates.dispatchOnTimeRate).not.toBeNull();
    expect(row.score).toBe(compositeScore(row.counts, DEFAULT_WEIGHTS)!.value);

    const weights = {
      ...DEFAULT_WEIGHTS,
      onTimeRate: 0.1,
      dispatchOnTimeRate: 0.1,
      verifyOnTimeRate: 0.1,
      // Scored from intake counts: the trend and the previous ranks must count them too.
      timelyAcceptRate: 0.1,
    };
    await call('ranking.weights.save', {
      weights,
      tiers: { blue: 90, yellow: 75 },
      grades: { A: 90, B: 75, C: 60, D: 40 },
    });
    const weighted = await call('ranking.compute', { period: '2026-10', level: 'community' });
    const same = weighted.rows.find((r) => r.unitCode === row.unitCode)!;
    expect(same.counts).toEqual(row.counts);
    expect(same.score).toBe(compositeScore(same.counts, weights)!.value);
    expect(same.score).not.toBe(row.score);
    const trend = await call('ranking.trend', { period: '2026-10', level: 'community', count: 12 });
    expect(trend.series.find((s) => s.unitCode === row.unitCode)!.scores.at(-1)).toBe(same.score);
    // The previous month's ranks are scored with the same weights.
    const september = await call('ranking.compute', { period: '2026-09', level: 'community' });
    expect(weighted.rows.map((r) => [r.unitCode, r.previousRank])).toEqual(
      weighted.rows.map((r) => [
        r.unitCode,
        september.rows.find((s) => s.unitCode === r.unitCode)!.rank,
      ]),
    );
  });
});
