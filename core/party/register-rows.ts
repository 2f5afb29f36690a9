/**
 * One row of a register file checked (issue 14): every cell read (register-fields.ts), the
 * references resolved through the desk's lookups (a unit by code or name, a grid or
 * community by code, a team, a member by DY code), the rules between cells (a plan ends on
 * or after it starts, a cancelled project says why) — and either the table's column values
 * with the key the row is known by, or every problem by column.
 */
import { foldFullWidth, type CellValue } from '../exchange/cell-value';
import type { Sentence } from '../exchange/issues';
import {
  codeOf,
  isScientific,
  readChoice,
  readCount,
  readDay,
  readFlag,
  readHours,
  readPhone,
  readText,
  readYuan,
  textOf,
  type Read,
} from './register-fields';
import { VALUE_WORDS, type ExchangeRegister } from './register-exchange';

export type SqlValue = string | number | null;

export interface RegisterLookups {
  /** A unit by DW code or name; 'ambiguous' when two units bear the name. */
  unit(text: string): number | 'ambiguous' | null;
  /** A grid or community of this desk by its code. */
  place(code: string): { community: string; grid: string | null } | null;
  /** A community by code or name. */
  community(text: string): string | null;
  team(text: string): number | 'ambiguous' | null;
  member(code: string): number | null;
}

export interface CheckedRow {
  /** The row's code as the file gives it (normalised), or null for the desk to give one. */
  code: string | null;
  /** The register table's columns (not its code). */
  values: Record<string, SqlValue>;
}

export type RowProblem = { key: string; value: string; message: Sentence };

type Cells = Partial<Record<string, CellValue>>;

/** Collects the row's problems while its cells are read. */
class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(
    private readonly cells: Cells,
    private readonly lookups: RegisterLookups,
    private readonly date1904: boolean,
  ) {}

  private take<T>(key: string, read: Read<T>): T | null {
    if (read.ok) return read.value;
    this.problem(key, read.message.zh, read.message.en);
    return null;
  }

  problem(key: string, zh: string, en: string): void {
    this.problems.push({ key, value: textOf(this.cells[key]), message: { zh, en } });
  }

  required<T>(key: string, value: T | null, what: Sentence): T | null {
    if (value === null && !this.problems.some((p) => p.key === key))
      this.problem(key, `缺少${what.zh}。`, `The ${what.en} is missing.`);
    return value;
  }

  text = (key: string, max = 200) => this.take(key, readText(this.cells[key], max));
  day = (key: string) => this.take(key, readDay(this.cells[key], this.date1904));
  count = (key: string) => this.take(key, readCount(this.cells[key]));
  hours = (key: string, max: number) => this.take(key, readHours(this.cells[key], max));
  yuan = (key: string) => this.take(key, readYuan(this.cells[key]));
  phone = (key: string) => this.take(key, readPhone(this.cells[key]));
  flag = (key: string) => this.take(key, readFlag(this.cells[key]));
  choice = <T extends string>(key: string, words: Record<T, string>) =>
    this.take(key, readChoice(this.cells[key], words));

  /** A name an export masked (张*): importing it would write the mask over the real name. */
  unmasked(key: string, value: string | null): string | null {
    if (value?.includes('*'))
      this.problem(
        key,
        '姓名已打码（导出时隐去了字）：请填写完整姓名，或用管理员导出的完整名单。',
        'The name is masked: give the full name, or use an administrator’s unmasked export.',
      );
    return value;
  }

  /** A code the desk gives (DW0001): DW1 and dw0001 are DW0001. */
  code(key: string, prefix: string, digits: number): string | null {
    const text = codeOf(this.cells[key]).toUpperCase();
    if (text === '') return null;
    const match = new RegExp(`^${prefix}(\\d{1,${digits + 3}})$`).exec(text);
    if (!match) {
      this.problem(
        key,
        `编号应为 ${prefix} 加数字，如 ${prefix}${'1'.padStart(digits, '0')}；新登记的可留空。`,
        `A code is ${prefix} and digits, e.g. ${prefix}${'1'.padStart(digits, '0')}; leave it blank for a new row.`,
      );
      return null;
    }
    return `${prefix}${match[1]!.replace(/^0+(?=\d)/, '').padStart(digits, '0')}`;
  }

  place(key: string): { community: string; grid: string | null } | null {
    const code = codeOf(this.cells[key]);
    if (code === '') return null;
    if (isScientific(code)) {
      this.problem(
        key,
        '编码是科学计数法，数字已丢失：请把该列设置为“文本”格式。',
        'The code is in scientific notation and has lost digits: format the column as text.',
      );
      return null;
    }
    const place = this.lookups.place(code);
    if (!place)
      this.problem(
        key,
        `编码 ${code} 不是本街道的网格或社区。`,
        `${code} is not a grid or community of this desk.`,
      );
    return place;
  }

  community(key: string): string | null {
    const text = codeOf(this.cells[key]) === '' ? '' : textOf(this.cells[key]);
    if (text === '') return null;
    const code =
      this.lookups.community(codeOf(this.cells[key])) ??
      this.lookups.community(foldFullWidth(text));
    if (!code)
      this.problem(
        key,
        `“${text}”不是本街道的社区。`,
        `"${text}" is not a community of this desk.`,
      );
    return code;
  }

  private named(
    key: string,
    found: (text: string) => number | 'ambiguous' | null,
    what: Sentence & { codeHint: string },
  ): number | null {
    const text = textOf(this.cells[key]);
    if (text === '') return null;
    // The desk's names are held folded (db/exchange/register-lookups.ts): so is the cell.
    const folded = foldFullWidth(text);
    const id = found(folded) ?? found(folded.toUpperCase());
    if (id === 'ambiguous')
      this.problem(
        key,
        `有两个${what.zh}都叫“${text}”：请填写编号（${what.codeHint}…）。`,
        `Two ${what.en}s are named "${text}": give the code (${what.codeHint}…) instead.`,
      );
    else if (id === null)
      this.problem(
        key,
        `${what.zh}“${text}”不在名单中：请先导入或登记。`,
        `The ${what.en} "${text}" is not registered: import or enter it first.`,
      );
    return typeof id === 'number' ? id : null;
  }

  unit = (key: string) =>
    this.named(key, (t) => this.lookups.unit(t), { zh: '报到单位', en: 'unit', codeHint: 'DW' });
  team = (key: string) =>
    this.named(key, (t) => this.lookups.team(t), { zh: '志愿服务队', en: 'team', codeHint: 'ZYD' });

  member(key: string): number | null {
    const text = codeOf(this.cells[key]).toUpperCase();
    if (text === '') return null;
    const match = /^DY(\d{1,8})$/.exec(text);
    const code = match ? `DY${match[1]!.replace(/^0+(?=\d)/, '').padStart(5, '0')}` : null;
    const id = code ? this.lookups.member(code) : null;
    if (id === null)
      this.problem(
        key,
        `党员编号 ${text} 不在党员名册中。`,
        `Member ${text} is not on the members' roster.`,
      );
    return id;
  }
}

