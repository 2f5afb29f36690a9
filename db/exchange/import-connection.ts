/**
 * Imports started from the app run on their own connection to the database file. The import
 * holds one transaction open for its whole run (that is what makes it all-or-nothing) while
 * yielding to the event loop between chunks; on the app's shared connection every other
 * call in the meantime would land inside that transaction. On a second connection the app
 * keeps reading the last committed state (WAL) and the import's rows appear at its commit.
 */
import { openDatabase, type Db } from '../open';

/**
 * Electron loads an Electron-ABI better-sqlite3 (README, packaging); the import's connection
 * must use the same binary. The shell sets it once at start; Node (tests, CLI, host) needs nothing.
 */
let importNativeBinding_: string | undefined;

export function useNativeBindingForImports(nativeBinding: string | undefined): void {
  importNativeBinding_ = nativeBinding;
}

export function importNativeBinding(): string | undefined {
  return importNativeBinding_;
}

export interface ImportConnection {
  db: Db;
  close(): void;
}

export function openImportConnection(db: Db, appVersion: string, now: number): ImportConnection {
  const file = db.name;
  // An in-memory database (some tests) has no file to open twice: share the connection.
  if (!file || file === ':memory:' || db.memory) return { db, close: () => {} };
  const opened = openDatabase(file, {
    appVersion,
    now,
    ...(importNativeBinding_ ? { nativeBinding: importNativeBinding_ } : {}),
  });
  return { db: opened.db, close: () => opened.db.close() };
}
