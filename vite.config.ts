import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the built page: nothing runs but the app's own scripts from its
 * own origin, so a hostile name or file that ever reached the DOM as markup could not execute.
 * Only the build gets it (the dev server's React refresh needs an inline script).
 * `frame-ancestors`, `report-uri` and `sandbox` cannot be set from a meta tag: they need a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Workers are emitted as files of their own under /assets.
  "worker-src 'self'",
  // Stylesheets are files; React and React Flow set styles through the CSSOM, which CSP allows.
  "style-src 'self'",
  // data: for the select arrows drawn in the CSS, blob: for the SVG drawn into a PNG on export.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Examples and `?file=` designs come from this site only.
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'sagaboard-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/** Where `npm start` runs the collaboration server (scripts/dev.mjs); the dev server proxies to it. */
const COLLAB_PORT = Number(process.env.SAGABOARD_COLLAB_PORT ?? 5199);

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // The app's page only: bench/peer/peer.html is built by bench:peer with its own config.
  optimizeDeps: { entries: ['index.html'] },
  server: {
    port: 5173,
    strictPort: false,
    // Live boards: the page talks to its own origin (HTTP for new rooms, a WebSocket for the room), as in production.
    proxy: { '/collaboration': { target: `http://127.0.0.1:${COLLAB_PORT}`, ws: true } },
  },
  build: {
    rolldownOptions: {
      output: {
        // Modules that the page and the parts loaded later (simulator, exporters, live boards...)
        // share go in one chunk, not one chunk per combination of users: the page starts from 3
        // scripts instead of 16, and a design opens about 25 ms sooner (bench/peer, README).
        codeSplitting: { groups: [{ name: 'shared', test: /./, minShareCount: 2 }] },
      },
    },
  },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bin/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    // The property tests run hundreds of simulations each: seconds on a loaded two-core machine,
    // more than Vitest's default 5 s. A hang still fails.
    testTimeout: 30_000,
  },
});
