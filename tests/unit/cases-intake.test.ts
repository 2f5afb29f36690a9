/**
 * planIntake (core/cases/intake.ts): the report's time window, the new case in 待受理 with
 * its accept clock, the first 'report' event, and registering on intake as the register move.
 */
import { describe, expect, it } from 'vitest';
import { planIntake, type IntakeReport } from '../../core/cases/intake';
import { planMove } from '../../core/cases/workflow';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import { NOW, deps, operator, snapshot } from './cases-workflow-fixture';

const report: IntakeReport = {
  caseNo: 'E01022026111800007',
  source: 'hotline_12345',
  categoryCode: 'E0102',
  urgency: 'normal',
  description: '小区门口垃圾满溢',
  address: '  幸福路 12 号 ',
  gridCode: '310101001001001',
  communityCode: '310101001001',
  point: { lng: 121.47, lat: 31.23 },
  original: { crs: 'GCJ02', lng: 121.475, lat: 31.228 },
  reporter: ' 王女士 ',
  phone: '138 1234 5678',
  cityDueAt: null,
  cityDeadlineHours: null,
  registerNow: false,
};

describe('planIntake', () => {
  it('makes a reported case with its accept clock and one report event', () => {
    const plan = planIntake({ ...report, reportedAt: NOW - 5 * MINUTE_MS }, operator, NOW, deps);
    if (!plan.ok) throw new Error(plan.sentence.en);
    expect(plan.record).toMatchObject({
      state: 'reported',
      reportedAt: NOW - 5 * MINUTE_MS,
      acceptDueAt: NOW - 4 * MINUTE_MS, // the "1 minute" clock of 3个1
      registeredAt: null,
      address: '幸福路 12 号',
      reporter: '王女士',
      phone: '13812345678',
      originalCrs: 'GCJ02',
      lng: 121.47,
      createdAt: NOW,
    });
    expect(plan.events).toEqual([
      expect.objectContaining({ kind: 'report', toState: 'reported', at: NOW - 5 * MINUTE_MS }),
    ]);
  });

  it('registers on intake exactly as the register move does later', () => {
    const plan = planIntake({ ...report, registerNow: true }, operator, NOW, deps);
    if (!plan.ok) throw new Error(plan.sentence.en);
    expect(plan.events.map((e) => e.kind)).toEqual(['report', 'register']);
    const later = planMove(
      snapshot('reported', { reportedAt: NOW }),
      { kind: 'register' },
      operator,
      NOW,
      deps,
    );
    if (!later.ok) throw new Error(later.sentence.en);
    for (const [field, value] of Object.entries(later.patch))
      expect(plan.record[field as keyof typeof plan.record], field).toEqual(value);
    expect(plan.record.state).toBe('registered');
    expect(plan.record.dueAt).toBeGreaterThan(NOW);
  });

  it('refuses a report time in the future or more than 30 days back, naming the field', () => {
    const ahead = planIntake({ ...report, reportedAt: NOW + 2 * MINUTE_MS }, operator, NOW, deps);
    expect(ahead).toMatchObject({ ok: false, code: 'impossible_time', where: 'reportedAt' });
    // A clock a little fast is not the future.
    expect(planIntake({ ...report, reportedAt: NOW + 30_000 }, operator, NOW, deps).ok).toBe(true);
    const old = planIntake({ ...report, reportedAt: NOW - 31 * DAY_MS }, operator, NOW, deps);
    expect(old).toMatchObject({ ok: false, code: 'impossible_time' });
    if (!old.ok) expect(old.sentence.en).toContain('import older cases');
  });

  it('refuses to register on intake against a city deadline already past', () => {
    const plan = planIntake(
      { ...report, registerNow: true, cityDueAt: NOW - HOUR_MS, reportedAt: NOW - 2 * HOUR_MS },
      operator,
      NOW,
      deps,
    );
    expect(plan).toMatchObject({ ok: false, where: 'cityDueAt' });
  });
});
