/**
 * Paths from the API (issue 10): an administrator in browser mode could preview any path
 * (/etc/shadow) and export into any folder. Every method taking a path now reads only
 * regular files (and folders, for packages), resolves symlinks first, and refuses the
 * system's folders for reading and writing, each with one sentence naming the path.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseDesk, signInDesk, type CaseDesk } from '../integration/cases-fixture';
import { SAMPLES } from '../integration/exchange-fixture';
import { mountSmallDisk, NO_SMALL_DISK } from '../fixtures/small-disk';

let desk: CaseDesk;
let admin: string;
beforeAll(async () => {
  desk = openCaseDesk('griddesk-fault-paths-');
  admin = (await signInDesk(desk)).admin;
});
afterAll(() => desk.close());

const refusedAs = (code: string, zh: RegExp | string) =>
  expect.objectContaining({
    code,
    sentence: expect.objectContaining({ zh: expect.stringMatching(zh) }),
  });

describe('reading', () => {
  it.each([
    ['/etc/passwd', '/etc'],
    ['/etc/shadow', '/etc'],
    ['/proc/self/environ', '/proc'],
    ['/usr/lib/os-release', '/usr'],
    ['/var/log', '/var'],
  ])('preview of %s is refused: %s is a system folder', async (file, system) => {
    if (!fs.existsSync(file)) {
      console.log(`[faults/api-paths] ${file} does not exist here; checking the sentence only`);
    }
    const error = await desk
      .call(admin, 'exchange.preview', { path: file })
      .catch((e: unknown) => e);
    expect(error).toEqual(
      refusedAs(
        fs.existsSync(file) ? 'system_location' : 'file_not_found',
        fs.existsSync(file) ? system : '找不到文件',
      ),
    );
  });

  it('a symlink into /etc is judged where it leads', async () => {
    const link = path.join(desk.dir, 'cases.csv');
    fs.symlinkSync('/etc/passwd', link);
    const error = await desk
      .call(admin, 'exchange.preview', { path: link })
      .catch((e: unknown) => e);
    expect(error).toEqual(refusedAs('system_location', '/etc/passwd'));
    const folderLink = path.join(desk.dir, 'etc-link');
    fs.symlinkSync('/etc', folderLink);
    const viaFolder = await desk
      .call(admin, 'exchange.import.start', {
        path: path.join(folderLink, 'passwd'),
        skipInvalid: false,
      })
      .catch((e: unknown) => e);
    expect(viaFolder).toEqual(refusedAs('system_location', '/etc'));
    expect((await desk.call(admin, 'exchange.overview', {})).runningJob).toBeNull();
  });

  it('only regular files are read: a FIFO (which would hang a reader) and a device are refused', async () => {
    const fifo = path.join(desk.dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const error = await desk
      .call(admin, 'exchange.preview', { path: fifo })
      .catch((e: unknown) => e);
    expect(error).toEqual(refusedAs('not_a_file', '不是普通文件'));
    const device = await desk
      .call(admin, 'exchange.preview', { path: '/dev/zero' })
      .catch((e: unknown) => e);
    expect(device).toEqual(refusedAs('system_location', '/dev'));
  });

  it('the map’s file methods are held to the same rules', async () => {
    await expect(desk.call(admin, 'map.basemap.set', { path: '/etc/passwd' })).rejects.toEqual(
      refusedAs('system_location', '/etc'),
    );
    await expect(
      desk.call(admin, 'map.grids.import', { path: '/etc/passwd', mode: 'check' }),
    ).rejects.toEqual(refusedAs('system_location', '/etc'));
  });

  it('the user’s own files and package folders still read', async () => {
    const preview = await desk.call(admin, 'exchange.preview', {
      path: path.join(SAMPLES, 'cases-sample-gbk.csv'),
    });
    expect(preview.kind).toBe('cases');
  });
});

describe('writing', () => {
  it.each(['/etc/griddesk/', '/usr/local/回传.xlsx', '/var/lib/griddesk/', '/boot/x.csv', '/'])(
    'an export into %s is refused and creates nothing',
    async (out) => {
      const before = fs.existsSync(path.resolve(out));
      await expect(
        desk.call(admin, 'exchange.export', { kind: 'cases', out, since: 0, unmasked: false }),
      ).rejects.toEqual(refusedAs('system_location', '系统文件夹'));
      expect(fs.existsSync(path.resolve(out))).toBe(before);
    },
  );

  it('a folder link into /usr is refused for writing too, and so is the map’s grid export', async () => {
    const link = path.join(desk.dir, 'usb');
    fs.symlinkSync('/usr/share', link);
    // A name of this run's own: a folder left by an older build cannot hide a regression.
    const folder = `griddesk-test-${process.pid}-${Date.now()}`;
    await expect(
      desk.call(admin, 'exchange.export', {
        kind: 'cases',
        out: path.join(link, `${folder}/`),
        since: 0,
        unmasked: false,
      }),
    ).rejects.toEqual(refusedAs('system_location', `/usr/share/${folder}`));
    expect(fs.existsSync(`/usr/share/${folder}`)).toBe(false);
    await expect(
      desk.call(admin, 'map.grids.export', { path: '/etc/grids.geojson' }),
    ).rejects.toEqual(refusedAs('system_location', '/etc'));
    expect(fs.existsSync('/etc/grids.geojson')).toBe(false);
  });

  it('/var/tmp and the user’s own folders are fine', async () => {
    const own = path.join(desk.dir, 'out/');
    const report = await desk.call(admin, 'exchange.export', {
      kind: 'grids',
      format: 'xlsx',
      out: own,
      unmasked: false,
    });
    expect(path.dirname(report.file)).toBe(path.resolve(own));
    const varTmp = fs.mkdtempSync('/var/tmp/griddesk-paths-');
    try {
      const there = await desk.call(admin, 'exchange.export', {
        kind: 'grids',
        out: `${varTmp}/`,
        unmasked: false,
      });
      expect(fs.existsSync(there.file)).toBe(true);
    } finally {
      fs.rmSync(varTmp, { recursive: true, force: true });
    }
  });

  it('the map’s grid export on a full disk says so, naming the folder, and leaves no half file', async (ctx) => {
    const disk = path.join(desk.dir, 'small-stick');
    const unmount = mountSmallDisk(disk, 'size=8k', 'faults/api-paths');
    if (!unmount) return ctx.skip(NO_SMALL_DISK);
    try {
      await expect(
        desk.call(admin, 'map.grids.export', { path: path.join(disk, 'grids.geojson') }),
      ).rejects.toEqual(refusedAs('disk_full', disk));
      expect(fs.readdirSync(disk)).toEqual([]);
    } finally {
      unmount();
    }
  });
});
