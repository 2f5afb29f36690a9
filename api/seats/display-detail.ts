/**
 * A case as a wall display (大屏) may show it (issue 13). Beyond the reporter's name and
 * phone (masked by role, core/cases/personal-data.ts), a case's free text often carries a
 * resident's number ("张先生 138…" in a description, a note, a result): every string in the
 * detail goes through the same masking as exported rows, attachments (photos, documents)
 * are not shown at all, and nothing is offered to do.
 */
import type { CaseDetail } from '../contract';
import { maskPersonalNumbers } from '../../core/exchange/personal-numbers';

function masked<T>(value: T): T {
  if (typeof value === 'string') return maskPersonalNumbers(value).text as T;
  if (Array.isArray(value)) return value.map(masked) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = masked(item);
    return out as T;
  }
  return value;
}

export function caseDetailForDisplay(detail: CaseDetail): CaseDetail {
  return { ...masked(detail), attachments: [], moves: [], personalDataMasked: true };
}
