#!/usr/bin/env node
// The `griddesk` command: runs the TypeScript CLI through tsx, so it works right after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
