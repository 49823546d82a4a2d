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
// The last line of defence: code planlint runs but did not write (a plugin, a JavaScript config)
// may throw from a timer, or leave a promise to fail, outside any rule. One line and exit 2, never a
// stack trace: the run's report cannot be trusted to be complete.
const stray = (error) => {
  let reason;
  try {
    reason = String(error instanceof Error ? error.message : error)
      .replace(/\s+/g, ' ')
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd') // eslint-disable-line no-control-regex -- keeps control codes off the terminal
      .slice(0, 200);
  } catch {
    reason = Object.prototype.toString.call(error);
  }
  process.stderr.write(`planlint: stopped by an error outside any rule (${reason}). A plugin or JavaScript config may have caused it; if not, it is a fault in planlint: please report it.\n`);
  process.exit(2);
};
process.on('uncaughtException', stray);
process.on('unhandledRejection', stray);
process.exitCode = await main(process.argv);
