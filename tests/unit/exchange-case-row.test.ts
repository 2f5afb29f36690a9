/**
 * One case row checked (core/exchange/case-row), with the desk's lookups stubbed: required
 * values, states and their times, the import-time window, coordinates and grids, units,
 * the desk's version under absent columns, masked personal data coming back; Open311 rows;
 * what exports write.
 */
import { describe, expect, it } from 'vitest';
import type { CaseKey } from '../../core/exchange/case-columns';
import { checkCaseRow, type CaseCells, type CaseRowLookups } from '../../core/exchange/case-row';
import { caseDifferences, contentFingerprint } from '../../core/exchange/exchange-case';
import { csvField, exportCells, guardFormulaText } from '../../core/exchange/export-row';
import { open311Cells, toOpen311Request } from '../../core/exchange/open311';
import { fromWallClock } from '../../core/time';

const NOW = fromWallClock(2026, 11, 21, 14, 0);
const lookups: CaseRowLookups = {
  now: NOW,
  categoryExists: (code) => ['E0505', 'C0101'].includes(code),
  unitCode: (text) => ({ 城管执法中队: 'D01', D01: 'D01', 社区居委会: 'D09' })[text] ?? null,
  placeOfGrid: (code) =>
    code.startsWith('990101001001')
      ? { gridCode: code.slice(0, 15), communityCode: '990101001001' }
      : null,
  locate: (lng, lat) =>
    lng > 118.15 && lng < 118.17 && lat > 39.64 && lat < 39.66
      ? { gridCode: '990101001001001', communityCode: '990101001001' }
      : null,
  communityUnitCode: (community) => (community === '990101001001' ? '990101001001' : null),
  communityCommitteeUnitCode: 'D09',
};

const CLOSED: CaseCells = {
  case_no: 'E05052026110300001',
  source: '网格员上报',
  kind: '事件',
  major_code: '05',
  minor_code: '05',
  status: '已结案',
  reported_at: '2026-11-03 14:05:00',
  registered_at: '2026-11-03 14:06:00',
  dispatched_at: '2026-11-03 14:10:00',
  closed_at: '2026-11-03 16:30:00',
  grid_code: '990101001001001',
  department: '城管执法中队',
  phone: '13812345678',
  reporter: '张伟',
};

function check(cells: CaseCells, base: Parameters<typeof checkCaseRow>[2] = null) {
  return checkCaseRow(cells, new Set(Object.keys(cells) as CaseKey[]), base, null, lookups);
}

function problems(cells: CaseCells): string[] {
  const result = check(cells);
  return result.ok ? [] : result.issues.map((i) => `${i.key}: ${i.message.en}`);
}

