import { useEffect, useRef } from 'react';
import type { ImportJobStatus } from '../../../api/contract';
import { useT } from '../../i18n/locale-context';
import { ImportReportView } from './ImportReportView';
import { Panel } from '../../ui/Panel';

/** The result page of an import just run, and the way to the next file. */
export function ImportResultView({ job, onAnother }: { job: ImportJobStatus; onAnother(): void }) {
  const t = useT();
  const another = useRef<HTMLButtonElement>(null);
  useEffect(() => another.current?.focus(), []);
  return (
    <Panel
      title={t('exchange.result.title')}
      className="exchange__result"
      actions={
        <button
          ref={another}
          type="button"
          className="button"
          onClick={onAnother}
          data-testid="import-another"
        >
          {t('exchange.result.another')}
        </button>
      }
    >
      <ImportReportView report={job.report} state={job.state} failure={job.failure} />
    </Panel>
  );
}
