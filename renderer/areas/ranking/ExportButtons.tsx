import { useState } from 'react';
import type { RankingLevel } from '../../../api/contract';
import { getApi } from '../../api/client';
import { toApiError, type ApiError } from '../../api/api-error';
import { useLocale } from '../../i18n/locale-context';
import { downloadExportedFile, fileSizeText } from './download-file';

/** 导出 Excel / 导出 PDF of what is on screen (the live ranking or the bulletin shown). */
export function ExportButtons({
  period,
  level,
  bulletinId,
}: {
  period: string;
  level: RankingLevel;
  bulletinId: number | null;
}) {
  const { t, locale } = useLocale();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    setError(null);
    setMessage(null);
    getApi()
      .call('ranking.export', {
        period,
        level,
        format,
        ...(bulletinId !== null ? { bulletinId } : {}),
      })
      .then(
        (file) => {
          downloadExportedFile(file);
          setMessage(
            t('ranking.exported', { file: file.fileName, size: fileSizeText(file.bytes) }),
          );
        },
        (reason: unknown) => setError(toApiError(reason)),
      )
      .finally(() => setBusy(null));
  };
  return (
    <span className="rk-export">
      <button
        type="button"
        className="button"
        onClick={() => run('xlsx')}
        disabled={busy !== null}
        data-testid="export-xlsx"
      >
        {busy === 'xlsx' ? t('ranking.exporting') : t('ranking.exportXlsx')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => run('pdf')}
        disabled={busy !== null}
        data-testid="export-pdf"
      >
        {busy === 'pdf' ? t('ranking.exporting') : t('ranking.exportPdf')}
      </button>
      {message ? (
        <span className="rk-export__note" role="status" data-testid="export-note">
          {message}
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
