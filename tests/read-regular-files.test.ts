/**
 * Issue 18, item 4: every file planlint reads besides inputs (baseline, cache, config, ignore
 * file, plugin) is read as inputs are: a device, a named pipe or an oversized file is refused at
 * once with one line naming it, exit 2, even through a committed symbolic link. Nothing hangs.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_WITHOUT_VOICE, runCli, scratch } from './helpers/cli.js';

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

/** Each file planlint reads, with the command that reads it and the name it is given in messages. */
const READS = [
  { file: 'baseline.json', args: ['plans', '--baseline', 'baseline.json'], named: /^planlint: --baseline baseline\.json / },
  { file: 'cache.json', args: ['plans', '--cache', '--cache-location', 'cache.json'], named: /^planlint: --cache-location cache\.json / },
  { file: 'planlint.config.yaml', args: ['plans'], named: /^planlint: the configuration planlint\.config\.yaml / },
  { file: '.planlintignore', args: ['plans'], named: /^planlint: the ignore file \.planlintignore / },
] as const;

describe.each(READS)('reading $file', ({ file, args, named }) => {
  it('refuses a committed symbolic link to /dev/zero at once, naming it as a device', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
    symlinkSync('/dev/zero', join(dir, file));
    const run = await runCli([...args], { cwd: dir });
    expect(run.stderr).toMatch(named);
    expect(run.stderr).toMatch(/ is a device, not a regular file; planlint reads only regular files, so it was not read\.\n$/);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.code).toBe(2);
  });

  it('refuses a named pipe without waiting on it', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
    mkfifo(join(dir, file));
    const run = await runCli([...args], { cwd: dir });
    expect(run.stderr).toMatch(named);
    expect(run.stderr).toMatch(/ is a named pipe, not a regular file;/);
    expect(run.code).toBe(2);
  });
});

it('a folder given as the baseline or cache is named as a folder, not an internal error', async () => {
  const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE, 'folder/x': '' });
  const baseline = await runCli(['plans', '--baseline', 'folder'], { cwd: dir });
  expect(baseline.stderr).toBe('planlint: --baseline folder is a directory, not a regular file; planlint reads only regular files, so it was not read.\n');
  expect(baseline.code).toBe(2);
  const cache = await runCli(['plans', '--cache', '--cache-location', 'folder'], { cwd: dir });
  // The cache is also written at the end of the run, so it is checked first as a place to write.
  expect(cache.stderr).toBe('planlint: Could not write the cache to folder: folder is a folder; give a file name (EISDIR).\n');
  expect(cache.code).toBe(2);
});

it('a config named in extends that is a named pipe is refused without waiting', async () => {
  const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE, 'planlint.config.yaml': 'extends: ./shared.yaml\n' });
  mkfifo(join(dir, 'shared.yaml'));
  const run = await runCli(['plans'], { cwd: dir });
  expect(run.stderr).toBe('planlint: the configuration shared.yaml is a named pipe, not a regular file; planlint reads only regular files, so it was not read.\n');
  expect(run.code).toBe(2);
});

describe('size limits', () => {
  it('refuses a config file over 1 MB', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE, 'planlint.config.yaml': `# ${'x'.repeat(1024 * 1024)}\nrules: {}\n` });
    const run = await runCli(['plans'], { cwd: dir });
    expect(run.stderr).toBe('planlint: the configuration planlint.config.yaml is 1.0 MB, over the 1.0 MB limit; it was not read.\n');
    expect(run.code).toBe(2);
  });

  it('refuses an ignore file over 1 MB', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE, '.planlintignore': `${'x'.repeat(2 * 1024 * 1024)}\n` });
    const run = await runCli(['plans'], { cwd: dir });
    expect(run.stderr).toBe('planlint: the ignore file .planlintignore is 2.0 MB, over the 1.0 MB limit; it was not read.\n');
    expect(run.code).toBe(2);
  });

  it('refuses a baseline or cache over 500 MB before reading any of it', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
    // Sparse files: the size is real to stat, the disk holds nothing.
    writeFileSync(join(dir, 'baseline.json'), '');
    truncateSync(join(dir, 'baseline.json'), 600 * 1024 * 1024);
    const baseline = await runCli(['plans', '--baseline', 'baseline.json'], { cwd: dir });
    expect(baseline.stderr).toBe('planlint: --baseline baseline.json is 600.0 MB, over the 500.0 MB limit; it was not read.\n');
    expect(baseline.code).toBe(2);

    writeFileSync(join(dir, 'cache.json'), '');
    truncateSync(join(dir, 'cache.json'), 600 * 1024 * 1024);
    const cache = await runCli(['plans', '--cache', '--cache-location', 'cache.json'], { cwd: dir });
    expect(cache.stderr).toBe('planlint: --cache-location cache.json is 600.0 MB, over the 500.0 MB limit; it was not read.\n');
    expect(cache.code).toBe(2);
  });
});

describe('JavaScript configs and plugins', () => {
  it('refuses a plugin that is a named pipe before Node would read it', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE, 'planlint.config.yaml': 'plugins: [./plugin.mjs]\n' });
    mkfifo(join(dir, 'plugin.mjs'));
    const run = await runCli(['plans'], { cwd: dir });
    expect(run.stderr).toMatch(/^planlint: the plugin plugin\.mjs is a named pipe, not a regular file;.*\n$/);
    expect(run.code).toBe(2);
  });

  it('refuses a JavaScript config that links to /dev/zero', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
    symlinkSync('/dev/zero', join(dir, 'planlint.config.mjs'));
    const run = await runCli(['plans'], { cwd: dir });
    expect(run.stderr).toMatch(/^planlint: the configuration planlint\.config\.mjs is a device, not a regular file;.*\n$/);
    expect(run.code).toBe(2);
  });
});
