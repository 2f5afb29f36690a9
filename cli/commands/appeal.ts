/**
 * `griddesk appeal list|file|decide`: appeals (申诉) on how a case counts in a month's
 * bulletin, from the command line (the same api/ranking/appeal-desk.ts rules as the app).
 * The command line acts as the system; `--by` records whose step it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  APPEAL_REASON_KINDS,
  APPEAL_REASON_ZH,
  type AppealReasonKind,
} from '../../core/ranking/appeals';
import { formatDateTime } from '../../core/time';
import type { AppealView } from '../../api/contract';
import { openCliDatabase } from '../database';
import { callApi } from '../in-process-api';
import { CliError } from '../output';

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
};

const STATUS_ZH = { pending: '待决定', approved: '已批准', rejected: '已驳回' } as const;

function attachmentOf(file: string) {
  const mimeType = MIME[path.extname(file).toLowerCase()];
  if (!mimeType)
    throw new CliError(`${file}: only photos (jpg, png, webp, gif) or PDF can be attached.`, 2);
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    throw new CliError(`${file}: the file cannot be read.`, 1);
  }
  return { fileName: path.basename(file), mimeType, contentBase64: content.toString('base64') };
}

function line(a: AppealView): string {
  const target = a.targetUnitName ? ` → ${a.targetUnitName}` : '';
  const decision = a.decidedAt
    ? `\t${a.decidedBy} ${formatDateTime(a.decidedAt)}: ${a.decisionNote}`
    : '';
  return `#${a.id}\t${a.period}\t${a.caseNo}\t${a.unitName}${target}\t${APPEAL_REASON_ZH[a.reasonKind]}\t${STATUS_ZH[a.status]}\t${a.reason}${decision}`;
}

export function registerAppealCommand(program: Command): void {
  const appeal = program.command('appeal').description('appeals before a monthly bulletin (申诉)');
  appeal
    .command('list')
    .description("a month's appeals with their decisions and its appeal window")
    .requiredOption('--month <YYYY-MM>', 'the month')
    .option('--unit <code>', 'only this unit’s appeals')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--json', 'print JSON')
    .action(async (options: { month: string; unit?: string; db?: string; json?: boolean }) => {
      const opened = openCliDatabase(options.db);
      try {
        const list = await callApi(opened.db, 'appeals.list', {
          period: options.month,
          ...(options.unit ? { unitCode: options.unit } : {}),
        });
        if (options.json) {
          console.log(JSON.stringify(list));
          return;
        }
        const window = list.window
          ? `appeal window ${formatDateTime(list.window.opensAt)} – ${formatDateTime(list.window.closesAt)} (${list.window.open ? 'open' : 'closed'})`
          : 'no draft yet: appeals are not open';
        console.log(`${list.period}: ${window}${list.published ? '; published' : ''}`);
        for (const a of list.appeals) console.log(line(a));
        if (list.appeals.length === 0) console.log('No appeals.');
      } finally {
        opened.db.close();
      }
    });
  appeal
    .command('file')
    .description('file an appeal on how one case counts for a unit in a month')
    .requiredOption('--month <YYYY-MM>', 'the month of the draft bulletin')
    .requiredOption('--case <caseNo>', 'the case number')
    .requiredOption('--unit <code>', 'the appealing unit (community or department code)')
    .requiredOption('--kind <kind>', `reason kind: ${APPEAL_REASON_KINDS.join(', ')}`)
    .requiredOption('--reason <text>', 'the reason')
    .option('--to <code>', 'the responsible unit (for not_responsible)')
    .option('--attach <file...>', 'photos or PDF sent with it')
    .option('--by <name>', 'who filed it (recorded on the appeal)')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--json', 'print the appeal as JSON')
    .action(
      async (options: {
        month: string;
        case: string;
        unit: string;
        kind: string;
        reason: string;
        to?: string;
        attach?: string[];
        by?: string;
        db?: string;
        json?: boolean;
      }) => {
        if (!(APPEAL_REASON_KINDS as readonly string[]).includes(options.kind)) {
          throw new CliError(
            `--kind ${options.kind}: expected one of ${APPEAL_REASON_KINDS.join(', ')}.`,
            2,
          );
        }
        const attachments = (options.attach ?? []).map(attachmentOf);
        const opened = openCliDatabase(options.db);
        try {
          const filed = await callApi(
            opened.db,
            'appeals.file',
            {
              period: options.month,
              caseNo: options.case,
              unitCode: options.unit,
              reasonKind: options.kind as AppealReasonKind,
              reason: options.reason,
              ...(options.to ? { targetUnitCode: options.to } : {}),
              attachments,
            },
            options.by,
          );
          console.log(
            options.json ? JSON.stringify(filed) : `Filed appeal #${filed.id}: ${line(filed)}`,
          );
        } finally {
          opened.db.close();
        }
      },
    );
  appeal
    .command('decide <id>')
    .description('approve or reject an appeal, with a note (final)')
    .option('--approve', 'approve: the case leaves the unit’s figures for the month (or moves)')
    .option('--reject', 'reject: the figures stay as they are')
    .requiredOption('--note <text>', 'the decision’s note')
    .option('--by <name>', 'who decided (recorded on the decision)')
    .option('--db <file>', "database file (default: the app's own database)")
    .option('--json', 'print the appeal as JSON')
    .action(
      async (
        id: string,
        options: {
          approve?: boolean;
          reject?: boolean;
          note: string;
          by?: string;
          db?: string;
          json?: boolean;
        },
      ) => {
        if (Boolean(options.approve) === Boolean(options.reject)) {
          throw new CliError('Give exactly one of --approve or --reject.', 2);
        }
        const appealId = Number(id);
        if (!Number.isInteger(appealId) || appealId <= 0) {
          throw new CliError(`${id}: an appeal number is a positive whole number.`, 2);
        }
        const opened = openCliDatabase(options.db);
        try {
          const decided = await callApi(
            opened.db,
            'appeals.decide',
            { appealId, decision: options.approve ? 'approved' : 'rejected', note: options.note },
            options.by,
          );
          console.log(options.json ? JSON.stringify(decided) : `Decided: ${line(decided)}`);
        } finally {
          opened.db.close();
        }
      },
    );
}
