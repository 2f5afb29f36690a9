/**
 * README's map of the house cannot drift: its Architecture table lists every top-level
 * folder and every feature folder of api/, and nothing that is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The folders README's "## Architecture" table names in its first column, as `name/`. */
function tableFolders(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Architecture\n');
  expect(start, 'README.md has an "## Architecture" section').toBeGreaterThanOrEqual(0);
  const rest = readme.slice(start + 1);
  const next = rest.indexOf('\n## ', 1);
  const section = next === -1 ? rest : rest.slice(0, next);
  const folders = [...section.matchAll(/^\|\s*`([^`]+)\/`\s*\|/gm)].map((m) => m[1]!);
  expect(folders.length, 'the Architecture section has its table of folders').toBeGreaterThan(0);
  return folders;
}

/** Folders that are not the project's: git's own, and those .gitignore names (build output). */
function ignoredFolders(): Set<string> {
  const gitignore = fs.readFileSync(path.join(root, '.gitignore'), 'utf8');
  const ignored = gitignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.endsWith('/') && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => line.replace(/^\//, '').replace(/\/$/, ''));
  return new Set(['.git', ...ignored]);
}

function foldersIn(dir: string, skip: Set<string> = new Set()): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !skip.has(entry.name))
    .map((entry) => (dir === '.' ? entry.name : `${dir}/${entry.name}`))
    .sort();
}

describe("README's map of the house", () => {
  const listed = tableFolders();

  it('lists every folder once', () => {
    expect(listed.filter((name, i) => listed.indexOf(name) !== i)).toEqual([]);
  });

  it('lists every top-level folder, and only folders that exist', () => {
    const onDisk = foldersIn('.', ignoredFolders());
    const inTable = listed.filter((name) => !name.includes('/')).sort();
    expect(
      onDisk.filter((name) => !inTable.includes(name)),
      "top-level folders missing from README's Architecture table",
    ).toEqual([]);
    expect(
      inTable.filter((name) => !onDisk.includes(name)),
      "README's Architecture table lists top-level folders that do not exist",
    ).toEqual([]);
  });

  it('lists every feature folder of api/, and only folders that exist', () => {
    const onDisk = foldersIn('api');
    const inTable = listed.filter((name) => name.startsWith('api/')).sort();
    expect(
      onDisk.filter((name) => !inTable.includes(name)),
      "api/ folders missing from README's Architecture table",
    ).toEqual([]);
    expect(
      inTable.filter((name) => !onDisk.includes(name)),
      "README's Architecture table lists api/ folders that do not exist",
    ).toEqual([]);
  });

  it('lists no deeper folders than api/ feature folders', () => {
    expect(listed.filter((name) => name.includes('/') && !/^api\/[^/]+$/.test(name))).toEqual([]);
  });
});
