/**
 * Issue 18, item 8: a file name is display text like any field, so escape sequences and newlines
 * in it never reach a terminal or a CI log raw. JSON keeps the real name (its own escapes make it
 * safe, and tools need the path); SARIF's URIs are percent-encoded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_WITHOUT_VOICE, runCli, scratch } from '../helpers/cli.js';

// An OSC 8 hyperlink, a colour change and a newline: each would act on a terminal or forge a line.
// A name cannot hold '/', so the link's "//" makes folders: the path is shown as "http:/x".
const HOSTILE = 'a\x1b]8;;http://x\x07link\x1b[31mred\nforged.yaml';
const SHOWN = 'a\ufffd]8;;http:/x\ufffdlink\ufffd[31mred\ufffdforged.yaml';

function hostileFolder(): string {
  return scratch({ [HOSTILE]: PLAN_WITHOUT_VOICE });
}

describe('file names with escape sequences', () => {
  it.each(['stylish', 'github', 'markdown', 'junit'])('%s shows the name with control characters replaced', async (format) => {
    const dir = hostileFolder();
    const run = await runCli(['.', '-f', format], { cwd: dir, terminal: { columns: 100 } });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/[\x1b\x07]/); // eslint-disable-line no-control-regex -- the characters that must not appear
    expect(run.stdout).not.toContain('red\nforged');
    // Each format then escapes the name by its own rules: ':' in a github property, brackets in Markdown.
    const expected = format === 'github' ? SHOWN.replace(':', '%3A') : format === 'markdown' ? SHOWN.replace(/[[\]]/g, '\\$&') : SHOWN;
    expect(run.stdout).toContain(expected);
  });

  it('stylish in colour escapes only its own styling', async () => {
    const dir = hostileFolder();
    const run = await runCli(['.'], { cwd: dir, terminal: { columns: 100 }, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(run.stdout).not.toContain('\x1b]8;;http://x');
    expect(run.stdout).not.toContain('\x1b[31mred');
    expect(run.stdout).toContain('\ufffd[31mred');
  });

  it('the github format puts the sanitised name in file= on one line per annotation', async () => {
    const dir = hostileFolder();
    const run = await runCli(['.', '-f', 'github'], { cwd: dir });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=a\ufffd\]8;;http%3A\/x\ufffdlink\ufffd\[31mred\ufffdforged\.yaml,line=\d+/);
  });

  it('json keeps the real path, escaped as JSON', async () => {
    const dir = hostileFolder();
    const run = await runCli(['.', '-f', 'json'], { cwd: dir });
    expect(run.stdout).not.toMatch(/[\x1b\x07]/); // eslint-disable-line no-control-regex -- JSON escapes them
    const [result] = JSON.parse(run.stdout) as { filePath: string }[];
    expect(result!.filePath).toBe(join(dir, HOSTILE.replace('//', '/')));
  });

  it('sarif percent-encodes the name in its URI', async () => {
    const dir = hostileFolder();
    const run = await runCli(['.', '-f', 'sarif'], { cwd: dir });
    expect(run.stdout).not.toMatch(/[\x1b\x07]/); // eslint-disable-line no-control-regex -- JSON escapes them
    expect(run.stdout).toContain('"uri": "a%1B%5D8%3B%3Bhttp%3A/x%07link%1B%5B31mred%0Aforged.yaml"');
  });

  it('html shows the sanitised name, escaped', async () => {
    const dir = hostileFolder();
    const run = await runCli(['.', '-f', 'html', '-o', 'report.html'], { cwd: dir });
    expect(run.code).toBe(1);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain('\x1b');
    expect(html).toContain('a\ufffd]8;;http:/x\ufffdlink\ufffd[31mred\ufffdforged.yaml');
  });
});
