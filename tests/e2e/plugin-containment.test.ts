/**
 * Plugin rules are contained in every mode (issue 18, item 5): a rule that never finishes, eats
 * memory, ends its thread, throws something odd, or fails after it returned becomes a finding
 * naming it, on its file; every other rule's findings on that file and every other file are
 * complete; the run exits 2 with nothing on stderr. The same holds with few files (built-in rules
 * in the main thread, plugin rules in one worker), with many (the worker pool), with --watch and in
 * the language server. Errors outside any rule (a JavaScript config's timer) are one line, exit 2.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { PLAN_WITHOUT_VOICE, bin, runBuiltCli as planlint, scratch } from '../helpers/cli.js';

/**
 * One rule per attack, each set off by a word in the file's name, and one well-behaved plugin rule
 * that reports on every file (its findings must survive its neighbours' failures).
 */
const ATTACKS = `const meta = (id, messages = {}) => ({ id, description: 'Attack ' + id + '.', severity: 'error', standard: 'planning',
  guidance: 'Team practice note', appliesTo: ['sentence-plan'], messages, optionsSchema: { type: 'object' }, defaultOptions: {} });
const on = (context, word) => context.filePath.includes(word);
export default { rules: [
  { meta: meta('acme/slow'), check(m, c) { if (on(c, 'slow')) for (;;) {} } },
  // Grows in steps, as a runaway rule does: the worker's heap limit stops it.
  { meta: meta('acme/hungry'), check(m, c) { if (on(c, 'hungry')) { const kept = []; for (;;) kept.push(new Array(1e6).fill(kept.length)); } } },
  { meta: meta('acme/quits'), check(m, c) { if (on(c, 'quits')) process.exit(0); } },
  { meta: meta('acme/odd'), check(m, c) { if (on(c, 'odd')) throw { toString() { throw new Error('nor this'); } }; } },
  { meta: meta('acme/late'), check(m, c) { if (on(c, 'late')) setTimeout(() => { throw new Error('late failure'); }, 0); } },
  { meta: meta('acme/rejects'), async check(m, c) { if (on(c, 'rejects')) { await null; throw new Error('rejected failure'); } } },
  { meta: meta('acme/good', { seen: 'Seen by acme/good.' }), check(m, c) { c.report({ node: m, messageId: 'seen' }); } },
] };
`;

const TIMEOUT = '500';

/** What each attack leaves on its file: one finding naming the rule, with this message. */
const EXPECTED: Record<string, RegExp> = {
  slow: /^Rule "acme\/slow" did not finish within 500 ms on this file and was stopped\. This is a fault in the rule, not in the plan; please report it\.$/,
  quits: /^Rule "acme\/quits" failed while checking this file and was skipped \(it called process\.exit\(0\), which a rule may not do\)\. This is a fault in the rule/,
  odd: /^Rule "acme\/odd" failed while checking this file and was skipped \(\[object Object\]\)\. This is a fault in the rule/,
  late: /^Rule "acme\/late" failed after it returned, while checking this file \(late failure\), and was skipped\. This is a fault in the rule/,
  rejects: /^Rule "acme\/rejects" failed after it returned, while checking this file \(rejected failure\), and was skipped\. This is a fault in the rule/,
};

/** A folder with the attacking plugin, one file per attack and `others` files no rule attacks on. */
function corpus(attacks: readonly string[], others: number): string {
  const files: Record<string, string> = { 'attacks.mjs': ATTACKS, 'planlint.config.yaml': 'plugins: [./attacks.mjs]\n' };
  for (const name of attacks) files[`${name}.yaml`] = PLAN_WITHOUT_VOICE;
  for (let i = 0; i < others; i++) files[`plan-${String(i).padStart(3, '0')}.yaml`] = PLAN_WITHOUT_VOICE;
  return scratch(files);
}

interface Message {
  ruleId: string;
  message: string;
  line: number;
  column: number;
}

function byFile(stdout: string, dir: string): Record<string, Message[]> {
  const results = JSON.parse(stdout) as { filePath: string; messages: Message[] }[];
  return Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }))]));
}

/**
 * Every file holds what a file no rule attacks holds (every file has the same text), plus, on an
 * attacked file, the one finding naming the rule that failed there.
 */
function expectContained(files: Record<string, Message[]>, attacks: Record<string, RegExp>, others: number): void {
  const normal = files['plan-000.yaml']!;
  expect(normal.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['acme/good', 'service-user-voice-recorded']));
  expect(Object.keys(files)).toHaveLength(Object.keys(attacks).length + others);
  for (const [name, messages] of Object.entries(files)) {
    const attack = Object.keys(attacks).find((a) => name === `${a}.yaml`);
    if (!attack) {
      expect(messages, name).toEqual(normal);
      continue;
    }
    const failed = messages.filter((m) => m.ruleId === `acme/${attack}`);
    expect(failed, name).toEqual([{ ruleId: `acme/${attack}`, message: expect.stringMatching(attacks[attack]!), line: 1, column: 1 }]);
    expect(
      messages.filter((m) => m.ruleId !== `acme/${attack}`),
      name,
    ).toEqual(normal);
  }
}

