/**
 * Versioned index weights (index_weight_sets): the newest row is in force. Saving a new
 * version also mirrors it into settings ('index.weights', 'index.tiers', 'index.grades'),
 * which the rest of the app reads as plain settings.
 */
import {
  DEFAULT_GRADES,
  DEFAULT_TIERS,
  DEFAULT_WEIGHTS,
  type GradeThresholds,
  type IndexWeights,
  type TierThresholds,
  type WeightSet,
} from '../../core/ranking/weight-set';
import type { Db } from '../open';

interface WeightSetRow {
  id: number;
  weights: string;
  tiers: string;
  grades: string;
  created_at: number;
  created_by: string;
}

function fromRow(row: WeightSetRow): WeightSet {
  return {
    id: row.id,
    weights: { ...DEFAULT_WEIGHTS, ...(JSON.parse(row.weights) as Partial<IndexWeights>) },
    tiers: { ...DEFAULT_TIERS, ...(JSON.parse(row.tiers) as Partial<TierThresholds>) },
    grades: { ...DEFAULT_GRADES, ...(JSON.parse(row.grades) as Partial<GradeThresholds>) },
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** The version in force; a database without any gets version 1 with docs/design/DOMAIN.md's defaults. */
export function currentWeightSet(db: Db, now: number): WeightSet {
  const row = db
    .prepare<[], WeightSetRow>('SELECT * FROM index_weight_sets ORDER BY id DESC LIMIT 1')
    .get();
  if (row) return fromRow(row);
  return saveWeightSet(db, DEFAULT_WEIGHTS, DEFAULT_TIERS, DEFAULT_GRADES, 'system', now);
}

function weightSetById(db: Db, id: number): WeightSet | null {
  const row = db
    .prepare<[number], WeightSetRow>('SELECT * FROM index_weight_sets WHERE id = ?')
    .get(id);
  return row ? fromRow(row) : null;
}

export function listWeightSets(db: Db): WeightSet[] {
  return db
    .prepare<[], WeightSetRow>('SELECT * FROM index_weight_sets ORDER BY id DESC')
    .all()
    .map(fromRow);
}

export function saveWeightSet(
  db: Db,
  weights: IndexWeights,
  tiers: TierThresholds,
  grades: GradeThresholds,
  actor: string,
  now: number,
): WeightSet {
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO index_weight_sets (weights, tiers, grades, created_at, created_by)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(JSON.stringify(weights), JSON.stringify(tiers), JSON.stringify(grades), now, actor)
        .lastInsertRowid,
    );
    const upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    );
    upsert.run('index.weights', JSON.stringify(weights), now, actor);
    upsert.run('index.tiers', JSON.stringify(tiers), now, actor);
    upsert.run('index.grades', JSON.stringify(grades), now, actor);
    db.prepare(
      `INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, 'index.weights.save', ?)`,
    ).run(now, actor, JSON.stringify({ weightSetId: id, weights, tiers, grades }));
    return weightSetById(db, id)!;
  })();
}
