import type { Command } from 'commander';
import { APP_VERSION } from '../../api/version';
import { readAppInfo, readPartyCounts } from '../../db/queries/app-info';
import { openCliDatabase } from '../database';

export function registerInfoCommand(program: Command): void {
  program
    .command('info')
    .description('show what a database holds (street, communities, grids, cases)')
    .option('--db <file>', "database file (default: the app's own database; created if missing)")
    .option('--json', 'print one JSON object')
    .action((options: { db?: string; json?: boolean }) => {
      const opened = openCliDatabase(options.db);
      try {
        const info = readAppInfo(opened.db, APP_VERSION);
        const party = readPartyCounts(opened.db);
        const result = {
          file: opened.file,
          street: info.street,
          communities: info.communities,
          grids: info.grids,
          cases: info.cases,
          units: info.units,
          staff: info.staff,
          ...party,
          schemaVersion: info.schemaVersion,
          appVersion: info.appVersion,
        };
        if (options.json) {
          console.log(JSON.stringify(result));
          return;
        }
        console.log(`Database:     ${result.file}`);
        console.log(
          `Street:       ${info.street ? `${info.street.name} (${info.street.code})` : '(none)'}`,
        );
        console.log(`Communities:  ${info.communities}`);
        console.log(`Grids:        ${info.grids}`);
        console.log(`Cases:        ${info.cases}`);
        console.log(`Units:        ${info.units}`);
        console.log(`Staff:        ${info.staff}`);
        console.log(
          `党建引领:     ${party.party_units} units, ${party.members} members, ${party.projects} projects, ${party.wishes} wishes, ${party.activities} volunteer activities`,
        );
        console.log(`Schema:       v${info.schemaVersion} (GridDesk ${info.appVersion})`);
      } finally {
        opened.db.close();
      }
    });
}
