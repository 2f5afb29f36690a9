/** Everything the case desk offers (案件): the board and moves, quick entry, attachments. */
import { caseAttachmentsContract } from './case-attachments';
import { caseIntakeContract } from './case-intake';
import { casesContract } from './cases';

export const caseDeskContract = {
  ...casesContract,
  ...caseIntakeContract,
  ...caseAttachmentsContract,
};

export * from './case-attachments';
export * from './case-intake';
export * from './cases';
