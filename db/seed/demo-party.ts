/**
 * Writes the demo street's party-building registers (core/demo/party.ts) inside the demo's
 * own transaction, with statements prepared once.
 */
import type { DemoPartyRegisters } from '../../core/demo/party';
import type { Db } from '../open';

export function writeDemoParty(db: Db, registers: DemoPartyRegisters, now: number): number {
  const insertUnit = db.prepare(
    `INSERT INTO party_units (code, name, contact_name, contact_phone, community_code, agreement_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertArea = db.prepare(
    'INSERT OR IGNORE INTO party_unit_areas (unit_id, community_code, area_name) VALUES (?, ?, ?)',
  );
  const unitIds: number[] = [];
  for (const unit of registers.units) {
    const id = Number(
      insertUnit.run(
        unit.code,
        unit.name,
        unit.contactName,
        unit.contactPhone,
        unit.communityCode,
        unit.agreementOn,
        now,
        now,
      ).lastInsertRowid,
    );
    unitIds.push(id);
    for (const area of unit.areas) insertArea.run(id, unit.communityCode, area);
  }

  const insertMember = db.prepare(
    `INSERT INTO party_members (code, name, phone, unit_id, home_community_code, home_grid_code, reported_on, skills, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const memberIds = registers.members.map((m) =>
    Number(
      insertMember.run(
        m.code,
        m.name,
        m.phone,
        unitIds[m.unitIndex],
        m.homeCommunityCode,
        m.homeGridCode,
        m.reportedOn,
        m.skills,
        now,
        now,
      ).lastInsertRowid,
    ),
  );

  const insertRecord = db.prepare(
    `INSERT INTO service_records (member_id, unit_id, served_on, place_code, activity, theme, hours, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of registers.records) {
    const member = registers.members[r.memberIndex]!;
    insertRecord.run(
      memberIds[r.memberIndex],
      unitIds[member.unitIndex],
      r.servedOn,
      r.placeCode,
      r.activity,
      r.theme,
      r.hours,
      now,
    );
  }

  const insertNeed = db.prepare(
    `INSERT INTO party_needs (code, title, place_code, category, households, urgency, raised_on, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const matched = new Set(registers.projects.map((p) => p.needIndex));
  const needIds = registers.needs.map((n, i) =>
    Number(
      insertNeed.run(
        n.code,
        n.title,
        n.placeCode,
        n.category,
        n.households,
        n.urgency,
        n.raisedOn,
        matched.has(i) ? 'matched' : 'open',
        now,
        now,
      ).lastInsertRowid,
    ),
  );
  const insertResource = db.prepare(
    `INSERT INTO party_resources (code, title, kind, unit_id, community_code, capacity, amount_fen, available_until, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const resourceIds = registers.resources.map((r) =>
    Number(
      insertResource.run(
        r.code,
        r.title,
        r.kind,
        unitIds[r.unitIndex],
        r.communityCode,
        r.capacity,
        r.amountFen,
        r.availableUntil,
        now,
        now,
      ).lastInsertRowid,
    ),
  );
  const insertProject = db.prepare(
    `INSERT INTO party_projects (code, title, owner_unit_id, community_code, ordered_by, budget_fen, spent_fen,
        planned_start, planned_end, actual_start, actual_end, status, cancel_reason, result_note,
        approved_by, approved_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '王建国', ?, ?, ?)`,
  );
  const insertLink = db.prepare(
    'INSERT INTO party_project_links (project_id, need_id, resource_id) VALUES (?, ?, ?)',
  );
  for (const p of registers.projects) {
    const id = Number(
      insertProject.run(
        p.code,
        p.title,
        unitIds[p.ownerUnitIndex],
        p.communityCode,
        p.orderedBy,
        p.budgetFen,
        p.spentFen,
        p.plannedStart,
        p.plannedEnd,
        p.actualStart,
        p.actualEnd,
        p.status,
        p.cancelReason,
        p.resultNote,
        now,
        now,
        now,
      ).lastInsertRowid,
    );
    insertLink.run(
      id,
      p.needIndex === null ? null : needIds[p.needIndex],
      p.resourceIndex === null ? null : resourceIds[p.resourceIndex],
    );
  }

  const insertWish = db.prepare(
    `INSERT INTO wishes (code, title, for_whom, resident_name, resident_phone, grid_code, community_code, value_fen,
        state, published_at, claimed_by_member_id, claimed_at, fulfilled_at, confirmed_at, withdrawn_at, due_at,
        created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertWishEvent = db.prepare(
    `INSERT INTO wish_events (wish_id, kind, at, actor, from_state, to_state, note)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const w of registers.wishes) {
    const last = w.steps[w.steps.length - 1]!.at;
    const id = Number(
      insertWish.run(
        w.code,
        w.title,
        w.forWhom,
        w.residentName,
        w.residentPhone,
        w.gridCode,
        w.communityCode,
        w.valueFen,
        w.state,
        Math.round(w.publishedAt),
        w.claimedByMemberIndex === null ? null : memberIds[w.claimedByMemberIndex],
        w.claimedAt === null ? null : Math.round(w.claimedAt),
        w.fulfilledAt === null ? null : Math.round(w.fulfilledAt),
        w.confirmedAt === null ? null : Math.round(w.confirmedAt),
        w.withdrawnAt === null ? null : Math.round(w.withdrawnAt),
        w.dueAt === null ? null : Math.round(w.dueAt),
        Math.round(w.publishedAt),
        Math.round(last),
      ).lastInsertRowid,
    );
    for (const s of w.steps)
      insertWishEvent.run(id, s.kind, Math.round(s.at), s.actor, s.fromState, s.toState, s.note);
  }

  const insertTeam = db.prepare(
    `INSERT INTO volunteer_teams (code, name, community_code, leader_name, leader_phone, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertVolunteer = db.prepare(
    `INSERT INTO volunteers (team_id, name, phone, party_member, member_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const teamIds = registers.teams.map((t) => {
    const id = Number(
      insertTeam.run(t.code, t.name, t.communityCode, t.leaderName, t.leaderPhone, now)
        .lastInsertRowid,
    );
    for (const v of t.volunteers)
      insertVolunteer.run(
        id,
        v.name,
        v.phone,
        v.partyMember ? 1 : 0,
        v.memberIndex === null ? null : memberIds[v.memberIndex],
        now,
      );
    return id;
  });
  const insertActivity = db.prepare(
    `INSERT INTO volunteer_activities (code, team_id, held_on, theme, place_code, participants, party_participants, hours, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of registers.activities)
    insertActivity.run(
      a.code,
      teamIds[a.teamIndex],
      a.heldOn,
      a.theme,
      a.placeCode,
      a.participants,
      a.partyParticipants,
      a.hours,
      now,
    );
  return registers.units.length + registers.members.length;
}
