/**
 * Keyboard entry of the registers (issue 14): one checked insert and its 'create' event in
 * one transaction; the desk gives the code (DW0001, DY00001, XQ0001, ZY0001, HD00001). Every
 * refusal names its field, so the form puts the sentence under it.
 */
import type { RegisterEntry, RegisterItem } from '../contract';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import { eventActorOf } from '../cases/event-actor';
import type { Register } from '../../core/party/registers';
import { insertRegisterEvent, nextRegisterCode } from '../../db/queries/party-register-events';
import { assertMayEnter } from './register-roles';
import { registerItem } from './register-desk';

interface Place {
  communityCode: string;
  gridCode: string | null;
}

/** A community or grid of this street, or a sentence naming the field. */
export function resolvePlace(context: ApiContext, code: string, field: string): Place {
  const row = context.db
    .prepare<[string], { level: string; communityCode: string | null }>(
      "SELECT level, community_code AS communityCode FROM places WHERE code = ? AND level IN ('community', 'grid')",
    )
    .get(code);
  if (!row)
    throw new UserError(
      'register_place',
      {
        zh: `没有编码为 ${code} 的社区或网格。`,
        en: `There is no community or grid ${code}.`,
      },
      field,
    );
  return row.level === 'grid'
    ? { communityCode: row.communityCode!, gridCode: code }
    : { communityCode: code, gridCode: null };
}

function existing(
  context: ApiContext,
  table: string,
  id: number,
  field: string,
  what: { zh: string; en: string },
) {
  const row = context.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;
  if (!row)
    throw new UserError(
      'register_reference',
      {
        zh: `请选择${what.zh}：编号 ${id} 不存在。`,
        en: `Choose the ${what.en}: ${id} does not exist.`,
      },
      field,
    );
  return row;
}

const UNIT = { zh: '报到单位', en: 'unit' };
const MEMBER = { zh: '党员', en: 'member' };
const TEAM = { zh: '志愿服务队', en: 'volunteer team' };

type Insert = { register: Register; communityCode: string | null; run(now: number): number };

