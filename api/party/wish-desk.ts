/**
 * The small wishes' desk (issue 14): the board, one wish, publishing and the moves. A move
 * carries the state the user saw, like a case's: a wish another seat moved meanwhile is
 * refused with who moved it and when. Residents' names and phones are masked by role as
 * for cases (core/cases/personal-data.ts).
 */
import type { WishBoard, WishCard, WishClaimant, WishDetail, WishMoveRequest } from '../contract';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { eventActorOf } from '../cases/event-actor';
import { maskName, maskPhone, seesPersonalData } from '../../core/cases/personal-data';
import {
  DEFAULT_WISH_CLOCKS,
  wishClockStatus,
  wishDueAt,
  wishMoveTarget,
  wishMovesFrom,
  type WishState,
} from '../../core/party/wish-clock';
import { formatDateTime } from '../../core/time';
import {
  insertWishEvent,
  nextWishCode,
  readWishEvents,
  readWishRow,
  readWishRows,
  type WishRow,
} from '../../db/queries/wishes';

const BOARD_STATES: WishState[] = ['published', 'claimed', 'fulfilled', 'confirmed', 'withdrawn'];
const MOVERS = new Set(['operator', 'admin', 'system']);

function card(row: WishRow, context: ApiContext, now: number): WishCard {
  // The phone and the community code stay off the board's cards.
  const { residentPhone: _phone, communityCode: _community, ...shown } = row;
  const sees = seesPersonalData(context.actor.role);
  return {
    ...shown,
    residentName: sees ? row.residentName : maskName(row.residentName),
    clock: wishClockStatus(row, now),
  };
}

export function wishBoard(
  context: ApiContext,
  filters: { communityCode?: string | null; q?: string | null },
): WishBoard {
  const now = context.now();
  const rows = readWishRows(context.db, filters, now);
  return {
    asOf: now,
    columns: BOARD_STATES.map((state) => {
      const wishes = rows.filter((r) => r.state === state).map((r) => card(r, context, now));
      return { state, count: wishes.length, wishes };
    }),
  };
}

function noSuchWish(id: number): UserError {
  return new UserError('wish_missing', {
    zh: `没有编号为 ${id} 的微心愿。`,
    en: `There is no small wish ${id}.`,
  });
}

export function wishDetail(context: ApiContext, id: number): WishDetail {
  const row = readWishRow(context.db, id);
  if (!row) throw noSuchWish(id);
  const now = context.now();
  const sees = seesPersonalData(context.actor.role);
  return {
    ...card(row, context, now),
    residentPhone: sees ? row.residentPhone : maskPhone(row.residentPhone),
    personalDataMasked: !sees,
    events: readWishEvents(context.db, id),
    moves: MOVERS.has(context.actor.role) ? wishMovesFrom(row.state) : [],
    asOf: now,
  };
}

export function publishWish(
  context: ApiContext,
  input: {
    title: string;
    forWhom?: string | null;
    residentName?: string | null;
    residentPhone?: string | null;
    gridCode: string;
    valueYuan?: number | null;
  },
): WishDetail {
  const now = context.now();
  const grid = context.db
    .prepare<[string], { code: string; communityCode: string }>(
      "SELECT code, community_code AS communityCode FROM places WHERE code = ? AND level = 'grid'",
    )
    .get(input.gridCode);
  if (!grid)
    throw new UserError(
      'wish_grid',
      { zh: `没有编码为 ${input.gridCode} 的网格。`, en: `There is no grid ${input.gridCode}.` },
      'gridCode',
    );
  const actor = eventActorOf(context);
  const id = context.db.transaction(() => {
    const inserted = context.db
      .prepare(
        `INSERT INTO wishes (code, title, for_whom, resident_name, resident_phone, grid_code, community_code,
            value_fen, state, published_at, due_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?)`,
      )
      .run(
        nextWishCode(context.db),
        input.title,
        input.forWhom ?? null,
        input.residentName ?? null,
        input.residentPhone ?? null,
        grid.code,
        grid.communityCode,
        input.valueYuan == null ? null : Math.round(input.valueYuan * 100),
        now,
        wishDueAt({ state: 'published', publishedAt: now, claimedAt: null }, DEFAULT_WISH_CLOCKS),
        now,
        now,
      );
    const wishId = Number(inserted.lastInsertRowid);
    insertWishEvent(context.db, {
      wishId,
      kind: 'publish',
      at: now,
      actor: actor.name,
      fromState: null,
      toState: 'published',
      note: null,
      sessionId: actor.sessionId,
    });
    return wishId;
  })();
  context.live.publish({ type: 'data.changed', at: now });
  return wishDetail(context, id);
}

