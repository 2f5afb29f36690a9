import { describe, expect, it } from 'vitest';
import { compileGeometry, type PolygonGeometry } from '../../core/geo/point-in-polygon';
import {
  areaSquareMetres,
  findCoverageGap,
  findOverlap,
  findSelfIntersection,
  interiorPoint,
} from '../../core/geo/topology';
import { checkGridTopology, type TopologyPlace } from '../../core/map/grid-topology';

const box = (x0: number, y0: number, x1: number, y1: number) =>
  compileGeometry({
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  });

describe('topology primitives', () => {
  it('finds a bow-tie and passes a simple ring, a ring with a hole and a concave ring', () => {
    const bowTie = compileGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    expect(findSelfIntersection(bowTie)).toEqual({ lng: 0.5, lat: 0.5 });
    expect(findSelfIntersection(box(0, 0, 1, 1))).toBeNull();
    const holed: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 1],
          [2, 2],
          [1, 2],
          [1, 1],
        ],
      ],
    };
    expect(findSelfIntersection(compileGeometry(holed))).toBeNull();
    const holeOut: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [3, 1],
          [5, 1],
          [5, 2],
          [3, 2],
          [3, 1],
        ],
      ],
    };
    expect(findSelfIntersection(compileGeometry(holeOut))).not.toBeNull();
    const u = compileGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    });
    expect(findSelfIntersection(u)).toBeNull();
  });

  it('tells neighbours sharing an edge from grids that overlap', () => {
    expect(findOverlap(box(0, 0, 1, 1), box(1, 0, 2, 1))).toBeNull();
    expect(findOverlap(box(0, 0, 1, 1), box(1, 1, 2, 2))).toBeNull();
    expect(findOverlap(box(0, 0, 1, 1), box(0.9, 0, 2, 1))).not.toBeNull();
    // one inside the other, and two identical outlines
    expect(findOverlap(box(0, 0, 4, 4), box(1, 1, 2, 2))).not.toBeNull();
    expect(findOverlap(box(0, 0, 1, 1), box(0, 0, 1, 1))).not.toBeNull();
    // collinear edges sharing a stretch of ground: [0,2]x[0,1] and [1,3]x[0,1]
    expect(findOverlap(box(0, 0, 2, 1), box(1, 0, 3, 1))).not.toBeNull();
  });

  it('measures areas in square metres and finds an interior point of a concave shape', () => {
    // 0.01° × 0.01° at 39.65°N is about 1,113 m × 857 m
    const area = areaSquareMetres(box(118.15, 39.64, 118.16, 39.65));
    expect(area).toBeGreaterThan(940_000);
    expect(area).toBeLessThan(960_000);
    const u = compileGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    });
    const p = interiorPoint(u)!;
    expect(p.lng < 1 || p.lng > 2 || p.lat < 1).toBe(true);
  });

  it('finds the ground a community has that no grid covers, and where', () => {
    const community = box(118.15, 39.64, 118.17, 39.66);
    const full = [box(118.15, 39.64, 118.16, 39.66), box(118.16, 39.64, 118.17, 39.66)];
    expect(findCoverageGap(community, full)).toBeNull();
    const gap = findCoverageGap(community, [full[0]!, box(118.16, 39.64, 118.17, 39.655)]);
    expect(gap).not.toBeNull();
    expect(gap!.areaSquareMetres).toBeGreaterThan(800_000 * 0.25 * 0.5);
    expect(gap!.at!.lat).toBeGreaterThan(39.655);
    expect(gap!.at!.lng).toBeGreaterThan(118.16);
  });
});

describe('the topology report of an import', () => {
  const place = (
    code: string,
    level: TopologyPlace['level'],
    geometry: ReturnType<typeof box>,
    feature: number,
    gridType: TopologyPlace['gridType'] = level === 'community' ? null : 'basic',
  ): TopologyPlace => ({
    code,
    level,
    gridType,
    communityCode: level === 'community' ? code : code.slice(0, 12),
    geometry,
    feature,
  });

  it('names the codes of overlapping grids, the self-intersecting one and the gappy community', () => {
    const bowTie = compileGeometry({
      type: 'Polygon',
      coordinates: [
        [
          [118.15, 39.64],
          [118.155, 39.645],
          [118.155, 39.64],
          [118.15, 39.645],
          [118.15, 39.64],
        ],
      ],
    });
    const issues = checkGridTopology([
      place('990101001001', 'community', box(118.15, 39.64, 118.17, 39.66), 0),
      place('990101001001001', 'grid', box(118.15, 39.65, 118.16, 39.66), 0),
      place('990101001001002', 'grid', box(118.158, 39.65, 118.17, 39.66), 2),
      place('990101001001003', 'grid', bowTie, 3),
      // a special grid on top of a basic one is allowed
      place('990101001001901', 'grid', box(118.151, 39.651, 118.152, 39.652), 4, 'special'),
    ]);
    const byCode = issues.map((i) => [i.code, i.gridCodes.join('+'), i.severity]);
    expect(byCode).toContainEqual(['overlap', '990101001001001+990101001001002', 'error']);
    expect(byCode).toContainEqual(['self_intersection', '990101001001003', 'error']);
    expect(byCode).toContainEqual(['gap', '990101001001', 'warning']);
    expect(issues.filter((i) => i.code === 'overlap')).toHaveLength(1);
    expect(issues.find((i) => i.code === 'overlap')!.message.zh).toContain('990101001001001');
  });

  it('reports nothing for places already stored that the file does not touch', () => {
    const issues = checkGridTopology([
      place('990101001001001', 'grid', box(0, 0, 2, 2), 0),
      place('990101001001002', 'grid', box(1, 1, 3, 3), 0),
    ]);
    expect(issues).toEqual([]);
  });
});
