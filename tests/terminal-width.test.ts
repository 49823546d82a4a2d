/**
 * Output that fits the terminal: stylish wraps a long finding to the terminal's width with a
 * hanging indent; a pipe keeps one finding per line; `explain` wraps to COLUMNS or the terminal.
 */
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../src/core/findings.js';
import { formatStylish } from '../src/formatters/stylish.js';
import { PLAN_WITHOUT_VOICE, runCli, scratch } from './helpers/cli.js';

const LONG =
  "The assessment does not record Kate's own view. Quote in personView.words how Kate sees their offending, their circumstances and what would help, or record in personView.reasonNotRecorded why no view could be given.";

const result: FileResult = {
  filePath: '/srv/team/cases/kate.yaml',
  rulesChecked: ['assessment-involves-person', 'objectives-smart'],
  findings: [
    { ruleId: 'assessment-involves-person', severity: 'error', message: LONG, line: 23, column: 3, endLine: 23, endColumn: 9 },
    { ruleId: 'objectives-smart', severity: 'warning', message: 'Short message.', line: 104, column: 12, endLine: 104, endColumn: 20 },
  ],
};
const context = { cwd: '/srv/team', color: false };

describe('stylish at a fixed terminal width', () => {
  it('wraps a long message under its own first word, the rule id alone on the last line', () => {
    const text = formatStylish([result], { ...context, width: 60 });
    expect(text.split('\n').slice(0, 11)).toEqual([
      '',
      'cases/kate.yaml',
      "  23:3    error    The assessment does not record Kate's own",
      '                   view. Quote in personView.words how Kate',
      '                   sees their offending, their circumstances',
      '                   and what would help, or record in',
      '                   personView.reasonNotRecorded why no view',
      '                   could be given.',
      '                   assessment-involves-person',
      '  104:12  warning  Short message.  objectives-smart',
      '',
    ]);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('puts the message under the location when the terminal is too narrow to hold it beside', () => {
    const lines = formatStylish([result], { ...context, width: 40 }).split('\n');
    expect(lines.slice(2, 4)).toEqual(['  23:3    error', '    The assessment does not record']);
    expect(lines).toContain('    assessment-involves-person');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('keeps one finding per line without a width (a pipe or a file), as when everything fits', () => {
    const piped = formatStylish([result], context);
    expect(piped).toContain(`  23:3    error    ${LONG}  assessment-involves-person\n`);
    expect(formatStylish([result], { ...context, width: 1000 })).toBe(piped);
  });

  it('wraps the summary too', () => {
    const many = { ...result, findings: Array.from({ length: 12 }, () => result.findings[1]!) };
    const held = { ...many, suppressedFindings: [{ ...result.findings[0]!, suppression: { kind: 'baseline' as const } }] };
    const summary = formatStylish([held], { ...context, width: 40 })
      .trim()
      .split('\n')
      .slice(-3);
    expect(summary).toEqual(['✖ 12 problems (0 errors, 12 warnings) in', '1 file checked. 1 known finding held', 'back by the baseline.']);
    for (const line of summary) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe('the command line sends the width only to a terminal', () => {
  const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });

  it('wraps on a terminal 60 columns wide', async () => {
    const run = await runCli(['plan.yaml'], { cwd: dir, terminal: { columns: 60 }, env: { COLUMNS: '' } });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines).toContain('                 service-user-voice-recorded');
    expect(lines.some((l) => l.startsWith('  6:13  error    '))).toBe(true);
  });

  it("takes COLUMNS over the terminal's own width", async () => {
    const run = await runCli(['plan.yaml'], { cwd: dir, terminal: { columns: 200 }, env: { COLUMNS: '50' } });
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(50);
  });

  it('keeps one finding per line through a pipe, whatever COLUMNS says', async () => {
    const run = await runCli(['plan.yaml'], { cwd: dir, env: { COLUMNS: '60' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ {2}6:13 {2}error {4}\S.* {2}service-user-voice-recorded$/m);
  });

  it('does not wrap a stylish report written to a file', async () => {
    const run = await runCli(['plan.yaml', '-o', 'out.txt'], { cwd: dir, terminal: { columns: 60 } });
    expect(run.code).toBe(1);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${dir}/out.txt`, 'utf8')).toMatch(/^ {2}6:13 {2}error {4}\S.* {2}service-user-voice-recorded$/m);
  });
});

describe('explain fits the width', () => {
  const prose = (text: string) => text.split('\n').filter((l) => !l.startsWith('    ')); // code blocks are kept as written

  it('wraps to COLUMNS by default', async () => {
    const run = await runCli(['explain', 'objectives-smart'], { env: { COLUMNS: '60' } });
    expect(run.code).toBe(0);
    for (const line of prose(run.stdout)) expect(line.length).toBeLessThanOrEqual(60);
    expect(Math.max(...prose(run.stdout).map((l) => l.length))).toBeGreaterThan(50);
  });

  it("wraps to the terminal's width, at most 100", async () => {
    const narrow = await runCli(['explain', 'objectives-smart'], { terminal: { columns: 70 }, env: { COLUMNS: '' } });
    for (const line of prose(narrow.stdout)) expect(line.length).toBeLessThanOrEqual(70);
    const wide = await runCli(['explain', 'objectives-smart'], { terminal: { columns: 250 }, env: { COLUMNS: '' } });
    for (const line of prose(wide.stdout)) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('--width wins over COLUMNS', async () => {
    const run = await runCli(['explain', 'objectives-smart', '--width', '40'], { env: { COLUMNS: '120' } });
    for (const line of prose(run.stdout)) expect(line.length).toBeLessThanOrEqual(40);
  });
});
