import { getApi } from '../../api/client';
import { useT } from '../../i18n/locale-context';
import { ExportFileButtons } from '../../ui/ExportFileButtons';

/** 纪要 Excel / 纪要 PDF: the week's minutes as a file. */
export function MinutesExport({ week }: { week: string }) {
  const t = useT();
  return (
    <ExportFileButtons
      testId="minutes"
      labels={{ xlsx: t('weekly.exportXlsx'), pdf: t('weekly.exportPdf') }}
      exportFile={(format) => getApi().call('weekly.minutes.export', { week, format })}
    />
  );
}
