// The import worker from a source checkout (CLI, tests, browser mode): its TypeScript runs
// through tsx, as bin/griddesk.mjs does. The Electron build bundles the worker instead.
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