function movedMeanwhile(row: WishRow, events: { actor: string; at: number }[]): UserError {
  const last = events[events.length - 1];
  const by = last ? `${last.actor} 于 ${formatDateTime(last.at)}` : '他人';
  return new UserError('wish_changed', {
    zh: `微心愿 ${row.code} 已由 ${by} 改为「${STATE_ZH[row.state]}」，您的操作未执行。请看一下最新情况再操作。`,
    en: `Wish ${row.code} was moved to ${row.state} by ${last?.actor ?? 'someone else'}${last ? ` at ${formatDateTime(last.at)}` : ''}; your move was not made.`,
  });
}

const STATE_ZH: Record<WishState, string> = {
  published: '已发布',
  claimed: '已认领',
  fulfilled: '已完成',
  confirmed: '已确认',
  withdrawn: '已撤回',
};

export function moveWish(
  context: ApiContext,
  input: { wishId: number; expectedState: WishState; move: WishMoveRequest },
): WishDetail {
  if (!MOVERS.has(context.actor.role))
    throw new UserError('role_not_allowed', {
      zh: '只有值班员和管理员可以办理微心愿。',
      en: 'Only operators and administrators act on small wishes.',
    });
  const now = context.now();
  const actor = eventActorOf(context);
  context.db.transaction(() => {
    const row = readWishRow(context.db, input.wishId);
    if (!row) throw noSuchWish(input.wishId);
    if (row.state !== input.expectedState)
      throw movedMeanwhile(row, readWishEvents(context.db, row.id));
    const to = wishMoveTarget(row.state, input.move.kind);
    if (!to)
      throw new UserError('wish_move', {
        zh: `微心愿「${STATE_ZH[row.state]}」时不能这样办理。`,
        en: `A wish that is ${row.state} cannot be moved that way.`,
      });
    let note: string | null;
    const set: Record<string, unknown> = { state: to, updated_at: now };
    const move = input.move;
    if (move.kind === 'claim') {
      const member = context.db
        .prepare<[number], { id: number; name: string }>(
          'SELECT id, name FROM party_members WHERE id = ? AND active = 1',
        )
        .get(move.memberId);
      if (!member)
        throw new UserError(
          'wish_claimant',
          { zh: '请选择认领的党员。', en: 'Choose the member who claims it.' },
          'memberId',
        );
      set.claimed_by_member_id = member.id;
      set.claimed_at = now;
      set.due_at = wishDueAt({ state: 'claimed', publishedAt: row.publishedAt, claimedAt: now });
      note = `${member.name} 认领`;
    } else if (move.kind === 'fulfil') {
      set.fulfilled_at = now;
      set.due_at = null;
      note = move.note;
    } else if (move.kind === 'confirm') {
      set.confirmed_at = now;
      set.due_at = null;
      note = move.note ?? null;
    } else {
      set.withdrawn_at = now;
      set.due_at = null;
      note = move.reason;
    }
    const columns = Object.keys(set);
    context.db
      .prepare(`UPDATE wishes SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
      .run({ ...set, id: row.id });
    insertWishEvent(context.db, {
      wishId: row.id,
      kind: move.kind,
      at: now,
      actor: actor.name,
      fromState: row.state,
      toState: to,
      note,
      sessionId: actor.sessionId,
    });
  })();
  context.live.publish({ type: 'data.changed', at: now });
  return wishDetail(context, input.wishId);
}

export function wishClaimants(context: ApiContext, q: string): WishClaimant[] {
  const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return context.db
    .prepare<[string, string], WishClaimant>(
      `SELECT m.id, m.code, m.name, u.name AS unitName FROM party_members m
         JOIN party_units u ON u.id = m.unit_id
        WHERE m.active = 1 AND (m.name LIKE ? ESCAPE '\\' OR m.code LIKE ? ESCAPE '\\')
        ORDER BY m.name, m.code LIMIT 20`,
    )
    .all(like, like);
}
