/**
 * The exchange's file work behind the API: previews and exports by path, small uploads to a
 * temporary file, and the refusals of db/exchange turned into the API's UserError (one
 * sentence, both languages, where).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportFile, type ExportReport } from '../../db/exchange/export-file';
import { ExchangeRefusal } from '../../db/exchange/file-probe';
import type { ImportKind } from '../../db/exchange/import-report';
import { previewFile, type ImportPreview } from '../../db/exchange/preview';
import type { ApiContext } from '../context';
import { UserError } from '../errors';

async function asUserError<T>(work: () => Promise<T>): Promise<T> {
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

export function previewExchangeFile(input: {
  path: string;
  kind?: ImportKind | undefined;
  sheet?: string | null | undefined;
  mapping?: Record<string, string> | undefined;
}): Promise<ImportPreview> {
  return asUserError(() =>
    previewFile(input.path, {
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.sheet ? { sheet: input.sheet } : {}),
      ...(input.mapping ? { mapping: input.mapping } : {}),
    }),
  );
}

export function exportExchangeFile(
  context: ApiContext,
  input: {
    kind: 'cases' | 'grids';
    format: 'xlsx' | 'csv' | 'json' | 'open311';
    since?: number | null | undefined;
    out: string;
    unmasked: boolean;
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
  return asUserError(() =>
    exportFile(context.db, {
      kind: input.kind,
      format: input.format,
      since: input.since ?? null,
      out: input.out,
      unmasked: input.unmasked,
      now: context.now(),
      clock: context.now,
      actor: context.actor.name,
    }),
  );
}

export const UPLOAD_DIR = path.join(os.tmpdir(), 'griddesk-uploads');
/**
 * A dropped file (and the error file written beside it) is kept a week: long enough to fix
 * and re-import the error file after a weekend, short enough that city data holding personal
 * details does not pile up in the temp folder.
 */
export const UPLOAD_KEEP_MS = 7 * 24 * 3_600_000;

/** Removes upload folders last touched over a week ago; a folder that will not go is left for next time. */
export function sweepOldUploads(now: number): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(UPLOAD_DIR);
  } catch {
    return 0;
  }
  for (const name of names) {
    const dir = path.join(UPLOAD_DIR, name);
    try {
      if (now - fs.statSync(dir).mtimeMs <= UPLOAD_KEEP_MS) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      removed += 1;
    } catch {
      // In use or already gone: the next upload tries again.
    }
  }
  return removed;
}

/** Stores a dropped file under the system's temp folder; returns its path. */
export function storeUpload(fileName: string, contentBase64: string): { path: string } {
  sweepOldUploads(Date.now());
  const safeName =
    [...path.basename(fileName)]
      .map((c) => (c.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(c) ? '_' : c))
      .join('') || 'upload';
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) {
    throw new UserError(
      'empty_upload',
      { zh: `文件 ${safeName} 是空的。`, en: `The file ${safeName} is empty.` },
      'contentBase64',
    );
  }
  const dir = path.join(UPLOAD_DIR, randomUUID());
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, safeName);
  fs.writeFileSync(target, bytes);
  return { path: target };
}
