#!/usr/bin/env node
// Runs the TypeScript command line directly (through tsx), so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const { nodeIO } = await import('../src/cli/node-io.ts');
process.exitCode = main(process.argv.slice(2), nodeIO);
