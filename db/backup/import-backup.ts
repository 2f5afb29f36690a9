/**
 * The backup before an import of more than 10,000 rows (大批导入前备份): taken while the
 * import's transaction is still open, on a read connection of its own, so it holds the
 * store exactly as it was before the import. A backup that cannot be taken refuses the
 * import: a big import is what a restore most often has to undo.
 */
import Database from 'better-sqlite3';
import type { Db } from '../open';
import { createBackup } from './create-backup';

export function backupBeforeLargeImport(
  db: Db,
  options: { now: () => number; appVersion: string; nativeBinding?: string },
): (rows: number) => Promise<void> {
  return async () => {
    // A connection of its own: the import's may hold uncommitted rows the backup must not see.
    const reader = new Database(db.name, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      await createBackup(reader, {
        reason: 'import',
        now: options.now(),
        appVersion: options.appVersion,
      });
    } finally {
      reader.close();
    }
  };
}
