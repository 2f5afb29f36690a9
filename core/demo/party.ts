/**
 * The demo street's party-building registers (issue 14), sized by docs/design/GRID-WORK.md's
 * figures scaled to one street: about 130 unit party organisations paired with the
 * communities, 2,600 members serving where they live, a year of projects from the three
 * lists (about 600), the last 90 days of service records, small wishes and volunteer
 * activities. Pure and seeded like the cases: the same seed gives the same registers.
 */
import { DAY_MS, dayString, type DayString } from '../time';
import { DEFAULT_WISH_CLOCKS, wishDueAt, type WishState } from '../party/wish-clock';
import type { ProjectStatus } from '../party/project-state';
import { mobileNumber, personName } from './people';
import {
  ACTIVITIES,
  BRANCH_SUFFIX,
  NEED_TEMPLATES,
  RESOURCE_TEMPLATES,
  SKILLS,
  THEMES,
  UNIT_KINDS,
  WISH_FOR,
  WISH_TEMPLATES,
} from './party-texts';
import type {
  DemoActivity,
  DemoNeed,
  DemoPartyMember,
  DemoPartyRegisters,
  DemoPartyUnit,
  DemoProject,
  DemoResource,
  DemoServiceRecord,
  DemoVolunteerTeam,
  DemoWish,
  DemoWishStep,
  PartyGrid,
  PartyPlace,
} from './party-types';

export type * from './party-types';
import type { SeededRandom } from './random';

