/**
 * 党建引领's figures for the current month, per community or per unit party organisation
 * (issue 14): members reported and active, service hours, projects and their money, small
 * wishes and volunteer activities, with the street's totals on the last row.
 */
import { useState } from 'react';
import type { PartyFigures } from '../../../api/contract';
import { formatYuan } from '../../../core/party/project-state';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { Panel } from '../../ui/Panel';

type Row = Omit<PartyFigures['rows'][number], 'code' | 'name'>;

type Say = ReturnType<typeof useLocale>['t'];

const COLUMNS: { key: string; value(row: Row, t: Say): string }[] = [
  { key: 'members', value: (r) => `${r.membersActive} / ${r.membersReported}` },
  { key: 'hours', value: (r) => String(Math.round(r.serviceHours * 10) / 10) },
  {
    key: 'projects',
    value: (r) =>
      `${r.projectsDone} / ${r.projectsPlanned}${r.projectsOverdue ? ` · 超期 ${r.projectsOverdue}` : ''}`,
  },
  { key: 'money', value: (r) => `${formatYuan(r.spentFen)} / ${formatYuan(r.budgetFen)}` },
  {
    key: 'wishes',
    value: (r, t) =>
      `${r.wishesPublished} / ${r.wishesClaimed} / ${r.wishesFulfilled}${r.wishesOverdue ? ` · ${t('party.figures.overdue', { n: r.wishesOverdue })}` : ''}`,
  },
  {
    key: 'volunteers',
    value: (r) =>
      r.activities === 0
        ? '—'
        : `${r.activities} · ${Math.round(r.volunteerHours)} h · ${Math.round((100 * r.partyParticipants) / Math.max(1, r.participants))}%`,
  },
];

function currentMonth(now: number): string {
  const shanghai = new Date(now + 8 * 3_600_000);
  return `${shanghai.getUTCFullYear()}-${String(shanghai.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function PartyFiguresPanel() {
  const { t } = useLocale();
  const [level, setLevel] = useState<'community' | 'unit'>('community');
  const [period] = useState(() => currentMonth(Date.now()));
  const query = useApiQuery('party.figures', { period, level }, { refreshOn: ['data.changed'] });
  const data = query.data;
  return (
    <Panel
      title={t('party.figures.title', { period })}
      className="party__figures"
      testId="party-figures"
    >
      <div className="party__toolbar" role="group" aria-label={t('party.figures.level')}>
        {(['community', 'unit'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={`button${level === option ? ' button--primary' : ''}`}
            aria-pressed={level === option}
            onClick={() => setLevel(option)}
            data-testid={`party-figures-${option}`}
          >
            {t(`party.figures.${option}`)}
          </button>
        ))}
      </div>
      {!data ? (
        query.error ? (
          <ErrorState error={query.error} onRetry={query.refresh} />
        ) : (
          <LoadingState />
        )
      ) : (
        <div className="party__figures-table">
          <table className="data-table" data-testid="party-figures-table">
            <thead>
              <tr>
                <th>{t(`party.figures.${level}`)}</th>
                {COLUMNS.map((c) => (
                  <th key={c.key}>{t(`party.figures.col.${c.key as 'members'}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.code}>
                  <td>{row.name}</td>
                  {COLUMNS.map((c) => (
                    <td key={c.key}>{c.value(row, t)}</td>
                  ))}
                </tr>
              ))}
              <tr className="party__figures-total" data-testid="party-figures-total">
                <td>{t('party.figures.total')}</td>
                {COLUMNS.map((c) => (
                  <td key={c.key}>{c.value(data.totals, t)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
