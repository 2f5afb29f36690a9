import type { AgendaCase } from '../../../api/contract';
import { CASE_STATES, type CaseState } from '../../../core/glossary';
import { useLocale } from '../../i18n/locale-context';
import { caseLink } from '../ranking/case-link';

/** A list of agenda cases: number, category, place, unit, state, deadline and how long overdue. */
export function AgendaCaseTable({
  cases,
  asOf,
  onLink,
  testId,
}: {
  cases: readonly AgendaCase[];
  asOf: number;
  /** Queue a case for the dispatch item being written. */
  onLink?(caseNo: string): void;
  testId?: string;
}) {
  const { t, format } = useLocale();
  return (
    <div className="table-scroll wk-cases">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('weekly.column.caseNo')}</th>
            <th scope="col">{t('weekly.column.category')}</th>
            <th scope="col">{t('weekly.column.place')}</th>
            <th scope="col">{t('weekly.column.unit')}</th>
            <th scope="col">{t('weekly.column.state')}</th>
            <th scope="col">{t('weekly.column.due_at')}</th>
            <th scope="col">{t('weekly.column.overdue')}</th>
            {onLink ? <th scope="col" aria-label={t('weekly.form.linkCase')} /> : null}
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td className="data-table__code">{caseLink(c.id, c.caseNo)}</td>
              <td className="data-table__clip" title={c.categoryName}>
                {c.categoryName}
              </td>
              <td className="data-table__clip">
                {[c.communityName, shortGrid(c)].filter(Boolean).join(' / ') || '—'}
              </td>
              <td className="data-table__clip">{c.leadUnitName ?? '—'}</td>
              <td>
                {(CASE_STATES as readonly string[]).includes(c.state)
                  ? t(`caseState.${c.state as CaseState}`)
                  : c.state}
              </td>
              <td className="data-table__time">
                {c.dueAt === null ? '—' : format.tableDateTime(c.dueAt)}
              </td>
              <td>
                {c.dueAt !== null && c.dueAt < asOf ? (
                  <span className="clock-badge clock-badge--overdue">
                    {t('weekly.mode.overdueFor', { duration: format.duration(asOf - c.dueAt) })}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              {onLink ? (
                <td>
                  <button
                    type="button"
                    className="button button--quiet wk-link-case"
                    onClick={() => onLink(c.caseNo)}
                    title={t('weekly.form.linkCase')}
                  >
                    ＋
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function shortGrid(c: AgendaCase): string | null {
  return c.communityName && c.gridName?.startsWith(c.communityName)
    ? c.gridName.slice(c.communityName.length)
    : c.gridName;
}
