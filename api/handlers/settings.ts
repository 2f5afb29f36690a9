/**
 * The admin's settings (api/contract/settings.ts). Every method is the admin's: the check is
 * here, at the top of each handler, so the feature is whole in its two files. A refusal
 * the admin can fix is a UserError whose sentence names the field.
 */
import { parseLimit, type Limit } from '../../core/limits/limit';
import { activeCategoryVersion } from '../../db/queries/category-standards';
import {
  listCategoryChoices,
  listClockOverrides,
  recentSettingChanges,
  removeClockOverride,
  saveClockOverride,
} from '../../db/queries/clock-overrides';
import {
  CLOCK_DEFAULTS_SETTING,
  IDLE_LOCK_SETTING,
  readStageClockDefaults,
  saveIdleLockMinutes,
  saveStageClockDefaults,
} from '../../db/queries/admin-settings';
import { addLocalCategory, editStandardRow } from '../../db/queries/standard-edit';
import {
  listCategoryVersions,
  listMajors,
  listUnitChoices,
  searchStandardRows,
} from '../../db/queries/standard-versions';
import { readIdleLockMinutes } from '../../db/queries/users';
import type { ApiContext } from '../context';
import { UserError } from '../errors';
import type { FeatureHandlers } from './types';

function requireAdmin(context: ApiContext): void {
  const role = context.actor.role;
  if (role === 'admin' || role === 'system') return;
  if (role === 'anonymous') {
    throw new UserError('sign_in_required', {
      zh: '请先以管理员登录再修改设置。',
      en: 'Sign in as an administrator first to change the settings.',
    });
  }
  throw new UserError('role_not_allowed', {
    zh: '此操作只能由管理员进行。',
    en: 'Only admin users may do this.',
  });
}

type Refusal = { code: string; where: string; zh: string; en: string };
function refuse(refusal: Refusal): never {
  throw new UserError(refusal.code, { zh: refusal.zh, en: refusal.en }, refusal.where);
}

/** The limit as typed (4小时, 1天…), read as the import reads a cell. */
function limitOf(text: string): { limit: Limit; note: string | null } {
  const parsed = parseLimit(text);
  if (!parsed.ok) {
    refuse({
      code: 'bad_limit',
      where: 'limit',
      zh: `处置时限：${parsed.message.zh}`,
      en: `Limit: ${parsed.message.en}`,
    });
  }
  return { limit: parsed.limit, note: parsed.note };
}

/** A clock value the admin typed: a positive number of at most `max`, or (optional) none. */
function checkPositive(
  value: number | null,
  where: string,
  field: { zh: string; en: string },
  max: number,
  integer = false,
): void {
  if (value === null) return;
  if (!(value > 0) || value > max || (integer && !Number.isInteger(value))) {
    refuse({
      code: 'bad_number',
      where,
      zh: `${field.zh}须为大于 0、不超过 ${max} 的${integer ? '整数' : '数'}（填写的是 ${value}）。`,
      en: `${field.en} must be ${integer ? 'a whole number' : 'a number'} above 0 and at most ${max} (it is ${value}).`,
    });
  }
}

function standardView(context: ApiContext) {
  const db = context.db;
  const version = activeCategoryVersion(db);
  return {
    ...listCategoryVersions(db),
    units: listUnitChoices(db),
    majors: version === null ? [] : listMajors(db, version),
  };
}

const OVERRIDE_ACTIONS = ['clocks.override.save', 'clocks.override.remove'];

function overridesView(context: ApiContext) {
  return {
    overrides: listClockOverrides(context.db),
    categories: listCategoryChoices(context.db),
    history: recentSettingChanges(context.db, OVERRIDE_ACTIONS),
  };
}

function changed(context: ApiContext): void {
  context.live.publish({ type: 'data.changed', at: context.now() });
}

