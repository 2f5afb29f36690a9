/** The weekly meeting's minutes as xlsx or A4 PDF, with its file name. */
import { streetName } from '../../db/queries/bulletins';
import type { Db } from '../../db/open';
import type { ExportedFile } from '../contract/ranking';
import type { WeeklyAgenda } from '../contract/weekly';
import { minutesPdf } from './minutes-pdf';
import { minutesTitle } from './minutes-words';
import { minutesXlsx } from './minutes-xlsx';
import { issuingUnit, MIME } from './ranking-export';

export async function renderMinutesExport(
  db: Db,
  input: { format: 'xlsx' | 'pdf'; agenda: WeeklyAgenda; now: number },
): Promise<ExportedFile> {
  const document = {
    agenda: input.agenda,
    title: minutesTitle(streetName(db), input.agenda),
    issuer: issuingUnit(db),
    now: input.now,
  };
  const bytes = input.format === 'pdf' ? await minutesPdf(document) : await minutesXlsx(document);
  return {
    fileName: `${input.agenda.week.key}-周调度会议纪要.${input.format}`,
    mimeType: MIME[input.format],
    base64: bytes.toString('base64'),
    bytes: bytes.length,
  };
}
