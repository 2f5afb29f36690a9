/**
 * Reading a grids GeoJSON FeatureCollection (docs/design/CITY-EXCHANGE.md "grids"): one feature per
 * community, grid or sub-grid, with the city's Chinese property names (网格编码, 网格名称,
 * 层级, 所属编码, 类型, 户数, 人口) or their English keys. Each problem names the feature (its
 * 1-based position in the file) and the code. Coordinates in GCJ-02/BD-09 are converted to
 * WGS-84 here, so everything after this point is in the stored system.
 */
import type { GridType } from '../glossary';
import type { Crs } from '../geo/coordinates';
import type { PolygonGeometry } from '../geo/point-in-polygon';
import { readBoundary } from './grid-boundary';
import type { GridIssue } from './grid-issues';

type GridFeatureLevel = 'street' | 'community' | 'grid' | 'subgrid';

export interface GridFeature {
  /** 1-based position in the file, for messages. */
  feature: number;
  code: string;
  name: string;
  level: GridFeatureLevel;
  parentCode: string | null;
  gridType: GridType | null;
  households: number | null;
  population: number | null;
  geometry: PolygonGeometry | null;
}

const LEVEL_BY_NAME: Record<string, GridFeatureLevel> = {
  街道: 'street',
  社区: 'community',
  网格: 'grid',
  子网格: 'subgrid',
  street: 'street',
  community: 'community',
  grid: 'grid',
  subgrid: 'subgrid',
  'sub-grid': 'subgrid',
};
const LEVEL_BY_LENGTH: Record<number, GridFeatureLevel> = {
  9: 'street',
  12: 'community',
  15: 'grid',
  18: 'subgrid',
};
const CODE_LENGTH: Record<GridFeatureLevel, number> = {
  street: 9,
  community: 12,
  grid: 15,
  subgrid: 18,
};
const TYPE_BY_NAME: Record<string, GridType> = {
  基础网格: 'basic',
  专属网格: 'special',
  专项网格: 'thematic',
  basic: 'basic',
  special: 'special',
  thematic: 'thematic',
};

function pick(properties: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) {
    if (properties[key] !== undefined && properties[key] !== null && properties[key] !== '') {
      return properties[key];
    }
  }
  return undefined;
}

/** Full-width digits (０-９) to half-width, spaces trimmed. */
function foldDigits(text: string): string {
  return text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function readCode(value: unknown): string | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? String(value) : null;
  }
  if (typeof value !== 'string') return null;
  const code = foldDigits(value);
  return /^\d+$/.test(code) ? code : null;
}

function readCount(value: unknown): number | null | 'bad' {
  if (value === undefined) return null;
  const n = typeof value === 'string' ? Number(foldDigits(value)) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 'bad';
}

function issue(
  code: GridIssue['code'],
  feature: number,
  gridCodes: string[],
  zh: string,
  en: string,
): GridIssue {
  return { code, severity: 'error', feature, gridCodes, message: { zh, en } };
}

interface ParsedGridFile {
  features: GridFeature[];
  issues: GridIssue[];
}

