/**
 * Resident ID numbers (居民身份证号, GB 11643: 17 digits and a check character, digit or X)
 * and mobile numbers found in a file's unknown columns, which the desk keeps as a case's
 * extra data. The desk has a field for the reporter's phone (shown masked to those who may
 * not see it); it has none for ID numbers, and extra data is shown and exported to anyone
 * who sees the case. So such numbers are kept masked, never in clear: an ID number as
 * 110***********1234 (first three and last four), a mobile as 138****5678. The import
 * report says which column held them.
 */
import { maskPhone } from '../cases/personal-data';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** 18 characters with a valid GB 11643 check character and a real birth date. */
export function isResidentIdNumber(text: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(text)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (text.charCodeAt(i) - 48) * WEIGHTS[i]!;
  if (CHECK[sum % 11] !== text[17]!.toUpperCase()) return false;
  const year = Number(text.slice(6, 10));
  const month = Number(text.slice(10, 12));
  const day = Number(text.slice(12, 14));
  if (year < 1880 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 110101199003071234 → 110***********1234. */
export function maskResidentIdNumber(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

interface MaskedText {
  text: string;
  /** Which kinds were masked (empty when none). */
  kinds: Array<'id' | 'mobile'>;
}

// Digit runs not touching other digits: an 18-character ID (the last may be X), an 11-digit mobile.
const ID_CANDIDATE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE_CANDIDATE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;

/** The text with every resident ID and mobile number in it masked. */
export function maskPersonalNumbers(text: string): MaskedText {
  const kinds: MaskedText['kinds'] = [];
  // Most values hold no run of 11 digits: one test, no allocation.
  if (!/[0-9]{11}/.test(text)) return { text, kinds };
  let out = text.replace(ID_CANDIDATE, (id) => {
    if (!isResidentIdNumber(id)) return id;
    if (!kinds.includes('id')) kinds.push('id');
    return maskResidentIdNumber(id);
  });
  out = out.replace(MOBILE_CANDIDATE, (mobile) => {
    if (!kinds.includes('mobile')) kinds.push('mobile');
    return maskPhone(mobile) ?? mobile;
  });
  return { text: out, kinds };
}
