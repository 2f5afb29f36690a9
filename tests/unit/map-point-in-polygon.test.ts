import { describe, expect, it } from 'vitest';
import { placePoint, pointInPolygon, type PolygonGeometry } from '../../core/geo/point-in-polygon';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

const withHole: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)],
};

const twoIslands: PolygonGeometry = {
  type: 'MultiPolygon',
  coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6), square(5.4, 5.4, 5.6, 5.6)]],
};

describe('point in polygon', () => {
  it('finds a point inside and outside a simple polygon', () => {
    expect(placePoint(2, 2, withHole)).toBe('inside');
    expect(placePoint(11, 2, withHole)).toBe('outside');
    expect(placePoint(-0.0001, 5, withHole)).toBe('outside');
  });

  it('treats a hole as outside and its edge as the boundary', () => {
    expect(placePoint(5, 5, withHole)).toBe('outside');
    expect(pointInPolygon(5, 5, withHole)).toBe(false);
    expect(placePoint(4, 5, withHole)).toBe('boundary');
    expect(placePoint(6, 6, withHole)).toBe('boundary');
  });

  it('counts a point exactly on an outer edge or vertex as on the boundary (inside)', () => {
    expect(placePoint(0, 5, withHole)).toBe('boundary');
    expect(placePoint(10, 10, withHole)).toBe('boundary');
    expect(placePoint(5, 0, withHole)).toBe('boundary');
    expect(pointInPolygon(10, 3, withHole)).toBe(true);
  });

  it('holds a point on an edge that differs in the last float digit (shared grid edges)', () => {
    const left: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [square(118.155, 39.655, 118.16, 39.66)],
    };
    const right: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [square(118.16000000000001, 39.655, 118.165, 39.66)],
    };
    expect(pointInPolygon(118.16, 39.657, left)).toBe(true);
    expect(pointInPolygon(118.16, 39.657, right)).toBe(true);
    // a tenth of a metre away is not on the edge any more
    expect(pointInPolygon(118.159999, 39.657, right)).toBe(false);
  });

  it('handles multipolygons: either island, not the sea between, not the island hole', () => {
    expect(pointInPolygon(0.5, 0.5, twoIslands)).toBe(true);
    expect(pointInPolygon(5.2, 5.2, twoIslands)).toBe(true);
    expect(pointInPolygon(3, 3, twoIslands)).toBe(false);
    expect(pointInPolygon(5.5, 5.5, twoIslands)).toBe(false);
    expect(placePoint(6, 5.5, twoIslands)).toBe('boundary');
  });

  it('handles a concave polygon and a ray passing through a vertex', () => {
    // a "U": the notch between the arms is outside
    const u: PolygonGeometry = {
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
    };
    expect(pointInPolygon(1.5, 2, u)).toBe(false);
    expect(pointInPolygon(0.5, 2, u)).toBe(true);
    expect(pointInPolygon(2.5, 2, u)).toBe(true);
    // y = 1 passes through the vertices (2,1) and (1,1)
    expect(pointInPolygon(0.5, 1, u)).toBe(true);
    expect(pointInPolygon(-0.5, 1, u)).toBe(false);
    // a diamond: the ray from (0, 0) passes exactly through the vertex (1, 0)
    const diamond: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
        ],
      ],
    };
    expect(placePoint(0, 0, diamond)).toBe('inside');
    expect(placePoint(-2, 0, diamond)).toBe('outside');
  });

  it('accepts unclosed rings and ignores altitude', () => {
    const open: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0, 12],
          [4, 0, 12],
          [4, 4, 12],
          [0, 4, 12],
        ],
      ],
    };
    expect(pointInPolygon(2, 2, open)).toBe(true);
    expect(placePoint(0, 2, open)).toBe('boundary');
  });
});
