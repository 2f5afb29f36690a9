/** What can stop a backup or a restore, as one sentence that says where. */
export type BackupErrorCode =
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

const MB = 1024 * 1024;

export function diskFullError(folder: string, needBytes: number, freeBytes: number): BackupError {
  const need = Math.ceil(needBytes / MB);
  const free = Math.floor(freeBytes / MB);
  return new BackupError('disk_full', {
    zh: `备份文件夹 ${folder} 所在磁盘空间不足：需要约 ${need} MB，只剩 ${free} MB。请清理磁盘或换一个备份文件夹。`,
    en: `The disk holding the backup folder ${folder} is full: about ${need} MB are needed and ${free} MB are free. Free some space or choose another backup folder.`,
  });
}
