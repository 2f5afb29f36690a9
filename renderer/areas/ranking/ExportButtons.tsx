import type { RankingLevel } from '../../../api/contract';
import { getApi } from '../../api/client';
import { useT } from '../../i18n/locale-context';
import { ExportFileButtons } from '../../ui/ExportFileButtons';

/** 导出 Excel / 导出 PDF of what is on screen (the live ranking or the bulletin shown). */
export function ExportButtons({
  period,
  level,
  bulletinId,
  draftId = null,
}: {
  period: string;
  level: RankingLevel;
  bulletinId: number | null;
  /** A draft (征求意见稿) on screen: its frozen figures are exported. */
  draftId?: number | null;
}) {
  const t = useT();
  return (
    <ExportFileButtons
      testId="export"
      labels={{ xlsx: t('ranking.exportXlsx'), pdf: t('ranking.exportPdf') }}
      exportFile={(format) =>
        getApi().call('ranking.export', {
          period,
          level,
          format,
          ...(bulletinId !== null ? { bulletinId } : {}),
          ...(draftId !== null ? { draftId } : {}),
        })
      }
    />
  );
}
