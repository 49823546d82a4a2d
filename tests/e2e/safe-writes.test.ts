/**
 * What only a real process shows about writes: standard output that cannot be written, and a run
 * interrupted by a signal while its reports are being written (exit 130/143, the previous reports
 * intact, no temporary file left).
 */
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root } from '../helpers/cli.js';

const temps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('standard output that cannot be written', () => {
  it('is one line and exit 2, not a stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [bin, join(root, 'examples')], { cwd: root, stdio: ['ignore', full, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(stderr).toBe('planlint: Could not write the stylish report to standard output: the disk is full (ENOSPC).\n');
      expect(code).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});

describe('an interrupted run', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s: exit %i, the previous reports intact, no temporary file left', async (signal, exitCode) => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-signal-'));
    mkdirSync(join(dir, 'cases'));
    // Enough files that the run is still going when the signal comes (about 3 s on one core).
    for (let i = 0; i < 3000; i++) copyFileSync(join(root, 'examples', 'kate-poor.yaml'), join(dir, 'cases', `p${i}.yaml`));
    writeFileSync(join(dir, 'report.sarif'), 'previous sarif');
    writeFileSync(join(dir, 'report.txt'), 'previous text');
    const child = spawn(process.execPath, [bin, 'cases', '--format', 'sarif:report.sarif', '-o', 'report.txt'], { cwd: dir, stdio: 'ignore' });
    const closed = new Promise<number | null>((done) => child.on('close', done));
    // Signalled once the reports are open (their temporary files exist), while files are linted.
    const deadline = Date.now() + 60_000;
    while (temps(dir).length < 2 && Date.now() < deadline && child.exitCode === null) await new Promise((done) => setTimeout(done, 20));
    expect(temps(dir)).toHaveLength(2);
    await new Promise((done) => setTimeout(done, 300));
    child.kill(signal);
    expect(await closed).toBe(exitCode);
    expect(readFileSync(join(dir, 'report.sarif'), 'utf8')).toBe('previous sarif');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe('previous text');
    expect(temps(dir)).toEqual([]);
  });
});
