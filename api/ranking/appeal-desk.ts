/**
 * Filing and deciding appeals (申诉, docs/design/DOMAIN.md "Appeals"): every rule a refusal
 * names in a sentence, each step one append-only row (db/queries/appeals.ts).
 */
import { createHash } from 'node:crypto';
import { adjustmentAt, APPEAL_REASON_ZH, type AppealReasonKind } from '../../core/ranking/appeals';
import { RANKING_LEVELS } from '../../core/ranking/ranking';
import { periodLabelZh, type Period } from '../../core/ranking/periods';
import { formatDateTime } from '../../core/time';
import {
  appealParties,
  appealById,
  insertAppeal,
  insertAppealAttachment,
  insertAppealDecision,
  listAppeals,
  type AppealRecord,
} from '../../db/queries/appeals';
import { appealWindow, latestDraft } from '../../db/queries/bulletin-drafts';
import type { Db } from '../../db/open';
import type { Actor } from '../context';
import { UserError } from '../errors';
import { parseBulletinFigures } from './bulletin-figures';
import { refuseWhenPublished } from './drafts';

interface UnitRow {
  code: string;
  name: string;
  kind: 'department' | 'community' | 'street';
  placeCode: string | null;
  active: number;
}

export interface AppealFiling {
  period: Period;
  caseNo: string;
  unitCode: string;
  reasonKind: AppealReasonKind;
  reason: string;
  targetUnitCode: string | null;
  attachments: Array<{ fileName: string; mimeType: string; content: Buffer }>;
}

const refuse = (code: string, zh: string, en: string, where: string): never => {
  throw new UserError(code, { zh, en }, where);
};

function unitOrRefuse(db: Db, code: string, where: string): UnitRow {
  const unit = db
    .prepare<[string], UnitRow>(
      'SELECT code, name, kind, place_code AS placeCode, active FROM units WHERE code = ?',
    )
    .get(code);
  if (!unit || unit.active !== 1 || unit.kind === 'street') {
    return refuse(
      'unknown_unit',
      `${where === 'targetUnitCode' ? '所指单位' : '申诉单位'} ${code} 不是在用的社区或部门。`,
      `${code} is not an active community or department.`,
      where,
    );
  }
  return unit;
}

/** Handlers appeal for their own unit; an admin (or the command line) may file for any unit. */
function refuseOtherUnit(actor: Actor, unit: UnitRow): void {
  if (actor.role === 'admin' || actor.role === 'system') return;
  if (actor.role === 'handler' && actor.unitCode === unit.code) return;
  refuse(
    'not_your_unit',
    `只能以本单位名义申诉：您不属于${unit.name}。`,
    `You can appeal only for your own unit, not for ${unit.name}.`,
    'unitCode',
  );
}

/** The case counts for the unit in the month's latest draft: its community's or its own (as lead unit). */
function countsInDraft(db: Db, period: Period, unit: UnitRow, caseId: number): boolean {
  const places: Array<['community' | 'unit', string | null]> = [
    ['community', unit.kind === 'community' ? unit.placeCode : null],
    ['unit', unit.code],
  ];
  return places.some(([level, key]) => {
    if (key === null) return false;
    const draft = latestDraft(db, period.key, level);
    if (!draft) return false;
    const flags = parseBulletinFigures(draft.figures).cases[key];
    return (
      flags !== undefined &&
      (flags.handling.some(([id]) => id === caseId) || flags.intake.some(([id]) => id === caseId))
    );
  });
}

function openWindowOrRefuse(db: Db, period: Period, now: number): void {
  const label = periodLabelZh(period);
  refuseWhenPublished(db, period);
  const window = appealWindow(db, period.key);
  if (!window) {
    refuse(
      'no_draft',
      `${label}的通报尚未出征求意见稿，还不能申诉。`,
      `There is no draft bulletin for ${period.key} yet, so appeals are not open.`,
      'period',
    );
  } else if (now > window.closesAt) {
    refuse(
      'appeal_window_closed',
      `${label}的申诉期已于 ${formatDateTime(window.closesAt)} 结束。`,
      `The appeal window for ${period.key} closed at ${formatDateTime(window.closesAt)}.`,
      'period',
    );
  }
}

