import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SkipNotice } from './tests/helpers/skip-notice.js';

/**
 * Two projects:
 * - unit: in this process, from the TypeScript sources, no build. The quick inner loop:
 *   `npm run test:unit`, or one file: `npx vitest run --project unit tests/rules/objectives-smart.test.ts`.
 *   The CLI is run through main() (tests/helpers/cli.ts, runCli).
 * - e2e: tests/e2e/, what needs the built package: the CLI as a child process (runBuiltCli), the
 *   package as npm installs it, the report in a browser, worker threads, the language server.
 * `npm test` builds, then runs both.
 *
 * One worker per processor (vitest's default leaves one for itself, which on two cores runs every
 * file one after another): the main process only collects results, and an e2e file mostly waits
 * on its child process. Forks, not threads: runCli changes the working folder (process.chdir),
 * which worker threads may not.
 *
 * Tests skipped for want of something on the machine (the browser tests without a Chromium: see
 * tests/helpers/chromium.ts) are summed up in one line at the end of the run, which says how to run them.
 */
export default defineConfig({
  test: {
    reporters: ['default', new SkipNotice()],
    pool: 'forks',
    maxWorkers: Math.max(availableParallelism(), 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // One module graph per worker, not per file: half the time of the unit run. Safe while no
          // unit test mocks a module (vi.mock) or leaves a global changed (runCli puts back all it changes).
          isolate: false,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          // In-process work only; the few property-test runs that take longer say so themselves.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Each test starts processes (node, npm, Chromium), which a busy machine can keep waiting
          // for a processor far longer than they work: generous, as no test here is about speed.
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
