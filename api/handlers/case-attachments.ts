import { eventActorOf } from '../cases/event-actor';
import { createHash } from 'node:crypto';
import {
  insertAttachment,
  listAttachments,
  readAttachmentContent,
} from '../../db/queries/case-attachments';
import { insertCaseEvent } from '../../db/queries/case-moves';
import { readCaseRecord } from '../../db/queries/case-select';
import { noSuchCase } from '../cases/case-detail';
import { UserError } from '../errors';
import type { FeatureHandlers } from './types';

/** The first bytes each accepted type starts with: a renamed file is refused. */
const MAGIC: Record<string, (bytes: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/png': (b) =>
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** Whether the bytes really are the type claimed (appeal attachments check the same). */
export function contentIsType(mimeType: string, content: Buffer): boolean {
  return content.length > 0 && MAGIC[mimeType]?.(content) === true;
}

export const caseAttachmentsHandlers = {
  'cases.attachments.add': (context, input) => {
    const row = readCaseRecord(context.db, input.caseId);
    if (!row) throw noSuchCase(input.caseId);
    const content = Buffer.from(input.contentBase64, 'base64');
    if (!contentIsType(input.mimeType, content)) {
      throw new UserError(
        'attachment_not_readable',
        {
          zh: `文件「${input.fileName}」的内容不是所说的 ${input.mimeType} 格式。`,
          en: `The file ${input.fileName} does not hold ${input.mimeType} content.`,
        },
        'contentBase64',
      );
    }
    const now = context.now();
    const id = context.db.transaction(() => {
      const attachmentId = insertAttachment(context.db, {
        caseId: input.caseId,
        fileName: input.fileName,
        mimeType: input.mimeType,
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        origin: 'local',
        addedBy: context.actor.name,
        addedAt: now,
      });
      insertCaseEvent(
        context.db,
        input.caseId,
        {
          kind: 'note',
          fromState: row.state,
          toState: row.state,
          at: now,
          note: `添加附件：${input.fileName}`,
          data: { type: 'attachment_added', attachmentId },
        },
        eventActorOf(context),
      );
      return attachmentId;
    })();
    context.live.publish({ type: 'cases.changed', caseIds: [input.caseId], at: now });
    const { caseId: _caseId, ...meta } = listAttachments(context.db, input.caseId).find(
      (a) => a.id === id,
    )!;
    return meta;
  },

  'cases.attachments.get': (context, input) => {
    const read = readAttachmentContent(context.db, input.id);
    if (!read.found) {
      throw new UserError(
        read.reason,
        read.reason === 'file_missing'
          ? {
              zh: `附件「${read.meta?.fileName}」的文件不在数据库旁的位置，可能已被移走。`,
              en: `The file of attachment ${read.meta?.fileName} is no longer beside the database.`,
            }
          : { zh: `没有编号为 ${input.id} 的附件。`, en: `There is no attachment ${input.id}.` },
        'id',
      );
    }
    const { caseId: _caseId, ...meta } = read.meta;
    const checksumOk = createHash('sha256').update(read.content).digest('hex') === read.meta.sha256;
    return { attachment: meta, dataBase64: read.content.toString('base64'), checksumOk };
  },
} satisfies FeatureHandlers<'cases.attachments.add' | 'cases.attachments.get'>;
