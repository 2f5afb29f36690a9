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

/** The party-building registers' sizes (issue 14), as `griddesk info --json` names them. */
export interface PartyCounts {
  party_units: number;
  members: number;
  needs: number;
  resources: number;
  projects: number;
  wishes: number;
  volunteer_teams: number;
  activities: number;
}

export function readPartyCounts(db: Db): PartyCounts {
  return db
    .prepare<[], PartyCounts>(
      `SELECT
         (SELECT count(*) FROM party_units) AS party_units,
         (SELECT count(*) FROM party_members) AS members,
         (SELECT count(*) FROM party_needs) AS needs,
         (SELECT count(*) FROM party_resources) AS resources,
         (SELECT count(*) FROM party_projects) AS projects,
         (SELECT count(*) FROM wishes) AS wishes,
         (SELECT count(*) FROM volunteer_teams) AS volunteer_teams,
         (SELECT count(*) FROM volunteer_activities) AS activities`,
    )
    .get()!;
}
