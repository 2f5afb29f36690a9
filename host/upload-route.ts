/**
 * `PUT /api/upload?name=FILE`: a file streamed into this seat's own upload folder, to be
 * imported or previewed by the path it answers with. Seats on other machines send files
 * this way (no 700 KB limit of exchange.upload's JSON body): the body goes to disk as it
 * arrives, never whole in memory, up to the import's own cap.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ApiContext } from '../api/context';
import { toErrorPayload, UserError, type ErrorLogger } from '../api/errors';
import { assertAccess } from '../api/access';
import { newUploadTarget, discardUploadFolder } from '../api/exchange/exchange-files';
import { diskFullRefusal, isDiskFullError } from '../db/temp-folders';
import { sendJson } from './api-routes';

/** Bigger than any exchange file the desk reads (a million-row CSV is 325 MB). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export async function handleUpload(
  context: ApiContext,
  fileName: string | null,
  request: IncomingMessage,
  response: ServerResponse,
  log: ErrorLogger,
): Promise<void> {
  let folder: string | null = null;
  try {
    assertAccess(context, 'exchange.upload');
    if (!fileName || fileName.length > 200)
      throw new UserError('upload_name', {
        zh: '上传时缺少文件名（?name=…，最多 200 个字符）。',
        en: 'The upload has no file name (?name=…, up to 200 characters).',
      });
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) throw tooLarge(fileName);
    const target = newUploadTarget(context, fileName);
    folder = path.dirname(target);
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) request.destroy(tooLarge(fileName));
    });
    await pipeline(request, fs.createWriteStream(target, { mode: 0o600, flags: 'wx' }));
    if (size === 0)
      throw new UserError('empty_upload', {
        zh: `文件 ${path.basename(target)} 是空的。`,
        en: `The file ${path.basename(target)} is empty.`,
      });
    sendJson(response, 200, { ok: true, result: { path: target, bytes: size } });
  } catch (error) {
    if (folder) discardUploadFolder(folder);
    const refusal = isDiskFullError(error) && folder ? diskFullRefusal(path.dirname(folder)) : null;
    const payload = refusal
      ? new UserError(refusal.code, refusal.sentence).toPayload()
      : toErrorPayload(error, log);
    if (!response.headersSent)
      sendJson(response, error instanceof UserError || refusal ? 400 : 500, {
        ok: false,
        error: payload,
      });
  }
}

function tooLarge(fileName: string): UserError {
  return new UserError('upload_too_large', {
    zh: `文件 ${fileName} 超过 4 GB，不能上传。`,
    en: `The file ${fileName} is over 4 GB and cannot be uploaded.`,
  });
}
