/**
 * The exchange's file work behind the API: previews and exports by path (checked by
 * path-rules first: no system folders, regular files only, symlinks resolved), small uploads
 * to a private file in the app's own temp folder, and the refusals of db/exchange turned into
 * the API's UserError (one sentence, both languages, where).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportFile, type ExportReport } from '../../db/exchange/export-file';
import { ExchangeRefusal } from '../../db/exchange/file-probe';
import type { ImportKind } from '../../db/exchange/import-report';
import { previewFile, type ImportPreview } from '../../db/exchange/preview';
import {
  diskFullRefusal,
  isDiskFullError,
  sweepTempFolders,
  uploadsFolder,
} from '../../db/temp-folders';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { checkReadPath, checkWritePath } from './path-rules';

/** An exchange refusal (a file the desk will not read or write) as the API's sentence. */
export async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ExchangeRefusal)
      throw new UserError(error.code, error.sentence, error.where);
    throw error;
  }
}

/** Administrators (and the command line) may export reporters and phones in full. */
export function mayExportUnmasked(context: ApiContext): boolean {
  return context.actor.role === 'admin' || context.actor.role === 'system';
}

export function previewExchangeFile(
  context: ApiContext,
  input: {
    path: string;
    kind?: ImportKind | undefined;
    sheet?: string | null | undefined;
    mapping?: Record<string, string> | undefined;
  },
): Promise<ImportPreview> {
  return asUserError(() =>
    previewFile(checkReadPath(context, input.path, { field: 'path', folders: true }), {
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.sheet ? { sheet: input.sheet } : {}),
      ...(input.mapping ? { mapping: input.mapping } : {}),
    }),
  );
}

/** The path an import reads, checked (path-rules) and resolved: what the job is handed. */
export function importPathFor(context: ApiContext, input: string): string {
  return checkReadPath(context, input, { field: 'path', folders: true });
}

export function exportExchangeFile(
  context: ApiContext,
  input: {
    kind: 'cases' | 'grids';
    format: 'xlsx' | 'csv' | 'json' | 'open311';
    since?: number | null | undefined;
    out: string;
    unmasked: boolean;
    writeEmpty?: boolean | undefined;
    confirmForeignFolder?: boolean | undefined;
  },
): Promise<ExportReport> {
  if (input.unmasked && !mayExportUnmasked(context)) {
    throw new UserError(
      'unmasked_forbidden',
      {
        zh: '只有管理员可以导出完整的上报人和联系电话；其他用户导出的个人信息均已隐去部分。',
        en: 'Only an administrator can export reporters and phone numbers in full; other exports mask them.',
      },
      'unmasked',
    );
  }
  const out = checkWritePath(context, input.out, { field: 'out' });
  return asUserError(() =>
    exportFile(context.db, {
      kind: input.kind,
      format: input.format,
      since: input.since ?? null,
      out,
      unmasked: input.unmasked,
      now: context.now(),
      clock: context.now,
      actor: context.actor.name,
      writeEmpty: input.writeEmpty ?? false,
      confirmForeignFolder: input.confirmForeignFolder ?? false,
    }),
  );
}

/** The folder uploads go to for this database: `<db folder>/griddesk-temp/uploads` (0700). */
function uploadDirFor(context: ApiContext): string {
  return uploadsFolder(context.db.name);
}

/** Removes uploads (and run folders) past their time; returns how many went. */
function sweepOldUploads(context: ApiContext, now: number): number {
  return sweepTempFolders(context.db.name, now).removed.length;
}

/** Whether `file` is an upload of this database (under its uploads folder). */
function isUpload(context: ApiContext, file: string): boolean {
  try {
    const dir = fs.realpathSync(uploadDirFor(context));
    return fs.realpathSync(path.resolve(file)).startsWith(dir + path.sep);
  } catch {
    return false;
  }
}

/** Deletes an uploaded file once the import that used it has ended (never throws). */
export function discardUpload(context: ApiContext, file: string): void {
  if (!isUpload(context, file)) return;
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // In use (Windows): the sweep removes it later.
  }
}

/**
 * A new, empty place for one uploaded file: `uploads/<seat>-<uuid>/<safe name>` (0700
 * folder), where <seat> ties it to the remote seat that sent it (path-rules lets a seat read
 * only its own uploads). The caller writes the file (0600, 'wx').
 */
export function newUploadTarget(context: ApiContext, fileName: string): string {
  // File ages are wall-clock (mtimes), whatever the desk's clock says.
  sweepOldUploads(context, Date.now());
  const safeName =
    [...path.basename(fileName)]
      .map((c) => (c.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(c) ? '_' : c))
      .join('') || 'upload';
  const owner = context.remoteSeat ? `${context.remoteSeat.uploadsKey}-` : '';
  const dir = path.join(uploadDirFor(context), `${owner}${randomUUID()}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  return path.join(dir, safeName);
}

/** Removes an upload's folder after a failed write (never throws). */
export function discardUploadFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Stores a dropped file (0600, in a 0700 folder of the app's own temp folder); returns its path. */
export function storeUpload(
  context: ApiContext,
  fileName: string,
  contentBase64: string,
): { path: string } {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) {
    const safeName = path.basename(fileName);
    throw new UserError(
      'empty_upload',
      { zh: `文件 ${safeName} 是空的。`, en: `The file ${safeName} is empty.` },
      'contentBase64',
    );
  }
  let target: string;
  try {
    target = newUploadTarget(context, fileName);
  } catch (error) {
    if (isDiskFullError(error)) {
      const refusal = diskFullRefusal(uploadDirFor(context));
      throw new UserError(refusal.code, refusal.sentence, 'contentBase64');
    }
    throw error;
  }
  const dir = path.dirname(target);
  try {
    fs.writeFileSync(target, bytes, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    discardUploadFolder(dir);
    if (isDiskFullError(error)) {
      const refusal = diskFullRefusal(path.dirname(dir));
      throw new UserError(refusal.code, refusal.sentence, 'contentBase64');
    }
    throw error;
  }
  return { path: target };
}