describe('plugin rules are contained on the command line', () => {
  it('with few files (no pool): every attack is a finding naming its rule, other results complete, exit 2', () => {
    const dir = corpus(Object.keys(EXPECTED), 3);
    const { code, stdout, stderr } = planlint(['.', '-f', 'json', '--rule-timeout', TIMEOUT], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(2);
    expectContained(byFile(stdout, dir), EXPECTED, 3);
  });

  it('with the worker pool: the same findings, and the same report as without it', () => {
    const dir = corpus(Object.keys(EXPECTED), 12);
    const pooled = planlint(['.', '-f', 'json', '--rule-timeout', TIMEOUT, '--concurrency', '2'], { cwd: dir });
    expect(pooled.stderr).toBe('');
    expect(pooled.code).toBe(2);
    expectContained(byFile(pooled.stdout, dir), EXPECTED, 12);
    expect(planlint(['.', '-f', 'json', '--rule-timeout', TIMEOUT], { cwd: dir }).stdout).toBe(pooled.stdout);
    // Stylish says so too, and exits 2.
    const stylish = planlint(['.', '--rule-timeout', TIMEOUT, '--concurrency', '2'], { cwd: dir });
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).toContain('Rule "acme/slow" did not finish within 500 ms on this file and was stopped.');
  });

  it('a rule that allocates without limit is stopped at the worker heap limit, with or without the pool', () => {
    const dir = corpus(['hungry'], 2);
    const hungry = { hungry: /^Rule "acme\/hungry" needed more than 160 MB of memory on this file and was stopped\. This is a fault in the rule/ };
    for (const concurrency of ['off', '2']) {
      // A time limit well above the time it takes to reach the memory limit.
      const { code, stdout, stderr } = planlint(['.', '-f', 'json', '--rule-timeout', '60000', '--concurrency', concurrency], { cwd: dir });
      expect(stderr, concurrency).toBe('');
      expect(code, concurrency).toBe(2);
      expectContained(byFile(stdout, dir), hungry, 2);
    }
  });

  it('--concurrency off and --redact still contain plugin rules, leaving the failure words out of a shared report', () => {
    const dir = corpus(['late', 'slow'], 1);
    const { code, stdout, stderr } = planlint(['.', '-f', 'json', '--rule-timeout', TIMEOUT, '--concurrency', 'off', '--redact'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(2);
    const files = byFile(stdout, dir);
    expect(files['late.yaml']!.find((m) => m.ruleId === 'acme/late')!.message).toMatch(/^Rule "acme\/late" failed after it returned, while checking this file \(details left out of a redacted report\)/);
    expect(files['slow.yaml']!.find((m) => m.ruleId === 'acme/slow')!.message).toMatch(/^Rule "acme\/slow" did not finish within 500 ms/);
  });
});

describe('a baseline recorded while a rule failed', () => {
  it('is written, but the run exits 2: the record is not complete', () => {
    const dir = corpus(['quits'], 1);
    const { code, stderr } = planlint(['.', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir });
    expect(stderr).toMatch(/^planlint: recorded \d+ findings in baseline\.json\.\n$/);
    expect(code).toBe(2);
  });
});

describe('a rule that fails after its file was reported', () => {
  it('is one line naming the file and the rule, and exit 2', () => {
    // The timer set on a.yaml fires while z.yaml is being checked, after the results of a.yaml and the
    // seven files after it were sent back together (workers answer in groups of 8) and given out.
    const later = `const meta = (id) => ({ id, description: 'Late.', severity: 'error', standard: 'planning', guidance: 'Team practice note',
  appliesTo: ['sentence-plan'], messages: {}, optionsSchema: { type: 'object' }, defaultOptions: {} });
export default { rules: [{ meta: meta('acme/later'), check(m, c) {
  if (c.filePath.endsWith('a.yaml')) setTimeout(() => { throw new Error('much later'); }, 500);
  if (c.filePath.endsWith('z.yaml')) { const until = Date.now() + 2500; while (Date.now() < until); }
} }] };
`;
    const files: Record<string, string> = { 'later.mjs': later, 'planlint.config.yaml': 'plugins: [./later.mjs]\n', 'a.yaml': PLAN_WITHOUT_VOICE, 'z.yaml': PLAN_WITHOUT_VOICE };
    for (let i = 1; i <= 7; i++) files[`p${i}.yaml`] = PLAN_WITHOUT_VOICE;
    const dir = scratch(files);
    const { code, stdout, stderr } = planlint(['.', '-f', 'json', '--rule-timeout', '5000'], { cwd: dir });
    expect(stderr).toBe('planlint: a.yaml: Rule "acme/later" failed after it returned, while checking this file (much later), and was skipped. This is a fault in the rule, not in the plan; please report it.\n');
    expect(code).toBe(2);
    const results = byFile(stdout, dir);
    expect(Object.keys(results)).toHaveLength(9);
    expect(results['a.yaml']).toEqual(results['z.yaml']);
  });
});

describe('errors outside any rule', () => {
  it('a JavaScript config whose timer throws, or a plugin that leaves a promise rejected: one line, exit 2, no stack trace', () => {
    const good = `export default { meta: { id: 'acme/fine', description: 'Fine.', severity: 'error', standard: 'planning', guidance: 'Team practice note',
  appliesTo: ['sentence-plan'], messages: {}, optionsSchema: { type: 'object' }, defaultOptions: {} }, check() {} };\n`;
    const timer = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE, 'planlint.config.mjs': `setTimeout(() => { throw new Error('config failure'); }, 0);\nexport default {};\n` });
    const rejected = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE, 'fine.mjs': `Promise.reject(new Error('plugin failure'));\n${good}`, 'planlint.config.yaml': 'plugins: [./fine.mjs]\n' });
    for (const [dir, reason] of [
      [timer, 'config failure'],
      [rejected, 'plugin failure'],
    ] as const) {
      const { code, stderr } = planlint(['plan.yaml'], { cwd: dir });
      expect(code, reason).toBe(2);
      expect(stderr, reason).toBe(`planlint: stopped by an error outside any rule (${reason}). A plugin or JavaScript config may have caused it; if not, it is a fault in planlint: please report it.\n`);
    }
  });
});

