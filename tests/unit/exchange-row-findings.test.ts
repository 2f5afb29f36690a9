/**
 * The row rules behind issue 10's minor findings, with the desk's lookups stubbed: no case
 * time before 2000; a point far outside the grid its row names is a warning, not an error;
 * resident ID and mobile numbers masked wherever they sit in a value; the distance from a
 * point to a polygon.
 */
import { describe, expect, it } from 'vitest';
import type { CaseKey } from '../../core/exchange/case-columns';
import { checkCaseRow, type CaseCells, type CaseRowLookups } from '../../core/exchange/case-row';
import { MAX_ROW_WARNINGS, RowWarnings, sentence } from '../../core/exchange/issues';
import {
  isResidentIdNumber,
  maskPersonalNumbers,
  maskResidentIdNumber,
} from '../../core/exchange/personal-numbers';
import { metresOutside } from '../../core/geo/distance-to-polygon';
import { compileGeometry } from '../../core/geo/point-in-polygon';
import { fromWallClock } from '../../core/time';

// A grid 0.01° square (about 860 m east–west, 1.1 km north–south at 39.65°N).
const GRID = compileGeometry({
  type: 'Polygon',
  coordinates: [
    [
      [118.15, 39.64],
      [118.16, 39.64],
      [118.16, 39.65],
      [118.15, 39.65],
      [118.15, 39.64],
    ],
  ],
});

const lookups: CaseRowLookups = {
  now: fromWallClock(2026, 11, 21, 14, 0),
  categoryExists: (code) => code === 'E0505',
  unitCode: () => null,
  placeOfGrid: (code) =>
    code === '990101001001001' ? { gridCode: code, communityCode: '990101001001' } : null,
  locate: () => null,
  metresOutsideGrid: (code, lng, lat) =>
    code === '990101001001001' ? metresOutside(lng, lat, GRID) : null,
  communityUnitCode: () => null,
  communityCommitteeUnitCode: null,
};

const ROW: CaseCells = {
  case_no: 'E05052026110300001',
  source: '网格员上报',
  kind: '事件',
  major_code: '05',
  minor_code: '05',
  status: '待受理',
  reported_at: '2026-11-03 14:05:00',
  grid_code: '990101001001001',
  lng: 118.155,
  lat: 39.645,
  crs: 'WGS84',
};

const check = (cells: CaseCells) =>
  checkCaseRow(cells, new Set(Object.keys(cells) as CaseKey[]), null, null, lookups);

describe('case times before 2000', () => {
  it('refuses a report time before 2000-01-01 00:00 Shanghai on its column, accepts that instant', () => {
    for (const early of ['1999-12-31 23:59:59', 1, '1900-01-01', '0099-05-01 00:00:00']) {
      const result = check({ ...ROW, reported_at: early });
      expect(result.ok, String(early)).toBe(false);
      if (!result.ok)
        expect(result.issues.map((i) => [i.key, i.message.en.slice(0, 60)])).toContainEqual([
          'reported_at',
          expect.stringMatching(/before 1 January 2000/),
        ]);
    }
    expect(check({ ...ROW, reported_at: '2000-01-01 00:00:00' }).ok).toBe(true);
  });

  it('refuses a due time before 2000 too; future times keep their one-day allowance', () => {
    const due = check({ ...ROW, due_at: '1980-01-01' });
    expect(!due.ok && due.issues.some((i) => i.key === 'due_at')).toBe(true);
    expect(check({ ...ROW, reported_at: '2026-11-22 13:59:00' }).ok).toBe(true);
    expect(check({ ...ROW, reported_at: '2026-11-22 14:01:00' }).ok).toBe(false);
  });
});

describe('a point and the grid its row names', () => {
  it('no warning inside the grid, nor 300 m outside it', () => {
    const inside = check(ROW);
    expect(inside.ok && inside.warnings).toEqual([]);
    const near = check({ ...ROW, lat: 39.65 + 300 / 111_195 });
    expect(near.ok && near.warnings).toEqual([]);
  });

  it('over 500 m outside: the row stays valid with a warning on the grid code column', () => {
    const result = check({ ...ROW, lat: 39.65 + 800 / 111_195 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.checked.record.gridCode).toBe('990101001001001');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ key: 'grid_code', value: '990101001001001' });
    expect(result.warnings[0]!.message.en).toMatch(/about 0\.8 km outside grid 990101001001001/);
  });

  it('a grid without a polygon, or a row without a point: nothing to compare', () => {
    const noPoint = check({ ...ROW, lng: '', lat: '' });
    expect(noPoint.ok && noPoint.warnings).toEqual([]);
  });
});

describe('metres from a point to a polygon', () => {
  it('is 0 inside and on the edge, the distance to the nearest edge outside', () => {
    expect(metresOutside(118.155, 39.645, GRID)).toBe(0);
    expect(metresOutside(118.16, 39.645, GRID)).toBe(0);
    // 0.01° of latitude is about 1,112 m; of longitude at 39.64°, about 857 m.
    expect(metresOutside(118.155, 39.66, GRID)).toBeCloseTo(1112, -1);
    expect(metresOutside(118.17, 39.645, GRID)).toBeCloseTo(857, -1);
    // Past a corner: the distance to the corner.
    expect(metresOutside(118.17, 39.66, GRID)).toBeCloseTo(Math.hypot(1112, 856), -1);
  });
});

describe('resident ID and mobile numbers', () => {
  it('knows an ID number by its check character and birth date', () => {
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('11010519491231002x')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('110105194913310020')).toBe(false);
    expect(maskResidentIdNumber('11010519491231002X')).toBe('110***********002X');
  });

  it('masks them whole or inside text, leaves other digit runs alone', () => {
    expect(maskPersonalNumbers('11010519491231002X')).toEqual({
      text: '110***********002X',
      kinds: ['id'],
    });
    expect(maskPersonalNumbers('联系 13812345678，身份证11010519491231002X。')).toEqual({
      text: '联系 138****5678，身份证110***********002X。',
      kinds: ['id', 'mobile'],
    });
    for (const plain of [
      '201811011234567890',
      '订单 990101001001001',
      '1381234567',
      '02312345678',
      '楼下',
    ])
      expect(maskPersonalNumbers(plain)).toEqual({ text: plain, kinds: [] });
  });
});

describe('row warnings in the report', () => {
  it('name their row; past the cap one note says how many more', () => {
    const warnings = new RowWarnings();
    for (let row = 2; row < MAX_ROW_WARNINGS + 5; row++)
      warnings.add(row, '单元网格编码', sentence('远', 'far'));
    const notes = warnings.notes();
    expect(notes[0]).toEqual({
      row: 2,
      column: '单元网格编码',
      message: { zh: '第 2 行：远', en: 'Row 2: far' },
    });
    expect(notes).toHaveLength(MAX_ROW_WARNINGS + 1);
    expect(notes.at(-1)!.message.en).toBe('3 more rows have warnings like these, not listed.');
  });
});
