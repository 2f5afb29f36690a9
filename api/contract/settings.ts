/**
 * The admin's settings (设置) beyond users, backups and the calendar: the category standard
 * (立结案标准: versions, search, edit a row, add a local category), urgency overrides of the
 * clocks (紧急程度时限), the stage clock defaults and the idle-lock minutes. Every method is
 * the admin's (checked in api/handlers/settings.ts); every change is versioned or audited.
 * Numbers are range-checked in the handlers, so a refusal is a sentence naming the field.
 */
import { z } from 'zod';
import { method } from './define';
import { CATEGORY_KINDS, URGENCIES } from '../../core/glossary';
import type { StandardRowView, StandardVersionsView } from '../../db/queries/standard-versions';
import type { ClockOverrideRow, SettingChange } from '../../db/queries/clock-overrides';
import type { StageClockDefaults } from '../../db/queries/admin-settings';

export type { StandardRowView, CategoryVersionRow } from '../../db/queries/standard-versions';
export type { ClockOverrideRow, SettingChange } from '../../db/queries/clock-overrides';
export type { StageClockDefaults } from '../../db/queries/admin-settings';

export interface StandardSettingsView extends StandardVersionsView {
  /** The units a minor can be handled by (code and name), for the edit forms. */
  units: Array<{ code: string; name: string }>;
  /** The active version's majors: where a local category can go. */
  majors: Array<{ kind: (typeof CATEGORY_KINDS)[number]; code: string; name: string }>;
}

export interface StandardRowsView {
  version: number | null;
  rows: StandardRowView[];
  /** Rows matching the search, of which `rows` are the first. */
  total: number;
}

export interface ClockOverridesView {
  overrides: ClockOverrideRow[];
  categories: Array<{ code: string; name: string }>;
  history: SettingChange[];
}

export interface SimpleSettingView<T> {
  value: T;
  history: SettingChange[];
}

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const code2 = z.string().regex(/^\d{2}$/, '代码为两位数字 (a code is two digits)');
const categoryCode = z
  .string()
  .regex(/^[CE]\d{4}$/, '类别代码如 C0101 (a category code is like C0101)');
/** An optional clock value: empty is "not overridden". */
const minutes = z
  .number()
  .nullish()
  .transform((v) => v ?? null);

/** What a standard row's form sends: the limit as a city writes it (4小时, 1天, 2紧急工作时). */
const standardFields = {
  condition: text(200),
  closeCondition: optionalText(200),
  limit: z.string().max(40),
  unitCode: optionalText(20),
};

export const settingsContract = {
  'settings.standard.versions': method<StandardSettingsView>()(z.object({}).strict()),
  'settings.standard.rows': method<StandardRowsView>()(
    z
      .object({
        /** Default: the active version. */
        version: z.number().int().positive().optional(),
        search: z.string().max(60).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),
  'settings.standard.editRow': method<{ version: number }>()(
    z.object({ id: z.number().int().positive(), ...standardFields }).strict(),
  ),
  'settings.standard.addLocal': method<{ version: number; code: string }>()(
    z
      .object({
        kind: z.enum(CATEGORY_KINDS),
        majorCode: code2,
        minorCode: code2,
        minorName: text(40),
        ...standardFields,
      })
      .strict(),
  ),
  'settings.clockOverrides.list': method<ClockOverridesView>()(z.object({}).strict()),
  'settings.clockOverrides.save': method<ClockOverridesView>()(
    z
      .object({
        categoryCode,
        urgency: z.enum(URGENCIES),
        acceptMinutes: minutes,
        onsiteMinutes: minutes,
        resolveHours: minutes,
        resolveWorkingDays: minutes,
      })
      .strict(),
  ),
  'settings.clockOverrides.remove': method<ClockOverridesView>()(
    z.object({ categoryCode, urgency: z.enum(URGENCIES) }).strict(),
  ),
  'settings.clockDefaults.get': method<SimpleSettingView<StageClockDefaults>>()(
    z.object({}).strict(),
  ),
  'settings.clockDefaults.save': method<SimpleSettingView<StageClockDefaults>>()(
    z
      .object({
        acceptMinutes: z.number(),
        dispatchMinutes: z.number(),
        onsiteMinutes: z.number(),
        verifyMinutes: z.number(),
      })
      .strict(),
  ),
  'settings.idleLock.get': method<SimpleSettingView<number>>()(z.object({}).strict()),
  'settings.idleLock.save': method<SimpleSettingView<number>>()(
    z.object({ minutes: z.number() }).strict(),
  ),
};
