/**
 * Reporters' names and phone numbers (个人信息) are shown whole only to the roles that call
 * reporters back: operators and administrators. Everyone else (leaders, handling units, a
 * wall display nobody is signed in to) sees them masked: 138****5678, 张*.
 */
import type { UserRole } from '../glossary';

type ViewerRole = UserRole | 'system' | 'anonymous';

const SEES_PERSONAL_DATA: ReadonlySet<ViewerRole> = new Set(['operator', 'admin', 'system']);

export function seesPersonalData(role: ViewerRole): boolean {
  return SEES_PERSONAL_DATA.has(role);
}

/** 13812345678 → 138****5678; short or odd numbers keep only their last two digits. */
export function maskPhone(phone: string | null): string | null {
  if (phone == null || phone === '') return phone;
  const digits = phone.replace(/\s+/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** 张伟 → 张*, 欧阳娜娜 → 欧***; 匿名 stays 匿名; Latin names keep their first letter. */
export function maskName(name: string | null): string | null {
  if (name == null || name === '' || name === '匿名') return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

export function personalDataFor<T extends { reporter: string | null; phone: string | null }>(
  row: T,
  role: ViewerRole,
): T & { personalDataMasked: boolean } {
  if (seesPersonalData(role)) return { ...row, personalDataMasked: false };
  return {
    ...row,
    reporter: maskName(row.reporter),
    phone: maskPhone(row.phone),
    personalDataMasked: true,
  };
}
