/** Dates and times as city files write them (docs/design/CITY-EXCHANGE.md "Dates and times"). */
import { describe, expect, it } from 'vitest';
import {
  epochToExcelSerial,
  excelSerialToEpoch,
  formatExchangeDateTime,
  parseExchangeDateTime,
} from '../../core/exchange/date-time';
import { fromWallClock } from '../../core/time';

const at = (value: string | number) => {
  const reading = parseExchangeDateTime(value);
  return reading.ok ? reading.at : null;
};

describe('every date format of the spec', () => {
  const shanghai = fromWallClock(2026, 11, 3, 14, 5);
  it.each([
    ['2026-11-03 14:05:00', shanghai],
    ['2026-11-03 14:05', shanghai],
    ['2026/11/3 14:05', shanghai],
    ['2026/11/3 9:05', fromWallClock(2026, 11, 3, 9, 5)],
    ['2026年11月3日 9时5分', fromWallClock(2026, 11, 3, 9, 5)],
    ['2026年11月3日 14时05分30秒', fromWallClock(2026, 11, 3, 14, 5, 30)],
    ['2026年11月3日', fromWallClock(2026, 11, 3)],
    ['2026-11-03', fromWallClock(2026, 11, 3)],
    ['2026-11-03T14:05:00', shanghai],
    ['2026-11-03T14:05:00+08:00', shanghai],
    ['2026-11-03T06:05:00Z', shanghai],
    ['2026-11-03T01:05:00-05:00', shanghai],
    ['2026-11-03T14:05:00.250+0800', shanghai + 250],
    ['２０２６－１１－０３ １４：０５', shanghai],
  ])('%s', (text, expected) => expect(at(text)).toBe(expected));

  it('times without an offset are Asia/Shanghai wall-clock time', () => {
    expect(new Date(at('2026-11-03 00:30:00')!).toISOString()).toBe('2026-11-02T16:30:00.000Z');
  });

  it.each([
    '2026-13-01 10:00',
    '2026-02-30',
    '2026-11-03 24:00',
    '2026-11-03 14:60',
    '下周一',
    '',
    '11/3/2026',
    '2026-11-03 14:05 CST',
  ])('refuses %j', (text) => {
    expect(at(text)).toBeNull();
  });
});

describe('Excel serial dates', () => {
  it('reads a serial as the Shanghai wall-clock time the clerk saw, to the second', () => {
    // 46329 is 2026-11-03 in Excel's 1900 system; .5868055… is 14:05.
    expect(excelSerialToEpoch(46329)).toBe(fromWallClock(2026, 11, 3));
    expect(excelSerialToEpoch(46329 + (14 * 60 + 5) / 1440)).toBe(
      fromWallClock(2026, 11, 3, 14, 5),
    );
    expect(at(46329.586805555555)).toBe(fromWallClock(2026, 11, 3, 14, 5));
    expect(at('46329.5868055556')).toBe(fromWallClock(2026, 11, 3, 14, 5));
    expect(excelSerialToEpoch(epochToExcelSerial(fromWallClock(2026, 2, 28, 23, 59, 59)))).toBe(
      fromWallClock(2026, 2, 28, 23, 59, 59),
    );
    expect(excelSerialToEpoch(0)).toBeNull();
    expect(excelSerialToEpoch(3_000_000)).toBeNull();
  });

  it('writes the desk’s own format back', () => {
    expect(formatExchangeDateTime(fromWallClock(2026, 11, 3, 9, 5, 7))).toBe('2026-11-03 09:05:07');
  });
});
