/** The categories (with their 立案条件), units and places the case screens pick from, asked for once per page. */
import { useMemo } from 'react';
import type { CaseLookups } from '../../../api/contract';
import { pinyinInitials } from '../../../core/pinyin-initials';
import { useApiQuery } from '../../api/useApiQuery';
import type { Searchable } from './match-options';

const REFRESH_ON = ['data.changed'] as const;

export interface Lookups {
  raw: CaseLookups;
  categoryOptions: Array<Searchable & { majorName: string }>;
  placeOptions: Array<Searchable & { level: 'community' | 'grid'; communityCode: string | null }>;
  unitName(code: string | null): string | null;
  placeName(code: string | null): string | null;
  categoryName(code: string): string;
  /** A category's 立案条件 in the active standard, the shortest limit first. */
  standardsFor(code: string | null): StandardOption[];
}

type StandardOption = CaseLookups['standards'][number];
const NO_STANDARDS: StandardOption[] = [];

export function useCaseLookups(): { lookups: Lookups | null; error: unknown } {
  const query = useApiQuery('cases.lookups', {}, { refreshOn: REFRESH_ON });
  const lookups = useMemo<Lookups | null>(() => {
    const raw = query.data;
    if (!raw) return null;
    const units = new Map(raw.units.map((u) => [u.code, u.name]));
    const places = new Map(raw.places.map((p) => [p.code, p.name]));
    const categories = new Map(raw.categories.map((c) => [c.code, c.minorName]));
    const standards = new Map<string, StandardOption[]>();
    for (const row of raw.standards) {
      const list = standards.get(row.categoryCode);
      if (list) list.push(row);
      else standards.set(row.categoryCode, [row]);
    }
    return {
      raw,
      categoryOptions: raw.categories
        .filter((c) => c.active)
        .map((c) => ({
          value: c.code,
          label: c.minorName,
          code: c.code,
          initials: c.pinyinInitials ?? pinyinInitials(c.minorName),
          majorName: c.majorName,
        })),
      placeOptions: raw.places.map((p) => ({
        value: p.code,
        label: p.name,
        code: p.code,
        initials: pinyinInitials(p.name),
        level: p.level,
        communityCode: p.communityCode,
      })),
      unitName: (code) => (code ? (units.get(code) ?? code) : null),
      placeName: (code) => (code ? (places.get(code) ?? code) : null),
      categoryName: (code) => categories.get(code) ?? code,
      standardsFor: (code) => (code ? (standards.get(code) ?? NO_STANDARDS) : NO_STANDARDS),
    };
  }, [query.data]);
  return { lookups, error: query.error };
}
