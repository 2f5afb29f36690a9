/**
 * A register's files from its screen (issue 14; members so far): the blank roster to fill
 * in (模板), the roster itself (phones in full for administrators only, as for case exports),
 * and a filled roster imported from an uploaded or named file under the same rules as the
 * command line (db/exchange/member-import.ts: all rows checked first, one transaction).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportedFile } from '../contract';
import type { ApiContext } from '../context';
import {
  asUserError,
  discardUpload,
  importPathFor,
  mayExportUnmasked,
} from '../exchange/exchange-files';
import { exportMembers } from '../../db/exchange/member-export';
import { importMembersFile, type MemberImportReport } from '../../db/exchange/member-import';

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

export async function registerFile(
  context: ApiContext,
  input: { register: 'members'; template: boolean; format: 'xlsx' | 'csv' },
): Promise<ExportedFile> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-register-'));
  try {
    const written = await asUserError(() =>
      exportMembers(context.db, dir, {
        format: input.format,
        template: input.template,
        unmasked: mayExportUnmasked(context),
        now: context.now(),
      }),
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
  input: { register: 'members'; path: string; skipInvalid: boolean },
): Promise<MemberImportReport> {
  const file = importPathFor(context, input.path);
  const report = await asUserError(() =>
    importMembersFile(context.db, file, {
      skipInvalid: input.skipInvalid,
      now: context.now(),
      actor: context.actor.name,
    }),
  );
  if (report.written) {
    context.live.publish({ type: 'data.changed', at: context.now() });
    // An uploaded copy is the desk's to remove once written (a refused one stays, so the valid
    // rows can still be asked for); a file named by its path is the admin's own.
    discardUpload(context, file);
  }
  return report;
}
