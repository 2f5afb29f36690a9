/**
 * The category standard's fold, as its callers import it: the contract (standard-table), the
 * folder (standard-fold) and the sentences (standard-problems). The parts are described in
 * standard-fold.ts.
 */
export type {
  StandardEntry,
  StandardFoldOptions,
  StandardMinor,
  StandardNote,
  StandardProblem,
  StandardRowIn,
  StandardSheet,
  StandardTable,
} from './standard-table';
export { foldStandardSheets, StandardTableFolder } from './standard-fold';
export { standardText } from './standard-cell-text';
export { kindInName } from './standard-kind';
export { standardProblemSentence } from './standard-problems';
