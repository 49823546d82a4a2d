#!/usr/bin/env node
// Thin entry point: everything lives in src/, compiled and bundled into dist/ by `npm install`.
import { loadMain } from './load-cli.js';

const main = await loadMain();
if (!main) {
  process.stderr.write('planlint: not built yet. Run "npm install" (or "npm run build") in the planlint folder first.\n');
  process.exit(2);
}
// A reader that stops early (planlint rules | head) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  // Standard output that cannot be written (/dev/full, a full disk) is one line and exit 2.
  if (!error.reported) process.stderr.write(`planlint: could not write to standard output: ${error.code === 'ENOSPC' ? 'the disk is full' : error.message}.\n`);
  process.exit(2);
});
process.exitCode = await main(process.argv);
