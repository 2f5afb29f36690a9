/** The shapes of the demo street's party-building registers (core/demo/party.ts makes them). */
import type { DayString } from '../time';
import type { WishState } from '../party/wish-clock';
import type { ProjectStatus } from '../party/project-state';

export interface PartyPlace {
  code: string;
  name: string;
}
export interface PartyGrid extends PartyPlace {
  communityCode: string;
}

export interface DemoPartyUnit {
  code: string;
  name: string;
  contactName: string;
  contactPhone: string;
  communityCode: string;
  agreementOn: DayString;
  areas: string[];
}
export interface DemoPartyMember {
  code: string;
  name: string;
  phone: string;
  unitIndex: number;
  homeCommunityCode: string;
  homeGridCode: string;
  reportedOn: DayString;
  skills: string;
}
export interface DemoServiceRecord {
  memberIndex: number;
  servedOn: DayString;
  placeCode: string;
  activity: string;
  theme: string;
  hours: number;
}
export interface DemoNeed {
  code: string;
  title: string;
  placeCode: string;
  category:
    'elderly' | 'childcare' | 'environment' | 'facilities' | 'hardship' | 'culture' | 'other';
  households: number;
  urgency: 'normal' | 'urgent';
  raisedOn: DayString;
}
export interface DemoResource {
  code: string;
  title: string;
  kind: 'venue' | 'funds' | 'skills' | 'goods' | 'service';
  unitIndex: number;
  communityCode: string;
  capacity: string;
  amountFen: number | null;
  availableUntil: DayString;
}
export interface DemoProject {
  code: string;
  title: string;
  ownerUnitIndex: number;
  communityCode: string;
  orderedBy: 'community' | 'unit';
  budgetFen: number;
  spentFen: number;
  plannedStart: DayString;
  plannedEnd: DayString;
  actualStart: DayString | null;
  actualEnd: DayString | null;
  status: ProjectStatus;
  cancelReason: string | null;
  resultNote: string | null;
  needIndex: number | null;
  resourceIndex: number | null;
}
export interface DemoWishStep {
  kind: 'publish' | 'claim' | 'fulfil' | 'confirm' | 'withdraw';
  at: number;
  actor: string;
  fromState: WishState | null;
  toState: WishState;
  note: string | null;
}
export interface DemoWish {
  code: string;
  title: string;
  forWhom: string;
  residentName: string;
  residentPhone: string;
  gridCode: string;
  communityCode: string;
  valueFen: number;
  state: WishState;
  publishedAt: number;
  claimedByMemberIndex: number | null;
  claimedAt: number | null;
  fulfilledAt: number | null;
  confirmedAt: number | null;
  withdrawnAt: number | null;
  dueAt: number | null;
  steps: DemoWishStep[];
}
export interface DemoVolunteerTeam {
  code: string;
  name: string;
  communityCode: string;
  leaderName: string;
  leaderPhone: string;
  volunteers: { name: string; phone: string; partyMember: boolean; memberIndex: number | null }[];
}
export interface DemoActivity {
  code: string;
  teamIndex: number;
  heldOn: DayString;
  theme: string;
  placeCode: string;
  participants: number;
  partyParticipants: number;
  hours: number;
}

export interface DemoPartyRegisters {
  units: DemoPartyUnit[];
  members: DemoPartyMember[];
  records: DemoServiceRecord[];
  needs: DemoNeed[];
  resources: DemoResource[];
  projects: DemoProject[];
  wishes: DemoWish[];
  teams: DemoVolunteerTeam[];
  activities: DemoActivity[];
}
