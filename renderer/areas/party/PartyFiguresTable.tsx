/**
 * 党建引领's figures as a table (issue 14): per community or per unit party organisation,
 * members reported and active, service hours, projects and their money, small wishes and
 * volunteer activities, with the street's totals on the last row. Shown on the 党建引领 area
 * and, as a bulletin froze them, under the monthly ranking.
 */
import type { PartyFigures } from '../../../api/contract';
import { formatYuan } from '../../../core/party/project-state';
import { useLocale } from '../../i18n/locale-context';
import './party.css';

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

export function PartyFiguresTable({ data }: { data: PartyFigures }) {
  const { t } = useLocale();
  const level = data.level;
  return (
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
  );
}
