/**
 * Serving the built renderer from disk: only files inside its folder, with the same strict
 * Content-Security-Policy the Electron shell sends.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../api/web-policy';

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Resolves a URL path inside `root`, or null when it would leave it. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  const rootWithSep = path.resolve(root) + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : null;
}

export function serveStatic(root: string, urlPath: string, response: ServerResponse): void {
  const file = resolveInside(root, urlPath);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    if (urlPath === '/' || urlPath === '/index.html') return serveNotBuilt(response);
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
    response.end('Not found');
    return;
  }
  const type = contentTypeOf(file);
  const immutable = file.includes(`${path.sep}assets${path.sep}`);
  response.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    ...securityHeaders(),
  });
  fs.createReadStream(file).pipe(response);
}

function serveNotBuilt(response: ServerResponse): void {
  response.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', ...securityHeaders() });
  response.end(
    '<!doctype html><meta charset="utf-8"><title>GridDesk</title>' +
      '<p>界面尚未构建：请先运行 <code>npm run build:renderer</code>。</p>' +
      '<p>The renderer has not been built yet: run <code>npm run build:renderer</code> first.</p>',
  );
}
