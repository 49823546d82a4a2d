/**
 * Every file planlint writes is written whole (a temporary file beside it, renamed into place), and
 * a write that cannot happen is one line and exit 2, with the previous file left as it was and no
 * temporary file behind. Signals and standard output to /dev/full are in tests/e2e/safe-writes.test.ts.
 */
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWholeFile, removeUnfinishedFiles, scratchFile, writeFileWhole } from '../src/core/write-whole.js';
import { PLAN_WITHOUT_VOICE, root, runCli as planlint, scratch } from './helpers/cli.js';

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
const temps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('writeFileWhole and openWholeFile', () => {
  it('replace a file only when the new one is complete, leaving no temporary file', async () => {
    const dir = scratch({ 'out.txt': 'old' });
    writeFileWhole(join(dir, 'out.txt'), 'new');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('new');
    const file = await openWholeFile(join(dir, 'out.txt'));
    file.stream.write('newer, part 1');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('new');
    expect(temps(dir)).toHaveLength(1);
    file.stream.write(', part 2');
    await file.commit();
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('newer, part 1, part 2');
    expect(temps(dir)).toEqual([]);
  });

  it('keep a private file private', () => {
    const dir = scratch({ 'baseline.json': 'old' });
    chmodSync(join(dir, 'baseline.json'), 0o600);
    writeFileWhole(join(dir, 'baseline.json'), 'new');
    expect(statSync(join(dir, 'baseline.json')).mode & 0o777).toBe(0o600);
  });

  it('abort() leaves the previous file and removes the temporary one', async () => {
    const dir = scratch({ 'out.txt': 'old' });
    const file = await openWholeFile(join(dir, 'out.txt'));
    file.stream.write('half a rep');
    file.abort();
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('old');
    expect(temps(dir)).toEqual([]);
  });

  it('write to /dev/full as a device (never renamed over), and say the disk is full', async () => {
    expect(() => writeFileWhole('/dev/full', 'x', 'the report')).toThrow('Could not write the report to /dev/full: the disk is full (ENOSPC).');
    const file = await openWholeFile('/dev/full', 'the report');
    file.stream.write('x'.repeat(100_000));
    await expect(file.commit()).rejects.toThrow('Could not write the report to /dev/full: the disk is full (ENOSPC).');
    expect(existsSync('/dev/full')).toBe(true);
  });

  it('replace the file a symbolic link names, keeping the link', () => {
    const dir = scratch({ 'real.json': 'old' });
    symlinkSync('real.json', join(dir, 'link.json'));
    writeFileWhole(join(dir, 'link.json'), 'new');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
  });
});

