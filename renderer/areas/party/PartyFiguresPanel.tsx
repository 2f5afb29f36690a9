/**
 * 党建引领's figures for the current month, per community or per unit party organisation
 * (issue 14): members reported and active, service hours, projects and their money, small
 * wishes and volunteer activities, with the street's totals on the last row.
 */
import { useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { Panel } from '../../ui/Panel';
import { PartyFiguresTable } from './PartyFiguresTable';

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
        <PartyFiguresTable data={data} />
      )}
    </Panel>
  );
}