const W = (zh: string, en: string): Sentence => ({ zh, en });

type Check = (r: RowReader) => CheckedRow | null;

const CHECKS: Record<ExchangeRegister, Check> = {
  units(r) {
    const code = r.code('code', 'DW', 4);
    const name = r.required('name', r.text('name', 80), W('单位名称', 'unit name'));
    const values = {
      name,
      community_code: r.community('community'),
      contact_name: r.unmasked('contact_name', r.text('contact_name', 40)),
      contact_phone: r.phone('contact_phone'),
      agreement_on: r.day('agreement_on'),
      active: (r.flag('status') ?? true) ? 1 : 0,
    };
    return { code, values };
  },
  records(r) {
    const servedOn = r.required('served_on', r.day('served_on'), W('服务日期', 'day served'));
    const member = r.member('member');
    const unit = r.unit('unit');
    if (
      member === null &&
      unit === null &&
      !r.problems.some((p) => p.key === 'member' || p.key === 'unit')
    )
      r.problem('member', '缺少党员编号（或报到单位）。', 'Give the member code (or the unit).');
    const activity = r.required('activity', r.text('activity', 200), W('服务内容', 'activity'));
    const hours = r.required('hours', r.hours('hours', 24), W('服务时长', 'hours'));
    if (hours === 0) r.problem('hours', '服务时长应大于 0。', 'Hours must be more than 0.');
    const place = r.place('place');
    const values = {
      member_id: member,
      unit_id: unit,
      served_on: servedOn,
      place_code: place?.grid ?? place?.community ?? null,
      activity,
      theme: r.text('theme', 60),
      hours,
    };
    return { code: null, values };
  },
  needs(r) {
    const code = r.code('code', 'XQ', 4);
    const title = r.required('title', r.text('title', 200), W('需求内容', 'need'));
    const place = r.required('place', r.place('place'), W('所在网格或社区', 'grid or community'));
    const raisedOn = r.required('raised_on', r.day('raised_on'), W('提出日期', 'day raised'));
    const values = {
      title,
      place_code: place?.grid ?? place?.community ?? null,
      category: r.required(
        'category',
        r.choice('category', VALUE_WORDS.needCategory),
        W('类别', 'category'),
      ),
      households: r.count('households'),
      urgency: r.choice('urgency', VALUE_WORDS.urgency) ?? 'normal',
      raised_on: raisedOn,
      status: r.choice('status', VALUE_WORDS.needStatus) ?? 'open',
    };
    return { code, values };
  },
  resources(r) {
    const code = r.code('code', 'ZY', 4);
    const title = r.required('title', r.text('title', 200), W('资源名称', 'resource'));
    const unit = r.unit('unit');
    const member = r.member('member');
    const offeredBy = r.text('offered_by_name', 80);
    if (
      unit === null &&
      member === null &&
      offeredBy === null &&
      !r.problems.some((p) => p.key === 'unit' || p.key === 'member')
    )
      r.problem(
        'unit',
        '缺少提供单位（或提供党员、提供人）。',
        'Give who offers it: the unit, a member or a name.',
      );
    const values = {
      title,
      kind: r.required('kind', r.choice('kind', VALUE_WORDS.resourceKind), W('类别', 'kind')),
      unit_id: unit,
      member_id: member,
      offered_by_name: offeredBy,
      community_code: r.community('community'),
      capacity: r.text('capacity', 60),
      amount_fen: r.yuan('amount'),
      available_until: r.day('available_until'),
    };
    return { code, values };
  },
  projects(r) {
    const code = r.code('code', 'XM', 4);
    const title = r.required('title', r.text('title', 200), W('项目名称', 'project'));
    const start = r.required(
      'planned_start',
      r.day('planned_start'),
      W('计划开始日期', 'planned start'),
    );
    const end = r.required('planned_end', r.day('planned_end'), W('计划完成日期', 'planned end'));
    if (start && end && end < start)
      r.problem(
        'planned_end',
        '计划完成日期早于计划开始日期。',
        'The planned end is before the planned start.',
      );
    const status = r.choice('status', VALUE_WORDS.projectStatus) ?? 'planned';
    const actualStart = r.day('actual_start');
    const actualEnd = r.day('actual_end');
    const reason = r.text('cancel_reason', 200);
    if (status === 'done' && actualEnd === null && !r.problems.some((p) => p.key === 'actual_end'))
      r.problem(
        'actual_end',
        '已完成的项目须填写实际完成日期。',
        'A done project needs its actual end day.',
      );
    if (status === 'cancelled' && reason === null)
      r.problem(
        'cancel_reason',
        '已取消的项目须填写取消原因。',
        'A cancelled project needs the reason.',
      );
    const community = r.community('community');
    const values = {
      title,
      owner_unit_id: r.unit('unit'),
      community_code: community,
      ordered_by: r.choice('ordered_by', VALUE_WORDS.orderedBy) ?? 'community',
      budget_fen: r.yuan('budget') ?? 0,
      spent_fen: r.yuan('spent') ?? 0,
      planned_start: start,
      planned_end: end,
      actual_start: actualStart,
      actual_end: actualEnd,
      status,
      cancel_reason: status === 'cancelled' ? reason : null,
      result_note: r.text('result_note', 500),
    };
    return { code, values };
  },
  volunteers(r) {
    const team = r.required('team', r.team('team'), W('志愿服务队', 'team'));
    const name = r.required('name', r.unmasked('name', r.text('name', 40)), W('姓名', 'name'));
    const phone = r.phone('phone');
    const values = {
      team_id: team,
      name,
      phone,
      party_member: r.flag('party_member') ? 1 : 0,
      joined_on: r.day('joined_on'),
    };
    return { code: null, values };
  },
  activities(r) {
    const code = r.code('code', 'HD', 5);
    const heldOn = r.required('held_on', r.day('held_on'), W('活动日期', 'day held'));
    const theme = r.required('theme', r.text('theme', 200), W('活动主题', 'theme'));
    const team = r.team('team');
    const participants = r.required(
      'participants',
      r.count('participants'),
      W('参与人数', 'participants'),
    );
    const party = r.count('party_participants') ?? 0;
    if (participants !== null && party > participants)
      r.problem(
        'party_participants',
        '党员人数多于参与人数。',
        'More party members than participants.',
      );
    const place = r.place('place');
    const values = {
      team_id: team,
      held_on: heldOn,
      theme,
      place_code: place?.grid ?? place?.community ?? null,
      participants,
      party_participants: party,
      hours: r.hours('hours', 10_000) ?? 0,
    };
    return { code, values };
  },
};

export function checkRegisterRow(
  register: ExchangeRegister,
  cells: Cells,
  lookups: RegisterLookups,
  date1904 = false,
): { ok: true; row: CheckedRow } | { ok: false; problems: RowProblem[] } {
  const reader = new RowReader(cells, lookups, date1904);
  const row = CHECKS[register](reader);
  if (reader.problems.length > 0 || !row) return { ok: false, problems: reader.problems };
  return { ok: true, row };
}
