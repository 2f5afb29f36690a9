/**
 * How a register file's cells are read (core/party/register-fields.ts, issue 14): what
 * people and spreadsheet programs write for money, counts, hours, days, 是/否 and codes.
 */
import { describe, expect, it } from 'vitest';
import {
  codeOf,
  readChoice,
  readCount,
  readDay,
  readFlag,
  readHours,
  readPhone,
  readYuan,
} from '../../core/party/register-fields';

const value = <T>(read: { ok: true; value: T } | { ok: false }) =>
  read.ok ? read.value : 'refused';

describe('register cells', () => {
  it('reads yuan with separators and units as integer fen, and refuses a third decimal', () => {
    expect(value(readYuan('12,500.50'))).toBe(1_250_050);
    expect(value(readYuan('３００元'))).toBe(30_000);
    expect(value(readYuan(99.9))).toBe(9_990);
    expect(value(readYuan('1.005'))).toBe('refused');
    expect(value(readYuan('-5'))).toBe('refused');
    expect(value(readYuan(''))).toBeNull();
  });

  it('takes commas only where they group thousands', () => {
    expect(value(readCount('1,200'))).toBe(1200);
    expect(value(readCount('1,2'))).toBe('refused');
    expect(value(readCount('12人'))).toBe(12);
    expect(value(readCount('2.5'))).toBe('refused');
  });

  it('bounds hours', () => {
    expect(value(readHours('1.5小时', 24))).toBe(1.5);
    expect(value(readHours(25, 24))).toBe('refused');
  });

  it('reads days as Excel serials, ISO, slashes and Chinese', () => {
    expect(value(readDay(46000, false))).toBe('2025-12-09');
    expect(value(readDay('2026/11/8', false))).toBe('2026-11-08');
    expect(value(readDay('2025年3月1日', false))).toBe('2025-03-01');
    expect(value(readDay('下周一', false))).toBe('refused');
  });

  it('reads 是/否 and the desk’s words, full-width folded', () => {
    expect(value(readFlag('是'))).toBe(true);
    expect(value(readFlag('否'))).toBe(false);
    expect(value(readFlag('也许'))).toBe('refused');
    expect(value(readChoice('已完成', { done: '已完成', planned: '计划中' }))).toBe('done');
    expect(value(readChoice('PLANNED', { done: '已完成', planned: '计划中' }))).toBe('planned');
    expect(value(readChoice('进行', { done: '已完成' }))).toBe('refused');
  });

  it('keeps every digit of a code stored as a number, and refuses a masked phone', () => {
    expect(codeOf(990101001001)).toBe('990101001001');
    expect(codeOf('９９０１ ０１')).toBe('990101');
    expect(value(readPhone('138****5678'))).toBe('refused');
    expect(value(readPhone(13812345678))).toBe('13812345678');
  });
});
