/**
 * A register's files from its screen (issue 14): the blank form to fill in (模板), the
 * register itself (phones and volunteers' names in full for administrators only, as for
 * case exports), and a filled file imported from an uploaded or named file under the same
 * rules as the command line (all rows checked first, one transaction).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportedFile, FileRegister } from '../contract';
import type { ApiContext } from '../context';
import {
  asUserError,
  discardUpload,
  importPathFor,
  mayExportUnmasked,
} from '../exchange/exchange-files';
import { exportMembers } from '../../db/exchange/member-export';
import { importMembersFile, type MemberImportReport } from '../../db/exchange/member-import';
import { exportRegister } from '../../db/exchange/register-export';
import { importRegisterFile as importRegisterRows } from '../../db/exchange/register-import';
import type { RegisterImportReport } from '../../db/exchange/register-import';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

export async function registerFile(
  context: ApiContext,
  input: { register: FileRegister; template: boolean; format: 'xlsx' | 'csv' },
): Promise<ExportedFile> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-register-'));
  try {
    const how = {
      format: input.format,
      template: input.template,
      unmasked: mayExportUnmasked(context),
      now: context.now(),
    };
    const written = await asUserError(() =>
      input.register === 'members'
        ? exportMembers(context.db, dir, how)
        : exportRegister(context.db, input.register, dir, how),
    );
    const bytes = fs.readFileSync(written.file);
    return {
      fileName: path.basename(written.file),
      mimeType: MIME[input.format],
      base64: bytes.toString('base64'),
      bytes: bytes.length,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function importRegisterFile(
  context: ApiContext,
  input: { register: FileRegister; path: string; skipInvalid: boolean },
): Promise<MemberImportReport | RegisterImportReport> {
  const file = importPathFor(context, input.path);
  const how = { skipInvalid: input.skipInvalid, now: context.now(), actor: context.actor.name };
  const report = await asUserError<MemberImportReport | RegisterImportReport>(() =>
    input.register === 'members'
      ? importMembersFile(context.db, file, how)
      : importRegisterRows(context.db, input.register, file, how),
  );
  if (report.written) {
    context.live.publish({ type: 'data.changed', at: context.now() });
    // An uploaded copy is the desk's to remove once written (a refused one stays, so the valid
    // rows can still be asked for); a file named by its path is the admin's own.
    discardUpload(context, file);
  }
  return report;
}
