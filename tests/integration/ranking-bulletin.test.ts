/**
 * Published bulletins are frozen: an import that changes the cases beneath does not change a
 * published bulletin, its drill-down or its exports; a re-computation becomes a new version.
 * Weights are versioned and only an admin changes them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor, type ApiContext } from '../../api/context';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { parsePeriodKey } from '../../core/ranking/periods';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';

const NOW = Date.UTC(2026, 10, 21, 6, 0);
let dir: string;
let db: Db;

function call<M extends MethodName>(method: M, input: ApiInput<M>, actor: Actor = SYSTEM_ACTOR) {
  const context: ApiContext = {
    db,
    now: () => NOW,
    appVersion: 'test',
    live: new LiveBus(),
    actor,
    transport: 'cli',
  };
  return invoke(context, method, input) as Promise<ApiResult<M>>;
}

/** What an import from the city does to October: closes open cases, adds one, moves one. */
function simulateImport(): void {
  const oct = parsePeriodKey('2026-10')!;
  db.transaction(() => {
    db.prepare(
      `UPDATE cases SET state = 'closed', closed_at = due_at - 60000, satisfaction = 'satisfied', callback_at = due_at
        WHERE id IN (SELECT id FROM cases WHERE accountable_at >= ? AND accountable_at < ? AND closed_at IS NULL LIMIT 5)`,
    ).run(oct.start, oct.end);
    db.prepare(
      `UPDATE cases SET state = 'closed', closed_at = due_at + 3600000
        WHERE id IN (SELECT id FROM cases WHERE accountable_at >= ? AND accountable_at < ? AND state = 'closed' AND closed_at <= due_at LIMIT 7)`,
    ).run(oct.start, oct.end);
    db.prepare(
      `INSERT INTO cases (case_no, source, category_code, grid_code, community_code, state, reported_at, registered_at,
         due_at, closed_at, lead_unit_code, created_at, updated_at)
       SELECT 'IMPORTED-1', 'city_platform', category_code, grid_code, community_code, 'closed', ?, ?, ?, ?, lead_unit_code, ?, ?
         FROM cases WHERE community_code IS NOT NULL LIMIT 1`,
    ).run(
      oct.start + 86_400_000,
      oct.start + 86_400_000 + 30_000,
      oct.start + 3 * 86_400_000,
      oct.start + 2 * 86_400_000,
      NOW,
      NOW,
    );
  })();
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bulletin-'));
  db = openOrCreateDatabase(path.join(dir, 'demo.sqlite'), {
    appVersion: 'test',
    now: NOW,
    demoWhenNew: true,
  }).db;
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('publishing the monthly bulletin', () => {
  it('refuses a month that has not ended', async () => {
    await expect(
      call('bulletin.publish', { period: '2026-11', level: 'community' }),
    ).rejects.toMatchObject({
      code: 'period_not_over',
    });
  });

  it('freezes figures, drill-down and exports; an import afterwards changes only the live figures; re-publishing is version 2', async () => {
    // With no version yet a live month makes no inputs checksum unless asked for one.
    const unversioned = await call('ranking.compute', { period: '2026-10', level: 'community' });
    expect(unversioned.inputsSha256).toBeNull();
    const live = await call('ranking.compute', {
      period: '2026-10',
      level: 'community',
      checksum: true,
    });
    expect(live.rows).toEqual(unversioned.rows);
    const v1 = await call('bulletin.publish', {
      period: '2026-10',
      level: 'community',
      notes: '请各社区对照整改。',
    });
    expect(v1).toMatchObject({
      version: 1,
      title: '示范街道2026年10月城市治理案件办理情况通报',
      inputsSha256: live.inputsSha256,
    });

    const frozenBefore = await call('ranking.compute', {
      period: '2026-10',
      level: 'community',
      bulletinId: v1.id,
    });
    expect(frozenBefore.rows).toEqual(live.rows);
    const rawBefore = db.prepare('SELECT figures FROM bulletins WHERE id = ?').pluck().get(v1.id);
    const top = frozenBefore.rows[0]!;
    const drillBefore = await call('ranking.cases', {
      period: '2026-10',
      level: 'community',
      unitCode: top.unitCode,
      figure: 'onTime',
      bulletinId: v1.id,
    });
    const pdfBefore = await call('ranking.export', {
      period: '2026-10',
      level: 'community',
      format: 'xlsx',
      bulletinId: v1.id,
    });

    // An unchanged re-computation is not a new version.
    await expect(
      call('bulletin.publish', { period: '2026-10', level: 'community' }),
    ).rejects.toMatchObject({ code: 'bulletin_unchanged' });

    simulateImport();

    const frozenAfter = await call('ranking.compute', {
      period: '2026-10',
      level: 'community',
      bulletinId: v1.id,
    });
    expect(frozenAfter.rows).toEqual(frozenBefore.rows);
    expect(frozenAfter.inputsSha256).toBe(v1.inputsSha256);
    expect(db.prepare('SELECT figures FROM bulletins WHERE id = ?').pluck().get(v1.id)).toBe(
      rawBefore,
    );
    const drillAfter = await call('ranking.cases', {
      period: '2026-10',
      level: 'community',
      unitCode: top.unitCode,
      figure: 'onTime',
      bulletinId: v1.id,
    });
    expect(drillAfter.cases.map((c) => c.id)).toEqual(drillBefore.cases.map((c) => c.id));
    expect(drillAfter.total).toBe(top.counts.onTime);
    const xlsxAfter = await call('ranking.export', {
      period: '2026-10',
      level: 'community',
      format: 'xlsx',
      bulletinId: v1.id,
    });
    const sheetValues = async (base64: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        Buffer.from(base64, 'base64') as unknown as Parameters<typeof workbook.xlsx.load>[0],
      );
      return workbook.getWorksheet('排名')!.getSheetValues();
    };
    expect(await sheetValues(xlsxAfter.base64)).toEqual(await sheetValues(pdfBefore.base64));

    const liveAfter = await call('ranking.compute', { period: '2026-10', level: 'community' });
    expect(liveAfter.inputsSha256).not.toBe(v1.inputsSha256);
    expect(liveAfter.latestBulletin?.version).toBe(1);
    const dueBefore = live.rows.reduce((s, r) => s + r.counts.due, 0);
    expect(liveAfter.rows.reduce((s, r) => s + r.counts.due, 0)).toBe(dueBefore + 1);

    const v2 = await call('bulletin.publish', { period: '2026-10', level: 'community' });
    expect(v2.version).toBe(2);
    expect(v2.inputsSha256).toBe(liveAfter.inputsSha256);
    const list = await call('bulletin.list', { period: '2026-10' });
    expect(list.map((b) => b.version)).toEqual([2, 1]);
    expect(
      (await call('ranking.compute', { period: '2026-10', level: 'community', bulletinId: v1.id }))
        .rows,
    ).toEqual(frozenBefore.rows);

    expect(() => db.prepare("UPDATE bulletins SET title = 'x' WHERE id = ?").run(v1.id)).toThrow(
      /frozen/,
    );
    expect(() => db.prepare('DELETE FROM bulletins WHERE id = ?').run(v1.id)).toThrow(/frozen/);
  });

  it("takes the next month's rank change from the published bulletin", async () => {
    const nov = await call('ranking.compute', { period: '2026-11', level: 'community' });
    expect(nov.previousSource).toBe('bulletin');
    const v2 = (await call('bulletin.list', { period: '2026-10', level: 'community' }))[0]!;
    const frozen = await call('ranking.compute', {
      period: '2026-10',
      level: 'community',
      bulletinId: v2.id,
    });
    for (const row of nov.rows) {
      expect(row.previousRank).toBe(frozen.rows.find((r) => r.unitCode === row.unitCode)!.rank);
    }
  });

  it('writes a PDF of a published bulletin', async () => {
    const v1 = (await call('bulletin.list', { period: '2026-10' })).find((b) => b.version === 1)!;
    const pdf = await call('ranking.export', {
      period: '2026-10',
      level: 'community',
      format: 'pdf',
      bulletinId: v1.id,
    });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fileName).toBe('2026-10-社区排名-第1版.pdf');
    expect(bytes.length).toBeGreaterThan(20_000);
  });
});

