import { useEffect, useRef, useState } from 'react';
import type { BoardFiltersInput } from '../../../api/contract';
import { CASE_SOURCES, CASE_STATES, URGENCIES, type CaseState } from '../../../core/glossary';
import { useT } from '../../i18n/locale-context';
import type { BoardAddress, BoardSort } from './board-url';
import type { Lookups } from './useCaseLookups';
import { FilterSelect } from './FilterSelect';
import type { OverdueAlarm } from './useOverdueAlarm';

const FLAGS = [
  ['overdueOnly', 'cases.filter.overdue'],
  ['nearDueOnly', 'cases.filter.nearDue'],
  ['escalatedOnly', 'cases.filter.escalated'],
  ['supervisedOnly', 'cases.filter.supervised'],
] as const;

/** Search, filters (all kept in the address), view, sort, the alarm's sound, and 登记. */
export function BoardToolbar({
  address,
  lookups,
  alarm,
  searchRef,
  onChange,
  onNew,
}: {
  address: BoardAddress;
  lookups: Lookups | null;
  alarm: OverdueAlarm;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onChange(next: Partial<BoardAddress>): void;
  /** Omitted on a wall display, which registers nothing. */
  onNew?: () => void;
}) {
  const t = useT();
  const { filters } = address;
  const [q, setQ] = useState(filters.q ?? '');
  const typed = useRef(filters.q ?? '');
  useEffect(() => {
    if ((filters.q ?? '') !== typed.current) setQ(filters.q ?? '');
  }, [filters.q]);
  useEffect(() => {
    typed.current = q;
    if (q === (filters.q ?? '')) return;
    const timer = setTimeout(
      () => onChange({ filters: { ...filters, q: q.trim() || undefined } }),
      300,
    );
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  const set = (patch: Partial<BoardFiltersInput>) => {
    const next: BoardFiltersInput = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof BoardFiltersInput)[])
      if (next[key] === '' || next[key] === false) delete next[key];
    onChange({ filters: next });
  };
  /** A filter's label, its "all" choice and its test id, from its name. */
  const filterLabels = (
    name: 'community' | 'grid' | 'category' | 'source' | 'unit' | 'urgency',
  ) => {
    const label = t(`cases.filter.${name}`);
    return { label, allLabel: t('cases.filter.allOf', { label }), testId: `filter-${name}` };
  };
  const communities = lookups?.raw.places.filter((p) => p.level === 'community') ?? [];
  const grids =
    lookups?.raw.places.filter(
      (p) =>
        p.level === 'grid' && (!filters.communityCode || p.communityCode === filters.communityCode),
    ) ?? [];
  const active = Object.keys(filters).length > 0 || address.states != null;

  return (
    <div className="board-toolbar">
      <div className="board-toolbar__row">
        <input
          ref={searchRef}
          className="input board-toolbar__search"
          type="search"
          value={q}
          placeholder={t('cases.search')}
          title={t('cases.searchHint')}
          onChange={(e) => setQ(e.target.value)}
          data-testid="case-search"
        />
        <div
          className="segmented"
          role="group"
          aria-label={t('cases.viewHint')}
          title={t('cases.viewHint')}
        >
          {(['board', 'table'] as const).map((view) => (
            <button
              key={view}
              type="button"
              className={address.view === view ? 'segmented__on' : ''}
              aria-pressed={address.view === view}
              onClick={() => onChange({ view })}
              data-testid={`view-${view}`}
            >
              {t(`cases.view.${view}`)}
            </button>
          ))}
        </div>
        {address.view === 'table' ? (
          <>
            <select
              className="input"
              value={address.states?.join(',') ?? ''}
              onChange={(e) =>
                onChange({
                  states: e.target.value ? (e.target.value.split(',') as CaseState[]) : null,
                })
              }
              aria-label={t('cases.filter.states')}
            >
              <option value="">{t('cases.filter.openStates')}</option>
              {CASE_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`caseState.${s}`)}
                </option>
              ))}
              {address.states && address.states.length > 1 ? (
                <option value={address.states.join(',')}>
                  {address.states.map((s) => t(`caseState.${s}`)).join('、')}
                </option>
              ) : null}
            </select>
            <select
              className="input"
              value={address.sort}
              onChange={(e) => onChange({ sort: e.target.value as BoardSort })}
              aria-label={t('cases.table.sort')}
            >
              {(['due', 'reported_desc', 'closed_desc'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`cases.sort.${s}`)}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <span className="board-toolbar__spacer" />
        <button
          type="button"
          className="button button--quiet"
          onClick={alarm.toggleMute}
          aria-pressed={alarm.muted}
          data-testid="alarm-mute"
        >
          {alarm.muted ? t('cases.alarm.unmute') : t('cases.alarm.mute')}
        </button>
        {onNew ? (
          <button
            type="button"
            className="button button--primary"
            onClick={onNew}
            title={t('cases.newHint')}
            data-testid="case-new"
          >
            {t('cases.new')} <kbd>N</kbd>
          </button>
        ) : null}
      </div>
      <div className="board-toolbar__row board-toolbar__filters">
        <FilterSelect
          {...filterLabels('community')}
          value={filters.communityCode}
          options={communities.map((p) => ({ value: p.code, label: p.name }))}
          onChange={(value) => set({ communityCode: value, gridCode: '' })}
        />
        <FilterSelect
          {...filterLabels('grid')}
          value={filters.gridCode}
          options={grids.map((p) => ({ value: p.code, label: p.name }))}
          onChange={(value) => set({ gridCode: value })}
        />
        <FilterSelect
          {...filterLabels('category')}
          value={filters.categoryCode}
          options={lookups?.categoryOptions ?? []}
          onChange={(value) => set({ categoryCode: value })}
        />
        <FilterSelect
          {...filterLabels('source')}
          value={filters.source}
          options={CASE_SOURCES.map((s) => ({ value: s, label: t(`cases.source.${s}`) }))}
          onChange={(value) => set({ source: (value || undefined) as never })}
        />
        <FilterSelect
          {...filterLabels('unit')}
          value={filters.unitCode}
          options={(lookups?.raw.units ?? [])
            .filter((u) => u.kind !== 'street')
            .map((u) => ({ value: u.code, label: u.name }))}
          onChange={(value) => set({ unitCode: value })}
        />
        <FilterSelect
          {...filterLabels('urgency')}
          value={filters.urgency}
          options={URGENCIES.map((u) => ({ value: u, label: t(`cases.urgency.${u}`) }))}
          onChange={(value) => set({ urgency: (value || undefined) as never })}
        />
        {FLAGS.map(([key, label]) => (
          <label
            key={key}
            className={`toggle${filters[key] ? ' toggle--on' : ''}`}
            data-testid={`filter-${key}`}
          >
            <input
              type="checkbox"
              checked={Boolean(filters[key])}
              onChange={(e) => set({ [key]: e.target.checked })}
            />
            {t(label)}
          </label>
        ))}
        {active ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => onChange({ filters: {}, states: null })}
            data-testid="filter-clear"
          >
            {t('cases.filter.clear')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