export function fileAppeal(db: Db, actor: Actor, input: AppealFiling, now: number): AppealRecord {
  return db
    .transaction(() => {
      openWindowOrRefuse(db, input.period, now);
      const unit = unitOrRefuse(db, input.unitCode, 'unitCode');
      refuseOtherUnit(actor, unit);
      const found = db
        .prepare<[string], { id: number }>('SELECT id FROM cases WHERE case_no = ?')
        .get(input.caseNo);
      if (!found) {
        return refuse(
          'no_such_case',
          `没有找到案卷 ${input.caseNo}。`,
          `There is no case ${input.caseNo}.`,
          'caseNo',
        );
      }
      if (!countsInDraft(db, input.period, unit, found.id)) {
        refuse(
          'case_not_counted',
          `案卷 ${input.caseNo} 不计入${unit.name}${periodLabelZh(input.period)}的通报征求意见稿，无需申诉。`,
          `Case ${input.caseNo} does not count for ${unit.name} in the ${input.period.key} draft, so there is nothing to appeal.`,
          'caseNo',
        );
      }
      const already = listAppeals(db, { period: input.period.key, unitCode: unit.code }).find(
        (a) => a.caseId === found.id,
      );
      if (already) {
        refuse(
          'appeal_exists',
          `${unit.name}已就案卷 ${input.caseNo} 提出过本月申诉（第 ${already.id} 号，${statusZh(already)}）。`,
          `${unit.name} already appealed case ${input.caseNo} for this month (appeal ${already.id}, ${already.status}).`,
          'caseNo',
        );
      }
      const target = targetOf(db, input, unit);
      const id = insertAppeal(db, {
        period: input.period.key,
        caseId: found.id,
        unitCode: unit.code,
        reasonKind: input.reasonKind,
        reason: input.reason,
        targetUnitCode: target,
        filedAt: now,
        filedBy: actor.name,
      });
      for (const file of input.attachments) {
        insertAppealAttachment(db, {
          appealId: id,
          fileName: file.fileName,
          mimeType: file.mimeType,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          content: file.content,
          addedAt: now,
          addedBy: actor.name,
        });
      }
      return appealById(db, id)!;
    })
    .immediate();
}

/** 非本单位职责 names the right unit; the other reasons name none. */
function targetOf(db: Db, input: AppealFiling, unit: UnitRow): string | null {
  if (input.reasonKind !== 'not_responsible') {
    if (input.targetUnitCode) {
      refuse(
        'target_not_expected',
        `只有“${APPEAL_REASON_ZH.not_responsible}”的申诉才需指明责任单位。`,
        'Only a "not our responsibility" appeal names another unit.',
        'targetUnitCode',
      );
    }
    return null;
  }
  if (!input.targetUnitCode) {
    return refuse(
      'target_needed',
      `“${APPEAL_REASON_ZH.not_responsible}”的申诉须指明应负责的单位。`,
      'A "not our responsibility" appeal must name the unit that is responsible.',
      'targetUnitCode',
    );
  }
  const target = unitOrRefuse(db, input.targetUnitCode, 'targetUnitCode');
  if (target.code === unit.code) {
    refuse(
      'target_is_self',
      '所指的责任单位不能是申诉单位本身。',
      'The responsible unit named cannot be the appealing unit itself.',
      'targetUnitCode',
    );
  }
  return target.code;
}

/**
 * An approval acts on the case's attribution now: one that no longer counts for the
 * appellant at any level (returned, re-dispatched, its grid reassigned since the filing)
 * would change nothing, so it is refused rather than said to have moved a figure.
 */
function refuseApprovalWithoutEffect(db: Db, appeal: AppealRecord): void {
  const parties = appealParties(db, appeal.id);
  const touches = parties && RANKING_LEVELS.some((level) => adjustmentAt(level, parties) !== null);
  if (touches) return;
  refuse(
    'appeal_no_effect',
    `案卷 ${appeal.caseNo} 现已不计入${appeal.unitName}（申诉后已回退、改派或调整网格），批准不会改变任何数字：请驳回并注明原因。`,
    `Case ${appeal.caseNo} no longer counts for ${appeal.unitName} (returned, re-dispatched or moved since the appeal), so approving would change no figure: reject it with the reason.`,
    'appealId',
  );
}

const statusZh = (a: Pick<AppealRecord, 'status'>) =>
  a.status === 'approved' ? '已批准' : a.status === 'rejected' ? '已驳回' : '待决定';

export function decideAppeal(
  db: Db,
  actor: Actor,
  input: { appealId: number; decision: 'approved' | 'rejected'; note: string },
  now: number,
): AppealRecord {
  return db
    .transaction(() => {
      const appeal = appealById(db, input.appealId);
      if (!appeal) {
        return refuse(
          'no_such_appeal',
          `没有第 ${input.appealId} 号申诉。`,
          `There is no appeal ${input.appealId}.`,
          'appealId',
        );
      }
      if (appeal.status !== 'pending') {
        refuse(
          'appeal_decided',
          `第 ${appeal.id} 号申诉已由 ${appeal.decidedBy} 于 ${formatDateTime(appeal.decidedAt!)} ${statusZh(appeal)}，不能再改。`,
          `Appeal ${appeal.id} was already ${appeal.status} by ${appeal.decidedBy}; a decision is final.`,
          'appealId',
        );
      }
      if (actor.role !== 'system' && actor.name === appeal.filedBy) {
        refuse(
          'own_appeal',
          '提出申诉的人不能自己决定：请由另一位领导审核。',
          'Whoever filed an appeal cannot decide it: another leader must.',
          'appealId',
        );
      }
      if (input.decision === 'approved') refuseApprovalWithoutEffect(db, appeal);
      insertAppealDecision(db, {
        appealId: appeal.id,
        kind: input.decision,
        note: input.note,
        actor: actor.name,
        at: now,
      });
      return appealById(db, appeal.id)!;
    })
    .immediate();
}
