/**
 * `griddesk ranking --month YYYY-MM | --week YYYY-Www [--level community|grid|unit] [--json]`:
 * the ranking as the app computes it. With --json, one object per unit, ranked first then
 * unranked; rates are fractions 0–1, the score 0–100 unrounded.
 */
import type { Command } from 'commander';
import type { RankingRow } from '../../api/contract';
import { openCliDatabase } from '../database';
import { callApi } from '../in-process-api';
import { CliError } from '../output';

const LEVELS = ['community', 'grid', 'unit'] as const;
type Level = (typeof LEVELS)[number];

function rankingJson(row: RankingRow) {
  return {
    unit_code: row.unitCode,
    unit_name: row.unitName,
    due: row.counts.due,
    closed: row.counts.closed,
    on_time: row.counts.onTime,
    rework: row.counts.rework,
    extended: row.counts.extended,
    closure_rate: row.rates.closureRate,
    on_time_rate: row.rates.onTimeRate,
    rework_rate: row.rates.reworkRate,
    satisfaction_rate: row.rates.satisfactionRate,
    score: row.score,
    tier: row.tier,
    grade: row.grade,
    rank: row.rank,
  };
}

function periodOption(options: { month?: string; week?: string }): string {
  if ((options.month === undefined) === (options.week === undefined)) {
    throw new CliError('Give exactly one of --month YYYY-MM or --week YYYY-Www.', 2);
  }
  return (options.month ?? options.week)!;
}

export function levelOption(value: string): Level {
  if (!(LEVELS as readonly string[]).includes(value)) {
    throw new CliError(`--level must be one of ${LEVELS.join(', ')}, not "${value}".`, 2);
  }
  return value as Level;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function registerRankingCommand(program: Command): void {
  program
    .command('ranking')
    .description('rank communities, grids or units for a month or ISO week (月度排名 / 周排名)')
    .option('--month <YYYY-MM>', 'the month to rank')
    .option('--week <YYYY-Www>', 'the ISO week to rank')
    .option('--level <level>', 'community, grid or unit (lead unit)', 'community')
    .option('--db <file>', "database file (default: the app's own database; created if missing)")
    .option('--json', 'print a JSON array, one object per unit')
    .action(
      async (options: {
        month?: string;
        week?: string;
        level: string;
        db?: string;
        json?: boolean;
      }) => {
        const period = periodOption(options);
        const level = levelOption(options.level);
        const opened = openCliDatabase(options.db);
        try {
          const result = await callApi(opened.db, 'ranking.compute', {
            period,
            level,
            checksum: true,
          });
          if (options.json) {
            console.log(JSON.stringify(result.rows.map(rankingJson)));
            return;
          }
          console.log(
            `${period} ${level} ranking (weights v${result.weightSet.id}, inputs ${(result.inputsSha256 ?? '').slice(0, 12)})`,
          );
          console.log(
            [
              'rank',
              'tier',
              'grade',
              'score',
              'due',
              'closed',
              'on time',
              'on-time rate',
              'unit',
            ].join('\t'),
          );
          for (const row of result.rows) {
            console.log(
              [
                row.rank ?? '-',
                row.tier ?? '-',
                row.grade ?? '-',
                row.score === null ? '-' : row.score.toFixed(2),
                row.counts.due,
                row.counts.closed,
                row.counts.onTime,
                percent(row.rates.onTimeRate),
                `${row.unitName} (${row.unitCode})`,
              ].join('\t'),
            );
          }
        } finally {
          opened.db.close();
        }
      },
    );
}
