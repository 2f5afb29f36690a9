import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, CONTENT_SECURITY_POLICY } from '../../api/web-policy';
import { isAllowedRequestUrl, isAppUrl, resolveAppFile } from '../../electron/app-url';

const root = path.resolve('/srv/renderer');

describe("the desktop shell's app:// origin", () => {
  it('maps app://griddesk paths to files inside the renderer build only', () => {
    expect(resolveAppFile(root, 'app://griddesk/index.html')).toEqual({
      kind: 'file',
      file: path.join(root, 'index.html'),
    });
    expect(resolveAppFile(root, 'app://griddesk/')).toEqual({
      kind: 'file',
      file: path.join(root, 'index.html'),
    });
    expect(resolveAppFile(root, 'app://griddesk/assets/index-1.js')).toEqual({
      kind: 'file',
      file: path.join(root, 'assets', 'index-1.js'),
    });
    // URL parsing folds an encoded dot-dot segment away before we see it: it stays inside.
    expect(resolveAppFile(root, 'app://griddesk/%2e%2e/secret')).toEqual({
      kind: 'file',
      file: path.join(root, 'secret'),
    });
    expect(resolveAppFile(root, 'app://griddesk/..%2f..%2fetc%2fpasswd').kind).toBe('refused');
    for (const escape of [
      'app://griddesk/..%2f..%2fetc%2fpasswd',
      'app://griddesk/..%5c..%5csecret',
      'app://griddesk/C:%5cWindows',
      'app://griddesk/a%00b',
      'app://other/index.html',
      'https://griddesk/index.html',
    ]) {
      const result = resolveAppFile(root, escape);
      // Refused, or (where the platform reads the name literally) a file inside the build.
      const inside = result.kind === 'file' && result.file.startsWith(root + path.sep);
      expect(result.kind === 'refused' || inside, escape).toBe(true);
    }
  });

  it('lets a page load only its own files, tiles and DevTools: nothing on a network', () => {
    expect(isAppUrl('app://griddesk/index.html#/cases')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAllowedRequestUrl('app://griddesk/assets/a.js')).toBe(true);
    expect(isAllowedRequestUrl('tiles://basemap/3/4/5.png')).toBe(true);
    for (const remote of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'file:///etc/passwd',
      'app://evil/x',
    ]) {
      expect(isAllowedRequestUrl(remote), remote).toBe(false);
    }
  });

  it('serves with a strict policy and the right content types', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('C:\\app\\assets\\a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x.y/noext')).toBe('application/octet-stream');
  });
});
