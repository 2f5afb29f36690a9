/**
 * The renderer's build. `base: './'` keeps every asset URL relative, so the same build runs
 * under Electron's app:// and the loopback host's http://. Areas other than the overview
 * are React.lazy routes, so Rolldown gives each its own chunk.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server's React Refresh preamble is an inline script, which the strict CSP in
 * index.html forbids. In `vite` (serve) only, allow inline scripts; builds keep the strict
 * policy untouched.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'griddesk:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

// Browser mode in development: point /api at a running host, e.g.
// GRIDDESK_API_ORIGIN=http://127.0.0.1:7450 npx vite
const apiOrigin = process.env.GRIDDESK_API_ORIGIN;

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Chromium in Electron supports modulepreload natively: no polyfill needed.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 400,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: apiOrigin ? { '/api': { target: apiOrigin, changeOrigin: false } } : undefined,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
