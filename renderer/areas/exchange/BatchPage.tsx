import { Link, useParams } from 'react-router';
import type { ImportJobState, ImportReport } from '../../../api/contract';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { LoadingState } from '../../states/LoadingState';
import { ImportReportView } from './ImportReportView';
import { Panel } from '../../ui/Panel';

/** One past exchange, opened from the record: its report as it was kept. */
export function BatchPage() {
  const { t, format } = useLocale();
  const id = Number(useParams().id);
  const batch = useApiQuery('exchange.batch', { id });
  if (batch.loading) return <LoadingState />;
  if (batch.error || !batch.data)
    return batch.error ? <ErrorState error={batch.error} onRetry={batch.refresh} /> : null;
  const { summary } = batch.data;
  const report = summary.direction === 'import' ? (batch.data.report as ImportReport | null) : null;
  return (
    <Panel
      title={
        <>
          {t(`exchange.history.${summary.direction}`)} · {summary.fileName}
        </>
      }
      className="exchange__result"
      testId="batch-page"
      meta={
        <>
          {format.tableDateTime(summary.startedAt)} · {summary.actor}
        </>
      }
      actions={
        <Link to="/exchange/history" className="button">
          {t('exchange.history.back')}
        </Link>
      }
    >
      {report ? (
        <ImportReportView
          report={{
            ...report,
            errors: report.errors ?? [],
            notes: report.notes ?? [],
            parts: report.parts ?? [],
          }}
          state={summary.status as ImportJobState}
        />
      ) : (
        <p className="exchange__note">
          {t('exchange.export.done', { rows: format.count(summary.rows), file: summary.fileName })}
          {summary.sha256 ? ` · SHA-256 ${summary.sha256}` : ''}
        </p>
      )}
    </Panel>
  );
}
