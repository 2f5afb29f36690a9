/**
 * 双向点单 and a project's moves (issue 14). Ordering links one or more needs to the chosen
 * resources and makes the project in one transaction (the needs become 'matched'); a project
 * waits for a leader's approval (立项审批) before it starts; finishing records what was spent
 * and achieved; cancelling needs a reason. A move carries the status the user saw, so two
 * seats cannot both finish one project.
 */
import type { ApiContext } from '../context';
import type { RegisterItem } from '../contract';
import { UserError } from '../errors';
import { eventActorOf } from '../cases/event-actor';
import { moveProject, type ProjectStatus } from '../../core/party/project-state';
import { formatDateTime } from '../../core/time';
import {
  insertRegisterEvent,
  nextRegisterCode,
  readRegisterEvents,
} from '../../db/queries/party-register-events';
import { registerItem } from './register-desk';
import { assertMayEnter, mayApprove } from './register-roles';

interface OrderInput {
  orderedBy: 'community' | 'unit';
  needIds: number[];
  resourceIds: number[];
  title: string;
  ownerUnitId: number;
  budgetYuan: number;
  plannedStart: string;
  plannedEnd: string;
}

export function orderProject(context: ApiContext, asked: OrderInput): RegisterItem {
  const db = context.db;
  // The same need or resource twice is one link (SQLite's UNIQUE lets NULLs repeat).
  const input = {
    ...asked,
    needIds: [...new Set(asked.needIds)],
    resourceIds: [...new Set(asked.resourceIds)],
  };
  if (input.plannedEnd < input.plannedStart)
    throw new UserError(
      'project_dates',
      {
        zh: `计划完成日期 ${input.plannedEnd} 早于计划开始日期 ${input.plannedStart}。`,
        en: `The planned end ${input.plannedEnd} is before the planned start ${input.plannedStart}.`,
      },
      'plannedEnd',
    );
  const owner = db.prepare('SELECT id FROM party_units WHERE id = ?').get(input.ownerUnitId);
  if (!owner)
    throw new UserError(
      'project_owner',
      { zh: '请选择项目的责任单位。', en: 'Choose the unit that owns the project.' },
      'ownerUnitId',
    );
  const now = context.now();
  const actor = eventActorOf(context);
  const id = db.transaction(() => {
    const needs = input.needIds.map((needId) => {
      const need = db
        .prepare<[number], { id: number; code: string; status: string; placeCode: string }>(
          'SELECT id, code, status, place_code AS placeCode FROM party_needs WHERE id = ?',
        )
        .get(needId);
      if (!need)
        throw new UserError('project_need', {
          zh: `没有编号为 ${needId} 的需求。`,
          en: `There is no need ${needId}.`,
        });
      if (need.status === 'closed')
        throw new UserError('project_need', {
          zh: `需求 ${need.code} 已关闭，不能再点单。`,
          en: `Need ${need.code} is closed: it cannot be ordered for.`,
        });
      return need;
    });
    const community = needs[0]!.placeCode.slice(0, 12);
    // Every need is checked: a community's user may not order for another community's need.
    for (const need of needs) assertMayEnter(context, need.placeCode.slice(0, 12));
    for (const resourceId of input.resourceIds) {
      const resource = db
        .prepare<[number], { code: string; availableUntil: string | null }>(
          'SELECT code, available_until AS availableUntil FROM party_resources WHERE id = ?',
        )
        .get(resourceId);
      if (!resource)
        throw new UserError('project_resource', {
          zh: `没有编号为 ${resourceId} 的资源。`,
          en: `There is no resource ${resourceId}.`,
        });
      if (resource.availableUntil && resource.availableUntil < input.plannedStart)
        throw new UserError(
          'project_resource',
          {
            zh: `资源 ${resource.code} 只提供到 ${resource.availableUntil}，早于项目开始日期 ${input.plannedStart}。`,
            en: `Resource ${resource.code} is offered only until ${resource.availableUntil}, before the project starts on ${input.plannedStart}.`,
          },
          'resourceIds',
        );
    }
    const projectId = Number(
      db
        .prepare(
          `INSERT INTO party_projects (code, title, owner_unit_id, community_code, ordered_by, budget_fen, spent_fen,
              planned_start, planned_end, status, created_at, updated_at)
           VALUES (@code, @title, @owner, @community, @orderedBy, @budget, 0, @start, @end, 'planned', @now, @now)`,
        )
        .run({
          code: nextRegisterCode(db, 'party_projects', 'XM', 4),
          title: input.title,
          owner: input.ownerUnitId,
          community,
          orderedBy: input.orderedBy,
          budget: Math.round(input.budgetYuan * 100),
          start: input.plannedStart,
          end: input.plannedEnd,
          now,
        }).lastInsertRowid,
    );
    const link = db.prepare(
      'INSERT OR IGNORE INTO party_project_links (project_id, need_id, resource_id) VALUES (?, ?, ?)',
    );
    for (const need of needs) {
      link.run(projectId, need.id, null);
      if (need.status === 'open') {
        db.prepare("UPDATE party_needs SET status = 'matched', updated_at = ? WHERE id = ?").run(
          now,
          need.id,
        );
        insertRegisterEvent(db, {
          register: 'needs',
          itemId: need.id,
          kind: 'link',
          at: now,
          actor: actor.name,
          fromStatus: 'open',
          toStatus: 'matched',
          note: input.title,
          sessionId: actor.sessionId,
        });
      }
    }
    for (const resourceId of input.resourceIds) link.run(projectId, null, resourceId);
    insertRegisterEvent(db, {
      register: 'projects',
      itemId: projectId,
      kind: 'create',
      at: now,
      actor: actor.name,
      toStatus: 'planned',
      note: input.orderedBy === 'community' ? '社区点单' : '单位认领',
      sessionId: actor.sessionId,
    });
    return projectId;
  })();
  context.live.publish({ type: 'data.changed', at: now });
  return registerItem(context, 'projects', id);
}

