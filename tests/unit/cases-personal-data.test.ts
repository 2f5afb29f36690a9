import { describe, expect, it } from 'vitest';
import { formatCaseNumber, caseNumberSerial } from '../../core/cases/case-number';
import { duplicateMatch } from '../../core/cases/duplicates';
import { maskName, maskPhone, personalDataFor } from '../../core/cases/personal-data';
import { fromWallClock, HOUR_MS } from '../../core/time';

describe('personal data is masked for roles that do not call reporters back', () => {
  it('masks phones and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-6655 1234')).toBe('**********34');
    expect(maskPhone(null)).toBeNull();
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('匿名')).toBe('匿名');
  });
  it('shows them whole to operators and admins only', () => {
    const row = { reporter: '王小明', phone: '13912345678' };
    expect(personalDataFor(row, 'operator')).toEqual({ ...row, personalDataMasked: false });
    expect(personalDataFor(row, 'admin').phone).toBe('13912345678');
    for (const role of ['leader', 'handler', 'anonymous'] as const) {
      expect(personalDataFor(row, role)).toEqual({
        reporter: '王**',
        phone: '139****5678',
        personalDataMasked: true,
      });
    }
  });
});

describe('case numbers and duplicates', () => {
  it('numbers a desk case by category, Shanghai day and serial', () => {
    // 00:30 on 21 Nov in Shanghai is still 20 Nov in UTC: the Shanghai day counts.
    const caseNo = formatCaseNumber('E0505', fromWallClock(2026, 11, 21, 0, 30), 7);
    expect(caseNo).toBe('E05052026112100007');
    expect(caseNumberSerial(caseNo)).toBe(7);
    expect(caseNumberSerial('SH-2026-0001')).toBeNull();
  });

  it('calls a same-category open report within 50 m and 24 h a possible duplicate', () => {
    const t = fromWallClock(2026, 11, 21, 9);
    const probe = { categoryCode: 'E0505', reportedAt: t, lng: 116.4, lat: 39.9, gridCode: 'G1' };
    const east = (m: number) => 116.4 + m / (111_320 * Math.cos((39.9 * Math.PI) / 180));
    const candidate = {
      id: 1,
      categoryCode: 'E0505',
      reportedAt: t - 3 * HOUR_MS,
      lng: east(40),
      lat: 39.9,
      gridCode: 'G1',
    };
    expect(duplicateMatch(probe, candidate)).toMatchObject({ by: 'distance' });
    expect(duplicateMatch(probe, { ...candidate, lng: east(60) })).toBeNull();
    expect(duplicateMatch(probe, { ...candidate, reportedAt: t - 25 * HOUR_MS })).toBeNull();
    expect(duplicateMatch(probe, { ...candidate, categoryCode: 'E0102' })).toBeNull();
    // Without a point on either side, the same grid stands in for nearness.
    expect(duplicateMatch({ ...probe, lng: null, lat: null }, candidate)).toEqual({ by: 'grid' });
    expect(
      duplicateMatch({ ...probe, lng: null, lat: null, gridCode: 'G2' }, candidate),
    ).toBeNull();
  });
});
