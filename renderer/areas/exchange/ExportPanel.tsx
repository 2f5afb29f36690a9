import { useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';
import { useLocale } from '../../i18n/locale-context';
import { ErrorState } from '../../states/ErrorState';
import { useApiCall } from '../../ui/useApiCall';
import { Panel } from '../../ui/Panel';
import { FieldRow } from '../../ui/FieldRow';

type Format = 'xlsx' | 'csv' | 'json' | 'open311';
const FORMATS: Array<
  [
    Format,
    (
      | 'exchange.export.formatXlsx'
      | 'exchange.export.formatCsv'
      | 'exchange.export.formatJson'
      | 'exchange.export.formatOpen311'
    ),
  ]
> = [
  ['xlsx', 'exchange.export.formatXlsx'],
  ['csv', 'exchange.export.formatCsv'],
  ['json', 'exchange.export.formatJson'],
  ['open311', 'exchange.export.formatOpen311'],
];

/** `2026-11-21T14:05` from a datetime-local input, read as Shanghai time. */
function shanghaiInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  return (
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) -
    8 * 3600_000
  );
}

/** Export: case updates (since the last export, or a time) or the grids, with the manifest beside them. */
export function ExportPanel() {
  const { t, format, locale } = useLocale();
  const overview = useApiQuery('exchange.overview', {}, { refreshOn: ['data.changed'] });
  const [kind, setKind] = useState<'cases' | 'grids'>('cases');
  const [fileFormat, setFileFormat] = useState<Format>('xlsx');
  const [range, setRange] = useState<'last' | 'time'>('last');
  const [since, setSince] = useState('');
  const [out, setOut] = useState('');
  const [unmasked, setUnmasked] = useState(false);
  const run = useApiCall('exchange.export');
  const last = overview.data?.lastCaseExportAt ?? null;
  const sinceAt = range === 'time' ? shanghaiInput(since) : null;
  const ready = out.trim() !== '' && (kind === 'grids' || range === 'last' || sinceAt !== null);
  const refused = run.error?.payload.code ?? null;
  /** Runs the export; `extra` carries what the user confirmed after a refusal. */
  const submit = (extra: { writeEmpty?: boolean; confirmForeignFolder?: boolean } = {}) => {
    if (!ready) return;
    void run
      .run({
        kind,
        format: fileFormat,
        out: out.trim(),
        unmasked,
        ...(kind === 'cases' && range === 'time' ? { since: sinceAt } : {}),
        ...extra,
      })
      .then(() => overview.refresh());
  };

  return (
    <Panel title={t('exchange.export.title')} className="exchange__export" testId="exchange-export">
      <form
        className="exchange__export-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset className="exchange__choice">
          <legend>{t('exchange.export.what')}</legend>
          <label>
            <input type="radio" checked={kind === 'cases'} onChange={() => setKind('cases')} />{' '}
            {t('exchange.export.cases')}
          </label>
          <label>
            <input type="radio" checked={kind === 'grids'} onChange={() => setKind('grids')} />{' '}
            {t('exchange.export.grids')}
          </label>
        </fieldset>
        {kind === 'cases' ? (
          <>
            <fieldset className="exchange__choice">
              <legend>{t('exchange.export.format')}</legend>
              {FORMATS.map(([value, label]) => (
                <label key={value}>
                  <input
                    type="radio"
                    checked={fileFormat === value}
                    onChange={() => setFileFormat(value)}
                  />{' '}
                  {t(label)}
                </label>
              ))}
            </fieldset>
            <fieldset className="exchange__choice exchange__choice--column">
              <legend>{t('exchange.export.range')}</legend>
              <label>
                <input type="radio" checked={range === 'last'} onChange={() => setRange('last')} />{' '}
                {last === null
                  ? t('exchange.export.sinceNever')
                  : t('exchange.export.sinceLast', { time: format.tableDateTime(last) })}
              </label>
              <label>
                <input type="radio" checked={range === 'time'} onChange={() => setRange('time')} />{' '}
                {t('exchange.export.sinceTime')}{' '}
                <input
                  type="datetime-local"
                  value={since}
                  onChange={(e) => setSince(e.target.value)}
                  disabled={range !== 'time'}
                  aria-label={t('exchange.export.sinceTime')}
                />
              </label>
            </fieldset>
            <label className="exchange__check">
              <input
                type="checkbox"
                checked={unmasked}
                disabled={!overview.data?.canExportUnmasked}
                onChange={(e) => setUnmasked(e.target.checked)}
              />{' '}
              {t('exchange.export.unmasked')}
            </label>
            {!unmasked ? <p className="muted">{t('exchange.export.masked')}</p> : null}
          </>
        ) : null}
        <FieldRow label={t('exchange.export.out')} className="exchange__grow">
          <input
            type="text"
            value={out}
            onChange={(e) => setOut(e.target.value)}
            placeholder={t('exchange.export.outPlaceholder')}
            spellCheck={false}
            data-testid="export-out"
          />
        </FieldRow>
        <div>
          <button
            type="submit"
            className="button button--primary"
            disabled={!ready || run.working}
            data-testid="export-run"
          >
            {t('exchange.export.run')}
          </button>
        </div>
      </form>
      {run.error && refused === 'export_empty' ? (
        // Nothing to send back is news, not a failure: no file, the marker did not move.
        <div className="exchange__headline" role="status" data-testid="export-empty">
          <p>{locale === 'zh-CN' ? run.error.payload.message.zh : run.error.payload.message.en}</p>
          <button
            type="button"
            className="button"
            disabled={run.working}
            onClick={() => submit({ writeEmpty: true })}
          >
            {t('exchange.export.writeEmpty')}
          </button>
        </div>
      ) : run.error ? (
        <>
          <ErrorState error={run.error} />
          {refused === 'export_foreign_folder' ? (
            <button
              type="button"
              className="button"
              disabled={run.working}
              onClick={() => submit({ confirmForeignFolder: true })}
              data-testid="export-confirm-folder"
            >
              {t('exchange.export.confirmFolder')}
            </button>
          ) : null}
        </>
      ) : null}
      {run.result ? (
        <div
          className="exchange__headline exchange__headline--done"
          role="status"
          data-testid="export-result"
        >
          <span className="exchange__headline-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <strong>
              {t('exchange.export.done', {
                rows: format.count(run.result.rows),
                file: run.result.file,
              })}
            </strong>
            <p className="muted">
              {t('exchange.export.manifest', { manifest: run.result.manifest })}
            </p>
            {run.result.newFolder ? (
              <p className="muted">
                {t('exchange.export.newFolder', { folder: run.result.newFolder })}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </Panel>
  );
}
