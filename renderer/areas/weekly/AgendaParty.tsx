/**
 * The weekly meeting's 党建 lines (issue 14): the members who served in the week under review
 * and their hours, and the three lists' projects due this week or past their planned end,
 * the longest late first, each linking to its row in 党建引领.
 */
import { Link } from 'react-router';
import type { WeeklyAgenda } from '../../../api/contract';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';

export function AgendaParty({
  party,
  reviewedWeek,
}: {
  party: WeeklyAgenda['party'];
  reviewedWeek: string;
}) {
  const { t, format } = useLocale();
  return (
    <div data-testid="agenda-party">
      <p className="wk-subtitle" data-testid="agenda-party-members">
        {t('weekly.party.members', {
          week: reviewedWeek,
          active: format.count(party.membersActive),
          hours: String(party.serviceHours),
          reported: format.count(party.membersReported),
        })}
      </p>
      <p className="wk-subtitle">
        {t('weekly.party.projects', {
          due: format.count(party.projectsDueTotal),
          overdue: format.count(party.projectsOverdueTotal),
        })}
      </p>
      {party.projects.length === 0 ? (
        <EmptyState message={t('weekly.party.none')} />
      ) : (
        <table className="data-table" data-testid="agenda-party-projects">
          <thead>
            <tr>
              <th>{t('weekly.party.code')}</th>
              <th>{t('weekly.party.title')}</th>
              <th>{t('weekly.party.community')}</th>
              <th>{t('weekly.party.owner')}</th>
              <th>{t('weekly.party.plannedEnd')}</th>
            </tr>
          </thead>
          <tbody>
            {party.projects.map((project) => (
              <tr key={project.id}>
                <td>
                  <Link to={`/party?r=projects&id=${project.id}`}>
                    <code>{project.code}</code>
                  </Link>
                </td>
                <td>{project.title}</td>
                <td>{project.communityName ?? '—'}</td>
                <td>{project.ownerUnitName ?? '—'}</td>
                <td className={project.overdue ? 'wk-overdue' : undefined}>{project.plannedEnd}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
