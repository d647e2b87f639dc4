/**
 * The production build of the app with one more page, bench/peer/peer.html (the app plus the
 * benchmark's adapter, peer-entry.ts). Everything else is the app's own vite.config.ts. The shared
 * harness' tool-neutral page code is imported from where it lives, unchanged (PEER_BENCH).
 */
import { resolve } from 'node:path';
import { mergeConfig } from 'vite';
import base from '../../vite.config.ts';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, process.env.PEER_BENCH ?? '../shared/peer-bench');

export default mergeConfig(base, {
  resolve: { alias: { 'peer-bench-core': resolve(shared, 'bpmn-bench/src/bench-core.js') } },
  build: { rolldownOptions: { input: { peer: resolve(import.meta.dirname, 'peer.html') } } },
});
