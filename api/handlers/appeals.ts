import { createHash } from 'node:crypto';
import {
  appealById,
  listAppealAttachments,
  listAppeals,
  readAppealAttachment,
} from '../../db/queries/appeals';
import { appealWindow, listDrafts } from '../../db/queries/bulletin-drafts';
import { latestBulletin } from '../../db/queries/bulletins';
import { RANKING_LEVELS } from '../../core/ranking/ranking';
import { UserError } from '../errors';
import { decideAppeal, fileAppeal } from '../ranking/appeal-desk';
import { draftBulletins } from '../ranking/drafts';
import { requirePeriod } from '../ranking/periods';
import { contentIsType } from './case-attachments';
import type { FeatureHandlers } from './types';

const noSuchAppeal = (id: number) =>
  new UserError(
    'no_such_appeal',
    { zh: `没有第 ${id} 号申诉。`, en: `There is no appeal ${id}.` },
    'appealId',
  );

export const appealsHandlers = {
  'bulletin.draft': (context, input) => {
    const drafts = draftBulletins(context.db, {
      period: requirePeriod(input.period, 'period', 'month'),
      actor: context.actor.name,
      now: context.now(),
    });
    context.live.publish({ type: 'data.changed', at: context.now() });
    return drafts;
  },

  'appeals.list': (context, input) => {
    const period = requirePeriod(input.period, 'period', 'month');
    const window = appealWindow(context.db, period.key);
    const published = RANKING_LEVELS.some((l) => latestBulletin(context.db, period.key, l));
    return {
      period: period.key,
      window: window ? { ...window, open: !published && context.now() <= window.closesAt } : null,
      published,
      drafts: listDrafts(context.db, period.key),
      appeals: listAppeals(context.db, { period: period.key, unitCode: input.unitCode }),
    };
  },

  'appeals.get': (context, input) => {
    const appeal = appealById(context.db, input.appealId);
    if (!appeal) throw noSuchAppeal(input.appealId);
    return { appeal, attachments: listAppealAttachments(context.db, appeal.id) };
  },

  'appeals.file': (context, input) => {
    const attachments = input.attachments.map((file, i) => {
      const content = Buffer.from(file.contentBase64, 'base64');
      if (!contentIsType(file.mimeType, content)) {
        throw new UserError(
          'attachment_not_readable',
          {
            zh: `附件「${file.fileName}」的内容不是所说的 ${file.mimeType} 格式。`,
            en: `The file ${file.fileName} does not hold ${file.mimeType} content.`,
          },
          `attachments.${i}`,
        );
      }
      return { fileName: file.fileName, mimeType: file.mimeType, content };
    });
    const appeal = fileAppeal(
      context.db,
      context.actor,
      {
        period: requirePeriod(input.period, 'period', 'month'),
        caseNo: input.caseNo,
        unitCode: input.unitCode,
        reasonKind: input.reasonKind,
        reason: input.reason,
        targetUnitCode: input.targetUnitCode ?? null,
        attachments,
      },
      context.now(),
    );
    context.live.publish({ type: 'data.changed', at: context.now() });
    return appeal;
  },

  'appeals.decide': (context, input) => {
    const appeal = decideAppeal(context.db, context.actor, input, context.now());
    context.live.publish({ type: 'data.changed', at: context.now() });
    return appeal;
  },

  'appeals.attachment': (context, input) => {
    const file = readAppealAttachment(context.db, input.id);
    if (!file) {
      throw new UserError(
        'no_such_attachment',
        {
          zh: `没有编号为 ${input.id} 的申诉附件。`,
          en: `There is no appeal attachment ${input.id}.`,
        },
        'id',
      );
    }
    const { content, appealId: _a, ...meta } = file;
    return {
      ...meta,
      dataBase64: content.toString('base64'),
      checksumOk: createHash('sha256').update(content).digest('hex') === meta.sha256,
    };
  },
} satisfies FeatureHandlers<
  | 'bulletin.draft'
  | 'appeals.list'
  | 'appeals.get'
  | 'appeals.file'
  | 'appeals.decide'
  | 'appeals.attachment'
>;
