/**
 * The monthly bulletin's 党建引领 section (issue 14): frozen with the ranking under the same
 * checksum, read back as frozen whatever is entered later, a republish refused only when
 * neither the cases nor the party-building figures changed, and printed in both exports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { ApiInput, ApiResult, MethodName } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { A, now, seedPartyFixture } from './party-fixture';
import { pdfText } from './pdf-text';

let dir: string;
let db: Db;

function call<M extends MethodName>(method: M, input: ApiInput<M>) {
  const context: ApiContext = {
    db,
    now: () => now,
    appVersion: 'test',
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'cli',
  };
  return invoke(context, method, input) as Promise<ApiResult<M>>;
}

const addRecord = (day: string, hours: number) =>
  db
    .prepare(
      `INSERT INTO service_records (member_id, unit_id, served_on, activity, hours, created_at)
       VALUES (1, 1, ?, '补录走访', ?, 0)`,
    )
    .run(day, hours);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-bulletin-party-'));
  db = openOrCreateDatabase(path.join(dir, 'desk.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: false,
  }).db;
  seedPartyFixture(db);
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the bulletin’s 党建引领 section', () => {
  let firstId: number;

  it('freezes the month’s figures per community with the ranking', async () => {
    const published = await call('bulletin.publish', { period: '2026-10', level: 'community' });
    firstId = published.id;
    const frozen = await call('ranking.compute', {
      period: '2026-10',
      level: 'community',
      bulletinId: published.id,
    });
    const live = await call('party.figures', { period: '2026-10', level: 'community' });
    expect(frozen.party?.rows).toEqual(live.rows);
    expect(frozen.party?.totals).toMatchObject({ serviceHours: 6.5, budgetFen: 150_000 });
    expect(frozen.party?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen.bulletinIntact).toBe(true);
  });

  it('refuses a republish when nothing changed, and takes one when only party figures did', async () => {
    await expect(
      call('bulletin.publish', { period: '2026-10', level: 'community' }),
    ).rejects.toMatchObject({ code: 'bulletin_unchanged' });
    addRecord('2026-10-18', 2);
    const second = await call('bulletin.publish', { period: '2026-10', level: 'community' });
    expect(second.version).toBe(2);
    const [v1, v2] = await Promise.all(
      [firstId, second.id].map((bulletinId) =>
        call('ranking.compute', { period: '2026-10', level: 'community', bulletinId }),
      ),
    );
    // The first version keeps what it froze; the second counts the late record.
    expect(v1!.party!.totals.serviceHours).toBe(6.5);
    expect(v2!.party!.totals.serviceHours).toBe(8.5);
    expect(v2!.party!.rows.find((r) => r.code === A)?.serviceHours).toBe(5.5);
    expect(v2!.inputsSha256).toBe(v1!.inputsSha256);
  });

  it('a section changed in the database fails the bulletin’s checksum', async () => {
    db.exec('DROP TRIGGER bulletins_frozen_update');
    db.prepare(
      `UPDATE bulletins SET figures = replace(figures, '"serviceHours":6.5', '"serviceHours":65') WHERE id = ?`,
    ).run(firstId);
    const tampered = await call('ranking.compute', {
      period: '2026-10',
      level: 'community',
      bulletinId: firstId,
    });
    expect(tampered.party?.totals.serviceHours).toBe(65);
    expect(tampered.bulletinIntact).toBe(false);
    await expect(
      call('ranking.export', {
        period: '2026-10',
        level: 'community',
        format: 'xlsx',
        bulletinId: firstId,
      }),
    ).rejects.toMatchObject({ code: 'bulletin_checksum_mismatch' });
  });

  it('prints the section in the workbook and the PDF', async () => {
    const list = await call('bulletin.list', { period: '2026-10', level: 'community' });
    const bulletinId = list[0]!.id;
    const input = { period: '2026-10', level: 'community', bulletinId } as const;
    const xlsx = await call('ranking.export', { ...input, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(xlsx.base64, 'base64') as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.getWorksheet('党建引领');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(4).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['社区编码', '社区', '报到党员', '活跃党员']);
    const rows = [5, 6, 7].map((n) => (sheet!.getRow(n).values as unknown[]).slice(1));
    expect(rows[0]!.slice(0, 5)).toEqual([A, '甲社区', 1, 1, 5.5]);
    // 合计: 8.5 hours; ¥1,500.00 planned as 1500 yuan.
    expect(rows[2]![1]).toBe('合计');
    expect(rows[2]![4]).toBe(8.5);
    expect(rows[2]![8]).toBe(1500);
    const pdf = await call('ranking.export', { ...input, format: 'pdf' });
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    expect(text).toContain('党建引领工作情况');
    expect(text).toContain('累计服务 8.5 小时');
  });
});