describe('weights and thresholds', () => {
  it('saves a new version, used from then on, while a bulletin keeps the version it used', async () => {
    await expect(
      call('ranking.weights.save', {
        weights: { onTimeRate: 0.5, closureRate: 0.3, reworkFree: 0.2, satisfactionRate: 0.1 },
        tiers: { blue: 90, yellow: 75 },
        grades: { A: 90, B: 75, C: 60, D: 40 },
      }),
    ).rejects.toMatchObject({ code: 'invalid_weights', where: 'weights' });
    await expect(
      call(
        'ranking.weights.save',
        {
          weights: { onTimeRate: 1, closureRate: 0, reworkFree: 0, satisfactionRate: 0 },
          tiers: { blue: 90, yellow: 75 },
          grades: { A: 90, B: 75, C: 60, D: 40 },
        },
        { userId: 7, name: '值班员', role: 'operator' },
      ),
    ).rejects.toMatchObject({ code: 'role_not_allowed' });

    const saved = await call('ranking.weights.save', {
      weights: { onTimeRate: 1, closureRate: 0, reworkFree: 0, satisfactionRate: 0 },
      tiers: { blue: 95, yellow: 80 },
      grades: { A: 95, B: 85, C: 70, D: 50 },
    });
    expect(saved.id).toBe(2);
    const weights = await call('ranking.weights', {});
    expect(weights.current.id).toBe(2);
    expect(weights.history.map((w) => w.id)).toEqual([2, 1]);
    const sept = await call('ranking.compute', { period: '2026-09', level: 'community' });
    for (const row of sept.rows.filter((r) => r.score !== null)) {
      expect(row.score).toBeCloseTo(100 * row.rates.onTimeRate!, 9);
    }
    expect(sept.weightSet.id).toBe(2);
    const v1 = (await call('bulletin.list', { period: '2026-10' })).find((b) => b.version === 1)!;
    expect(v1.weightSetId).toBe(1);
  });
});
