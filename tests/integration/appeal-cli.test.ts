/** `griddesk bulletin draft` and `griddesk appeal list|file|decide` as an admin runs them. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../core/ranking/periods';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let dbFile: string;

function griddesk(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: path.join(dir, 'config') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The month before this one in Shanghai: over, so it can be drafted.
const shanghai = new Date(Date.now() + 8 * 3600_000);
const previous = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - 1, 1));
const MONTH = previous.toISOString().slice(0, 7);

/** A community's case accountable in MONTH, read straight from the file. */
function pickCase(): { caseNo: string; unitCode: string; placeCode: string } {
  const period = parsePeriodKey(MONTH)!;
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT c.case_no AS caseNo, u.code AS unitCode, u.place_code AS placeCode
           FROM cases c JOIN units u ON u.kind = 'community' AND u.place_code = c.community_code
          WHERE c.accountable_at >= ? AND c.accountable_at < ? ORDER BY c.id LIMIT 1`,
      )
      .get(period.start, period.end) as { caseNo: string; unitCode: string; placeCode: string };
  } finally {
    db.close();
  }
}

const dueOf = (placeCode: string) => {
  const result = griddesk('ranking', '--month', MONTH, '--db', dbFile, '--json');
  expect(result.code, result.stderr).toBe(0);
  const rows = JSON.parse(result.stdout) as Array<{ unit_code: string; due: number }>;
  return rows.find((r) => r.unit_code === placeCode)!.due;
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-appeal-cli-'));
  dbFile = path.join(dir, 'demo.sqlite');
  const demo = griddesk('demo', '--db', dbFile, '--seed', '7');
  if (demo.code !== 0) throw new Error(demo.stderr);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('griddesk appeal', () => {
  it('refuses before a draft in one sentence, then files, lists and decides after one', () => {
    const target = pickCase();
    const file = (...extra: string[]) =>
      griddesk(
        'appeal',
        'file',
        '--month',
        MONTH,
        '--case',
        target.caseNo,
        '--unit',
        target.unitCode,
        '--kind',
        'force_majeure',
        '--reason',
        '强降雨封路',
        '--db',
        dbFile,
        ...extra,
      );
    const early = file();
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/^griddesk: There is no draft bulletin for \d{4}-\d{2} yet/);

    const draft = griddesk('bulletin', 'draft', '--month', MONTH, '--by', '王主任', '--db', dbFile);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stdout).toMatch(/Drafted .*征求意见稿.*appeals until/);

    const before = dueOf(target.placeCode);
    const photo = path.join(dir, 'notice.png');
    fs.writeFileSync(
      photo,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const filed = file('--by', '社区干部甲', '--attach', photo, '--json');
    expect(filed.code, filed.stderr).toBe(0);
    const appeal = JSON.parse(filed.stdout) as { id: number; status: string; attachments: number };
    expect(appeal).toMatchObject({ status: 'pending', attachments: 1 });

    const bad = griddesk('appeal', 'decide', String(appeal.id), '--note', 'x', '--db', dbFile);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/exactly one of --approve or --reject/);

    const decided = griddesk(
      'appeal',
      'decide',
      String(appeal.id),
      '--approve',
      '--note',
      '情况属实',
      '--by',
      '王主任',
      '--db',
      dbFile,
    );
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout).toMatch(/已批准/);
    expect(dueOf(target.placeCode)).toBe(before - 1);

    const list = griddesk('appeal', 'list', '--month', MONTH, '--db', dbFile, '--json');
    const listed = JSON.parse(list.stdout) as {
      window: { open: boolean };
      appeals: Array<{ id: number; status: string; decidedBy: string; filedBy: string }>;
    };
    expect(listed.window.open).toBe(true);
    expect(listed.appeals).toEqual([
      expect.objectContaining({
        id: appeal.id,
        status: 'approved',
        decidedBy: '王主任',
        filedBy: '社区干部甲',
      }),
    ]);
    const again = griddesk(
      'appeal',
      'decide',
      String(appeal.id),
      '--reject',
      '--note',
      '改判',
      '--db',
      dbFile,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already approved/);
  });
});
