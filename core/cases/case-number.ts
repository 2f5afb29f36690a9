/**
 * Case numbers (案卷编号) as the desk writes them: kind letter + major + minor code, the
 * Shanghai day reported, a serial of that day over all categories: E0505 20261121 00007 →
 * E05052026112100007. Imported cases keep the city's own numbers.
 */
import { dayString } from '../time';

/** The pattern of a desk-made number of `day` ('YYYYMMDD'), for SQL GLOB. */
export function caseNumberGlob(reportedAt: number): string {
  return `[CE][0-9][0-9][0-9][0-9]${compactDay(reportedAt)}[0-9][0-9][0-9][0-9][0-9]`;
}

function compactDay(epochMs: number): string {
  return dayString(epochMs).replaceAll('-', '');
}

export function formatCaseNumber(categoryCode: string, reportedAt: number, serial: number): string {
  return `${categoryCode}${compactDay(reportedAt)}${String(serial).padStart(5, '0')}`;
}

/** The serial of a desk-made number, or null for a number in another format. */
export function caseNumberSerial(caseNo: string): number | null {
  const match = /^[CE]\d{4}\d{8}(\d{5})$/.exec(caseNo);
  return match ? Number(match[1]) : null;
}