describe('a write that cannot happen is one line, exit 2, and leaves the previous file', () => {
  const project = () => scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });

  it.each([
    ['a folder as the report', (dir: string) => (mkdirSync(join(dir, 'reports')), ['-o', 'reports']), /^planlint: Could not write the stylish report to reports: reports is a folder; give a file name \(EISDIR\)\.\n$/],
    ['a report under /proc', () => ['-o', '/proc/planlint-report.txt'], /^planlint: Could not write the stylish report to \/proc\/planlint-report\.txt: files cannot be created in \/proc \(ENOENT\)\.\n$/],
    ['a SARIF report to /dev/full', () => ['--format', 'sarif:/dev/full'], /^planlint: Could not write the sarif report to \/dev\/full: the disk is full \(ENOSPC\)\.\n$/],
    [
      'the cache in a missing folder',
      () => ['--cache', '--cache-location', 'missing/.planlintcache'],
      /^planlint: Could not write the cache to missing\/\.planlintcache: the folder missing does not exist; create it first \(ENOENT\)\.\n$/,
    ],
    [
      'a folder as the cache',
      (dir: string) => (mkdirSync(join(dir, 'cache')), ['--cache', '--cache-location', 'cache']),
      /^planlint: Could not write the cache to cache: cache is a folder; give a file name \(EISDIR\)\.\n$/,
    ],
    [
      'the baseline in a missing folder',
      () => ['--baseline', 'missing/baseline.json', '--update-baseline'],
      /^planlint: Could not write the baseline to missing\/baseline\.json: the folder missing does not exist; create it first \(ENOENT\)\.\n$/,
    ],
  ])('%s', async (_name, args, message) => {
    const dir = project();
    const { code, stdout, stderr } = await planlint(['plan.yaml', ...args(dir)], { cwd: dir });
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('internal error');
    noStackTrace(stderr);
    expect(stdout).not.toMatch(/No problems/);
    expect(code).toBe(2);
    expect(temps(dir)).toEqual([]);
  });

  it('--update-baseline writes whole and a report replaces the previous one only when complete', async () => {
    const dir = project();
    writeFileSync(join(dir, 'report.json'), 'previous');
    expect((await planlint(['plan.yaml', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'))).toMatchObject({ planlintBaseline: 1 });
    expect((await planlint(['plan.yaml', '--baseline', 'baseline.json', '--format', 'json:report.json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toHaveLength(1);
    expect(temps(dir)).toEqual([]);
  });

  it('a second report that cannot be written leaves the first report as it was', async () => {
    const dir = project();
    writeFileSync(join(dir, 'report.sarif'), 'previous');
    const { code, stderr } = await planlint(['plan.yaml', '--format', 'sarif:report.sarif', '--format', 'json:/dev/full'], { cwd: dir });
    expect(stderr).toBe('planlint: Could not write the json report to /dev/full: the disk is full (ENOSPC).\n');
    expect(code).toBe(2);
    // Reports are closed in order: the SARIF one is complete or as it was, never partial.
    const sarif = readFileSync(join(dir, 'report.sarif'), 'utf8');
    expect(sarif === 'previous' || (JSON.parse(sarif) as { version: string }).version === '2.1.0').toBe(true);
    expect(temps(dir)).toEqual([]);
  });
});

describe('convert and init never replace a file by accident', () => {
  const exportFile = join(root, 'examples', 'hmpps', 'dan-poor.json');

  it('convert -o onto an existing file: one line, exit 2, the file kept; --force replaces it whole', async () => {
    const dir = scratch({ 'case.yaml': 'finished work' });
    copyFileSync(exportFile, join(dir, 'export.json'));
    const refused = await planlint(['convert', 'export.json', '-o', 'case.yaml'], { cwd: dir });
    expect(refused.stderr).toBe('planlint: case.yaml already exists; planlint convert never overwrites a file. Choose a new name, move the old file first, or give --force to replace it.\n');
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, 'case.yaml'), 'utf8')).toBe('finished work');

    const forced = await planlint(['convert', 'export.json', '-o', 'case.yaml', '--force'], { cwd: dir });
    expect(forced.stderr).toMatch(/^planlint: wrote case\.yaml \(1 case, \d+ plan versions?\)\.\n/);
    expect(readFileSync(join(dir, 'case.yaml'), 'utf8')).toMatch(/^# /m);
    expect(temps(dir)).toEqual([]);
  });

  it('convert -o into a missing folder says to create it', async () => {
    const dir = scratch();
    copyFileSync(exportFile, join(dir, 'export.json'));
    const { code, stderr } = await planlint(['convert', 'export.json', '-o', 'cases/case.yaml'], { cwd: dir });
    expect(stderr).toBe('planlint: Could not write the case file to cases/case.yaml: the folder cases does not exist; create it first (ENOENT).\n');
    expect(code).toBe(2);
  });

  it('init keeps its refusal, and writes a complete starter', async () => {
    const dir = scratch({ 'plan.yaml': 'mine' });
    const refused = await planlint(['init', 'plan.yaml'], { cwd: dir });
    expect(refused.stderr).toBe('planlint: plan.yaml already exists; planlint init never overwrites a file. Choose a new name, or move the old file first.\n');
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe('mine');
    expect((await planlint(['init', 'new.yaml'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toContain('kind: sentence-plan');
    expect(temps(dir)).toEqual([]);
  });

  it('compare -o onto a folder: one line, exit 2', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'out'));
    const { code, stderr } = await planlint(['compare', join(root, 'examples', 'kate-poor.yaml'), join(root, 'examples', 'kate-good.yaml'), '-o', join(dir, 'out')]);
    expect(stderr).toBe(`planlint: Could not write the comparison to ${join(dir, 'out')}: ${join(dir, 'out')} is a folder; give a file name (EISDIR).\n`);
    expect(code).toBe(2);
  });
});

describe('reports that open with totals (sarif, junit, markdown) are written in two passes', () => {
  it('spool their results to a private scratch file, removed at the end or when the run is interrupted', () => {
    const spool = scratchFile('planlint-test');
    expect(statSync(spool.path).mode & 0o777).toBe(0o600); // it may hold findings that quote case text
    spool.remove();
    expect(existsSync(spool.path)).toBe(false);
    const interrupted = scratchFile('planlint-test');
    removeUnfinishedFiles(); // what the CLI does on SIGINT and SIGTERM
    expect(existsSync(interrupted.path)).toBe(false);
  });

  it('leave no scratch file behind, and write what the batch formatter writes', async () => {
    const dir = scratch({ 'a.yaml': PLAN_WITHOUT_VOICE, 'b.yaml': PLAN_WITHOUT_VOICE });
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    const run = await planlint(['a.yaml', 'b.yaml', '-f', 'sarif:r.sarif', '-f', 'junit:r.xml', '-f', 'markdown:r.md', '-f', 'json'], { cwd: dir, env: { TMPDIR: temp } });
    expect(run.code).toBe(1);
    expect(readdirSync(temp)).toEqual([]);
    for (const format of ['sarif', 'junit', 'markdown']) {
      const file = { sarif: 'r.sarif', junit: 'r.xml', markdown: 'r.md' }[format]!;
      const alone = await planlint(['a.yaml', 'b.yaml', '-f', format], { cwd: dir });
      expect(readFileSync(join(dir, file), 'utf8'), format).toBe(alone.stdout);
    }
    expect(temps(dir)).toEqual([]);
  });
});

describe('a scratch folder that cannot be written', () => {
  it('is one line and exit 2 for the reports that spool', async () => {
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });
    const run = await planlint(['plan.yaml', '-f', 'sarif', '-o', 'r.sarif'], { cwd: dir, env: { TMPDIR: join(dir, 'missing') } });
    expect(run.stderr).toMatch(/^planlint: Could not write a scratch file to .*missing\/planlint-sarif-\d+-[0-9a-f]+\.tmp: the folder .*missing does not exist; create it first \(ENOENT\)\.\n$/);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'r.sarif'))).toBe(false);
  });
});
