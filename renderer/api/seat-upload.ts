/**
 * A file sent to the centre's host by a seat (issue 13): `PUT /api/upload?name=` streams the
 * file as it is (no base64, no 700 KB cap of exchange.upload's JSON body; the host writes it
 * to disk as it arrives, up to 4 GB). XMLHttpRequest rather than fetch, because only it
 * reports how much has gone up, and a 300 MB export on a busy LAN takes a while.
 */
import type { ApiErrorPayload } from '../../api/contract';
import { ApiError } from './api-error';

export interface UploadedFile {
  path: string;
  bytes: number;
}

export function streamUpload(
  file: File,
  headers: Record<string, string>,
  onProgress: (sent: number, total: number) => void,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `/api/upload?name=${encodeURIComponent(file.name)}`);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    request.onerror = () =>
      reject(
        new ApiError({
          code: 'client.unreachable',
          message: {
            zh: `上传 ${file.name} 时与中心主机的连接中断，文件未送达：请稍后重试。`,
            en: `The line to the centre's host broke while sending ${file.name}; it did not arrive: try again shortly.`,
          },
        }),
      );
    request.onload = () => {
      let body: { ok: boolean; result?: UploadedFile; error?: ApiErrorPayload };
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = { ok: false };
      }
      if (body.ok && body.result) return resolve(body.result);
      reject(
        new ApiError(
          body.error ?? {
            code: 'upload_failed',
            message: {
              zh: `中心主机未能接收 ${file.name}（HTTP ${request.status}）。`,
              en: `The centre's host did not take ${file.name} (HTTP ${request.status}).`,
            },
          },
        ),
      );
    };
    request.send(file);
  });
}