function planInsert(context: ApiContext, entry: RegisterEntry): Insert {
  const db = context.db;
  const run = (sql: string, params: Record<string, unknown>) =>
    Number(db.prepare(sql).run(params).lastInsertRowid);
  switch (entry.register) {
    case 'units': {
      const place = resolvePlace(context, entry.communityCode, 'communityCode');
      return {
        register: 'units',
        communityCode: place.communityCode,
        run: (now) =>
          run(
            `INSERT INTO party_units (code, name, contact_name, contact_phone, community_code, agreement_on, created_at, updated_at)
             VALUES (@code, @name, @contactName, @contactPhone, @community, @agreementOn, @now, @now)`,
            {
              code: nextRegisterCode(db, 'party_units', 'DW', 4),
              name: entry.name,
              contactName: entry.contactName ?? null,
              contactPhone: entry.contactPhone ?? null,
              community: place.communityCode,
              agreementOn: entry.agreementOn ?? null,
              now,
            },
          ),
      };
    }
    case 'members': {
      existing(context, 'party_units', entry.unitId, 'unitId', UNIT);
      const place = resolvePlace(context, entry.homeGridCode, 'homeGridCode');
      return {
        register: 'members',
        communityCode: place.communityCode,
        run: (now) =>
          run(
            `INSERT INTO party_members (code, name, phone, unit_id, home_community_code, home_grid_code, reported_on, skills, created_at, updated_at)
             VALUES (@code, @name, @phone, @unitId, @community, @grid, @reportedOn, @skills, @now, @now)`,
            {
              code: nextRegisterCode(db, 'party_members', 'DY', 5),
              name: entry.name,
              phone: entry.phone ?? null,
              unitId: entry.unitId,
              community: place.communityCode,
              grid: place.gridCode,
              reportedOn: entry.reportedOn,
              skills: entry.skills ?? null,
              now,
            },
          ),
      };
    }
    case 'records': {
      const member = existing(context, 'party_members', entry.memberId, 'memberId', MEMBER);
      const place = entry.placeCode ? resolvePlace(context, entry.placeCode, 'placeCode') : null;
      return {
        register: 'records',
        communityCode: place?.communityCode ?? (member.home_community_code as string | null),
        run: (now) =>
          run(
            `INSERT INTO service_records (member_id, served_on, place_code, activity, theme, hours, created_at)
             VALUES (@memberId, @servedOn, @place, @activity, @theme, @hours, @now)`,
            {
              memberId: entry.memberId,
              servedOn: entry.servedOn,
              place: entry.placeCode ?? null,
              activity: entry.activity,
              theme: entry.theme ?? null,
              hours: entry.hours,
              now,
            },
          ),
      };
    }
    case 'needs': {
      const place = resolvePlace(context, entry.placeCode, 'placeCode');
      return {
        register: 'needs',
        communityCode: place.communityCode,
        run: (now) =>
          run(
            `INSERT INTO party_needs (code, title, place_code, category, households, urgency, raised_on, status, created_at, updated_at)
             VALUES (@code, @title, @place, @category, @households, @urgency, @raisedOn, 'open', @now, @now)`,
            {
              code: nextRegisterCode(db, 'party_needs', 'XQ', 4),
              title: entry.title,
              place: entry.placeCode,
              category: entry.category,
              households: entry.households ?? null,
              urgency: entry.urgency,
              raisedOn: entry.raisedOn,
              now,
            },
          ),
      };
    }
    case 'resources': {
      if (entry.unitId != null) existing(context, 'party_units', entry.unitId, 'unitId', UNIT);
      if (entry.unitId == null && !entry.offeredByName)
        throw new UserError(
          'register_offered_by',
          {
            zh: '请选择提供资源的报到单位，或填写提供它的社会组织。',
            en: 'Choose the unit that offers the resource, or name the organisation that does.',
          },
          'unitId',
        );
      const place = entry.communityCode
        ? resolvePlace(context, entry.communityCode, 'communityCode')
        : null;
      return {
        register: 'resources',
        communityCode: place?.communityCode ?? null,
        run: (now) =>
          run(
            `INSERT INTO party_resources (code, title, kind, unit_id, offered_by_name, community_code, capacity, amount_fen, available_until, created_at, updated_at)
             VALUES (@code, @title, @kind, @unitId, @offeredBy, @community, @capacity, @amount, @until, @now, @now)`,
            {
              code: nextRegisterCode(db, 'party_resources', 'ZY', 4),
              title: entry.title,
              kind: entry.kind,
              unitId: entry.unitId ?? null,
              offeredBy: entry.offeredByName ?? null,
              community: place?.communityCode ?? null,
              capacity: entry.capacity ?? null,
              amount: entry.amountYuan == null ? null : Math.round(entry.amountYuan * 100),
              until: entry.availableUntil ?? null,
              now,
            },
          ),
      };
    }
    case 'volunteers': {
      const team = existing(context, 'volunteer_teams', entry.teamId, 'teamId', TEAM);
      return {
        register: 'volunteers',
        communityCode: (team.community_code as string | null) ?? null,
        run: (now) =>
          run(
            `INSERT INTO volunteers (team_id, name, phone, party_member, joined_on, created_at)
             VALUES (@teamId, @name, @phone, @partyMember, @joinedOn, @now)`,
            {
              teamId: entry.teamId,
              name: entry.name,
              phone: entry.phone ?? null,
              partyMember: entry.partyMember ? 1 : 0,
              joinedOn: entry.joinedOn ?? null,
              now,
            },
          ),
      };
    }
    case 'activities': {
      const team = existing(context, 'volunteer_teams', entry.teamId, 'teamId', TEAM);
      if (entry.partyParticipants > entry.participants)
        throw new UserError(
          'register_participants',
          {
            zh: `党员参与人数（${entry.partyParticipants}）不能多于参与人数（${entry.participants}）。`,
            en: `Party members taking part (${entry.partyParticipants}) cannot exceed everyone taking part (${entry.participants}).`,
          },
          'partyParticipants',
        );
      const place = entry.placeCode ? resolvePlace(context, entry.placeCode, 'placeCode') : null;
      return {
        register: 'activities',
        communityCode: place?.communityCode ?? (team.community_code as string | null) ?? null,
        run: (now) =>
          run(
            `INSERT INTO volunteer_activities (code, team_id, held_on, theme, place_code, participants, party_participants, hours, created_at)
             VALUES (@code, @teamId, @heldOn, @theme, @place, @participants, @party, @hours, @now)`,
            {
              code: nextRegisterCode(db, 'volunteer_activities', 'HD', 5),
              teamId: entry.teamId,
              heldOn: entry.heldOn,
              theme: entry.theme,
              place: entry.placeCode ?? null,
              participants: entry.participants,
              party: entry.partyParticipants,
              hours: entry.hours,
              now,
            },
          ),
      };
    }
  }
}

export function enterRegisterRow(context: ApiContext, entry: RegisterEntry): RegisterItem {
  const plan = planInsert(context, entry);
  assertMayEnter(context, plan.communityCode);
  const now = context.now();
  const actor = eventActorOf(context);
  const id = context.db.transaction(() => {
    const itemId = plan.run(now);
    insertRegisterEvent(context.db, {
      register: plan.register,
      itemId,
      kind: 'create',
      at: now,
      actor: actor.name,
      sessionId: actor.sessionId,
    });
    return itemId;
  })();
  context.live.publish({ type: 'data.changed', at: now });
  return registerItem(context, plan.register, id);
}
