import { createHash } from 'node:crypto';
import {
  appealById,
  listAppealAttachments,
  listAppeals,
  readAppealAttachment,
  type AppealRecord,
} from '../../db/queries/appeals';
import type { Actor } from '../context';
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

/**
 * The list is read beside the ranking, also on a wall display nobody signed in to: there it
 * shows which unit appealed which case and the decision, not the reasons or who wrote them
 * (a reason can name a resident).
 */
function shownTo(actor: Actor, appeal: AppealRecord): AppealRecord {
  if (actor.role !== 'anonymous') return appeal;
  return { ...appeal, reason: '', decisionNote: null, filedBy: '', decidedBy: null };
}

/** A unit's user sees the evidence of its own appeals (or of those naming it), not other units'. */
function refuseOtherUnitsEvidence(actor: Actor, appeal: AppealRecord): void {
  if (actor.role !== 'handler') return;
  if (appeal.unitCode === actor.unitCode || appeal.targetUnitCode === actor.unitCode) return;
  throw new UserError(
    'not_your_unit',
    {
      zh: `第 ${appeal.id} 号申诉是${appeal.unitName}的，其材料只有该单位、所指单位和指挥中心可以查看。`,
      en: `Appeal ${appeal.id} is ${appeal.unitName}'s: its files are for that unit, the unit it names and the centre.`,
    },
    'appealId',
  );
}

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
      appeals: listAppeals(context.db, { period: period.key, unitCode: input.unitCode }).map(
        (appeal) => shownTo(context.actor, appeal),
      ),
    };
  },

  'appeals.get': (context, input) => {
    const appeal = appealById(context.db, input.appealId);
    if (!appeal) throw noSuchAppeal(input.appealId);
    refuseOtherUnitsEvidence(context.actor, appeal);
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
    refuseOtherUnitsEvidence(context.actor, appealById(context.db, file.appealId)!);
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
