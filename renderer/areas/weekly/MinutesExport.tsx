import { useState } from 'react';
import { getApi } from '../../api/client';
import { toApiError, type ApiError } from '../../api/api-error';
import { useLocale } from '../../i18n/locale-context';
import { downloadExportedFile, fileSizeText } from '../ranking/download-file';

/** 纪要 Excel / 纪要 PDF: the week's minutes as a file. */
export function MinutesExport({ week }: { week: string }) {
  const { t, locale } = useLocale();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = (format: 'xlsx' | 'pdf') => {
    setBusy(true);
    setError(null);
    getApi()
      .call('weekly.minutes.export', { week, format })
      .then(
        (file) => {
          downloadExportedFile(file);
          setNote(t('ranking.exported', { file: file.fileName, size: fileSizeText(file.bytes) }));
        },
        (reason: unknown) => setError(toApiError(reason)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <span className="rk-export">
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => run('xlsx')}
        data-testid="minutes-xlsx"
      >
        {t('weekly.exportXlsx')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => run('pdf')}
        data-testid="minutes-pdf"
      >
        {busy ? t('ranking.exporting') : t('weekly.exportPdf')}
      </button>
      {note ? (
        <span className="rk-export__note" role="status">
          {note}
        </span>
      ) : null}
      {error ? (
        <span className="rk-export__error" role="alert">
          {locale === 'zh-CN' ? error.payload.message.zh : error.payload.message.en}
        </span>
      ) : null}
    </span>
  );
}
