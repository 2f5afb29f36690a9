/**
 * The better-sqlite3 binary an import's own connection loads. Imports started from the app
 * run in a worker thread on a connection of their own (import-in-worker.ts), and a big case
 * file is read in a further thread (case-reading.ts); each opens the database file itself.
 * Electron loads an Electron-ABI better-sqlite3 (README, packaging), and so must they: the
 * shell sets it once at start, the import's thread passes it on; Node (tests, CLI, host)
 * needs nothing.
 */
let importNativeBinding_: string | undefined;

export function useNativeBindingForImports(nativeBinding: string | undefined): void {
  importNativeBinding_ = nativeBinding;
}

export function importNativeBinding(): string | undefined {
  return importNativeBinding_;
}
