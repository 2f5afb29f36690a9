/**
 * What each demo case is, decided before any of its times: category, place, source,
 * urgency, and the path it will take (voided, parked, escalated, reworked, late…). The
 * proportions follow what a street desk typically sees in a quarter.
 */
import type { CityDeadline } from '../clocks';
import type { CaseSource, CategoryKind, Satisfaction, Urgency } from '../glossary';
import { DAY_MS, HOUR_MS } from '../time';
import { caseAddress, caseDescription, resultNote } from './case-texts';
import { pointInGeometry } from './grid-geometry';
import { mobileNumber, personName } from './people';
import type { SeededRandom } from './random';
import type { DemoPlace } from './street';

export interface DemoCategory {
  code: string;
  kind: CategoryKind;
  minorName: string;
  defaultUnitCode: string | null;
  /**
   * The minor's 立案条件 in the active category standard (category_standards rows), when the
   * street has one: each case is registered under one of them. None: the case names none.
   */
  standards?: readonly DemoStandard[];
}

/** One 立案条件 of a category: its category_standards id. */
export interface DemoStandard {
  id: number;
  condition: string;
}

export interface DemoUnitRef {
  code: string;
  name: string;
}

/** How fast the case gets done, as a share of its resolution window. */
type Pace = 'on_time' | 'tight' | 'late' | 'stuck';
type Fate = 'normal' | 'void_from_reported' | 'void_from_registered' | 'suspended_now';

export interface CasePlan {
  reportedAt: number;
  source: CaseSource;
  category: DemoCategory;
  /** The 立案条件 (category_standards id) the case is registered under; null: none named. */
  standardId: number | null;
  urgency: Urgency;
  grid: DemoPlace;
  communityName: string;
  lng: number;
  lat: number;
  address: string;
  description: string;
  reporter: string | null;
  phone: string | null;
  leadUnitCode: string;
  /** A first dispatch to the wrong unit, which returns it (回退). */
  wrongUnitCode: string | null;
  fate: Fate;
  pace: Pace;
  /** Where in its pace band the case lands, 0–1. */
  paceFraction: number;
  /** Whether the case may stay open into its last 20% when that is where `now` falls. */
  nearDueCandidate: boolean;
  reworks: number;
  extended: boolean;
  suspendedAndResumed: boolean;
  escalation: { leadUnitCode: string; assistUnitCodes: string[] } | null;
  supervised: boolean;
  /** The callback result (回访), when the case gets one after closing. */
  satisfaction: Satisfaction | null;
  city: CityDeadline;
  resultNote: string;
}

/** How common each category is on a typical street; unlisted ones weigh 1. */
// prettier-ignore
const CATEGORY_WEIGHTS: Record<string, number> = {
  E0102: 14, E0505: 12, E0504: 10, E0507: 8, E0201: 7, E9007: 6, E0103: 5, E0501: 5,
  E9003: 5, E9001: 4, C0118: 4, E0301: 3, E0302: 3, E0510: 3, C0305: 3, E9002: 3, E9005: 3,
  E0204: 2, E0304: 2, C0101: 2, C0102: 2, C0103: 2, C0402: 2, E0111: 2, E9004: 2, E9006: 2,
  E0401: 0.4, E0403: 0.2, C0401: 0.3, C0502: 0.5,
};

/** Categories residents mostly phone in about. */
const RESIDENT_COMPLAINTS = new Set(['E0301', 'E0510', 'E9001', 'E9003', 'E9007', 'E0111']);

// prettier-ignore
const SOURCE_WEIGHTS: ReadonlyArray<readonly [CaseSource, number]> = [
  ['grid_patrol', 45], ['hotline_12345', 22], ['public_report', 10], ['video', 10],
  ['city_platform', 7], ['assigned', 3], ['department_transfer', 3],
];

export interface CasePlanContext {
  categories: readonly DemoCategory[];
  grids: readonly DemoPlace[];
  communityNames: ReadonlyMap<string, string>;
  buildingsByGrid: ReadonlyMap<string, number>;
  /** The 社区居委会 unit: a category defaulting to it goes to the case's own community. */
  communityCommitteeUnitCode: string;
  /** Departments that can be called in (吹哨) or wrongly dispatched to. */
  departments: readonly DemoUnitRef[];
}

