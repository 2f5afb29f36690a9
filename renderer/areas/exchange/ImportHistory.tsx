import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { EmptyState } from '../../states/EmptyState';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { Panel } from '../../ui/Panel';

const REFRESH_ON = ['cases.changed', 'data.changed'] as const;

/** 交换记录: every import and export, newest first, with its counts; a row opens its report. */
export function ImportHistory() {
  const { t, format } = useLocale();
  const navigate = useNavigate();
  const history = useApiQuery('exchange.history', { limit: 200 }, { refreshOn: REFRESH_ON });
  if (history.loading) return <LoadingState />;
  if (history.error && !history.data)
    return <ErrorState error={history.error} onRetry={history.refresh} />;
  const batches = history.data ?? [];
  return (
    <Panel title={t('exchange.history.title')} testId="exchange-history">
      {batches.length === 0 ? (
        <EmptyState message={t('exchange.history.empty')} />
      ) : (
        <div className="table-scroll">
          <table className="data-table exchange__history">
            <thead>
              <tr>
                <th>{t('exchange.history.time')}</th>
                <th>{t('exchange.history.direction')}</th>
                <th>{t('exchange.history.kind')}</th>
                <th>{t('exchange.history.file')}</th>
                <th>{t('exchange.history.counts')}</th>
                <th>{t('exchange.history.status')}</th>
                <th>{t('exchange.history.actor')}</th>
                <th>SHA-256</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} data-testid="history-row">
                  <td className="data-table__time">{format.tableDateTime(b.startedAt)}</td>
                  <td>{t(`exchange.history.${b.direction}`)}</td>
                  <td>{t(`exchange.kind.${b.kind}`)}</td>
                  <td className="data-table__clip exchange__file" title={b.fileName}>
                    {b.fileName}
                  </td>
                  <td>
                    {format.count(b.rows)}
                    {b.direction === 'import' ? (
                      <span className="muted">
                        {' '}
                        （
                        {[b.new, b.updated, b.unchanged, b.invalid]
                          .map((n) => format.count(n))
                          .join(' / ')}
                        ）
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <span className={`exchange__status exchange__status--${b.status}`}>
                      {t(`exchange.history.status.${b.status}`)}
                    </span>
                  </td>
                  <td>{b.actor}</td>
                  <td className="data-table__code muted" title={b.sha256 ?? ''}>
                    {b.sha256 ? b.sha256.slice(0, 12) : '—'}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => navigate(`/exchange/history/${b.id}`)}
                    >
                      {t('exchange.history.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
