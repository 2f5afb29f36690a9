import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;

function griddesk(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/griddesk.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: path.join(dir, 'config') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'griddesk-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('griddesk command line', () => {
  it('prints help for the program and for every command', () => {
    const top = griddesk('--help');
    expect(top.code).toBe(0);
    for (const command of ['demo', 'info', 'serve']) {
      expect(top.stdout).toContain(command);
      const help = griddesk(command, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('--db');
    }
  });

  it('creates the demo street and reports it with info --json', () => {
    const file = path.join(dir, 'demo.sqlite');
    const demo = griddesk('demo', '--db', file);
    expect(demo.code, demo.stderr).toBe(0);
    const info = griddesk('info', '--db', file, '--json');
    expect(info.code, info.stderr).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed.communities).toBe(12);
    expect(parsed.grids).toBe(154);
    expect(parsed.cases).toBeGreaterThanOrEqual(2000);
    expect(parsed.street).toEqual({ code: '990101001', name: '示范街道' });
  });

  it('refuses to overwrite an existing database without --force', () => {
    const file = path.join(dir, 'keep.sqlite');
    fs.writeFileSync(file, 'precious');
    const result = griddesk('demo', '--db', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already exists.*--force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('creates a database a --db path names with the reference data only', () => {
    const file = path.join(dir, 'fresh', 'new.sqlite');
    const info = griddesk('info', '--db', file, '--json');
    expect(info.code, info.stderr).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed).toMatchObject({ communities: 0, grids: 0, cases: 0, street: null });
    expect(parsed.units).toBeGreaterThan(5);
  });

  it('says in one sentence when the file is not a database, with a non-zero exit', () => {
    const file = path.join(dir, 'notes.txt');
    fs.writeFileSync(
      file,
      'not a database at all, just some words that fill the header page. '.repeat(10),
    );
    const result = griddesk('info', '--db', file);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('not a SQLite database');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a usage error', () => {
    expect(griddesk('info', '--nonsense').code).toBe(2);
    expect(griddesk('serve', '--port', 'abc').code).toBe(2);
    expect(griddesk('frobnicate').code).toBe(2);
  });
});
