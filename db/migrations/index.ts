/**
 * The ordered list of migrations. A database's `PRAGMA user_version` is the number of the
 * last one applied; a database with a higher number was made by a newer GridDesk.
 */
import { sql as domain } from './001-domain.sql';
import { sql as caseBoard } from './002-case-board.sql';
import { sql as exchange } from './003-exchange.sql';
import { sql as indices } from './004-indices.sql';
import { sql as tamperEvidence } from './005-tamper-evidence.sql';
import { sql as categoryStandard } from './006-category-standard.sql';
import { sql as appealsAndStages } from './007-appeals-and-stages.sql';
import { sql as seats } from './008-seats.sql';
import { sql as partyRegisters } from './009-party-registers.sql';
import { sql as partyRegisterHistory } from './010-party-register-history.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'domain', sql: domain },
  { version: 2, name: 'case-board', sql: caseBoard },
  { version: 3, name: 'exchange', sql: exchange },
  { version: 4, name: 'indices', sql: indices },
  { version: 5, name: 'tamper-evidence', sql: tamperEvidence },
  { version: 6, name: 'category-standard', sql: categoryStandard },
  { version: 7, name: 'appeals-and-stages', sql: appealsAndStages },
  { version: 8, name: 'seats', sql: seats },
  { version: 9, name: 'party-registers', sql: partyRegisters },
  { version: 10, name: 'party-register-history', sql: partyRegisterHistory },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
