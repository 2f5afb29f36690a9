/** Attachments (附件): photos added at the desk, or from the city, with their checksums. */
import { z } from 'zod';
import type { AttachmentView } from './cases';
import { method } from './define';

/** Base64 of ~700 KB: photos are shrunk in the window before they are sent. */
export const MAX_ATTACHMENT_BASE64 = 960_000;

export const caseAttachmentsContract = {
  'cases.attachments.add': method<AttachmentView>()(
    z
      .object({
        caseId: z.number().int().positive(),
        fileName: z.string().trim().min(1).max(200),
        mimeType: z
          .string()
          .regex(
            /^(image\/(jpeg|png|webp|gif)|application\/pdf)$/,
            '只能添加照片（JPEG/PNG/WebP/GIF）或 PDF (photos or PDF only)',
          ),
        contentBase64: z
          .string()
          .min(4)
          .max(
            MAX_ATTACHMENT_BASE64,
            '附件过大：照片请先缩小，其他文件不超过 700 KB (the file is too large: 700 KB at most)',
          ),
      })
      .strict(),
  ),
  'cases.attachments.get': method<{
    attachment: AttachmentView;
    dataBase64: string;
    checksumOk: boolean;
  }>()(z.object({ id: z.number().int().positive() }).strict()),
};
