/**
 * A picker of a register's units, members or teams, read from the desk as the user types
 * (party.lookup: a city's 2,400 units are not all sent to the form). Keys as every ComboBox.
 */
import { useEffect, useState } from 'react';
import type { LookupOption } from '../../../api/contract';
import { getApi } from '../../api/client';
import { ComboBox } from '../cases/ComboBox';

export function LookupField({
  what,
  label,
  hint,
  value,
  onChange,
  testId,
  autoFocus,
  initial,
}: {
  what: 'units' | 'members' | 'teams';
  label: string;
  hint: string;
  value: number | null;
  onChange(id: number | null, option: LookupOption | null): void;
  testId: string;
  autoFocus?: boolean;
  /** An option already chosen elsewhere (a resource's unit), shown before anything is typed. */
  initial?: LookupOption | null;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<LookupOption[]>([]);
  const [chosen, setChosen] = useState<LookupOption | null>(initial ?? null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void getApi()
        .call('party.lookup', { what, q: query.trim() })
        .then((rows) => live && setFound(rows))
        .catch(() => live && setFound([]));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [what, query]);
  const all = chosen && !found.some((o) => o.id === chosen.id) ? [chosen, ...found] : found;
  const options = all.map((o) => ({
    value: String(o.id),
    label: o.label,
    initials: null,
    code: o.code,
    detail: o.detail,
  }));
  return (
    <ComboBox
      label={label}
      hint={hint}
      options={options}
      value={value == null ? null : String(value)}
      onChange={(next) => {
        const option = all.find((o) => String(o.id) === next) ?? null;
        setChosen(option);
        onChange(option?.id ?? null, option);
      }}
      describe={(o) => [o.code, o.detail].filter(Boolean).join(' · ')}
      testId={testId}
      autoFocus={autoFocus}
      onQuery={setQuery}
    />
  );
}
