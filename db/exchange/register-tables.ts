/**
 * Where each register file's rows are written (issue 14): the table, its time stamps, and
 * the columns a row without a code is known by, so the same file imported twice finds its
 * own rows instead of adding them again (a unit by its name; a need by title, place and day;
 * a volunteer by team, name and phone…).
 */
import type { ExchangeRegister } from '../../core/party/register-exchange';
import type { SqlValue } from '../../core/party/register-rows';
import type { Db } from '../open';

export interface RegisterTable {
  name: string;
  stamps: readonly ('created_at' | 'updated_at')[];
  natural: readonly string[];
  /** After a row is written: what the desk keeps beside the file's columns. */
  afterWrite?: (db: Db, id: number, options: { now: number; actor: string }) => void;
}

const BOTH = ['created_at', 'updated_at'] as const;
const CREATED = ['created_at'] as const;

export const REGISTER_TABLES: Record<ExchangeRegister, RegisterTable> = {
  units: { name: 'party_units', stamps: BOTH, natural: ['name'] },
  records: {
    name: 'service_records',
    stamps: CREATED,
    natural: ['member_id', 'unit_id', 'served_on', 'activity', 'hours', 'place_code'],
  },
  needs: { name: 'party_needs', stamps: BOTH, natural: ['title', 'place_code', 'raised_on'] },
  resources: {
    name: 'party_resources',
    stamps: BOTH,
    natural: ['title', 'unit_id', 'member_id', 'offered_by_name'],
  },
  projects: {
    name: 'party_projects',
    stamps: BOTH,
    natural: ['title', 'community_code', 'planned_start'],
    // A project the file says is under way or over was approved where it was decided: the
    // import records that, so the desk does not ask a leader to approve it again.
    afterWrite: (db, id, options) =>
      db
        .prepare(
          `UPDATE party_projects SET approved_by = ?, approved_at = ?
            WHERE id = ? AND approved_at IS NULL AND status <> 'planned'`,
        )
        .run(`${options.actor}（导入）`, options.now, id),
  },
  volunteers: { name: 'volunteers', stamps: CREATED, natural: ['team_id', 'name', 'phone'] },
  activities: {
    name: 'volunteer_activities',
    stamps: CREATED,
    natural: ['team_id', 'held_on', 'theme'],
  },
};

/** The key a row is known by without its code. */
export function naturalKey(table: RegisterTable, values: Record<string, unknown>): string {
  return table.natural.map((c) => String((values[c] as SqlValue | undefined) ?? '')).join('\u0000');
}