/** Reads the collection; features with problems are left out and reported. */
export function readGridFeatures(collection: unknown, crs: Crs): ParsedGridFile {
  const issues: GridIssue[] = [];
  const features: GridFeature[] = [];
  const c = collection as { type?: unknown; features?: unknown } | null;
  if (!c || c.type !== 'FeatureCollection' || !Array.isArray(c.features)) {
    issues.push(
      issue(
        'invalid_feature',
        0,
        [],
        '文件不是 GeoJSON FeatureCollection（缺少 "type": "FeatureCollection" 或 features 数组）。',
        'The file is not a GeoJSON FeatureCollection (no "type": "FeatureCollection" or no features array).',
      ),
    );
    return { features, issues };
  }
  const seen = new Map<string, number>();
  c.features.forEach((raw: unknown, index: number) => {
    const n = index + 1;
    const f = raw as { properties?: Record<string, unknown>; geometry?: unknown } | null;
    const properties = f?.properties ?? {};
    const code = readCode(pick(properties, ['网格编码', '编码', 'code', 'grid_code']));
    if (!code) {
      issues.push(
        issue(
          'invalid_code',
          n,
          [],
          `第 ${n} 个要素没有可读的网格编码（须为数字，作为文本保存）。`,
          `Feature ${n} has no readable code (digits, stored as text).`,
        ),
      );
      return;
    }
    const levelText = pick(properties, ['层级', 'level']);
    const level =
      typeof levelText === 'string'
        ? LEVEL_BY_NAME[levelText.trim()]
        : LEVEL_BY_LENGTH[code.length];
    if (!level || code.length !== CODE_LENGTH[level]) {
      issues.push(
        issue(
          'invalid_code',
          n,
          [code],
          `第 ${n} 个要素的编码 ${code} 与层级不符（街道 9 位、社区 12 位、网格 15 位、子网格 18 位）。`,
          `Feature ${n}: code ${code} does not fit its level (street 9, community 12, grid 15, sub-grid 18 digits).`,
        ),
      );
      return;
    }
    const name = pick(properties, ['网格名称', '名称', 'name']);
    if (typeof name !== 'string' || name.trim() === '') {
      issues.push(
        issue(
          'invalid_feature',
          n,
          [code],
          `第 ${n} 个要素（${code}）没有名称。`,
          `Feature ${n} (${code}) has no name.`,
        ),
      );
      return;
    }
    const parentRaw = pick(properties, ['所属编码', '上级编码', 'parent_code', 'parent']);
    const parentCode =
      level === 'street' ? null : (readCode(parentRaw) ?? code.slice(0, code.length - 3));
    if (parentCode !== null && parentCode.length !== code.length - 3) {
      issues.push(
        issue(
          'unknown_parent',
          n,
          [code],
          `第 ${n} 个要素（${code}）的所属编码 ${parentCode} 不是上一级编码。`,
          `Feature ${n} (${code}): parent code ${parentCode} is not a code of the level above.`,
        ),
      );
      return;
    }
    const typeText = pick(properties, ['类型', '网格类型', 'type', 'grid_type']);
    const gridType =
      level === 'grid' || level === 'subgrid'
        ? typeof typeText === 'string'
          ? TYPE_BY_NAME[typeText.trim()]
          : 'basic'
        : null;
    if (gridType === undefined) {
      issues.push(
        issue(
          'invalid_feature',
          n,
          [code],
          `第 ${n} 个要素（${code}）的类型“${String(typeText)}”不认识（基础网格、专属网格、专项网格）。`,
          `Feature ${n} (${code}): unknown type "${String(typeText)}" (基础网格, 专属网格 or 专项网格).`,
        ),
      );
      return;
    }
    const households = readCount(pick(properties, ['户数', 'households']));
    const population = readCount(pick(properties, ['人口', '人口数', 'population']));
    if (households === 'bad' || population === 'bad') {
      issues.push(
        issue(
          'invalid_feature',
          n,
          [code],
          `第 ${n} 个要素（${code}）的户数或人口不是非负整数。`,
          `Feature ${n} (${code}): households or population is not a whole number ≥ 0.`,
        ),
      );
      return;
    }
    let geometry: PolygonGeometry | null = null;
    if (f?.geometry != null) {
      const read = readBoundary(f.geometry, crs);
      if ('problem' in read) {
        issues.push(
          issue(
            'invalid_geometry',
            n,
            [code],
            `第 ${n} 个要素（${code}）的边界无法使用：${read.problem.zh}。`,
            `Feature ${n} (${code}): the boundary cannot be used: ${read.problem.en}.`,
          ),
        );
        return;
      }
      geometry = read.geometry;
    } else if (level !== 'street' && level !== 'community') {
      issues.push(
        issue(
          'invalid_geometry',
          n,
          [code],
          `第 ${n} 个要素（${code}）没有边界。`,
          `Feature ${n} (${code}) has no boundary.`,
        ),
      );
      return;
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      issues.push(
        issue(
          'duplicate_code',
          n,
          [code],
          `编码 ${code} 在文件中出现两次（第 ${earlier} 和第 ${n} 个要素）。`,
          `Code ${code} appears twice in the file (features ${earlier} and ${n}).`,
        ),
      );
      return;
    }
    seen.set(code, n);
    features.push({
      feature: n,
      code,
      name: name.trim(),
      level,
      parentCode,
      gridType,
      households,
      population,
      geometry,
    });
  });
  return { features, issues };
}
