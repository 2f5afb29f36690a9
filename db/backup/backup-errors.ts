/** What can stop a backup or a restore, as one sentence that says where. */
import { diskFullRefusal } from '../temp-folders';
type BackupErrorCode =
  | 'disk_full'
  | 'folder_unwritable'
  | 'source_damaged'
  | 'backup_damaged'
  | 'backup_unknown'
  | 'backup_too_new'
  | 'in_use'
  | 'copy_failed';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly sentence: { zh: string; en: string },
  ) {
    super(sentence.en);
    this.name = 'BackupError';
  }
}

/** "The disk is full", naming the folder: the same sentence every full disk gets (temp-folders). */
export function diskFullError(folder: string, needBytes: number, freeBytes: number): BackupError {
  return new BackupError('disk_full', diskFullRefusal(folder, needBytes, freeBytes).sentence);
}
