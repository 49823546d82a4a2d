/**
 * The browser tests on a machine without Chromium, as `npm test` meets them there: Vitest runs
 * tests/e2e/html-report.browser.test.ts in a child process with PLANLINT_CHROMIUM pointing nowhere
 * (which the search takes as final: it never falls back to a browser elsewhere). Without CI they are
 * skipped and the run ends with one line saying how to run them; with CI set they fail, saying why.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

function runBrowserTests(extra: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PLANLINT_CHROMIUM: '/nonexistent/chromium', ...extra };
  // This run's own Vitest variables would make the child think it is a worker of this run.
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'FORCE_COLOR' || key === 'TEST') delete env[key];
  if (extra.CI === undefined) delete env.CI;
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'e2e', 'tests/e2e/html-report.browser.test.ts'], {
    cwd: root,
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  return { code: result.status, output: result.stdout + result.stderr, lastLine: result.stdout.trimEnd().split('\n').at(-1) };
}

describe('browser tests without Chromium', () => {
  it('are skipped, and the run ends with one line saying how to run them', () => {
    const { code, output, lastLine } = runBrowserTests({});
    expect(output).toMatch(/Tests {2}12 skipped \(12\)/);
    expect(lastLine).toBe(
      'Skipped 12 tests in tests/e2e/html-report.browser.test.ts: needs Chromium, and PLANLINT_CHROMIUM is set to /nonexistent/chromium, which is not an executable file (an absolute path is needed); to run them, install Chromium (Debian and Ubuntu: apt-get install chromium) or set PLANLINT_CHROMIUM to a Chromium or Chrome binary (with CI set they are required)',
    );
    expect(output.match(/needs Chromium/g)).toHaveLength(1);
    expect(code).toBe(0);
  });

  it('fail under CI, saying what is missing and how to install it', () => {
    const { code, output } = runBrowserTests({ CI: 'true' });
    expect(output).toContain(
      "Error: The browser tests must run under CI (CI is set), but PLANLINT_CHROMIUM is set to /nonexistent/chromium, which is not an executable file (an absolute path is needed). Install Chromium (Debian and Ubuntu: apt-get install chromium) or set PLANLINT_CHROMIUM to a Chromium or Chrome binary; .ci/run installs Debian's chromium.",
    );
    expect(output).toMatch(/Test Files {2}1 failed \(1\)/);
    expect(output).not.toContain('needs Chromium');
    expect(code).toBe(1);
  });
});
