/** Privacy (README, "Privacy"): the built CLI makes no network connection, in worker threads too. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTER_NAMES } from '../../src/formatters/index.js';
import { root, runBuiltCli } from '../helpers/cli.js';
import { expectNoStackTrace } from '../helpers/positions.js';

const examplesDir = join(root, 'examples');

describe('No network connection is made', () => {
  const preload = join(root, 'tests', 'helpers', 'no-network.mjs');

  it('the test preload does stop network access', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'planlint-net-')), 'attempts.log');
    const probe = spawnSync(process.execPath, ['--import', preload, '-e', "require('node:net').connect(80, '127.0.0.1')"], {
      encoding: 'utf8',
      env: { ...process.env, PLANLINT_NETWORK_LOG: log },
    });
    expect(probe.status).not.toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('net.connect\n');
  });

  it('linting every example in every format, in worker threads too, with the network refused', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'planlint-net-'));
    const log = join(scratch, 'attempts.log');
    const reports = FORMATTER_NAMES.filter((f) => f !== 'stylish').map((f) => ({ format: f, path: join(scratch, `report.${f}`) }));
    const args = [examplesDir, '--concurrency', '2', ...reports.flatMap((r) => ['-f', `${r.format}:${r.path}`])];
    const run = runBuiltCli(args, { nodeArgs: ['--import', preload], env: { PLANLINT_NETWORK_LOG: log } });
    expectNoStackTrace(run.stderr);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1); // the poor examples have error findings
    expect(run.stdout).toMatch(/✖ \d+ problems/);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
    for (const r of reports) expect(statSync(r.path).size, r.format).toBeGreaterThan(0);
  });
});
