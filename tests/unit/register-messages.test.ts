/**
 * Every register's column, entry field, filter value and stored enum value has its words in
 * both languages (the screen makes those message keys from data, so the compiler cannot).
 */
import { describe, expect, it } from 'vitest';
import {
  NEED_CATEGORIES,
  REGISTERS,
  REGISTER_COLUMNS,
  REGISTER_STATUS_VALUES,
  RESOURCE_KINDS,
} from '../../core/party/registers';
import { PROJECT_STATUSES } from '../../core/party/project-state';
import { ENTRY_FIELDS } from '../../renderer/areas/party/register-fields';
import { registerMessagesZh } from '../../renderer/areas/party/register-messages';
import { registerMessagesEn } from '../../renderer/areas/party/register-messages-en';

const keys = new Set(Object.keys(registerMessagesZh));
const missing = (wanted: string[]) => wanted.filter((key) => !keys.has(key));

describe('the registers’ words', () => {
  it('name every tab, column and entry field', () => {
    const wanted = [
      ...REGISTERS.map((r) => `party.tab.${r}`),
      ...REGISTERS.flatMap((r) => REGISTER_COLUMNS[r].map((c) => `party.col.${c.key}`)),
      ...Object.values(ENTRY_FIELDS).flatMap((fields) => fields.map((f) => `party.field.${f.key}`)),
    ];
    expect(missing(wanted)).toEqual([]);
  });

  it('name every value a table shows or a filter offers', () => {
    const wanted = [
      ...Object.values(REGISTER_STATUS_VALUES).flatMap((values) =>
        values.map((v) => `party.value.${v}`),
      ),
      ...NEED_CATEGORIES.map((v) => `party.value.${v}`),
      ...RESOURCE_KINDS.map((v) => `party.value.${v}`),
      ...PROJECT_STATUSES.map((v) => `party.value.${v}`),
      ...['need', 'project', 'wish', 'case', 'community', 'unit', 'normal', 'urgent'].map(
        (v) => `party.value.${v}`,
      ),
    ];
    expect(missing(wanted)).toEqual([]);
  });

  it('say everything in English too, in words of its own', () => {
    const same = Object.entries(registerMessagesZh)
      .filter(([key, zh]) => registerMessagesEn[key as keyof typeof registerMessagesEn] === zh)
      .map(([key]) => key);
    expect(same).toEqual([]);
  });
});
