/**
 * 党建引领's figures (issue 14) on a hand-made register in a real SQLite file, every figure
 * computed by hand below: per community and per unit for October 2026, measured at the
 * month's end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type ApiContext } from '../../api/context';
import type { PartyFigures } from '../../api/contract';
import { invoke } from '../../api/invoke';
import { LiveBus } from '../../api/live';
import { openOrCreateDatabase } from '../../db/bootstrap';
import type { Db } from '../../db/open';
import { A, at, now, seedPartyFixture } from './party-fixture';

let dir: string;
let db: Db;
let context: ApiContext;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-party-figures-'));
  db = openOrCreateDatabase(path.join(dir, 'desk.sqlite'), {
    appVersion: 'test',
    now,
    demoWhenNew: false,
  }).db;
  seedPartyFixture(db);
  context = {
    db,
    now: () => now,
    appVersion: 'test',
    live: new LiveBus(),
    actor: SYSTEM_ACTOR,
    transport: 'ipc',
  };
});
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const figures = (level: 'community' | 'unit') =>
  invoke(context, 'party.figures', { period: '2026-10', level }) as Promise<PartyFigures>;

describe('党建引领 figures for a month', () => {
  it('counts each community as computed by hand, measured at the month end', async () => {
    const result = await figures('community');
    expect(result.asOf).toBe(at(11, 1, 0));
    const [a, b] = result.rows;
    expect(a).toEqual({
      code: A,
      name: '甲社区',
      membersReported: 1,
      membersActive: 1,
      serviceHours: 3.5,
      projectsPlanned: 2,
      projectsDone: 1,
      projectsOverdue: 1,
      budgetFen: 150_000,
      spentFen: 90_000,
      wishesPublished: 2,
      wishesClaimed: 1,
      wishesFulfilled: 1,
      wishesOverdue: 0,
      activities: 1,
      volunteerHours: 20,
      participants: 10,
      partyParticipants: 4,
    });
    expect(b).toMatchObject({
      membersReported: 1,
      membersActive: 1,
      serviceHours: 3,
      projectsPlanned: 0,
      projectsOverdue: 0,
      budgetFen: 0,
      wishesPublished: 0,
      wishesOverdue: 1,
      activities: 0,
    });
    expect(result.totals).toMatchObject({
      membersReported: 2,
      serviceHours: 6.5,
      budgetFen: 150_000,
      wishesOverdue: 1,
    });
  });

  it('counts each unit by its members and the projects it owns', async () => {
    const [u1, u2] = (await figures('unit')).rows;
    expect(u1).toMatchObject({
      code: 'U1',
      membersReported: 2,
      membersActive: 2,
      serviceHours: 6.5,
      projectsPlanned: 2,
      projectsDone: 1,
      projectsOverdue: 1,
      wishesClaimed: 1,
      wishesFulfilled: 1,
      // W3 was claimed by 党员乙 of U1 in September and is past its clock.
      wishesOverdue: 1,
    });
    expect(u2).toMatchObject({
      membersReported: 0,
      projectsPlanned: 0,
      projectsOverdue: 0,
      budgetFen: 0,
    });
  });

  it('refuses a period that is not a month or week in a sentence', async () => {
    await expect(
      invoke(context, 'party.figures', { period: '2026-13', level: 'unit' }),
    ).rejects.toThrow();
  });
});
