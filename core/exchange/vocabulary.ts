/**
 * The words city files use for sources, states, kinds, urgency and callback results: the
 * Chinese names of docs/design/DOMAIN.md or the desk's English codes (any case; spaces or hyphens for
 * underscores, so "In progress" is in_progress).
 */
import {
  CASE_SOURCE_ZH,
  CASE_SOURCES,
  CASE_STATE_ZH,
  CASE_STATES,
  CATEGORY_KIND_ZH,
  CATEGORY_KINDS,
  SATISFACTIONS,
  URGENCIES,
  type CaseSource,
  type CaseState,
  type CategoryKind,
  type Satisfaction,
  type Urgency,
} from '../glossary';
import { foldFullWidth } from './cell-value';

export const URGENCY_ZH: Record<Urgency, string> = { normal: '一般', urgent: '紧急' };
export const SATISFACTION_ZH: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

function vocabulary<Code extends string>(
  codes: readonly Code[],
  zh: Record<Code, string>,
): (text: string) => Code | null {
  const lookup = new Map<string, Code>();
  for (const code of codes) {
    lookup.set(code, code);
    lookup.set(zh[code], code);
  }
  return (text) => {
    const folded = foldFullWidth(text).trim();
    return (
      lookup.get(folded) ??
      lookup.get(folded.replace(/\s+/g, '')) ??
      lookup.get(folded.toLowerCase().replace(/[\s-]+/g, '_')) ??
      null
    );
  };
}

export const readSource = vocabulary<CaseSource>(CASE_SOURCES, CASE_SOURCE_ZH);
export const readState = vocabulary<CaseState>(CASE_STATES, CASE_STATE_ZH);
export const readKind = vocabulary<CategoryKind>(CATEGORY_KINDS, CATEGORY_KIND_ZH);
export const readUrgency = vocabulary<Urgency>(URGENCIES, URGENCY_ZH);
export const readSatisfaction = vocabulary<Satisfaction>(SATISFACTIONS, SATISFACTION_ZH);

/** "网格员上报、12345热线、…": the accepted names, for an error message. */
export function namesOf<Code extends string>(zh: Record<Code, string>): string {
  return Object.values<string>(zh).join('、');
}
