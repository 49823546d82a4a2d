/** The CLI (main(), in this process) on the examples and on broken input: output, messages, exit codes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_WITHOUT_VOICE, root, runCli as planlint, scratch as tempDir } from './helpers/cli.js';

/** --rule flags that switch every rule off except service-user-voice-recorded, at the given severity. */
async function onlyVoiceAs(severity: string): Promise<string[]> {
  const ids = (JSON.parse((await planlint(['rules', '--format', 'json'])).stdout) as { id: string }[]).map((r) => r.id);
  return ids.flatMap((id) => ['--rule', `${id}:${id === 'service-user-voice-recorded' ? severity : 'off'}`]);
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);

describe('planlint on the worked examples', () => {
  it.each(['kate-good.yaml', 'lisa-good.yaml', 'tom-good.yaml'])('%s lints clean, exit 0', async (file) => {
    const { code, stdout, stderr } = await planlint([`examples/${file}`]);
    expect(stderr).toBe('');
    expect(stdout).toBe('✔ No problems found (1 file checked).\n');
    expect(code).toBe(0);
  });

  it('lisa-poor.yaml shows each named rule at its line, exit 1', async () => {
    const { code, stdout } = await planlint(['examples/lisa-poor.yaml']);
    expect(code).toBe(1);
    expect(stdout).toContain('examples/lisa-poor.yaml');
    expect(stdout).toMatch(/^ {2}38:5 +error +The plan was completed on 22 Jan 2024 without Lisa taking part\..* {2}plan-revisited-after-first-attendance$/m);
    expect(stdout).toMatch(/^ {2}40:12 +error +"Agrees with plan" records agreement, not Lisa's view\..* {2}service-user-voice-recorded$/m);
    expect(stdout).toMatch(/^ {2}55:31 +error +The appointment on 5 Feb 2024 at 09:00 \(failed to attend\) falls in a time the plan says Lisa cannot attend.* {2}contact-pattern-fits-circumstances$/m);
    expect(stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\) in 1 file checked\./);
  });

  it('separates files with a blank line in stylish output', async () => {
    const { stdout } = await planlint(['examples/kate-poor.yaml', 'examples/lisa-poor.yaml']);
    expect(stdout).toMatch(/ {2}\S+\n\nexamples\/lisa-poor\.yaml\n/);
    expect(stdout.startsWith('\nexamples/kate-poor.yaml\n')).toBe(true);
  });

  it('lints a whole directory recursively in a stable order', async () => {
    const first = await planlint(['examples/', '--format', 'json']);
    const second = await planlint(['examples/', '--format', 'json']);
    expect(first.stdout).toBe(second.stdout);
    const files = (JSON.parse(first.stdout) as { filePath: string }[]).map((r) => r.filePath);
    expect(files).toEqual([...files].sort());
    expect(files).toContain(join(root, 'examples', 'kate-poor.yaml'));
  });

  it('--format json has the ESLint result shape', async () => {
    const { code, stdout } = await planlint(['examples/kate-poor.yaml', '--format', 'json']);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as {
      filePath: string;
      messages: { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }[];
      errorCount: number;
      warningCount: number;
    }[];
    expect(result!.filePath).toBe(join(root, 'examples', 'kate-poor.yaml'));
    expect(result!.errorCount).toBe(result!.messages.filter((m) => m.severity === 2).length);
    expect(result!.warningCount).toBe(result!.messages.filter((m) => m.severity === 1).length);
    expect(result!.messages).toContainEqual(
      expect.objectContaining({ ruleId: 'service-user-voice-recorded', severity: 2, line: 37, column: 15, endLine: 37, endColumn: 18, message: expect.stringMatching(/^"TBC" is a placeholder/) }),
    );
  });

  it('--output-file writes the report and leaves stdout empty', async () => {
    const dir = tempDir({});
    const out = join(dir, 'report.json');
    const { code, stdout } = await planlint(['examples/kate-good.yaml', '-f', 'json', '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(1);
  });

  it('--rule turns a rule off', async () => {
    const { code, stdout } = await planlint(['examples/kate-poor.yaml', '--rule', 'service-user-voice-recorded:off', '-f', 'json']);
    const [result] = JSON.parse(stdout) as { messages: { ruleId: string }[] }[];
    expect(result!.messages.map((m) => m.ruleId)).not.toContain('service-user-voice-recorded');
    expect(code).toBe(1);
  });

  it('warnings alone exit 0', async () => {
    const dir = tempDir({ 'plan.yaml': PLAN_WITHOUT_VOICE });
    const { code, stdout } = await planlint(['plan.yaml', '--preset', 'recommended', ...(await onlyVoiceAs('warn')), '-f', 'json'], { cwd: dir });
    const [result] = JSON.parse(stdout) as { errorCount: number; warningCount: number; messages: { severity: number; ruleId: string }[] }[];
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['service-user-voice-recorded']);
    expect(result!.errorCount).toBe(0);
    expect(result!.warningCount).toBe(1);
    expect(code).toBe(0);
  });

  it('--max-warnings fails the run when warnings exceed it', async () => {
    const dir = tempDir({ 'a.yaml': PLAN_WITHOUT_VOICE, 'b.yaml': PLAN_WITHOUT_VOICE });
    const { code, stderr } = await planlint(['.', ...(await onlyVoiceAs('warn')), '--max-warnings', '1'], { cwd: dir });
    expect(stderr).toBe('planlint: 2 warnings, more than --max-warnings 1.\n');
    expect(code).toBe(1);
  });
});

describe('the HTML report', () => {
  // The engine attaches each file's source and timeline for the report: they must survive the cache
  // (which keeps no attachments) and worker threads (which cannot send case models back).
  it("shows each file's source with --cache, run after run, and with worker threads; the cache holds no source", async () => {
    const dir = tempDir({ 'a.yaml': PLAN_WITHOUT_VOICE, 'b.yaml': PLAN_WITHOUT_VOICE });
    const cache = join(dir, '.planlintcache');
    for (const extra of [
      ['--cache', '--cache-location', cache],
      ['--cache', '--cache-location', cache],
      ['--concurrency', '2'],
    ]) {
      const { stdout } = await planlint([dir, '-f', 'html', ...extra]);
      expect(stdout.match(/<table class="source">/g)?.length, extra.join(' ')).toBe(2);
    }
    expect(readFileSync(cache, 'utf8')).not.toContain('sentence-plan');
  });
});

describe('colour', () => {
  it('is off when output is not a terminal, and with NO_COLOR', async () => {
    const { stdout } = await planlint(['examples/kate-poor.yaml']);
    expect(stdout).not.toContain('\u001b[');
  });

  it('is on with --color, and --no-color wins over FORCE_COLOR', async () => {
    expect((await planlint(['examples/kate-poor.yaml', '--color'], { env: { NO_COLOR: '' } })).stdout).toContain('\u001b[');
    expect((await planlint(['examples/kate-poor.yaml', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

describe('bad input and usage', () => {
  it('broken YAML is a located finding, exit 1', async () => {
    const dir = tempDir({ 'broken.yaml': 'kind: review\nschemaVersion: 1\ncaseRef: [C1\ndate: 2024-01-01\n' });
    const { code, stdout, stderr } = await planlint(['broken.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}\d+:\d+ +error +The YAML cannot be read here.* {2}syntax$/m);
    noStackTrace(stdout + stderr);
  });

  it('a wrong field is a located finding, exit 1', async () => {
    const dir = tempDir({ 'plan.yaml': 'kind: sentence-plan\nschemaVersion: 1\ncaseRef: C1\ndate: 2024-01-10\ncontact:\n  frequency: sometimes\n' });
    const { code, stdout } = await planlint(['plan.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('6:14  error    contact.frequency must be one of twice-weekly, weekly, fortnightly, four-weekly, monthly; found "sometimes".  schema');
  });

  it('an empty file and a binary file get clear findings', async () => {
    const dir = tempDir({ 'empty.yaml': '', 'binary.yaml': 'kind: \u0000\u0001\u0002' });
    // Named, each is judged; found by walking, the empty one is not a planlint document and is skipped.
    const { code, stdout } = await planlint(['empty.yaml', 'binary.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toContain('The file holds binary data');
    expect(stdout).toContain('The document is empty');
    const walked = await planlint(['.'], { cwd: dir });
    expect(walked.stdout).toContain('The file holds binary data');
    expect(walked.stdout).toContain('in 1 file checked. 1 other YAML/JSON file skipped');
  });

  it('a missing path is a usage error: one line, exit 2', async () => {
    const { code, stdout, stderr } = await planlint(['no-such-plan.yaml']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('planlint: No such file or directory: no-such-plan.yaml\n');
  });

  it('a directory with nothing to lint is a usage error, exit 2', async () => {
    const dir = tempDir({ 'notes.txt': 'hello' });
    const { code, stderr } = await planlint(['.'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('planlint: No .yaml, .yml or .json files found in .\n');
  });

  it('an unknown option is a usage error, exit 2', async () => {
    const { code, stderr } = await planlint(['--frobnicate', 'examples/']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^planlint: unknown option '--frobnicate'\n/);
    noStackTrace(stderr);
  });

  it('an unknown format or rule is a usage error, exit 2', async () => {
    expect(await planlint(['examples/', '-f', 'xml'])).toMatchObject({ code: 2, stderr: 'planlint: Unknown format "xml". Available formats: stylish, json, html, sarif, junit, github, markdown.\n' });
    expect(await planlint(['examples/', '--rule', 'no-such-rule:off'])).toMatchObject({ code: 2, stderr: 'planlint: --rule: there is no rule "no-such-rule". Run "planlint rules" to list them.\n' });
    expect(await planlint(['examples/', '--rule', 'service-user-voice-recorded'])).toMatchObject({ code: 2 });
  });

  it('no paths at all is a usage error, exit 2', async () => {
    const { code, stderr } = await planlint([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^planlint: Give at least one file or directory to lint/);
  });
});

describe('rules and explain', () => {
  it('lists every rule', async () => {
    const { code, stdout } = await planlint(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const ids = (JSON.parse(stdout) as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['service-user-voice-recorded', 'contact-pattern-fits-circumstances', 'plan-revisited-after-first-attendance']));
  });

  it('explains a rule from its doc', async () => {
    const { code, stdout } = await planlint(['explain', 'service-user-voice-recorded']);
    expect(code).toBe(0);
    expect(stdout).toContain('Why it matters');
    expect(stdout).toContain('reasonNotRecorded');
  });

  it('explaining an unknown rule is a usage error', async () => {
    expect(await planlint(['explain', 'nope'])).toMatchObject({ code: 2, stderr: 'planlint: There is no rule "nope". Run "planlint rules" to list them.\n' });
  });
});