export class CasePlanner {
  private readonly categoryEntries: ReadonlyArray<readonly [DemoCategory, number]>;
  private readonly gridEntries: ReadonlyArray<readonly [DemoPlace, number]>;

  constructor(private readonly context: CasePlanContext) {
    this.categoryEntries = context.categories.map(
      (c) => [c, CATEGORY_WEIGHTS[c.code] ?? 1] as const,
    );
    // Busier grids (more people) report more.
    this.gridEntries = context.grids.map((g) => [g, Math.max(1, g.population)] as const);
  }

  /**
   * `standards` picks the 立案条件 among the category's, from its own stream so that the
   * rest of the plan draws the same whether or not the street has a standard.
   */
  plan(random: SeededRandom, reportedAt: number, standards?: SeededRandom): CasePlan {
    const { context } = this;
    const category = random.weighted(this.categoryEntries);
    const choices = category.standards ?? [];
    const standardId =
      choices.length === 0
        ? null
        : choices.length === 1 || !standards
          ? choices[0]!.id
          : standards.pick(choices).id;
    const grid = random.weighted(this.gridEntries);
    const communityCode = grid.parentCode ?? '';
    const strain = communityStrain(communityCode);
    const source = this.chooseSource(random, category);
    const [lng, lat] = pointInGrid(random, grid);
    const address = caseAddress(random, grid.name, context.buildingsByGrid.get(grid.code) ?? 6);
    const description = caseDescription(random, category.code, category.minorName, address);
    const withReporter = source === 'hotline_12345' || source === 'public_report';
    const anonymous = withReporter && random.chance(0.15);
    const reporter = withReporter ? (anonymous ? '匿名' : personName(random).name) : null;
    const phone = withReporter ? mobileNumber(random) : null;
    const isCommitteeDefault =
      category.defaultUnitCode === null ||
      category.defaultUnitCode === context.communityCommitteeUnitCode;
    const leadUnitCode = isCommitteeDefault ? communityCode : category.defaultUnitCode!;

    const urgentChance = category.code.startsWith('E04')
      ? 0.8
      : /^C010[123]$/.test(category.code)
        ? 0.3
        : 0.05;
    const urgency: Urgency = random.chance(urgentChance) ? 'urgent' : 'normal';

    const voided = random.chance(0.03);
    const fate: Fate = voided
      ? random.chance(0.55)
        ? 'void_from_reported'
        : 'void_from_registered'
      : random.chance(0.011)
        ? 'suspended_now'
        : 'normal';

    const hardCategory = /^E(03|04|90)/.test(category.code);
    const escalation = random.chance(hardCategory ? 0.07 : 0.02)
      ? this.escalationFor(random, leadUnitCode, isCommitteeDefault)
      : null;
    const pace: Pace = escalation
      ? random.weighted([
          ['on_time', 35],
          ['tight', 25],
          ['late', 28],
          ['stuck', 12],
        ] as const)
      : random.weighted(PACE_BY_STRAIN[strain]);
    const reworks = random.chance(REWORK_BY_STRAIN[strain]) ? (random.chance(0.85) ? 1 : 2) : 0;
    const slow = pace === 'late' || pace === 'stuck';
    const extended = random.chance(pace === 'stuck' ? 0.3 : 0.035);
    const supervised = random.chance(escalation ? 0.4 : slow ? 0.3 : 0.01);

    let satisfaction: Satisfaction | null = null;
    if (random.chance(0.7)) {
      const unhappy = reworks > 0 || slow ? 0.2 : 0.05;
      satisfaction = random.weighted([
        ['satisfied', 0.82 - unhappy],
        ['basically_satisfied', 0.18],
        ['unsatisfied', unhappy],
      ] as const);
    }

    let city: CityDeadline = {};
    if ((source === 'city_platform' || source === 'assigned') && random.chance(0.6)) {
      city = random.chance(0.75)
        ? { deadlineHours: random.pick([24, 48, 72]) }
        : { dueAt: reportedAt + random.int(2, 5) * DAY_MS + random.int(0, 8) * HOUR_MS };
    }

    const wrongUnit = random.chance(0.015)
      ? random.pick(context.departments.filter((d) => d.code !== leadUnitCode))
      : null;

    return {
      reportedAt,
      source,
      category,
      standardId,
      urgency,
      grid,
      communityName: context.communityNames.get(communityCode) ?? '',
      lng,
      lat,
      address,
      description,
      reporter,
      phone,
      leadUnitCode,
      wrongUnitCode: wrongUnit?.code ?? null,
      fate,
      pace,
      paceFraction: random.next(),
      nearDueCandidate: random.chance(0.85),
      reworks,
      // A deadline the city set is extended on the city platform, never on the desk.
      extended: extended && city.dueAt == null && city.deadlineHours == null,
      suspendedAndResumed: fate === 'normal' && random.chance(0.012),
      escalation,
      supervised,
      satisfaction,
      city,
      resultNote: resultNote(random, category.code),
    };
  }

