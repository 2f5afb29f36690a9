/**
 * `griddesk categories`: the active version of the category standard (立结案标准), each minor
 * with its 立案条件 and limits; `--json` in exactly the shape docs/design/CITY-EXCHANGE.md
 * gives.
 */
import type { Command } from 'commander';
import { formatLimit } from '../../core/limits/limit';
import { activeCategoryVersion, readStandardMinors } from '../../db/queries/category-standards';
import { openCliDatabase } from '../database';
import { prefersChinese } from '../output';

export function registerCategoriesCommand(program: Command): void {
  program
    .command('categories')
    .description(
      'list the active category standard: each minor category with its 立案条件 and limits',
    )
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--json', 'print one JSON array, one object per minor category')
    .action((options: { db?: string; json?: boolean }) => {
      const opened = openCliDatabase(options.db);
      try {
        const minors = readStandardMinors(opened.db);
        if (options.json) {
          console.log(JSON.stringify(minors));
          return;
        }
        const locale = prefersChinese() ? 'zh' : 'en';
        console.log(`Category standard, version ${activeCategoryVersion(opened.db) ?? '(none)'}:`);
        for (const m of minors) {
          console.log(
            `${m.kind} ${m.major_code}${m.minor_code} ${m.major_name} / ${m.minor_name} (${m.unit ?? '—'})`,
          );
          for (const s of m.standards)
            console.log(
              `    ${s.condition || '—'}: ${formatLimit(s.limit, locale)}${s.note ? ` (${s.note})` : ''}`,
            );
        }
      } finally {
        opened.db.close();
      }
    });
}
