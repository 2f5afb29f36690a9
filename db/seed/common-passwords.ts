/**
 * The list of the commonest passwords (assets/reference/common-passwords.txt, built by
 * scripts/build-common-passwords.mjs), read once per process as a set of lower-case entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { commonPasswordKey } from '../../core/auth/password-rule';
import { assetsDir } from './assets-dir';

let cached: ReadonlySet<string> | null = null;

function commonPasswordsFile(): string {
  return path.join(assetsDir(), 'reference', 'common-passwords.txt');
}

export function readCommonPasswords(): ReadonlySet<string> {
  if (cached) return cached;
  const set = new Set<string>();
  for (const line of fs.readFileSync(commonPasswordsFile(), 'utf8').split(/\r?\n/)) {
    const entry = line.trim();
    if (entry && !entry.startsWith('#')) set.add(commonPasswordKey(entry));
  }
  if (set.size < 1000) {
    // A list cut short (a broken install) would let common passwords through unnoticed.
    throw new Error(`${commonPasswordsFile()} holds only ${set.size} passwords`);
  }
  cached = set;
  return set;
}
