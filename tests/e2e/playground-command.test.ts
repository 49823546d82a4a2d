/** `planlint playground`: a copy of the built page, written whole, never over a file without --force. */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runBuiltCli as planlint } from '../helpers/cli.js';

const page = () => readFileSync(join(root, 'dist', 'playground', 'index.html'));

describe('planlint playground', () => {
  it('writes the page, by default as planlint-playground.html where it runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-pg-'));
    const run = planlint(['playground'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('Wrote the playground to planlint-playground.html. Open it in a browser: it works offline, and nothing typed in it leaves the page.\n');
    expect(readFileSync(join(dir, 'planlint-playground.html')).equals(page())).toBe(true);
    // Whole: no temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['planlint-playground.html']);
  });

  it('never replaces a file unless given --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-pg-'));
    const target = join(dir, 'mine.html');
    writeFileSync(target, 'my notes');
    const refused = planlint(['playground', '-o', target]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`planlint: ${target} already exists; planlint playground never overwrites a file. Choose a new name with -o, move the old file first, or give --force to replace it.\n`);
    expect(readFileSync(target, 'utf8')).toBe('my notes');
    expect(planlint(['playground', '-o', target, '--force']).code).toBe(0);
    expect(readFileSync(target).equals(page())).toBe(true);
  });

  it('says in one line why it cannot write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-pg-'));
    const missing = planlint(['playground', '-o', join(dir, 'no', 'such', 'page.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^planlint: Could not write the playground to .*page\.html: the folder .* does not exist; create it first \(ENOENT\)\.\n$/);
    mkdirSync(join(dir, 'folder'));
    const folder = planlint(['playground', '-o', join(dir, 'folder')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr.split('\n')).toHaveLength(2);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const denied = planlint(['playground', '-o', join(locked, 'page.html')]);
      expect(denied).toMatchObject({ code: 2, stderr: expect.stringContaining('permission denied') });
      expect(existsSync(join(locked, 'page.html'))).toBe(false);
    }
  });
});
