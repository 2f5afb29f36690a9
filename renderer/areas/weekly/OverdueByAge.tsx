import { useState } from 'react';
import type { WeeklyAgenda } from '../../../api/contract';
import type { OverdueAgeGroup } from '../../../core/weekly/agenda-rules';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';
import { AgendaCaseTable } from './AgendaCaseTable';

/** Overdue cases by how long they have been overdue: a tile per group, the chosen group's list. */
export function OverdueByAge({
  agenda,
  onLink,
}: {
  agenda: WeeklyAgenda;
  onLink(caseNo: string): void;
}) {
  const { t, format } = useLocale();
  const firstFilled = agenda.overdue.groups.find((g) => g.count > 0)?.group ?? 'over7d';
  const [chosen, setChosen] = useState<OverdueAgeGroup | null>(null);
  const group = agenda.overdue.groups.find((g) => g.group === (chosen ?? firstFilled))!;
  if (agenda.overdue.total === 0) return <EmptyState message={t('weekly.overdue.none')} />;
  return (
    <>
      <div className="wk-age-tiles" role="tablist">
        {agenda.overdue.groups.map((g) => (
          <button
            key={g.group}
            type="button"
            role="tab"
            aria-selected={g.group === group.group}
            className={`wk-age-tile${g.group === group.group ? ' wk-age-tile--on' : ''}${g.count > 0 ? ' wk-age-tile--alarming' : ''}`}
            onClick={() => setChosen(g.group)}
            data-testid={`age-${g.group}`}
          >
            <span className="wk-age-tile__label">{t(`weekly.age.${g.group}`)}</span>
            <span className="wk-age-tile__value">{format.count(g.count)}</span>
          </button>
        ))}
      </div>
      {group.count === 0 ? (
        <EmptyState message={t('weekly.flagged.none')} />
      ) : (
        <>
          {group.count > group.cases.length ? (
            <p className="muted wk-note">
              {t('weekly.overdue.limited', { shown: group.cases.length, total: group.count })}
            </p>
          ) : null}
          <AgendaCaseTable
            cases={group.cases}
            asOf={agenda.asOf}
            onLink={onLink}
            testId="overdue-cases"
          />
        </>
      )}
    </>
  );
}
