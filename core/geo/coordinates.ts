/**
 * Coordinate systems a Chinese city file may use, and the way back to WGS-84, which is what
 * the desk stores (CGCS2000 differs from WGS-84 by centimetres, far below a grid's scale, so
 * it is stored as is). GCJ-02 (国测局, "Mars" coordinates used by Gaode/Tencent) and BD-09
 * (Baidu) are published only as forward transforms; their inverses here iterate the forward
 * transform until it reproduces the input, which lands within millimetres, not the tens of
 * metres the common one-step "approximate inverse" leaves.
 */

export type Crs = 'WGS84' | 'CGCS2000' | 'GCJ02' | 'BD09';

export const CRS_LIST: readonly Crs[] = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'];

interface LngLat {
  lng: number;
  lat: number;
}

/** Reads the names city files use for a CRS (WGS-84, wgs84, GCJ-02, 国测局, 百度…); null when unknown. */
export function parseCrs(text: string): Crs | null {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[\s\-_]/g, '');
  if (key === 'WGS84' || key === 'EPSG4326' || key === '4326') return 'WGS84';
  if (key === 'CGCS2000' || key === 'EPSG4490' || key === '4490' || key === '2000') {
    return 'CGCS2000';
  }
  if (key === 'GCJ02' || key === 'GCJ' || key === '国测局' || key === '火星坐标') return 'GCJ02';
  if (key === 'BD09' || key === 'BD09LL' || key === 'BAIDU' || key === '百度') return 'BD09';
  return null;
}

// Krasovsky 1940 ellipsoid, as the GCJ-02 algorithm uses it.
const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943;
const BD_X_PI = (Math.PI * 3000.0) / 180.0;

/** GCJ-02 offsets only apply inside China's rough bounding box; elsewhere it equals WGS-84. */
function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r +=
    ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r +=
    ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

export function wgs84ToGcj02(lng: number, lat: number): LngLat {
  if (outOfChina(lng, lat)) return { lng, lat };
  let dLat = offsetLat(lng - 105.0, lat - 35.0);
  let dLng = offsetLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lng: lng + dLng, lat: lat + dLat };
}

export function gcj02ToBd09(lng: number, lat: number): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * BD_X_PI);
  return { lng: z * Math.cos(theta) + 0.0065, lat: z * Math.sin(theta) + 0.006 };
}

export function wgs84ToBd09(lng: number, lat: number): LngLat {
  const gcj = wgs84ToGcj02(lng, lat);
  return gcj02ToBd09(gcj.lng, gcj.lat);
}

// 1e-9° is about 0.1 mm: far inside the sub-metre promise, and reached in a few rounds.
const INVERSE_TOLERANCE_DEG = 1e-9;
const INVERSE_MAX_ROUNDS = 30;

/**
 * Solves forward(p) = target for p. Both transforms are the identity plus an offset that
 * changes slowly with position, so stepping by the remaining error converges quickly.
 */
function invert(forward: (lng: number, lat: number) => LngLat, lng: number, lat: number): LngLat {
  let guess = { lng, lat };
  for (let round = 0; round < INVERSE_MAX_ROUNDS; round++) {
    const image = forward(guess.lng, guess.lat);
    const dLng = image.lng - lng;
    const dLat = image.lat - lat;
    if (Math.abs(dLng) < INVERSE_TOLERANCE_DEG && Math.abs(dLat) < INVERSE_TOLERANCE_DEG) break;
    guess = { lng: guess.lng - dLng, lat: guess.lat - dLat };
  }
  return guess;
}

export function gcj02ToWgs84(lng: number, lat: number): LngLat {
  if (outOfChina(lng, lat)) return { lng, lat };
  return invert(wgs84ToGcj02, lng, lat);
}

function bd09ToGcj02(lng: number, lat: number): LngLat {
  return invert(gcj02ToBd09, lng, lat);
}

export function bd09ToWgs84(lng: number, lat: number): LngLat {
  const gcj = bd09ToGcj02(lng, lat);
  return gcj02ToWgs84(gcj.lng, gcj.lat);
}

/** What the desk stores for a point given in `crs` (CGCS2000 is taken as WGS-84). */
export function toWgs84(lng: number, lat: number, crs: Crs): LngLat {
  switch (crs) {
    case 'WGS84':
    case 'CGCS2000':
      return { lng, lat };
    case 'GCJ02':
      return gcj02ToWgs84(lng, lat);
    case 'BD09':
      return bd09ToWgs84(lng, lat);
  }
}

/** A stored WGS-84 point in another system, e.g. to hand to a phone map app. */
export function fromWgs84(lng: number, lat: number, crs: Crs): LngLat {
  switch (crs) {
    case 'WGS84':
    case 'CGCS2000':
      return { lng, lat };
    case 'GCJ02':
      return wgs84ToGcj02(lng, lat);
    case 'BD09':
      return wgs84ToBd09(lng, lat);
  }
}

/** Great-circle distance in metres (haversine), for checking conversions and nearness. */
export function distanceMetres(a: LngLat, b: LngLat): number {
  const R = 6371008.8;
  const toRad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * toRad;
  const dLng = (b.lng - a.lng) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