export const settingsHandlers = {
  'settings.standard.versions': (context) => {
    requireAdmin(context);
    return standardView(context);
  },

  'settings.standard.rows': (context, input) => {
    requireAdmin(context);
    const version = input.version ?? activeCategoryVersion(context.db);
    if (version === null) return { version: null, rows: [], total: 0 };
    const found = searchStandardRows(context.db, {
      version,
      search: input.search,
      limit: input.limit ?? 200,
    });
    return { version, ...found };
  },

  'settings.standard.editRow': (context, input) => {
    requireAdmin(context);
    const { limit, note } = limitOf(input.limit);
    const result = editStandardRow(
      context.db,
      { ...input, limit, note },
      context.actor.name,
      context.now(),
    );
    if (!result.ok) refuse(result);
    changed(context);
    return { version: result.version };
  },

  'settings.standard.addLocal': (context, input) => {
    requireAdmin(context);
    const { limit, note } = limitOf(input.limit);
    const result = addLocalCategory(
      context.db,
      { ...input, limit, note },
      context.actor.name,
      context.now(),
    );
    if (!result.ok) refuse(result);
    changed(context);
    return { version: result.version, code: result.code! };
  },

  'settings.clockOverrides.list': (context) => {
    requireAdmin(context);
    return overridesView(context);
  },

  'settings.clockOverrides.save': (context, input) => {
    requireAdmin(context);
    const values = [
      input.acceptMinutes,
      input.onsiteMinutes,
      input.resolveHours,
      input.resolveWorkingDays,
    ];
    if (values.every((v) => v === null)) {
      refuse({
        code: 'empty_override',
        where: 'acceptMinutes',
        zh: '紧急程度时限至少要填一项（受理、到场或处置时限）。',
        en: 'An override needs at least one clock (accept, on site or resolve).',
      });
    }
    if (input.resolveHours !== null && input.resolveWorkingDays !== null) {
      refuse({
        code: 'two_resolve_limits',
        where: 'resolveWorkingDays',
        zh: '处置时限只填一种：小时或工作日。',
        en: 'Resolve limit: give hours or working days, not both.',
      });
    }
    checkPositive(
      input.acceptMinutes,
      'acceptMinutes',
      { zh: '受理时限（分钟）', en: 'Accept (minutes)' },
      10_080,
    );
    checkPositive(
      input.onsiteMinutes,
      'onsiteMinutes',
      { zh: '到场时限（分钟）', en: 'On site (minutes)' },
      10_080,
    );
    checkPositive(
      input.resolveHours,
      'resolveHours',
      { zh: '处置时限（小时）', en: 'Resolve (hours)' },
      8_760,
    );
    checkPositive(
      input.resolveWorkingDays,
      'resolveWorkingDays',
      { zh: '处置时限（工作日）', en: 'Resolve (working days)' },
      365,
      true,
    );
    const result = saveClockOverride(context.db, input, context.actor.name, context.now());
    if (!result.ok) refuse(result);
    changed(context);
    return overridesView(context);
  },

  'settings.clockOverrides.remove': (context, input) => {
    requireAdmin(context);
    const result = removeClockOverride(
      context.db,
      input.categoryCode,
      input.urgency,
      context.actor.name,
      context.now(),
    );
    if (!result.ok) refuse(result);
    changed(context);
    return overridesView(context);
  },

  'settings.clockDefaults.get': (context) => {
    requireAdmin(context);
    return {
      value: readStageClockDefaults(context.db),
      history: recentSettingChanges(context.db, [CLOCK_DEFAULTS_SETTING]),
    };
  },

  'settings.clockDefaults.save': (context, input) => {
    requireAdmin(context);
    checkPositive(input.acceptMinutes, 'acceptMinutes', { zh: '受理时限', en: 'Accept' }, 10_080);
    checkPositive(
      input.dispatchMinutes,
      'dispatchMinutes',
      { zh: '派遣时限', en: 'Dispatch' },
      10_080,
    );
    checkPositive(input.onsiteMinutes, 'onsiteMinutes', { zh: '到场时限', en: 'On site' }, 10_080);
    checkPositive(input.verifyMinutes, 'verifyMinutes', { zh: '核查时限', en: 'Verify' }, 10_080);
    const value = saveStageClockDefaults(context.db, input, context.actor.name, context.now());
    changed(context);
    return { value, history: recentSettingChanges(context.db, [CLOCK_DEFAULTS_SETTING]) };
  },

  'settings.idleLock.get': (context) => {
    requireAdmin(context);
    return {
      value: readIdleLockMinutes(context.db),
      history: recentSettingChanges(context.db, [IDLE_LOCK_SETTING]),
    };
  },

  /** The session reads the minutes from auth.status, which refreshes on data.changed. */
  'settings.idleLock.save': (context, input) => {
    requireAdmin(context);
    if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 240) {
      refuse({
        code: 'idle_lock_range',
        where: 'minutes',
        zh: `闲置锁屏时间须为 1 到 240 之间的整数分钟（填写的是 ${input.minutes}）。`,
        en: `Idle lock must be a whole number of minutes from 1 to 240 (it is ${input.minutes}).`,
      });
    }
    const value = saveIdleLockMinutes(context.db, input.minutes, context.actor.name, context.now());
    changed(context);
    return { value, history: recentSettingChanges(context.db, [IDLE_LOCK_SETTING]) };
  },
} satisfies FeatureHandlers<
  | 'settings.standard.versions'
  | 'settings.standard.rows'
  | 'settings.standard.editRow'
  | 'settings.standard.addLocal'
  | 'settings.clockOverrides.list'
  | 'settings.clockOverrides.save'
  | 'settings.clockOverrides.remove'
  | 'settings.clockDefaults.get'
  | 'settings.clockDefaults.save'
  | 'settings.idleLock.get'
  | 'settings.idleLock.save'
>;
