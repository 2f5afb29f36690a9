/**
 * The entry form of each register (keyboard entry, issue 14): its fields in the order an
 * operator types them, which are required, and how each is entered. The names are those of
 * the API's party.enter input, so a refusal's field lands under its own row.
 */
import type { RegisterEntry } from '../../../api/contract';
import { NEED_CATEGORIES, RESOURCE_KINDS } from '../../../core/party/registers';

export type EntryRegister = RegisterEntry['register'];

export type FieldSpec =
  | { key: string; type: 'text' | 'phone'; required?: boolean }
  | { key: string; type: 'number'; required?: boolean; integer?: boolean }
  | { key: string; type: 'day'; required?: boolean; today?: boolean }
  | { key: string; type: 'select'; options: readonly string[]; initial: string }
  | { key: string; type: 'place'; required?: boolean; level: 'community' | 'grid' | 'any' }
  | { key: string; type: 'lookup'; what: 'units' | 'members' | 'teams'; required?: boolean }
  | { key: string; type: 'flag' };

export const ENTRY_FIELDS: Record<EntryRegister, readonly FieldSpec[]> = {
  needs: [
    { key: 'title', type: 'text', required: true },
    { key: 'placeCode', type: 'place', required: true, level: 'any' },
    { key: 'category', type: 'select', options: NEED_CATEGORIES, initial: 'elderly' },
    { key: 'households', type: 'number', integer: true },
    { key: 'urgency', type: 'select', options: ['normal', 'urgent'], initial: 'normal' },
    { key: 'raisedOn', type: 'day', required: true, today: true },
  ],
  resources: [
    { key: 'title', type: 'text', required: true },
    { key: 'kind', type: 'select', options: RESOURCE_KINDS, initial: 'service' },
    { key: 'unitId', type: 'lookup', what: 'units' },
    { key: 'offeredByName', type: 'text' },
    { key: 'communityCode', type: 'place', level: 'community' },
    { key: 'capacity', type: 'text' },
    { key: 'amountYuan', type: 'number' },
    { key: 'availableUntil', type: 'day' },
  ],
  units: [
    { key: 'name', type: 'text', required: true },
    { key: 'communityCode', type: 'place', required: true, level: 'community' },
    { key: 'contactName', type: 'text' },
    { key: 'contactPhone', type: 'phone' },
    { key: 'agreementOn', type: 'day', today: true },
  ],
  members: [
    { key: 'name', type: 'text', required: true },
    { key: 'unitId', type: 'lookup', what: 'units', required: true },
    { key: 'homeGridCode', type: 'place', required: true, level: 'any' },
    { key: 'phone', type: 'phone' },
    { key: 'reportedOn', type: 'day', required: true, today: true },
    { key: 'skills', type: 'text' },
  ],
  records: [
    { key: 'memberId', type: 'lookup', what: 'members', required: true },
    { key: 'servedOn', type: 'day', required: true, today: true },
    { key: 'activity', type: 'text', required: true },
    { key: 'hours', type: 'number', required: true },
    { key: 'placeCode', type: 'place', level: 'any' },
    { key: 'theme', type: 'text' },
  ],
  volunteers: [
    { key: 'name', type: 'text', required: true },
    { key: 'teamId', type: 'lookup', what: 'teams', required: true },
    { key: 'phone', type: 'phone' },
    { key: 'partyMember', type: 'flag' },
    { key: 'joinedOn', type: 'day', today: true },
  ],
  activities: [
    { key: 'teamId', type: 'lookup', what: 'teams', required: true },
    { key: 'heldOn', type: 'day', required: true, today: true },
    { key: 'theme', type: 'text', required: true },
    { key: 'placeCode', type: 'place', level: 'any' },
    { key: 'participants', type: 'number', required: true, integer: true },
    { key: 'partyParticipants', type: 'number', required: true, integer: true },
    { key: 'hours', type: 'number', required: true },
  ],
};

export type FormValues = Record<string, string | number | boolean | null>;

export function initialValues(register: EntryRegister, today: string): FormValues {
  const values: FormValues = {};
  for (const field of ENTRY_FIELDS[register]) {
    if (field.type === 'select') values[field.key] = field.initial;
    else if (field.type === 'day') values[field.key] = field.today ? today : '';
    else if (field.type === 'flag') values[field.key] = false;
    else if (field.type === 'lookup') values[field.key] = null;
    else values[field.key] = '';
  }
  return values;
}

/** What the form sends: empty optional fields as null, numbers as numbers. */
export function entryOf(register: EntryRegister, values: FormValues): RegisterEntry {
  const entry: Record<string, unknown> = { register };
  for (const field of ENTRY_FIELDS[register]) {
    const value = values[field.key];
    if (field.type === 'flag') entry[field.key] = Boolean(value);
    else if (field.type === 'number')
      entry[field.key] = value === '' || value == null ? null : Number(value);
    else if (field.type === 'lookup') entry[field.key] = value ?? null;
    else entry[field.key] = value === '' ? null : value;
  }
  return entry as RegisterEntry;
}