function day(now: number, daysAgo: number): DayString {
  return dayString(now - daysAgo * DAY_MS);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function generatePartyRegisters(options: {
  random: SeededRandom;
  now: number;
  communities: PartyPlace[];
  grids: PartyGrid[];
}): DemoPartyRegisters {
  const { now, communities, grids } = options;
  const random = options.random;
  const gridsOf = new Map<string, PartyGrid[]>();
  for (const grid of grids) {
    const list = gridsOf.get(grid.communityCode) ?? [];
    list.push(grid);
    gridsOf.set(grid.communityCode, list);
  }
  const gridIn = (r: SeededRandom, communityCode: string) =>
    r.pick(gridsOf.get(communityCode) ?? grids);

  // 双报到 units: about 11 per community, each with a residential area or two.
  const unitRandom = random.derive('party-units');
  const units: DemoPartyUnit[] = [];
  for (const [ci, community] of communities.entries()) {
    const count = unitRandom.int(9, 13);
    for (let i = 0; i < count; i++) {
      const kind = UNIT_KINDS[(ci * 7 + i) % UNIT_KINDS.length]!;
      const suffix =
        BRANCH_SUFFIX[Math.floor(((ci * 7 + i) / UNIT_KINDS.length) % BRANCH_SUFFIX.length)]!;
      units.push({
        code: `DW${pad(units.length + 1, 4)}`,
        name: `${kind}${suffix}（${community.name}）`,
        contactName: personName(unitRandom).name,
        contactPhone: mobileNumber(unitRandom),
        communityCode: community.code,
        agreementOn: day(now, unitRandom.int(200, 900)),
        areas: Array.from(
          { length: unitRandom.int(1, 2) },
          (_, k) =>
            `${community.name.replace(/社区$/, '')}${['花园', '小区', '家园', '苑'][k % 4]}${unitRandom.int(1, 9)}期`,
        ),
      });
    }
  }

  // Members: 20 per unit on average, living in a grid of the unit's community mostly.
  const memberRandom = random.derive('party-members');
  const members: DemoPartyMember[] = [];
  for (const [ui, unit] of units.entries()) {
    const count = memberRandom.int(14, 26);
    for (let i = 0; i < count; i++) {
      const home = memberRandom.chance(0.7)
        ? unit.communityCode
        : memberRandom.pick(communities).code;
      members.push({
        code: `DY${pad(members.length + 1, 5)}`,
        name: personName(memberRandom).name,
        phone: mobileNumber(memberRandom),
        unitIndex: ui,
        homeCommunityCode: home,
        homeGridCode: gridIn(memberRandom, home).code,
        reportedOn: day(now, memberRandom.int(30, 1000)),
        skills: memberRandom.pick(SKILLS),
      });
    }
  }

  // Service records over the last 90 days: about 60 % of members active, 1–4 records each.
  const recordRandom = random.derive('party-records');
  const records: DemoServiceRecord[] = [];
  for (const [mi, member] of members.entries()) {
    if (!recordRandom.chance(0.6)) continue;
    const count = recordRandom.int(1, 4);
    for (let i = 0; i < count; i++) {
      const daysAgo = recordRandom.int(0, 89);
      records.push({
        memberIndex: mi,
        servedOn: day(now, daysAgo),
        placeCode: member.homeGridCode,
        activity: recordRandom.pick(ACTIVITIES),
        theme: THEMES[Math.floor(daysAgo / 30) % THEMES.length]!,
        hours: recordRandom.int(2, 8) / 2,
      });
    }
  }
  records.sort((a, b) => (a.servedOn < b.servedOn ? -1 : a.servedOn > b.servedOn ? 1 : 0));

  // The three lists: needs and resources, and a year of projects matching them.
  const listRandom = random.derive('party-lists');
  const needs: DemoNeed[] = [];
  for (let i = 0; i < 220; i++) {
    const community = listRandom.pick(communities);
    const [category, title] = listRandom.pick(NEED_TEMPLATES);
    needs.push({
      code: `XQ${pad(i + 1, 4)}`,
      title: `${community.name}${title}`,
      placeCode: listRandom.chance(0.5) ? community.code : gridIn(listRandom, community.code).code,
      category,
      households: listRandom.int(5, 300),
      urgency: listRandom.chance(0.15) ? 'urgent' : 'normal',
      raisedOn: day(now, listRandom.int(0, 364)),
    });
  }
  const resources: DemoResource[] = [];
  for (let i = 0; i < 160; i++) {
    const unitIndex = listRandom.int(0, units.length - 1);
    const [kind, title, capacity] = listRandom.pick(RESOURCE_TEMPLATES);
    resources.push({
      code: `ZY${pad(i + 1, 4)}`,
      title: `${units[unitIndex]!.name.replace(/（.*$/, '')}${title}`,
      kind,
      unitIndex,
      communityCode: units[unitIndex]!.communityCode,
      capacity,
      amountFen: kind === 'funds' ? listRandom.int(2, 50) * 1_000_00 : null,
      availableUntil: dayString(now + listRandom.int(30, 365) * DAY_MS),
    });
  }
  const projects: DemoProject[] = [];
  const today = dayString(now);
  for (let i = 0; i < 620; i++) {
    const needIndex = listRandom.int(0, needs.length - 1);
    const need = needs[needIndex]!;
    const community = communities.find((c) => need.placeCode.startsWith(c.code)) ?? communities[0]!;
    const startAgo = listRandom.int(0, 365);
    const length = listRandom.int(7, 90);
    const plannedStart = day(now, startAgo);
    const plannedEnd = dayString(now - startAgo * DAY_MS + length * DAY_MS);
    // About 3,000 yuan a project: the reports' 651 projects came to about 2 million yuan.
    const budgetFen = listRandom.int(10, 110) * 5_000;
    let status: ProjectStatus = 'planned';
    let actualStart: DayString | null = null;
    let actualEnd: DayString | null = null;
    let spentFen = 0;
    let cancelReason: string | null = null;
    let resultNote: string | null = null;
    if (plannedStart <= today) {
      actualStart = plannedStart;
      status = 'in_progress';
      // Most finish; a few run late and stay open past their end (the figures' 超期).
      if (plannedEnd < today && listRandom.chance(0.96)) {
        status = 'done';
        const lateBy = listRandom.chance(0.2) ? listRandom.int(1, 20) : 0;
        const end = Math.min(now, now - startAgo * DAY_MS + (length + lateBy) * DAY_MS);
        actualEnd = dayString(end);
        spentFen = Math.round((budgetFen * listRandom.int(80, 100)) / 100);
        resultNote = `${need.title}已完成，惠及 ${need.households} 户`;
      } else if (listRandom.chance(0.03)) {
        status = 'cancelled';
        actualStart = null;
        cancelReason = '资金未落实，转入下一年度';
      }
    }
    const resourceIndex = listRandom.chance(0.8) ? listRandom.int(0, resources.length - 1) : null;
    projects.push({
      code: `XM${pad(i + 1, 4)}`,
      title: `${need.title}项目`,
      ownerUnitIndex:
        resourceIndex !== null
          ? resources[resourceIndex]!.unitIndex
          : listRandom.int(0, units.length - 1),
      communityCode: community.code,
      orderedBy: listRandom.chance(0.5) ? 'community' : 'unit',
      budgetFen,
      spentFen,
      plannedStart,
      plannedEnd,
      actualStart,
      actualEnd,
      status,
      cancelReason,
      resultNote,
      needIndex,
      resourceIndex,
    });
  }

  // Small wishes over the last 90 days, each with its steps.
  const wishRandom = random.derive('party-wishes');
  const wishes: DemoWish[] = [];
  for (let i = 0; i < 420; i++) {
    const community = wishRandom.pick(communities);
    const grid = gridIn(wishRandom, community.code);
    const publishedAt = now - wishRandom.between(0, 90) * DAY_MS;
    const forWhom = wishRandom.pick(WISH_FOR);
    const wish: DemoWish = {
      code: `XY${pad(i + 1, 4)}`,
      title: `${forWhom}想要${wishRandom.pick(WISH_TEMPLATES)}`,
      forWhom,
      residentName: personName(wishRandom).name,
      residentPhone: mobileNumber(wishRandom),
      gridCode: grid.code,
      communityCode: community.code,
      valueFen: wishRandom.int(5, 60) * 1000,
      state: 'published',
      publishedAt,
      claimedByMemberIndex: null,
      claimedAt: null,
      fulfilledAt: null,
      confirmedAt: null,
      withdrawnAt: null,
      dueAt: null,
      steps: [
        {
          kind: 'publish',
          at: publishedAt,
          actor: `${community.name}社区工作者`,
          fromState: null,
          toState: 'published',
          note: null,
        },
      ],
    };
    const step = (
      kind: DemoWishStep['kind'],
      at: number,
      toState: WishState,
      actor: string,
      note: string | null,
    ) => {
      wish.steps.push({ kind, at, actor, fromState: wish.state, toState, note });
      wish.state = toState;
    };
    // Most are claimed within the week; some late, a few never (still open or withdrawn).
    const claimAfter = wishRandom.chance(0.85)
      ? wishRandom.between(0.1, 6.5)
      : wishRandom.between(7.5, 20);
    if (publishedAt + claimAfter * DAY_MS < now) {
      const memberIndex = wishRandom.int(0, members.length - 1);
      wish.claimedAt = publishedAt + claimAfter * DAY_MS;
      wish.claimedByMemberIndex = memberIndex;
      step('claim', wish.claimedAt, 'claimed', members[memberIndex]!.name, null);
      const fulfilAfter = wishRandom.chance(0.85)
        ? wishRandom.between(1, 25)
        : wishRandom.between(31, 45);
      if (wish.claimedAt + fulfilAfter * DAY_MS < now) {
        wish.fulfilledAt = wish.claimedAt + fulfilAfter * DAY_MS;
        step('fulfil', wish.fulfilledAt, 'fulfilled', members[memberIndex]!.name, '心愿已送达');
        const confirmAfter = wishRandom.between(0.2, 4);
        if (wish.fulfilledAt + confirmAfter * DAY_MS < now) {
          wish.confirmedAt = wish.fulfilledAt + confirmAfter * DAY_MS;
          step('confirm', wish.confirmedAt, 'confirmed', `${community.name}社区工作者`, null);
        }
      }
    } else if (wishRandom.chance(0.1)) {
      wish.withdrawnAt = publishedAt + wishRandom.between(0.5, 3) * DAY_MS;
      if (wish.withdrawnAt < now)
        step(
          'withdraw',
          wish.withdrawnAt,
          'withdrawn',
          `${community.name}社区工作者`,
          '居民已自行解决',
        );
      else wish.withdrawnAt = null;
    }
    wish.dueAt = wishDueAt(wish, DEFAULT_WISH_CLOCKS);
    wishes.push(wish);
  }
  wishes.sort((a, b) => a.publishedAt - b.publishedAt);

  // Volunteer teams (two per community) and their weekly activities (每周六服务日).
  const teamRandom = random.derive('party-volunteers');
  const teams: DemoVolunteerTeam[] = [];
  for (const community of communities) {
    for (const kind of ['党员志愿服务队', '邻里互助志愿服务队']) {
      const size = teamRandom.int(30, 60);
      const leader = personName(teamRandom).name;
      teams.push({
        code: `ZYD${pad(teams.length + 1, 3)}`,
        name: `${community.name}${kind}`,
        communityCode: community.code,
        leaderName: leader,
        leaderPhone: mobileNumber(teamRandom),
        volunteers: Array.from({ length: size }, () => {
          const party = kind.startsWith('党员') ? teamRandom.chance(0.8) : teamRandom.chance(0.25);
          const memberIndex =
            party && teamRandom.chance(0.5) ? teamRandom.int(0, members.length - 1) : null;
          return {
            name: memberIndex !== null ? members[memberIndex]!.name : personName(teamRandom).name,
            phone: mobileNumber(teamRandom),
            partyMember: party,
            memberIndex,
          };
        }),
      });
    }
  }
  const activities: DemoActivity[] = [];
  for (const [ti, team] of teams.entries()) {
    for (let week = 0; week < 13; week++) {
      if (!teamRandom.chance(0.8)) continue;
      const participants = teamRandom.int(6, Math.min(30, team.volunteers.length));
      const partyShare =
        team.volunteers.filter((v) => v.partyMember).length / team.volunteers.length;
      const partyParticipants = Math.min(participants, Math.round(participants * partyShare));
      activities.push({
        code: `HD${pad(activities.length + 1, 5)}`,
        teamIndex: ti,
        heldOn: day(now, week * 7 + teamRandom.int(0, 1)),
        theme: `${THEMES[Math.floor((week * 7) / 30) % THEMES.length]} · ${teamRandom.pick(ACTIVITIES)}`,
        placeCode: gridIn(teamRandom, team.communityCode).code,
        participants,
        partyParticipants,
        hours: (participants * teamRandom.int(2, 6)) / 2,
      });
    }
  }
  activities.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));

  return { units, members, records, needs, resources, projects, wishes, teams, activities };
}
