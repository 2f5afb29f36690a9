/**
 * 申诉: a month's draft bulletin, the appeals units file on how their cases count, and the
 * leaders' decisions (docs/design/DOMAIN.md "Appeals").
 */
import { z } from 'zod';
import { APPEAL_REASON_KINDS } from '../../core/ranking/appeals';
import type { AppealAttachmentMeta, AppealRecord } from '../../db/queries/appeals';
import type { DraftSummary } from '../../db/queries/bulletin-drafts';
import { MAX_ATTACHMENT_BASE64 } from './case-attachments';
import { method } from './define';
import { MONTH_KEY_SCHEMA } from './ranking';

export type AppealView = AppealRecord;
export type { DraftSummary };

export interface AppealsResult {
  period: string;
  /** The month's appeal window: from its first draft; null before any draft. */
  window: { opensAt: number; closesAt: number; open: boolean } | null;
  /** Whether the month is published (appeals and drafts are then closed). */
  published: boolean;
  drafts: DraftSummary[];
  appeals: AppealView[];
}

export interface AppealDetail {
  appeal: AppealView;
  attachments: AppealAttachmentMeta[];
}

const attachment = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    mimeType: z
      .string()
      .regex(
        /^(image\/(jpeg|png|webp|gif)|application\/pdf)$/,
        '只能附照片（JPEG/PNG/WebP/GIF）或 PDF (photos or PDF only)',
      ),
    contentBase64: z
      .string()
      .min(4)
      .max(MAX_ATTACHMENT_BASE64, '附件过大：每个不超过 700 KB (each file 700 KB at most)'),
  })
  .strict();

export const appealsContract = {
  'bulletin.draft': method<DraftSummary[]>()(z.object({ period: MONTH_KEY_SCHEMA }).strict()),
  'appeals.list': method<AppealsResult>()(
    z
      .object({
        period: MONTH_KEY_SCHEMA,
        unitCode: z.string().trim().min(1).max(40).optional(),
      })
      .strict(),
  ),
  'appeals.get': method<AppealDetail>()(
    z.object({ appealId: z.number().int().positive() }).strict(),
  ),
  'appeals.file': method<AppealView>()(
    z
      .object({
        period: MONTH_KEY_SCHEMA,
        caseNo: z.string().trim().min(1, '请填写案卷编号 (the case number is needed)').max(40),
        unitCode: z.string().trim().min(1).max(40),
        reasonKind: z.enum(APPEAL_REASON_KINDS),
        reason: z.string().trim().min(1, '请写明申诉理由 (a reason is needed)').max(2000),
        targetUnitCode: z.string().trim().min(1).max(40).nullish(),
        // Together within one attachment's size: a request stays under the loopback host's
        // 1 MB body limit (host/api-routes.ts), so browser mode takes what the desktop takes.
        attachments: z
          .array(attachment)
          .max(5, '最多附 5 个文件 (5 files at most)')
          .default([])
          .refine(
            (files) =>
              files.reduce((sum, f) => sum + f.contentBase64.length, 0) <= MAX_ATTACHMENT_BASE64,
            '附件合计不超过 700 KB：照片请先缩小 (the files together must stay under 700 KB)',
          ),
      })
      .strict(),
  ),
  'appeals.decide': method<AppealView>()(
    z
      .object({
        appealId: z.number().int().positive(),
        decision: z.enum(['approved', 'rejected']),
        note: z.string().trim().min(1, '请写明审核意见 (a note is needed)').max(2000),
      })
      .strict(),
  ),
  'appeals.attachment': method<
    AppealAttachmentMeta & { dataBase64: string; checksumOk: boolean }
  >()(z.object({ id: z.number().int().positive() }).strict()),
};
