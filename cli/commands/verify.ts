/**
 * `griddesk verify [--db F] [--json]`: checks that the records were not changed around the
 * database's triggers (issue 10): every case's history chain (each event's hash includes the
 * one before it), every published bulletin's checksum, and that the guarding triggers are
 * all in place. Prints what it checked and what it found; exit 0 when everything matches,
 * 1 when anything does not (each broken case by number and event id, each bulletin by
 * period, level and version).
 */
import type { Command } from 'commander';
import { bulletinChecksums } from '../../db/queries/bulletins';
import { CliError, say } from '../output';
import {
  missingIntegritySchema,
  missingGuardTriggers,
  verifyHistoryChain,
  type ChainBreak,
  type ChainProblem,
} from '../../db/queries/history-chain';
import { openCliDatabase } from '../database';

const LEVEL_ZH = { community: '社区', grid: '网格', unit: '责任单位' } as const;

const PROBLEM: Record<ChainProblem, { zh: string; en: string }> = {
  changed: {
    zh: '记录与校验链不符，写入后被改动过',
    en: 'does not match its link in the chain: changed after it was written',
  },
  unlinked: {
    zh: '没有校验链记录，是绕过触发器写入的',
    en: 'has no link in the chain: written around the triggers',
  },
  missing_event: {
    zh: '校验链中有此事件，但事件已被删除',
    en: 'is in the chain but the event itself is gone: deleted',
  },
};

const n = (value: number) => value.toLocaleString('en-US');

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      'check the case history chain and every bulletin’s checksum (nothing changed behind the app’s back)',
    )
    .option('--db <file>', "database file (default: the app's own database; created if missing)")
    .option('--json', 'print one JSON object')
    .action((options: { db?: string; json?: boolean }) => {
      const opened = openCliDatabase(options.db);
      try {
        const gone = missingIntegritySchema(opened.db);
        if (gone.length > 0)
          throw new CliError(
            say({
              zh: `数据库 ${opened.file} 中用于核对的结构已被删除（${gone.join('、')}），无法核对流转记录与通报。`,
              en: `What the check needs has been removed from ${opened.file} (${gone.join(', ')}); the history and the bulletins cannot be checked.`,
            }),
          );
        const chain = verifyHistoryChain(opened.db);
        const bulletins = bulletinChecksums(opened.db);
        const mismatched = bulletins.filter((b) => !b.checksumOk);
        const missingTriggers = missingGuardTriggers(opened.db);
        const ok =
          chain.brokenCases === 0 && mismatched.length === 0 && missingTriggers.length === 0;
        if (options.json) {
          console.log(
            JSON.stringify({
              file: opened.file,
              ok,
              history: {
                cases: chain.cases,
                events: chain.events,
                brokenCases: chain.brokenCases,
                totalBreaks: chain.totalBreaks,
                breaks: chain.breaks,
              },
              bulletins: {
                checked: bulletins.length,
                mismatched: mismatched.map(({ id, period, level, version }) => ({
                  id,
                  period,
                  level,
                  version,
                })),
              },
              missingTriggers,
            }),
          );
        } else {
          printReport(chain, bulletins.length, mismatched, missingTriggers);
        }
        if (!ok) process.exitCode = 1;
      } finally {
        opened.db.close();
      }
    });
}

function printReport(
  chain: ReturnType<typeof verifyHistoryChain>,
  bulletinCount: number,
  mismatched: ReturnType<typeof bulletinChecksums>,
  missingTriggers: readonly string[],
): void {
  const history =
    chain.brokenCases === 0
      ? say({
          zh: `案卷流转记录 ${n(chain.cases)} 件 ${n(chain.events)} 条，链完整`,
          en: `Case history: ${n(chain.cases)} cases, ${n(chain.events)} events, the chain is intact`,
        })
      : say({
          zh: `案卷流转记录 ${n(chain.cases)} 件 ${n(chain.events)} 条，其中 ${n(chain.brokenCases)} 件的链不完整`,
          en: `Case history: ${n(chain.cases)} cases, ${n(chain.events)} events; the chain is broken in ${n(chain.brokenCases)} case(s)`,
        });
  const bulletinLine =
    mismatched.length === 0
      ? say({
          zh: `通报 ${n(bulletinCount)} 份，校验一致`,
          en: `bulletins: ${n(bulletinCount)}, every checksum matches`,
        })
      : say({
          zh: `通报 ${n(bulletinCount)} 份，其中 ${n(mismatched.length)} 份与其校验值不符`,
          en: `bulletins: ${n(bulletinCount)}, ${n(mismatched.length)} no longer match their checksum`,
        });
  console.log(say({ zh: `${history}；${bulletinLine}。`, en: `${history}; ${bulletinLine}.` }));
  for (const b of chain.breaks) console.log(`  ${breakLine(b)}`);
  const more = chain.totalBreaks - chain.breaks.length;
  if (more > 0) console.log(say({ zh: `  ……另有 ${n(more)} 处`, en: `  … and ${n(more)} more` }));
  for (const b of mismatched)
    console.log(
      `  ${say({
        zh: `通报 ${b.period}（${LEVEL_ZH[b.level]}）第 ${b.version} 版：此通报与其校验值不符，发布后被改动过`,
        en: `bulletin ${b.period} (${b.level}) version ${b.version}: no longer matches its checksum, changed after it was published`,
      })}`,
    );
  if (missingTriggers.length > 0)
    console.log(
      say({
        zh: `保护记录的触发器缺失（记录可能被绕过改动）：${missingTriggers.join('、')}`,
        en: `Triggers that guard the records are missing (records may have been changed around them): ${missingTriggers.join(', ')}`,
      }),
    );
}

function breakLine(b: ChainBreak): string {
  const problem = say(PROBLEM[b.problem]);
  return b.caseNo
    ? say({
        zh: `案卷 ${b.caseNo}（编号 ${b.caseId}）事件 ${b.eventId}：${problem}`,
        en: `case ${b.caseNo} (id ${b.caseId}) event ${b.eventId}: ${problem}`,
      })
    : say({
        zh: `案卷编号 ${b.caseId}（案卷已不存在）事件 ${b.eventId}：${problem}`,
        en: `case id ${b.caseId} (the case is gone) event ${b.eventId}: ${problem}`,
      });
}
