/**
 * The one pair of export buttons (导出 Excel / 导出 PDF of the ranking, 纪要 Excel / PDF of
 * the week's minutes): the pressed one says it is preparing and both wait, so a double-click
 * makes one file; then the file is handed to the user with its name and size, or the
 * failure's sentence stands beside the buttons.
 */
import { useState, type ReactNode } from 'react';
import type { ExportedFile } from '../../api/contract';
import { useT } from '../i18n/locale-context';
import { downloadExportedFile, fileSizeText } from './download-file';
import { ErrorLine } from './ErrorLine';
import { useFlash } from './useFlash';
import { useAction } from './useApiCall';
import './ui.css';

type Format = 'xlsx' | 'pdf';

export function ExportFileButtons({
  exportFile,
  labels,
  testId,
}: {
  exportFile(format: Format): Promise<ExportedFile>;
  labels: Record<Format, ReactNode>;
  /** `<testId>-xlsx`, `<testId>-pdf`, `<testId>-note`, `<testId>-error`. */
  testId: string;
}) {
  const t = useT();
  const action = useAction();
  const [pressed, setPressed] = useState<Format | null>(null);
  const [note, setNote] = useFlash();
  const run = async (format: Format) => {
    if (action.working) return;
    setPressed(format);
    setNote(null);
    const file = await action.run(() => exportFile(format));
    if (!file) return;
    downloadExportedFile(file);
    setNote((t) => t('ranking.exported', { file: file.fileName, size: fileSizeText(file.bytes) }));
  };
  return (
    <div className="export-buttons">
      {(['xlsx', 'pdf'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          onClick={() => void run(format)}
          disabled={action.working}
          aria-busy={action.working && pressed === format}
          data-testid={`${testId}-${format}`}
        >
          {action.working && pressed === format ? t('ranking.exporting') : labels[format]}
        </button>
      ))}
      {note ? (
        <span className="export-buttons__note" role="status" data-testid={`${testId}-note`}>
          {note}
        </span>
      ) : null}
      <ErrorLine error={action.error} testId={`${testId}-error`} />
    </div>
  );
}
