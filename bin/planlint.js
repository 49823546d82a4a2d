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
  throw error;
});
process.exitCode = await main(process.argv);
