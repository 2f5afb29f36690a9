import { describe, expect, it } from 'vitest';
import {
  bd09ToWgs84,
  distanceMetres,
  fromWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  parseCrs,
  toWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
  type Crs,
} from '../../core/geo/coordinates';

// Points across China: the demo street (Tangshan), Beijing, Shanghai, Urumqi, Sanya, Harbin.
const PLACES: Array<[number, number]> = [
  [118.16, 39.65],
  [116.397428, 39.90923],
  [121.473701, 31.230416],
  [87.617733, 43.792818],
  [109.511909, 18.252847],
  [126.534967, 45.803775],
];

describe('coordinate conversions', () => {
  it('moves a point by the known GCJ-02 offset (a few hundred metres) and back under 0.5 m', () => {
    for (const [lng, lat] of PLACES) {
      const gcj = wgs84ToGcj02(lng, lat);
      const shift = distanceMetres({ lng, lat }, gcj);
      expect(shift).toBeGreaterThan(50);
      expect(shift).toBeLessThan(1000);
      const back = toWgs84(gcj.lng, gcj.lat, 'GCJ02');
      expect(distanceMetres({ lng, lat }, back)).toBeLessThan(0.5);
    }
  });

  it('round-trips BD-09 under 0.5 m', () => {
    for (const [lng, lat] of PLACES) {
      const bd = wgs84ToBd09(lng, lat);
      expect(distanceMetres({ lng, lat }, bd)).toBeGreaterThan(100);
      const back = toWgs84(bd.lng, bd.lat, 'BD09');
      expect(distanceMetres({ lng, lat }, back)).toBeLessThan(0.5);
      expect(distanceMetres({ lng, lat }, bd09ToWgs84(bd.lng, bd.lat))).toBeLessThan(0.5);
    }
  });

  it('matches a published reference pair (Tiananmen, WGS-84 → GCJ-02 within a metre)', () => {
    // WGS-84 116.391349, 39.907375 → GCJ-02 116.397590, 39.908775 (widely published sample)
    const gcj = wgs84ToGcj02(116.391349, 39.907375);
    expect(distanceMetres(gcj, { lng: 116.39759, lat: 39.908775 })).toBeLessThan(1);
    const bd = gcj02ToBd09(gcj.lng, gcj.lat);
    expect(bd.lng).toBeGreaterThan(gcj.lng);
    expect(bd.lat).toBeGreaterThan(gcj.lat);
  });

  it('beats the one-step approximate inverse by orders of magnitude', () => {
    for (const [lng, lat] of PLACES) {
      const gcj = wgs84ToGcj02(lng, lat);
      const back = gcj02ToWgs84(gcj.lng, gcj.lat);
      expect(distanceMetres({ lng, lat }, back)).toBeLessThan(0.01);
    }
  });

  it('leaves points outside China alone for GCJ-02, and WGS84/CGCS2000 untouched', () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual({ lng: 2.35, lat: 48.85 });
    expect(toWgs84(2.35, 48.85, 'GCJ02')).toEqual({ lng: 2.35, lat: 48.85 });
    expect(toWgs84(118.1, 39.6, 'WGS84')).toEqual({ lng: 118.1, lat: 39.6 });
    expect(toWgs84(118.1, 39.6, 'CGCS2000')).toEqual({ lng: 118.1, lat: 39.6 });
  });

  it('fromWgs84 and toWgs84 are inverse for every CRS', () => {
    for (const crs of ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'] as Crs[]) {
      const there = fromWgs84(118.16, 39.65, crs);
      const back = toWgs84(there.lng, there.lat, crs);
      expect(distanceMetres({ lng: 118.16, lat: 39.65 }, back)).toBeLessThan(0.5);
    }
  });

  it('reads the CRS names city files use', () => {
    expect(parseCrs('WGS-84')).toBe('WGS84');
    expect(parseCrs(' cgcs2000 ')).toBe('CGCS2000');
    expect(parseCrs('GCJ-02')).toBe('GCJ02');
    expect(parseCrs('bd09ll')).toBe('BD09');
    expect(parseCrs('百度')).toBe('BD09');
    expect(parseCrs('UTM50N')).toBeNull();
  });
});