let watching: ChildProcessWithoutNullStreams | undefined;
afterEach(() => {
  if (watching?.exitCode === null) watching.kill('SIGKILL');
  watching = undefined;
});

describe('plugin rules are contained in --watch', () => {
  it('reports each attack on the first run and when a file is saved again, and keeps watching', async () => {
    const dir = corpus(['slow', 'quits', 'late'], 1);
    const child = (watching = spawn(process.execPath, [bin, '.', '--rule-timeout', TIMEOUT, '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } }));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const passes = async (count: number) => {
      const deadline = Date.now() + 60_000;
      while ((stderr.match(/Watching \d+ files?/g) ?? []).length < count) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`expected ${count} passes; stdout:\n${stdout}\nstderr:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await passes(1);
    expect(stdout).toContain('Rule "acme/slow" did not finish within 500 ms on this file and was stopped.');
    expect(stdout).toContain('Rule "acme/quits" failed while checking this file and was skipped (it called process.exit(0), which a rule may not do).');
    expect(stdout).toContain('Rule "acme/late" failed after it returned, while checking this file (late failure), and was skipped.');
    expect(stdout.match(/Seen by acme\/good\./g)).toHaveLength(4);

    const mark = stdout.length;
    writeFileSync(join(dir, 'slow.yaml'), PLAN_WITHOUT_VOICE.replace('caseRef: C1', 'caseRef: C2'));
    await passes(2);
    const printed = stdout.slice(mark);
    expect(printed).toContain('Rule "acme/slow" did not finish within 500 ms on this file and was stopped.');
    expect(printed).toContain('Seen by acme/good.');
    expect(printed).toContain('service-user-voice-recorded');
    expect(child.exitCode).toBe(null);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 90_000);
});

describe('plugin rules are contained in the language server', () => {
  it('publishes each attack as a diagnostic naming its rule, beside every other finding, and keeps serving', async () => {
    const dir = corpus([], 0);
    const child = (watching = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.push(params);
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null, initializationOptions: { trustWorkspaceCode: true } });
    await connection.sendNotification(InitializedNotification.type, {});
    const diagnosticsOf = async (name: string) => {
      const uri = pathToFileURL(join(dir, `${name}.yaml`)).href;
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: PLAN_WITHOUT_VOICE } });
      const deadline = Date.now() + 60_000;
      for (;;) {
        const found = published.find((p) => p.uri === uri);
        if (found) return found.diagnostics.map((d) => ({ code: d.code, message: d.message }));
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no diagnostics for ${name}; stderr: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const normal = await diagnosticsOf('plan-000');
    expect(normal.map((d) => d.code)).toEqual(expect.arrayContaining(['acme/good', 'service-user-voice-recorded']));
    // The server has no --rule-timeout: the default limit applies.
    const expected = { ...EXPECTED, slow: /^Rule "acme\/slow" did not finish within 10000 ms on this file and was stopped\./ };
    for (const [attack, message] of Object.entries(expected)) {
      const diagnostics = await diagnosticsOf(attack);
      expect(
        diagnostics.filter((d) => d.code === `acme/${attack}`),
        attack,
      ).toEqual([{ code: `acme/${attack}`, message: expect.stringMatching(message) }]);
      expect(
        diagnostics.filter((d) => d.code !== `acme/${attack}`),
        attack,
      ).toEqual(normal);
    }
    expect(child.exitCode).toBe(null);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    connection.dispose();
    expect(stderr).toBe('');
  }, 120_000);
});
