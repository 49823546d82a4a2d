/**
 * `planlint lsp` as an editor uses it: the built CLI started as a child process, spoken to in LSP
 * over stdio by the protocol library editors' clients are built on.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { CodeAction, Diagnostic, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { bin, PLAN_WITHOUT_VOICE, runBuiltCli as planlint, root, scratch } from '../helpers/cli.js';

interface CliMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const lisaPath = join(root, 'examples', 'lisa-poor.yaml');
const lisaUri = pathToFileURL(lisaPath).href;
const lisaText = readFileSync(lisaPath, 'utf8');

let child: ChildProcessWithoutNullStreams;
let connection: ProtocolConnection;
let stderr = '';
const published: PublishDiagnosticsParams[] = [];
const waiters: (() => void)[] = [];
const registered: string[] = [];

/** The next diagnostics published for a document (after those already seen) that satisfy a test. */
async function diagnosticsFor(uri: string, after: number, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 60_000): Promise<PublishDiagnosticsParams> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = published.slice(after).find((p) => p.uri === uri && accept(p));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`);
    await new Promise<void>((resolve) => {
      waiters.push(resolve);
      setTimeout(resolve, 100);
    });
  }
}

function open(uri: string, text: string, languageId = 'yaml'): number {
  const mark = published.length;
  void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  return mark;
}

/** The findings the CLI prints as JSON for a file, in LSP terms: 0-based positions, LSP severities. */
function cliDiagnostics(file: string, cwd = root) {
  const { stdout } = planlint([file, '--format', 'json'], { cwd });
  const [result] = JSON.parse(stdout) as { messages: CliMessage[] }[];
  return result!.messages.map((m) => ({
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
    severity: m.severity === 2 ? 1 : m.severity === 1 ? 2 : 3,
    code: m.ruleId,
    message: m.message,
  }));
}

const essentials = (d: Diagnostic) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message });

/** Whether the CLI located a finding at the first character of a node over several lines, which the server widens. */
const isHead = ({ range: { start, end } }: Pick<Diagnostic, 'range'>) => start.line === end.line && end.character === start.character + 1;

/**
 * The server's diagnostics against the CLI's findings: the same findings in the same order; each
 * range the same, except a node's first character, which covers the key or line it is about.
 */
function expectSameAsCli(diagnostics: Diagnostic[], cli: ReturnType<typeof cliDiagnostics>): void {
  expect(diagnostics.map((d) => ({ ...essentials(d), range: undefined }))).toEqual(cli.map((d) => ({ ...d, range: undefined })));
  diagnostics.forEach((d, i) => {
    const given = cli[i]!;
    if (!isHead(given)) expect(d.range, `${String(d.code)} ${JSON.stringify(d.message)}`).toEqual(given.range);
    else expect(isHead(d), `${String(d.code)} ${JSON.stringify(d.message)}: still one character`).toBe(false);
  });
}

beforeAll(async () => {
  child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    waiters.splice(0).forEach((wake) => wake());
  });
  connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
    registered.push(...registrations.map((r) => r.method)); // the reply is null, as the protocol wants
  });
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    workspaceFolders: null,
    // These tests use plugins: the editor user has allowed the workspace's code (tests/e2e/lsp-workspace-trust.test.ts covers the default).
    initializationOptions: { trustWorkspaceCode: true },
  });
  expect(init.capabilities.codeActionProvider).toBeTruthy();
  expect(init.serverInfo?.name).toBe('planlint');
  await connection.sendNotification(InitializedNotification.type, {});
});

afterAll(() => {
  connection?.dispose();
  if (child?.exitCode === null) child.kill();
});

describe('planlint lsp', () => {
  it('publishes the same findings as the CLI when a file is opened, with rule codes linked to their pages', async () => {
    const { diagnostics, version } = await diagnosticsFor(lisaUri, open(lisaUri, lisaText));
    expect(version).toBe(1);
    const expected = cliDiagnostics('examples/lisa-poor.yaml');
    expect(expected.length).toBeGreaterThan(10);
    expectSameAsCli(diagnostics, expected);
    for (const d of diagnostics) {
      expect(d.source).toBe('planlint');
      const href = d.codeDescription?.href;
      expect(href, String(d.code)).toMatch(/^file:\/\//);
      expect(fileURLToPath(href!)).toBe(join(root, 'rules', `${String(d.code)}.md`));
      expect(existsSync(fileURLToPath(href!))).toBe(true);
    }
    // One spot check against the README's output: 40:12 is line 39, character 11 in LSP.
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'service-user-voice-recorded', range: { start: { line: 39, character: 11 }, end: { line: 39, character: 27 } } }));
  });

  it('underlines the whole value or key a finding is about, not one character', () => {
    const { diagnostics } = [...published].reverse().find((p) => p.uri === lisaUri)!;
    const lines = lisaText.split('\n');
    const underlined = ({ range: { start, end } }: Diagnostic) => (start.line === end.line ? lines[start.line]!.slice(start.character, end.character) : '(several lines)');
    const shown = diagnostics.map((d) => `${String(d.code)}: ${underlined(d)}`);
    // A value: all of it (the CLI's range too, 40:12–40:28).
    expect(shown).toContain('service-user-voice-recorded: Agrees with plan');
    // A mapping over several lines: its key, where the CLI says 24:3 (the `d` of `date:` under it).
    expect(shown).toContain('assessment-involves-person: assessment');
    // A mapping on one line: all of it; a list item over several lines: its first line.
    expect(shown).toContain('person-involved-in-planning: person: absent');
    expect(shown).toContain('objectives-smart: title: Address alcohol use.');
    expect(diagnostics.filter((d) => underlined(d).length <= 1).map((d) => d.code)).toEqual([]);
  });

  it('lints again after a pause in typing, publishing only the latest version', async () => {
    const before = published.length;
    const quote = '    words: "I want to stop drinking before my son starts school, and I need mornings free for nursery."';
    const typed = lisaText.replace('    words: Agrees with plan', quote);
    // Three quick edits, as typing sends them: only the last should be linted.
    for (const [version, text] of [
      [2, lisaText.replace('Agrees with plan', 'Agrees with pla')],
      [3, lisaText.replace('Agrees with plan', '"I want')],
      [4, typed],
    ] as const) {
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: lisaUri, version }, contentChanges: [{ text }] });
    }
    const update = await diagnosticsFor(lisaUri, before);
    expect(update.version).toBe(4);
    expect(
      published
        .slice(before)
        .filter((p) => p.uri === lisaUri)
        .map((p) => p.version),
    ).toEqual([4]);
    const codes = update.diagnostics.map((d) => d.code);
    // The plan's voice is now recorded; the review's summary still is not.
    expect(update.diagnostics.filter((d) => d.code === 'service-user-voice-recorded').map((d) => d.range.start.line)).toEqual([64]);
    expect(codes.length).toBe(cliDiagnostics('examples/lisa-poor.yaml').length - 1);
  });

  it('offers a quick fix that records a suppression comment with a reason to write, above the line', async () => {
    const { diagnostics } = [...published].reverse().find((p) => p.uri === lisaUri)!;
    const target = diagnostics.find((d) => d.code === 'contact-pattern-fits-circumstances' && d.range.start.line === 55)!;
    expect(target).toBeDefined();
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: lisaUri },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    const [action] = actions;
    expect(action!.kind).toBe('quickfix');
    expect(action!.title).toContain('contact-pattern-fits-circumstances');
    expect(action!.diagnostics).toEqual([target]);
    const edits = action!.edit!.changes![lisaUri]!;
    expect(edits).toEqual([
      {
        range: { start: { line: 55, character: 0 }, end: { line: 55, character: 0 } },
        newText: '  # planlint-disable-next-line contact-pattern-fits-circumstances -- TBC: why this does not apply here, and who agreed it\n',
      },
    ]);

    // Applying it, with the reason written, silences that finding and no other.
    const lines = lisaText.replace('    words: Agrees with plan', '    words: "I want to stop drinking before my son starts school, and I need mornings free for nursery."').split('\n');
    lines.splice(55, 0, edits[0]!.newText.replace('TBC: why this does not apply here, and who agreed it', 'Lisa asked for 09:00 that week; her mother did the nursery run').trimEnd());
    const mark = published.length;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: lisaUri, version: 5 }, contentChanges: [{ text: lines.join('\n') }] });
    const after = await diagnosticsFor(lisaUri, mark, (p) => p.version === 5);
    expect(after.diagnostics.filter((d) => d.code === 'contact-pattern-fits-circumstances').map((d) => d.range.start.line)).toEqual([44, 54]);
    expect(after.diagnostics.some((d) => d.code === 'suppression')).toBe(false);
  });

  it("puts the quick fix of a widened diagnostic above the line the finding is on, not above the key's line", async () => {
    const { diagnostics, version } = [...published].reverse().find((p) => p.uri === lisaUri)!;
    const target = diagnostics.find((d) => d.code === 'motivation-analysed')!;
    expect(target.range).toEqual({ start: { line: 22, character: 0 }, end: { line: 22, character: 10 } }); // `assessment`
    const [action] = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: lisaUri }, range: target.range, context: { diagnostics: [target] } })) as CodeAction[];
    const [edit] = action!.edit!.changes![lisaUri]!;
    expect(edit!.range.start).toEqual({ line: 23, character: 0 }); // above `  date:`, the CLI's 24:3
    expect(edit!.newText).toMatch(/^ {2}# planlint-disable-next-line motivation-analysed -- TBC/);

    const current = lisaText.replace('    words: Agrees with plan', '    words: "I want to stop drinking before my son starts school, and I need mornings free for nursery."').split('\n');
    current.splice(55, 0, '  # planlint-disable-next-line contact-pattern-fits-circumstances -- Lisa asked for 09:00 that week; her mother did the nursery run');
    current.splice(23, 0, edit!.newText.replace(/TBC.*/, 'motivation was discussed at induction, recorded in the contact log').trimEnd());
    const mark = published.length;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: lisaUri, version: version! + 1 }, contentChanges: [{ text: current.join('\n') }] });
    const after = await diagnosticsFor(lisaUri, mark, (p) => p.version === version! + 1);
    expect(after.diagnostics.some((d) => d.code === 'motivation-analysed')).toBe(false);
    expect(after.diagnostics.some((d) => d.code === 'suppression')).toBe(false);
    expect(after.diagnostics.some((d) => d.code === 'assessment-involves-person')).toBe(true);
  });

  it('uses the config nearest to the document, as the CLI does', async () => {
    const dir = scratch({
      'team/planlint.config.yaml': 'rules:\n  service-user-voice-recorded: off\n',
      'team/plan.yaml': readFileSync(join(root, 'examples', 'lisa-poor.yaml'), 'utf8'),
    });
    const uri = pathToFileURL(join(dir, 'team', 'plan.yaml')).href;
    const { diagnostics } = await diagnosticsFor(uri, open(uri, readFileSync(join(dir, 'team', 'plan.yaml'), 'utf8')));
    expectSameAsCli(diagnostics, cliDiagnostics(join(dir, 'team', 'plan.yaml'), dir));
    expect(diagnostics.some((d) => d.code === 'service-user-voice-recorded')).toBe(false);
    expect(diagnostics.length).toBeGreaterThan(0);

    // The config is changed outside the editor: the server asked to hear of it, and lints again.
    expect(registered).toContain(DidChangeWatchedFilesNotification.method);
    const config = join(dir, 'team', 'planlint.config.yaml');
    writeFileSync(config, 'rules:\n  officer-continuity: off\n');
    const mark = published.length;
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }] });
    const relinted = await diagnosticsFor(uri, mark);
    expect(relinted.diagnostics.some((d) => d.code === 'service-user-voice-recorded')).toBe(true);
    expectSameAsCli(relinted.diagnostics, cliDiagnostics(join(dir, 'team', 'plan.yaml'), dir));
  });

  it("links a plugin rule's diagnostics to its own meta.docs.url", async () => {
    const plugin = `export default {
  meta: {
    id: 'team/always', description: 'Reports every plan, for this test.', severity: 'warning', standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'practitioners should "meaningfully involve the service user"' },
    appliesTo: ['sentence-plan', 'case-file'], messages: { seen: 'Seen.' }, optionsSchema: { type: 'object' }, defaultOptions: {},
    docs: { url: 'https://example.org/rules/always' },
  },
  check(model, context) { for (const plan of model.plans) context.report({ node: plan, messageId: 'seen' }); },
};
`;
    const dir = scratch({ 'planlint.config.yaml': 'plugins:\n  - ./always.mjs\n', 'always.mjs': plugin, 'plan.yaml': PLAN_WITHOUT_VOICE });
    const uri = pathToFileURL(join(dir, 'plan.yaml')).href;
    const { diagnostics } = await diagnosticsFor(uri, open(uri, PLAN_WITHOUT_VOICE));
    expect(diagnostics.find((d) => d.code === 'team/always')?.codeDescription?.href).toBe('https://example.org/rules/always');
    expect(fileURLToPath(diagnostics.find((d) => d.code === 'service-user-voice-recorded')!.codeDescription!.href)).toBe(join(root, 'rules', 'service-user-voice-recorded.md'));
  });

  it('leaves YAML that is not a planlint document alone', async () => {
    const dir = scratch({ '.github/workflows/ci.yml': 'name: ci\non: [push]\njobs: {}\n' });
    const uri = pathToFileURL(join(dir, '.github', 'workflows', 'ci.yml')).href;
    const { diagnostics } = await diagnosticsFor(uri, open(uri, readFileSync(join(dir, '.github', 'workflows', 'ci.yml'), 'utf8')));
    expect(diagnostics).toEqual([]);
    // …but a half-written planlint document gets its schema findings.
    const draft = join(dir, 'draft.yaml');
    writeFileSync(draft, 'kind: sentence-plan\nschemaVersion: 1\n');
    const draftUri = pathToFileURL(draft).href;
    const result = await diagnosticsFor(draftUri, open(draftUri, 'kind: sentence-plan\nschemaVersion: 1\n'));
    expect(result.diagnostics.map((d) => d.code)).toContain('schema');
    // The same definition as walking a folder: a kind one slip from planlint's is judged, with its "did you mean".
    const typo = join(dir, 'typo.yaml');
    const typoUri = pathToFileURL(typo).href;
    const typoResult = await diagnosticsFor(typoUri, open(typoUri, 'kind: sentence_plan\nschemaVersion: 1\n'));
    expect(typoResult.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('(did you mean "sentence-plan"?)'));
  });

  it('gives an ignored file no findings, as the command line leaves it out', async () => {
    const dir = scratch({ 'planlint.config.yaml': 'ignores: ["archive/"]\n', 'archive/old.yaml': 'kind: sentence-plan\nschemaVersion: 1\n' });
    const uri = pathToFileURL(join(dir, 'archive', 'old.yaml')).href;
    const { diagnostics } = await diagnosticsFor(uri, open(uri, 'kind: sentence-plan\nschemaVersion: 1\n'));
    expect(diagnostics).toEqual([]);
  });

  it('lints an opened document at once, and an edit after the pause in initializationOptions.lintDelayMs (a value that is not a number of ms is ignored)', async () => {
    /** A second server, started with the given options; resolves with what it published for one edit within `waitMs`. */
    async function editWith(initializationOptions: unknown, waitMs: number): Promise<number[]> {
      const server = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
      const client = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
      const versions: number[] = [];
      client.onNotification(PublishDiagnosticsNotification.type, (p) => void (p.version !== undefined && versions.push(p.version)));
      client.listen();
      try {
        await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: null, initializationOptions });
        await client.sendNotification(InitializedNotification.type, {});
        await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: lisaUri, languageId: 'yaml', version: 1, text: lisaText } });
        for (let waited = 0; !versions.includes(1) && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50)); // opening lints at once, whatever the pause
        expect(versions).toEqual([1]);
        await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: lisaUri, version: 2 }, contentChanges: [{ text: `${lisaText}\n` }] });
        await new Promise((r) => setTimeout(r, waitMs));
        return versions;
      } finally {
        client.dispose();
        server.kill();
      }
    }
    // A minute's pause: the edit is not linted within two seconds (at the default 200 ms it would be).
    expect(await editWith({ lintDelayMs: 60_000 }, 2_000)).toEqual([1]);
    // Not a number of milliseconds: the default pause.
    expect(await editWith({ lintDelayMs: 'soon' }, 5_000)).toEqual([1, 2]);
  });

  it('shuts down and exits 0 when the editor says so', async () => {
    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
  });
});
