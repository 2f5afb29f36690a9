/**
 * The topology report of a set of places (the grids already stored with the file's merged
 * over them): self-intersections, overlaps between grids of the same kind, grids sticking
 * out of their community, and gaps inside a community. Only problems that involve a place
 * from the file are reported, so an import is judged on what it brings.
 *
 * Special grids (专属网格) lie on top of basic grids by design, and thematic grids (专项网格)
 * overlay anything, so overlaps are looked for between basic grids, between special grids,
 * between sub-grids and between communities; gaps are measured with basic grids only.
 */
import Flatbush from 'flatbush';
import type { GridType } from '../glossary';
import type { CompiledGeometry } from '../geo/point-in-polygon';
import { findCoverageGap, findOutside, findOverlap, findSelfIntersection } from '../geo/topology';
import type { GridIssue } from './grid-issues';

export interface TopologyPlace {
  code: string;
  level: 'street' | 'community' | 'grid' | 'subgrid';
  gridType: GridType | null;
  communityCode: string | null;
  geometry: CompiledGeometry | null;
  /** 1-based feature number when the place comes from the file, else 0. */
  feature: number;
}

const LEVEL_ZH = { street: '街道', community: '社区', grid: '网格', subgrid: '子网格' } as const;

function overlapClass(place: TopologyPlace): string | null {
  if (place.level === 'community') return 'community';
  if (place.level === 'subgrid') return 'subgrid';
  if (place.level === 'grid' && place.gridType === 'basic') return 'basic';
  if (place.level === 'grid' && place.gridType === 'special') return 'special';
  return null;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function checkGridTopology(places: readonly TopologyPlace[]): GridIssue[] {
  const issues: GridIssue[] = [];
  const shaped = places.filter((p) => p.geometry !== null);

  for (const place of shaped) {
    if (!place.feature) continue;
    const at = findSelfIntersection(place.geometry!);
    if (at) {
      issues.push({
        code: 'self_intersection',
        severity: 'error',
        feature: place.feature,
        gridCodes: [place.code],
        at,
        message: {
          zh: `${LEVEL_ZH[place.level]} ${place.code} 的边界自相交（约在 ${round(at.lng)}, ${round(at.lat)}）。`,
          en: `The boundary of ${place.code} crosses itself (near ${round(at.lng)}, ${round(at.lat)}).`,
        },
      });
    }
  }

  if (shaped.length > 0) {
    const index = new Flatbush(shaped.length);
    for (const p of shaped) {
      index.add(p.geometry!.minLng, p.geometry!.minLat, p.geometry!.maxLng, p.geometry!.maxLat);
    }
    index.finish();
    shaped.forEach((place, i) => {
      const kind = overlapClass(place);
      if (!kind) return;
      const g = place.geometry!;
      for (const j of index.search(g.minLng, g.minLat, g.maxLng, g.maxLat)) {
        const other = shaped[j]!;
        // Each pair once, and only pairs that involve the file.
        if (j === i || overlapClass(other) !== kind) continue;
        if (!place.feature && !other.feature) continue;
        if (other.feature && place.feature && j < i) continue;
        if (!place.feature && other.feature) continue;
        const at = findOverlap(g, other.geometry!);
        if (!at) continue;
        const [a, b] = [place.code, other.code].sort();
        issues.push({
          code: 'overlap',
          severity: 'error',
          feature: place.feature,
          gridCodes: [a!, b!],
          at,
          message: {
            zh: `${a} 与 ${b} 有重叠（约在 ${round(at.lng)}, ${round(at.lat)}）：同一块地只能属于一个${LEVEL_ZH[place.level]}。`,
            en: `${a} and ${b} overlap (near ${round(at.lng)}, ${round(at.lat)}): a piece of ground belongs to one ${place.level} only.`,
          },
        });
      }
    });
  }

  const communities = new Map(
    shaped.filter((p) => p.level === 'community').map((p) => [p.code, p]),
  );
  const gridsByCommunity = new Map<string, TopologyPlace[]>();
  for (const grid of shaped) {
    if (grid.level !== 'grid' || grid.communityCode === null) continue;
    const community = communities.get(grid.communityCode);
    if (!community) continue;
    if (grid.gridType !== 'thematic' && grid.feature) {
      const at = findOutside(grid.geometry!, community.geometry!);
      if (at) {
        issues.push({
          code: 'outside_community',
          severity: 'warning',
          feature: grid.feature,
          gridCodes: [grid.code, community.code],
          at,
          message: {
            zh: `网格 ${grid.code} 有一部分在所属社区 ${community.code} 的边界之外（约在 ${round(at.lng)}, ${round(at.lat)}）。`,
            en: `Part of grid ${grid.code} lies outside its community ${community.code} (near ${round(at.lng)}, ${round(at.lat)}).`,
          },
        });
      }
    }
    if (grid.gridType === 'basic') {
      const list = gridsByCommunity.get(community.code) ?? [];
      list.push(grid);
      gridsByCommunity.set(community.code, list);
    }
  }
  for (const community of communities.values()) {
    const grids = gridsByCommunity.get(community.code) ?? [];
    if (grids.length === 0) continue;
    if (!community.feature && !grids.some((g) => g.feature)) continue;
    const gap = findCoverageGap(
      community.geometry!,
      grids.map((g) => g.geometry!),
    );
    if (!gap) continue;
    const area = Math.round(gap.areaSquareMetres);
    const where = gap.at ? `（例如 ${round(gap.at.lng)}, ${round(gap.at.lat)}）` : '';
    const whereEn = gap.at ? ` (e.g. at ${round(gap.at.lng)}, ${round(gap.at.lat)})` : '';
    issues.push({
      code: 'gap',
      severity: 'warning',
      feature: community.feature,
      gridCodes: [community.code],
      ...(gap.at ? { at: gap.at } : {}),
      areaSquareMetres: area,
      message: {
        zh: `社区 ${community.code} 内约 ${area.toLocaleString('en-US')} 平方米不属于任何基础网格${where}。`,
        en: `About ${area.toLocaleString('en-US')} m² inside community ${community.code} belongs to no basic grid${whereEn}.`,
      },
    });
  }
  return issues;
}
