/** Exports of a ranking (live or a published bulletin) as xlsx or A4 PDF, with their file names. */
import { streetName } from '../../db/queries/bulletins';
import type { Db } from '../../db/open';
import type { ExportedFile, RankingResult, TrendResult } from '../contract/ranking';
import { bulletinTitle, requireIntactBulletin } from '../ranking/bulletins';
import { requirePeriod } from '../ranking/periods';
import { LEVEL_ZH } from './document-words';
import { rankingPdf } from './ranking-pdf';
import { rankingXlsx } from './ranking-xlsx';

export const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** 示范街道综合指挥中心: the command centre that issues bulletins and minutes. */
export function issuingUnit(db: Db): string {
  const street = streetName(db);
  return street ? `${street}综合指挥中心` : '街道综合指挥中心';
}

export async function renderRankingExport(
  db: Db,
  input: {
    format: 'xlsx' | 'pdf';
    ranking: RankingResult;
    trend: TrendResult;
    periodLabel: string;
  },
): Promise<ExportedFile> {
  const { ranking } = input;
  // Every export of a bulletin comes through here: one whose checksum fails is refused.
  requireIntactBulletin(ranking);
  const title =
    ranking.bulletin?.title ??
    ranking.draft?.title ??
    bulletinTitle(streetName(db), requirePeriod(ranking.period.key), ranking.level);
  const document = {
    ranking,
    trend: input.trend,
    title,
    issuer: issuingUnit(db),
    periodLabel: input.periodLabel,
  };
  const bytes = input.format === 'pdf' ? await rankingPdf(document) : await rankingXlsx(document);
  const version = ranking.bulletin
    ? `-第${ranking.bulletin.version}版`
    : ranking.draft
      ? `-征求意见稿第${ranking.draft.version}版`
      : '-实时';
  return {
    fileName: `${ranking.period.key}-${LEVEL_ZH[ranking.level]}排名${version}.${input.format}`,
    mimeType: MIME[input.format],
    base64: bytes.toString('base64'),
    bytes: bytes.length,
  };
}
