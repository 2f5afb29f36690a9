import { LATEST_SCHEMA_VERSION } from '../migrations';
import type { Db } from '../open';

export interface AppInfoRow {
  appVersion: string;
  schemaVersion: number;
  street: { code: string; name: string } | null;
  communities: number;
  grids: number;
  cases: number;
  units: number;
  staff: number;
}

export function readAppInfo(db: Db, appVersion: string): AppInfoRow {
  const street = db
    .prepare<[], { code: string; name: string }>(
      "SELECT code, name FROM places WHERE level = 'street' ORDER BY code LIMIT 1",
    )
    .get();
  const counts = db
    .prepare<
      [],
      { communities: number; grids: number; cases: number; units: number; staff: number }
    >(
      `SELECT
         (SELECT count(*) FROM places WHERE level = 'community') AS communities,
         (SELECT count(*) FROM places WHERE level = 'grid') AS grids,
         (SELECT count(*) FROM cases) AS cases,
         (SELECT count(*) FROM units) AS units,
         (SELECT count(*) FROM staff) AS staff`,
    )
    .get()!;
  return {
    appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    street: street ?? null,
    ...counts,
  };
}
