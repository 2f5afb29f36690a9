/**
 * The party-building registers (党建引领 台账, issue 14) as the desk shows them: which registers
 * there are and the columns of each one's table, shared by the API (which reads exactly these
 * columns) and the screen (which labels and formats them). A column's `kind` says how it is
 * shown: `phone` and `person` are personal data, masked by role like a case's reporter.
 */
export const REGISTERS = [
  'units',
  'members',
  'records',
  'needs',
  'resources',
  'projects',
  'volunteers',
  'activities',
] as const;
export type Register = (typeof REGISTERS)[number];

export type ColumnKind =
  'code' | 'text' | 'day' | 'count' | 'hours' | 'fen' | 'flag' | 'phone' | 'person' | 'enum';

export interface RegisterColumn {
  key: string;
  kind: ColumnKind;
  /** Relative width in the table's grid. */
  width: number;
}

const c = (key: string, kind: ColumnKind, width = 1): RegisterColumn => ({ key, kind, width });

export const REGISTER_COLUMNS: Record<Register, readonly RegisterColumn[]> = {
  units: [
    c('code', 'code', 0.7),
    c('name', 'text', 2.2),
    c('community', 'text'),
    c('contactName', 'person', 0.7),
    c('contactPhone', 'phone', 1),
    c('members', 'count', 0.6),
    c('agreementOn', 'day', 0.8),
    c('active', 'flag', 0.5),
  ],
  members: [
    c('code', 'code', 0.8),
    c('name', 'text', 0.7),
    c('phone', 'phone', 1),
    c('unit', 'text', 2),
    c('community', 'text', 0.8),
    c('grid', 'text', 1.2),
    c('reportedOn', 'day', 0.8),
    c('skills', 'text', 1),
    c('active', 'flag', 0.5),
  ],
  records: [
    c('servedOn', 'day', 0.8),
    c('member', 'text', 0.7),
    c('unit', 'text', 1.8),
    c('place', 'text', 1),
    c('activity', 'text', 1.4),
    c('theme', 'text', 1),
    c('hours', 'hours', 0.5),
    c('serves', 'enum', 0.6),
  ],
  needs: [
    c('code', 'code', 0.7),
    c('title', 'text', 2),
    c('place', 'text', 1.2),
    c('category', 'enum', 0.7),
    c('households', 'count', 0.6),
    c('urgency', 'enum', 0.6),
    c('raisedOn', 'day', 0.8),
    c('status', 'enum', 0.7),
  ],
  resources: [
    c('code', 'code', 0.7),
    c('title', 'text', 2),
    c('kind', 'enum', 0.7),
    c('offeredBy', 'text', 1.6),
    c('community', 'text', 0.8),
    c('capacity', 'text', 0.9),
    c('amountFen', 'fen', 0.8),
    c('availableUntil', 'day', 0.8),
  ],
  projects: [
    c('code', 'code', 0.7),
    c('title', 'text', 2),
    c('ownerUnit', 'text', 1.4),
    c('community', 'text', 0.8),
    c('budgetFen', 'fen', 0.8),
    c('spentFen', 'fen', 0.8),
    c('plannedEnd', 'day', 0.9),
    c('status', 'enum', 1.1),
    c('approved', 'flag', 0.5),
  ],
  volunteers: [
    c('name', 'person', 0.7),
    c('phone', 'phone', 1),
    c('team', 'text', 1.8),
    c('community', 'text', 0.8),
    c('partyMember', 'flag', 0.6),
    c('joinedOn', 'day', 0.8),
  ],
  activities: [
    c('code', 'code', 0.8),
    c('heldOn', 'day', 0.8),
    c('theme', 'text', 1.8),
    c('team', 'text', 1.6),
    c('place', 'text', 1),
    c('participants', 'count', 0.6),
    c('partyParticipants', 'count', 0.6),
    c('hours', 'hours', 0.6),
  ],
};

/** The filters each register's table offers besides search and community. */
export const REGISTER_STATUS_VALUES: Partial<Record<Register, readonly string[]>> = {
  needs: ['open', 'matched', 'closed'],
  resources: ['venue', 'funds', 'skills', 'goods', 'service'],
  projects: ['planned', 'in_progress', 'done', 'cancelled', 'overdue', 'unapproved'],
  units: ['active', 'inactive'],
  members: ['active', 'inactive'],
};

export const NEED_CATEGORIES = [
  'elderly',
  'childcare',
  'environment',
  'facilities',
  'hardship',
  'culture',
  'other',
] as const;
export const RESOURCE_KINDS = ['venue', 'funds', 'skills', 'goods', 'service'] as const;

/**
 * Which resource kinds usually answer a need of each category, for 双向点单's first filter
 * (the operator can widen it to every kind).
 */
export const RESOURCE_KINDS_FOR_NEED: Record<
  (typeof NEED_CATEGORIES)[number],
  readonly (typeof RESOURCE_KINDS)[number][]
> = {
  elderly: ['service', 'skills', 'goods', 'venue'],
  childcare: ['skills', 'venue', 'service'],
  environment: ['funds', 'service', 'goods'],
  facilities: ['funds', 'goods', 'skills'],
  hardship: ['goods', 'funds', 'service'],
  culture: ['venue', 'skills', 'funds'],
  other: ['venue', 'funds', 'skills', 'goods', 'service'],
};