type MoveInput =
  | { kind: 'approve'; note?: string | null }
  | { kind: 'start'; on: string }
  | { kind: 'finish'; on: string; spentYuan: number; resultNote: string }
  | { kind: 'cancel'; reason: string };

interface ProjectRow {
  id: number;
  code: string;
  status: ProjectStatus;
  plannedStart: string;
  actualStart: string | null;
  approvedAt: number | null;
  communityCode: string | null;
  updatedAt: number;
}

const STATUS_ZH: Record<ProjectStatus, string> = {
  planned: '计划中',
  in_progress: '实施中',
  done: '已完成',
  cancelled: '已取消',
};

export function moveProjectRow(
  context: ApiContext,
  input: { projectId: number; expectedStatus: ProjectStatus; move: MoveInput },
): RegisterItem {
  const db = context.db;
  const now = context.now();
  const actor = eventActorOf(context);
  db.transaction(() => {
    const row = db
      .prepare<[number], ProjectRow>(
        `SELECT id, code, status, planned_start AS plannedStart, actual_start AS actualStart,
                approved_at AS approvedAt, community_code AS communityCode, updated_at AS updatedAt
           FROM party_projects WHERE id = ?`,
      )
      .get(input.projectId);
    if (!row)
      throw new UserError('project_missing', {
        zh: `没有编号为 ${input.projectId} 的项目。`,
        en: `There is no project ${input.projectId}.`,
      });
    if (row.status !== input.expectedStatus) {
      const last = readRegisterEvents(db, 'projects', row.id).at(-1);
      throw new UserError('project_moved', {
        zh: `项目 ${row.code} 已被${last ? `${last.actor}于 ${formatDateTime(last.at)} ` : ''}改为「${STATUS_ZH[row.status]}」：请看最新状态再办理。`,
        en: `Project ${row.code} was moved to ${row.status}${last ? ` by ${last.actor} at ${formatDateTime(last.at)}` : ''}: look at it again before acting.`,
      });
    }
    const move = input.move;
    if (move.kind === 'approve') {
      if (!mayApprove(context))
        throw new UserError('role_not_allowed', {
          zh: '项目由领导或管理员审批。',
          en: 'Projects are approved by leaders or administrators.',
        });
    } else assertMayEnter(context, row.communityCode);
    const result = moveProject(
      { ...row, approved: row.approvedAt !== null },
      move.kind === 'finish'
        ? {
            kind: 'finish',
            on: move.on,
            spentFen: Math.round(move.spentYuan * 100),
            resultNote: move.resultNote,
          }
        : move.kind === 'approve'
          ? { kind: 'approve' }
          : move,
    );
    if (!result.ok) throw new UserError('project_move', result.sentence);
    const set: Record<string, unknown> = { status: result.status, updated_at: now };
    let note: string | null = null;
    if (move.kind === 'approve') {
      set.approved_by = actor.name;
      set.approved_at = now;
      note = move.note ?? null;
    } else if (move.kind === 'start') set.actual_start = move.on;
    else if (move.kind === 'finish') {
      set.actual_end = move.on;
      set.spent_fen = Math.round(move.spentYuan * 100);
      set.result_note = move.resultNote;
      note = move.resultNote;
    } else {
      set.cancel_reason = move.reason;
      note = move.reason;
    }
    const columns = Object.keys(set);
    db.prepare(
      `UPDATE party_projects SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    ).run({ ...set, id: row.id });
    insertRegisterEvent(db, {
      register: 'projects',
      itemId: row.id,
      kind: move.kind,
      at: now,
      actor: actor.name,
      fromStatus: row.status,
      toStatus: result.status,
      note,
      sessionId: actor.sessionId,
    });
  })();
  context.live.publish({ type: 'data.changed', at: now });
  return registerItem(context, 'projects', input.projectId);
}