  private chooseSource(random: SeededRandom, category: DemoCategory): CaseSource {
    if (!RESIDENT_COMPLAINTS.has(category.code)) return random.weighted(SOURCE_WEIGHTS);
    const boosted = SOURCE_WEIGHTS.map(([source, weight]) => {
      const factor = source === 'hotline_12345' ? 3 : source === 'public_report' ? 2 : 1;
      return [source, weight * factor] as const;
    });
    return random.weighted(boosted);
  }

  /** 吹哨报到: a department leads (the default one, or one picked when the community led) with 1–2 assisting. */
  private escalationFor(
    random: SeededRandom,
    leadUnitCode: string,
    communityLed: boolean,
  ): CasePlan['escalation'] {
    const departments = this.context.departments;
    const lead = communityLed ? random.pick(departments).code : leadUnitCode;
    const others = departments.filter((d) => d.code !== lead);
    const assists = new Set<string>();
    const wanted = random.int(1, 2);
    while (assists.size < Math.min(wanted, others.length)) assists.add(random.pick(others).code);
    if (communityLed) assists.add(leadUnitCode);
    return { leadUnitCode: lead, assistUnitCodes: [...assists] };
  }
}

/** A point strictly inside the grid: sample its box (a little inset) and test the polygon. */
function pointInGrid(random: SeededRandom, grid: DemoPlace): [number, number] {
  const { minLng, minLat, maxLng, maxLat } = grid.bbox;
  const insetLng = (maxLng - minLng) * 0.04;
  const insetLat = (maxLat - minLat) * 0.04;
  for (let attempt = 0; attempt < 50; attempt++) {
    const lng = round6(random.between(minLng + insetLng, maxLng - insetLng));
    const lat = round6(random.between(minLat + insetLat, maxLat - insetLat));
    if (pointInGeometry(lng, lat, grid.boundary)) return [lng, lat];
  }
  return [grid.center[0], grid.center[1]];
}

/** Six decimals is about 0.1 m: what a phone's GPS report carries. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * How hard-pressed a community's handling is (0 calm … 2 strained). Real streets have
 * communities that lag month after month; giving the demo's communities fixed strains
 * makes the monthly ranking show all three tiers instead of a wall of blue.
 */
type Strain = 0 | 1 | 2;
const STRAIN_BY_SERIAL: readonly Strain[] = [0, 0, 1, 0, 2, 0, 1, 0, 0, 2, 1, 0];

function communityStrain(communityCode: string): Strain {
  const serial = Number(communityCode.slice(-3));
  return Number.isFinite(serial) && serial > 0 ? STRAIN_BY_SERIAL[(serial - 1) % 12]! : 0;
}

const PACE_BY_STRAIN: Record<Strain, ReadonlyArray<readonly [Pace, number]>> = {
  0: [
    ['on_time', 72],
    ['tight', 16],
    ['late', 9],
    ['stuck', 3],
  ],
  1: [
    ['on_time', 52],
    ['tight', 18],
    ['late', 23],
    ['stuck', 7],
  ],
  2: [
    ['on_time', 36],
    ['tight', 16],
    ['late', 33],
    ['stuck', 15],
  ],
};

const REWORK_BY_STRAIN: Record<Strain, number> = { 0: 0.045, 1: 0.09, 2: 0.16 };