describe('a case row', () => {
  it('reads a closed case, with the department matched and the community from the grid', () => {
    const result = check(CLOSED);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.checked.record).toMatchObject({
      state: 'closed',
      departmentCode: 'D01',
      urgency: 'normal',
      crs: 'CGCS2000',
      reworkCount: 0,
    });
    expect(result.checked.communityCode).toBe('990101001001');
  });

  it('needs the times its state implies, in order, and none ahead of the import by more than a day', () => {
    expect(problems({ ...CLOSED, closed_at: '' })).toEqual([
      expect.stringMatching(/^closed_at: A case in state "已结案" needs a closing time/),
    ]);
    expect(problems({ ...CLOSED, dispatched_at: '' })[0]).toMatch(
      /^dispatched_at: .*needs a dispatch time/,
    );
    expect(problems({ ...CLOSED, status: '待受理', dispatched_at: '', closed_at: '' })[0]).toMatch(
      /^registered_at: .*cannot have a registration time/,
    );
    expect(problems({ ...CLOSED, registered_at: '2026-11-03 14:00:00' })[0]).toMatch(
      /^registered_at: .*before the report time/,
    );
    expect(problems({ ...CLOSED, closed_at: '2026-11-22 15:00:00' })[0]).toMatch(
      /^closed_at: .*more than a day after the import time/,
    );
    expect(problems({ ...CLOSED, closed_at: '2026-11-22 13:59:00' })).toEqual([]);
    expect(
      problems({
        ...CLOSED,
        status: '已作废',
        registered_at: '',
        dispatched_at: '',
        closed_at: '',
      }),
    ).toEqual([]);
  });

  it('refuses unknown codes, units, states and points in no grid, each on its column', () => {
    expect(problems({ ...CLOSED, minor_code: '99' })).toEqual([
      expect.stringMatching(/^minor_code: Unknown category E0599/),
    ]);
    expect(problems({ ...CLOSED, minor_code: '0605' })[0]).toMatch(
      /^minor_code: The four-digit minor code 0605 does not start with the major code 05/,
    );
    expect(problems({ ...CLOSED, department: '不存在' })[0]).toMatch(/^department: .*"不存在"/);
    expect(problems({ ...CLOSED, grid_code: '', lng: 118.3, lat: 39.7 })[0]).toMatch(
      /^grid_code: .*lies in no grid/,
    );
    expect(problems({ ...CLOSED, lng: 118.16 })[0]).toMatch(
      /^lat: Give both longitude and latitude/,
    );
    expect(problems({ ...CLOSED, lat: 60 })[0]).toMatch(
      /^lat: The latitude is out of range \(3–54\)/,
    );
    expect(problems({ ...CLOSED, crs: 'EPSG:3857' })[0]).toMatch(/^crs: /);
  });

  it('places a point without a grid code, and reads 社区居委会 as the case’s own community', () => {
    const result = check({
      ...CLOSED,
      grid_code: '',
      lng: 118.16,
      lat: 39.65,
      department: '社区居委会',
    });
    expect(result.ok && result.checked.record).toMatchObject({
      gridCode: '990101001001001',
      departmentCode: '990101001001',
    });
  });

  it('takes the desk’s value for a column the file lacks, and a masked phone that matches it', () => {
    const desk = check(CLOSED);
    if (!desk.ok) throw new Error('setup');
    const base = desk.checked.record;
    const update = checkCaseRow(
      { case_no: CLOSED.case_no, status: '已结案', phone: '138****5678', reporter: '张*' },
      new Set<CaseKey>(['case_no', 'status', 'phone', 'reporter']),
      base,
      null,
      lookups,
    );
    expect(update.ok).toBe(true);
    if (!update.ok) return;
    expect(caseDifferences(base, update.checked.record)).toEqual({});
    const other = checkCaseRow(
      { case_no: CLOSED.case_no, phone: '139****0000' },
      new Set<CaseKey>(['case_no', 'phone']),
      base,
      null,
      lookups,
    );
    expect(other.ok && caseDifferences(base, other.checked.record)).toEqual({
      phone: ['13812345678', '139****0000'],
    });
  });

  it('fingerprints rows by content', () => {
    expect(contentFingerprint('a\u0001b')).toBe(contentFingerprint('a\u0001b'));
    expect(contentFingerprint('a\u0001b')).not.toBe(contentFingerprint('a\u0001c'));
  });
});

describe('Open311 rows', () => {
  const request = {
    service_request_id: 'E05052026110300001',
    status: 'closed',
    service_code: 'E0505',
    service_name: '机动车乱停放',
    requested_datetime: '2026-11-03T14:05:00+08:00',
    updated_datetime: '2026-11-03T16:30:00+08:00',
    lat: 39.65,
    long: 118.16,
    zipcode: '063000',
  };

  it('maps a new closed request: the city platform as source, times from the request', () => {
    const row = open311Cells(request, null);
    const result = checkCaseRow(row.cells, row.present, null, row.extra, lookups);
    expect(result.ok && result.checked.record).toMatchObject({
      source: 'city_platform',
      state: 'closed',
      crs: 'WGS84',
      gridCode: '990101001001001',
      closedAt: fromWallClock(2026, 11, 3, 16, 30),
      registeredAt: fromWallClock(2026, 11, 3, 14, 5),
      extra: { zipcode: '063000' },
    });
    expect(row.headers.kind).toBe('service_code');
  });

  it('writes GeoReport v2: status open/closed, service_code = kind + major + minor, times with +08:00', () => {
    const result = check(CLOSED);
    if (!result.ok) throw new Error('setup');
    expect(
      toOpen311Request(
        result.checked.record,
        { categoryName: '机动车乱停放', unitName: '城管执法中队' },
        { lng: 118.16, lat: 39.65 },
      ),
    ).toMatchObject({
      service_request_id: 'E05052026110300001',
      status: 'closed',
      service_code: 'E0505',
      requested_datetime: '2026-11-03T14:05:00+08:00',
      agency_responsible: '城管执法中队',
      long: 118.16,
    });
  });
});

describe('export cells', () => {
  it('masks personal data unless asked, and guards formula-like text in CSV', () => {
    const result = check({ ...CLOSED, description: '=1+2' });
    if (!result.ok) throw new Error('setup');
    const masked = exportCells(result.checked.record, '城管执法中队', { unmasked: false });
    expect(masked).toContain('138****5678');
    expect(masked).toContain('张*');
    expect(exportCells(result.checked.record, '城管执法中队', { unmasked: true })).toContain(
      '13812345678',
    );
    for (const text of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(guardFormulaText(text)).toBe(`'${text}`);
    expect(guardFormulaText('正常文本')).toBe('正常文本');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(118.2)).toBe('118.2');
  });
});
