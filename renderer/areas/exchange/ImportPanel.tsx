import { useEffect, useRef, useState } from 'react';
import type { ImportJobStatus, ImportPreview } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useT } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { FilePicker } from './FilePicker';
import { ImportPreviewView } from './ImportPreviewView';
import { ImportProgressView } from './ImportProgressView';
import { ImportResultView } from './ImportResultView';
import { useApiCall } from '../../ui/useApiCall';

type Kind = ImportPreview['kind'];
const POLL_MS = 300;

/** Import: pick a file, look at it (and fix the column mapping), run it as a job, read the result. */
export function ImportPanel() {
  const t = useT();
  const [path, setPath] = useState('');
  const [kind, setKind] = useState<Kind | 'auto'>('auto');
  const [sheet, setSheet] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [job, setJob] = useState<ImportJobStatus | null>(null);
  // A look, asked again at each mapping change: the newest question's answer wins.
  const preview = useApiCall('exchange.preview', 'latest');
  const start = useApiCall('exchange.import.start');
  const runPreview = preview.run;
  const pollTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // An import started before this screen opened (another tab, a reload) is shown, not lost.
  useEffect(() => {
    void getApi()
      .call('exchange.overview', {})
      .then((overview) => overview.runningJob && setJob(overview.runningJob))
      .catch(() => undefined);
  }, []);

  const jobId = job?.jobId ?? null;
  const running = job?.state === 'running';
  useEffect(() => {
    if (!jobId || !running) return undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const status = await getApi().call('exchange.jobStatus', { jobId });
        if (!stopped) setJob(status);
        if (!stopped && status.state === 'running')
          pollTimer.current = setTimeout(() => void poll(), POLL_MS);
      } catch {
        if (!stopped) pollTimer.current = setTimeout(() => void poll(), POLL_MS * 3);
      }
    };
    pollTimer.current = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      if (pollTimer.current) clearTimeout(pollTimer.current);
    };
  }, [jobId, running]);

  const look = (next: {
    path?: string;
    sheet?: string | null;
    mapping?: Record<string, string>;
    kind?: Kind | 'auto';
  }) => {
    const target = (next.path ?? path).trim();
    if (!target) return;
    const chosenKind = next.kind ?? kind;
    const chosenMapping = next.mapping ?? mapping;
    void runPreview({
      path: target,
      ...(chosenKind !== 'auto' ? { kind: chosenKind } : {}),
      ...((next.sheet ?? sheet) ? { sheet: next.sheet ?? sheet } : {}),
      ...(Object.keys(chosenMapping).length > 0 ? { mapping: chosenMapping } : {}),
    });
  };

  const begin = async () => {
    const shown = preview.result;
    if (!shown) return;
    const status = await start.run({
      path: shown.file,
      skipInvalid,
      ...(kind !== 'auto' ? { kind } : { kind: shown.kind }),
      ...(shown.sheet ? { sheet: shown.sheet } : {}),
      ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
    });
    if (status) setJob(status);
  };

  const again = () => {
    setJob(null);
    setMapping({});
    setSheet(null);
    preview.reset();
  };

  if (job && job.state === 'running') return <ImportProgressView job={job} />;
  if (job) return <ImportResultView job={job} onAnother={again} />;
  return (
    <div className="exchange__import">
      <FilePicker
        path={path}
        kind={kind}
        busy={preview.working}
        onPath={setPath}
        onKind={(next) => {
          setKind(next);
          if (preview.result) look({ kind: next });
        }}
        onPreview={(chosen) => {
          setMapping({});
          setSheet(null);
          if (chosen) setPath(chosen);
          look({ path: chosen ?? path, mapping: {}, sheet: null });
        }}
      />
      {preview.error ? <ErrorState error={preview.error} /> : null}
      {preview.result ? (
        <ImportPreviewView
          preview={preview.result}
          mapping={mapping}
          onMapping={(next) => {
            setMapping(next);
            look({ mapping: next });
          }}
          onSheet={(next) => {
            setSheet(next);
            look({ sheet: next });
          }}
        />
      ) : null}
      {preview.result ? (
        <section className="panel exchange__start">
          <label className="exchange__check">
            <input
              type="checkbox"
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.target.checked)}
              data-testid="skip-invalid"
            />
            {t('exchange.options.skipInvalid')}
          </label>
          {!skipInvalid ? (
            <span className="muted">{t('exchange.options.allOrNothing')}</span>
          ) : null}
          <button
            type="button"
            className="button button--primary"
            disabled={start.working}
            onClick={() => void begin()}
            data-testid="start-import"
          >
            {t('exchange.start')}
          </button>
        </section>
      ) : null}
      {start.error ? <ErrorState error={start.error} /> : null}
    </div>
  );
}
