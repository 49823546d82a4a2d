/** Teaching mode: --show-passed, `explain` on a projector, and `compare` in the terminal. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as planlint } from './helpers/cli.js';

const rules = JSON.parse((await planlint(['rules', '--format', 'json'])).stdout) as { id: string; description: string; appliesTo: string[] }[];
const caseFileRules = rules.filter((r) => r.appliesTo.includes('case-file'));

describe('--show-passed', () => {
  it('lists every rule a clean file passed, with what each checks', async () => {
    const { code, stdout } = await planlint(['examples/lisa-good.yaml', '--show-passed']);
    expect(code).toBe(0);
    expect(stdout).toContain('examples/lisa-good.yaml\n');
    expect(stdout).toContain(`  ${caseFileRules.length} rules checked: ${caseFileRules.length} passed, 0 failed\n`);
    for (const rule of caseFileRules) expect(stdout).toMatch(new RegExp(`^ {4}✔ passed {2}${rule.id} +${escapeRegExp(rule.description)}$`, 'm'));
    expect(stdout).toContain('✔ No problems found (1 file checked).');
  });

  it('lists failed rules first, with their counts, then the passed ones', async () => {
    const { code, stdout } = await planlint(['examples/lisa-poor.yaml', '--show-passed']);
    expect(code).toBe(1);
    const list = stdout.slice(stdout.search(/\d+ rules checked:/));
    expect(list).toMatch(/^ {4}✖ failed {2}contact-pattern-fits-circumstances +.+ \(3 errors\)$/m);
    expect(list).toMatch(/^ {4}✔ passed {2}pre-release-planning +/m);
    const lastFailed = list.lastIndexOf('✖ failed');
    const firstPassed = list.indexOf('✔ passed');
    expect(lastFailed).toBeLessThan(firstPassed);
    const [, checked, passed, failed] = /(\d+) rules checked: (\d+) passed, (\d+) failed/.exec(list)!;
    expect(Number(passed) + Number(failed)).toBe(Number(checked));
    expect((list.match(/✖ failed/g) ?? []).length).toBe(Number(failed));
  });

  it('shows nothing extra without the flag', async () => {
    const { stdout } = await planlint(['examples/lisa-good.yaml']);
    expect(stdout).toBe('✔ No problems found (1 file checked).\n');
  });

  it('says when no rule could check a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-teach-'));
    writeFileSync(join(dir, 'broken.yaml'), 'kind: sentence-plan\nschemaVersion: 1\ncaseRef: X1\n');
    const { stdout } = await planlint([join(dir, 'broken.yaml'), '--show-passed']);
    expect(stdout).toContain('schema');
    expect(stdout).toContain('No rules could check this file: fix the problems above first, then lint it again.');
    expect(stdout).not.toContain('✔ passed');
  });
});

describe('explain on a projector', () => {
  it('--width wraps prose to the given width and renders tables and quotes, not markdown', async () => {
    const { code, stdout } = await planlint(['explain', 'plan-revisited-after-first-attendance', '--width', '48']);
    expect(code).toBe(0);
    const prose = stdout.split('\n').filter((l) => !l.startsWith('    ') && !/^\S+ {2,}/.test(l));
    for (const line of prose) expect(line.length, line).toBeLessThanOrEqual(48);
    expect(stdout).not.toMatch(/^\|/m);
    expect(stdout).not.toMatch(/^> /m);
    expect(stdout).toMatch(/^Standard {4}Planning$/m);
    expect(stdout).toContain('│ A plan made without the person');
  });

  it('refuses a width too narrow to read', async () => {
    expect(await planlint(['explain', 'objectives-smart', '--width', '10'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--width expects') });
  });
});

describe('planlint compare', () => {
  it('shows two plans side by side with the rules each passes and fails', async () => {
    const { code, stdout } = await planlint(['compare', 'examples/lisa-good.yaml', 'examples/lisa-poor.yaml']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}A {2}examples\/lisa-good\.yaml/m);
    expect(stdout).toMatch(/^ {2}B {2}examples\/lisa-poor\.yaml/m);
    expect(stdout).toMatch(/^► service-user-voice-recorded +✔ passed +✖ 2 errors$/m);
    expect(stdout).toMatch(/^ {2}pre-release-planning +✔ passed +✔ passed$/m);
    expect(stdout).toContain('A  examples/lisa-good.yaml: no findings');
    expect(stdout).toMatch(/B {2}examples\/lisa-poor\.yaml: \d+ findings/);
    expect(stdout).toMatch(/^ {3}40:12 +✖ "Agrees with plan" records agreement, not Lisa's view\. \(service-user-voice-recorded\)$/m);
  });

  it('marks a rule the first file could not be judged by as not run', async () => {
    const { stdout } = await planlint(['compare', 'examples/amira-good.yaml', 'examples/lisa-good.yaml']);
    expect(stdout).toMatch(/^► pre-release-planning +– not run +✔ passed$/m);
  });

  it('writes an HTML page with --format html', async () => {
    const { code, stdout } = await planlint(['compare', 'examples/tom-good.yaml', 'examples/tom-poor.yaml', '--format', 'html']);
    expect(code).toBe(0);
    expect(stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(stdout).toContain('Comparing two plans');
    expect(stdout).toContain('examples/tom-poor.yaml');
  });

  it('takes exactly two files', async () => {
    expect(await planlint(['compare', 'examples/', 'examples/lisa-good.yaml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('two files') });
    expect(await planlint(['compare', 'examples/lisa-good.yaml'])).toMatchObject({ code: 2 });
    expect(await planlint(['compare', 'examples/lisa-good.yaml', 'examples/lisa-poor.yaml', '--format', 'pdf'])).toMatchObject({ code: 2 });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
