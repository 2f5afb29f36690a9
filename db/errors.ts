/** Errors a user (or an admin's file system) can cause at the database's door. */
export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly code: 'too_new' | 'not_a_database' | 'unreadable' | 'migration_failed' | 'damaged',
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

/**
 * The SQLite failures a user can cause or meet (a full disk, a read-only or locked file, a
 * damaged page), as one sentence naming the file; null for anything else, which is the
 * program's fault and gets a reference instead.
 */
export function sqliteErrorSentence(
  error: unknown,
  file: string,
): { code: string; sentence: { zh: string; en: string } } | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = String((error as Error | null)?.message ?? '');
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL') || /disk is full/i.test(message)) {
    return {
      code: 'disk_full',
      sentence: {
        zh: `磁盘已满：数据库 ${file} 无法写入，本次操作未保存，已有数据未受影响。请清理磁盘空间后重试。`,
        en: `The disk is full: the database ${file} cannot be written; this change was not saved and nothing already saved was harmed. Free some disk space and try again.`,
      },
    };
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return {
      code: 'database_damaged',
      sentence: {
        zh: `数据库 ${file} 已损坏，本次操作未完成：请在"设置 → 备份"中恢复最近的备份。`,
        en: `The database ${file} is damaged and this could not be done: restore the latest backup under Settings → Backups.`,
      },
    };
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return {
      code: 'database_read_only',
      sentence: {
        zh: `数据库 ${file} 现在只读，本次操作未保存：检查文件和文件夹的写入权限，或数据库是否已损坏。`,
        en: `The database ${file} is read-only just now, so this was not saved: check the file's and folder's permissions, or whether it is damaged.`,
      },
    };
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return {
      code: 'disk_error',
      sentence: {
        zh: `读写数据库 ${file} 时磁盘出错（${code}），本次操作未完成：检查磁盘或 U 盘是否仍然连接。`,
        en: `The disk failed while reading or writing ${file} (${code}); this was not done: check that the disk or USB stick is still attached.`,
      },
    };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      code: 'database_busy',
      sentence: {
        zh: `数据库 ${file} 正被另一个程序写入，本次操作未保存：请稍后重试。`,
        en: `Another program is writing to ${file}; this was not saved: try again shortly.`,
      },
    };
  }
  return null;
}
