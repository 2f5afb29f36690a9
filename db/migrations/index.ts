/**
 * The ordered list of migrations. A database's `PRAGMA user_version` is the number of the
 * last one applied; a database with a higher number was made by a newer GridDesk.
 */
import { sql as domain } from './001-domain.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'domain', sql: domain }];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
