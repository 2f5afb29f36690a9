import { useEffect, useRef } from 'react';
import type { ImportJobStatus } from '../../../api/contract';
import { useT } from '../../i18n/locale-context';
import { ImportReportView } from './ImportReportView';

/** The result page of an import just run, and the way to the next file. */
export function ImportResultView({ job, onAnother }: { job: ImportJobStatus; onAnother(): void }) {
  const t = useT();
  const another = useRef<HTMLButtonElement>(null);
  useEffect(() => another.current?.focus(), []);
  return (
    <section className="panel exchange__result" aria-labelledby="exchange-result-title">
      <div className="panel__head">
        <h2 id="exchange-result-title" className="panel__title">
          {t('exchange.result.title')}
        </h2>
        <button
          ref={another}
          type="button"
          className="button"
          onClick={onAnother}
          data-testid="import-another"
        >
          {t('exchange.result.another')}
        </button>
      </div>
      <ImportReportView report={job.report} state={job.state} failure={job.failure} />
    </section>
  );
}
