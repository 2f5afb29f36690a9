/** Headers, codes and words of city files: aliases, folding, the header row, padding, refusals. */
import { describe, expect, it } from 'vitest';
import {
  CASE_COLUMNS,
  CASE_HEADER_LOOKUP,
  normalizeHeader,
} from '../../core/exchange/case-columns';
import { foldFullWidth } from '../../core/exchange/cell-value';
import {
  readCaseNumber,
  readCount,
  readDecimal,
  readGridCode,
  readMajorCode,
  readMinorCode,
} from '../../core/exchange/codes';
import { findHeaderRow, mapHeaderRow } from '../../core/exchange/header-map';
import {
  readKind,
  readSatisfaction,
  readSource,
  readState,
  readUrgency,
} from '../../core/exchange/vocabulary';

describe('header aliases', () => {
  it('maps every Chinese header and alias of the spec to its key', () => {
    for (const column of CASE_COLUMNS) {
      for (const name of [column.zh, ...column.aliases])
        expect(CASE_HEADER_LOOKUP.get(normalizeHeader(name)), name).toBe(column.key);
    }
    expect(CASE_HEADER_LOOKUP.get(normalizeHeader(' 处置时限（小时） '))).toBe('deadline_hours');
    expect(CASE_HEADER_LOOKUP.get(normalizeHeader('CASENO'))).toBe('case_no');
    expect(CASE_HEADER_LOOKUP.get(normalizeHeader('Ｘ坐标'))).toBe('lng');
    expect(CASE_HEADER_LOOKUP.get(normalizeHeader('上 报 时 间'))).toBe('reported_at');
  });

  it('finds the header below banner rows; the first of two columns for one key wins', () => {
    const rows = [
      ['示范街道案卷导出 2026年11月'],
      [],
      ['导出人：张三', '', '共 60 条'],
      ['案卷编号', '问题来源', '问题类型', '编号', '备注'],
      ['E1', '网格员上报', '事件', 'x', 'y'],
    ];
    expect(findHeaderRow(rows, CASE_HEADER_LOOKUP)).toBe(3);
    expect(mapHeaderRow(rows[3]!, CASE_HEADER_LOOKUP).map((c) => [c.header, c.key, c.how])).toEqual(
      [
        ['案卷编号', 'case_no', 'alias'],
        ['问题来源', 'source', 'alias'],
        ['问题类型', 'kind', 'alias'],
        ['编号', null, 'duplicate'],
        ['备注', null, 'unknown'],
      ],
    );
    expect(findHeaderRow([['案卷编号', '问题来源']], CASE_HEADER_LOOKUP)).toBe(-1);
  });

  it('applies an admin mapping over the aliases, and 错误说明 is skipped quietly', () => {
    const columns = mapHeaderRow(['工单号', '事发时间', '状态', '错误说明'], CASE_HEADER_LOOKUP, {
      工单号: 'case_no',
      事发时间: 'reported_at',
      状态: 'ignore',
    });
    expect(columns.map((c) => [c.key, c.how])).toEqual([
      ['case_no', 'mapping'],
      ['reported_at', 'mapping'],
      [null, 'ignored'],
      [null, 'ignored'],
    ]);
  });
});

describe('codes and numbers', () => {
  it('folds full-width digits and letters', () => {
    expect(foldFullWidth('０５０５ＡＢ　x')).toBe('0505AB x');
  });

  it('pads category codes Excel stored as numbers', () => {
    expect(readMajorCode(5)).toEqual({ ok: true, value: '05' });
    expect(readMajorCode('５')).toEqual({ ok: true, value: '05' });
    expect(readMinorCode(7)).toEqual({ ok: true, value: '07' });
    expect(readMinorCode(505)).toEqual({ ok: true, value: '0505' });
    expect(readMinorCode('0505')).toEqual({ ok: true, value: '0505' });
    expect(readMajorCode('123')).toMatchObject({ ok: false, problem: 'length' });
    expect(readMinorCode('a1')).toMatchObject({ ok: false, problem: 'not_digits' });
  });

  it('refuses grid and case codes in scientific notation, accepts exact numbers', () => {
    expect(readGridCode('9.90101001001001E+14')).toEqual({ ok: false, problem: 'scientific' });
    expect(readGridCode('990101001001001')).toEqual({ ok: true, value: '990101001001001' });
    expect(readGridCode(990101001001001)).toEqual({ ok: true, value: '990101001001001' });
    expect(readGridCode(Number('990101001001001001'))).toEqual({
      ok: false,
      problem: 'lost_digits',
    });
    expect(readGridCode('99010100100100')).toEqual({ ok: false, problem: 'length' });
    expect(readCaseNumber('1.2345E+17')).toEqual({ ok: false, problem: 'scientific' });
    expect(readCaseNumber('E05052026110300001')).toEqual({ ok: true, value: 'E05052026110300001' });
  });

  it('reads decimals and counts', () => {
    expect(readDecimal('１１８.２')).toBe(118.2);
    expect(readDecimal('118.2°')).toBeNull();
    expect(readCount('2.0')).toBe(2);
    expect(readCount(-1)).toBeNull();
    expect(readCount('1.5')).toBeNull();
  });
});

describe('names of sources, states, kinds', () => {
  it('reads Chinese names and English codes', () => {
    expect(readSource('12345热线')).toBe('hotline_12345');
    expect(readSource('city_platform')).toBe('city_platform');
    expect(readState('已立案')).toBe('registered');
    expect(readState('In progress')).toBe('in_progress');
    expect(readState('IN-PROGRESS')).toBe('in_progress');
    expect(readState('挂账')).toBe('suspended');
    expect(readKind('部件')).toBe('component');
    expect(readUrgency('紧急')).toBe('urgent');
    expect(readSatisfaction('基本满意')).toBe('basically_satisfied');
    expect(readState('处理完了')).toBeNull();
  });
});
