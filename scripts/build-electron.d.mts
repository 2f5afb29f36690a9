// Types for the tests that build the reading worker bundle (scripts/build-electron.mjs).
export function buildReadingWorker(dir?: string): Promise<string>;
export function buildImportWorker(dir?: string): Promise<string>;
export function buildCheckWorker(dir?: string): Promise<string>;
export function buildElectron(): Promise<{ outdir: string; main: string; preload: string }>;
