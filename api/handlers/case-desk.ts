/** The case desk's handlers (案件): board and moves, quick entry, attachments. */
import { caseAttachmentsHandlers } from './case-attachments';
import { caseIntakeHandlers } from './case-intake';
import { casesHandlers } from './cases';

export const caseDeskHandlers = {
  ...casesHandlers,
  ...caseIntakeHandlers,
  ...caseAttachmentsHandlers,
};
