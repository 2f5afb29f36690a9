import type { OverdueCaseSummary } from '../../../api/contract';
import { CASE_STATES, type CaseState } from '../../../core/glossary';
import { useLocale } from '../../i18n/locale-context';
import { SignalIcon } from '../../icons/SignalIcon';
import { EmptyState } from '../../states/EmptyState';
import { Panel } from '../../ui/Panel';

function isCaseState(state: string): state is CaseState {
  return (CASE_STATES as readonly string[]).includes(state);
}

interface OldestOverdueTableProps {
  cases: readonly OverdueCaseSummary[];
  /** All overdue cases, of which `cases` are the oldest. */
  totalOverdue: number;
  /** The instant overdue spans are measured to (epoch ms). */
  now: number;
}

/** The clock of the oldest overdue cases, most overdue first. */
export function OldestOverdueTable({ cases, totalOverdue, now }: OldestOverdueTableProps) {
  const { t, format } = useLocale();
  return (
    <Panel
      title={t('overview.oldestOverdue.title')}
      testId="oldest-overdue"
      meta={
        totalOverdue > cases.length && cases.length > 0
          ? t('overview.oldestOverdue.shown', {
              shown: format.count(cases.length),
              total: format.count(totalOverdue),
            })
          : null
      }
    >
      {cases.length === 0 ? (
        <EmptyState message={t('overview.oldestOverdue.empty')} testId="oldest-overdue-empty" />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.column.caseNo')}</th>
                <th scope="col">{t('overview.column.category')}</th>
                <th scope="col">{t('overview.column.place')}</th>
                <th scope="col">{t('overview.column.unit')}</th>
                <th scope="col">{t('overview.column.state')}</th>
                <th scope="col">{t('overview.column.overdueBy')}</th>
                <th scope="col">{t('overview.column.dueAt')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((overdueCase) => {
                const place = placeLabel(overdueCase.communityName, overdueCase.gridName);
                return (
                  <tr key={overdueCase.id} data-testid="overdue-row">
                    <td className="data-table__code">{overdueCase.caseNo}</td>
                    <td className="data-table__clip" title={overdueCase.categoryName}>
                      {overdueCase.categoryName}
                    </td>
                    <td className="data-table__clip" title={place}>
                      {place || <span className="muted">{t('overview.noPlace')}</span>}
                    </td>
                    <td className="data-table__clip" title={overdueCase.leadUnitName ?? undefined}>
                      {overdueCase.leadUnitName ?? (
                        <span className="muted">{t('overview.noUnit')}</span>
                      )}
                    </td>
                    <td>
                      {isCaseState(overdueCase.state)
                        ? t(`caseState.${overdueCase.state}`)
                        : overdueCase.state}
                    </td>
                    <td>
                      <span className="clock-badge clock-badge--overdue">
                        <SignalIcon signal="overdue" size={13} />
                        {t('overview.overdueBy', {
                          duration: format.duration(now - overdueCase.dueAt),
                        })}
                      </span>
                    </td>
                    <td className="data-table__time">{format.tableDateTime(overdueCase.dueAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

/** 龙泉社区 / 第3网格: a grid's name repeats its community's, so the repeat is dropped. */
function placeLabel(communityName: string | null, gridName: string | null): string {
  const shortGrid =
    communityName && gridName?.startsWith(communityName)
      ? gridName.slice(communityName.length)
      : gridName;
  return [communityName, shortGrid].filter((name): name is string => Boolean(name)).join(' / ');
}
