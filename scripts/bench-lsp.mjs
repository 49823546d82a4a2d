// The language server under typing, for scripts/bench.mjs: `planlint lsp --stdio` (the built CLI,
// as an editor starts it) is sent a 10 KB case file and then one edit at a time, as typing sends
// them (an incremental change of one character), and each edit is timed from the moment it is sent
// to the moment its diagnostics are published. The server's pause before linting (200 ms, so
// that a burst of keystrokes is linted once) is set to 0 through initializationOptions, so what is
// timed is the lint and the protocol, not the wait.
//
//   node scripts/bench-lsp.mjs [--edits 200]      (after npm run build)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
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

/**
 * A 10 KB case file with findings: examples/marek-good.yaml (10.7 KB) with the person's view of
 * the assessment left as a placeholder and the plan's participation taken out, so every lint has
 * findings to turn into diagnostics, widened ranges included. scripts/bench-playground.mjs lints it too.
 */
export function caseFile(root) {
  const good = readFileSync(join(root, 'examples', 'marek-good.yaml'), 'utf8');
  const text = good.replace(/ {4}words: Every time I come out.*\n/, '    words: TBC\n').replace(/(plan:\n(?: {2}.*\n)*?) {2}participation:\n(?: {4}.*\n)+/, '$1');
  if (text === good) throw new Error('examples/marek-good.yaml has changed: update the edits in scripts/bench-lsp.mjs');
  return text;
}

/** @type {(sorted: number[], p: number) => number} */
/** Processor time a process has used, in ms, from /proc (Linux; undefined elsewhere): user and system ticks at 100 a second. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Opens the file, types `edits` characters into the person's words, and times each publish. */
export async function benchLanguageServer(root, { edits = 200 } = {}) {
  const text = caseFile(root);
  const child = spawn(process.execPath, [join(root, 'bin', 'planlint.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  let diagnosticsCount = 0;
  connection.onNotification(PublishDiagnosticsNotification.type, ({ version, diagnostics }) => {
    diagnosticsCount = diagnostics.length;
    waiting.get(version)?.();
  });
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: null, initializationOptions: { lintDelayMs: 0 } });
    await connection.sendNotification(InitializedNotification.type, {});
    // The document is where a case file would be; the repository has no planlint config, so the recommended rules apply.
    const uri = pathToFileURL(join(root, 'case-files', 'marek-bench.yaml')).href;
    let start = performance.now();
    let done = published(1);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await done;
    const openMs = performance.now() - start;

    const lines = text.split('\n');
    const line = lines.findIndex((l) => l === '    words: TBC');
    const lineLength = lines[line]?.length ?? 0;
    const typed = ' and I need a room on the first day.';
    const times = [];
    const cpuBefore = cpuMs(child.pid);
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      const character = lineLength + i;
      start = performance.now();
      done = published(version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: typed.charAt(i % typed.length) }],
      });
      await done;
      times.push(performance.now() - start);
    }
    const cpuAfter = cpuMs(child.pid);
    // The server's own processor time per edit: the work, whatever else the machine is doing.
    const cpuPerEdit = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / edits;
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    const sorted = [...times].sort((a, b) => a - b);
    return { bytes: Buffer.byteLength(text), edits, openMs, diagnostics: diagnosticsCount, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? 0, cpuPerEdit };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--edits');
  const r = await benchLanguageServer(join(dirname(fileURLToPath(import.meta.url)), '..'), { edits: i === -1 ? 200 : Number(process.argv[i + 1]) });
  console.log(
    `${(r.bytes / 1024).toFixed(1)} KB, ${r.diagnostics} diagnostics, ${r.edits} edits: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; server processor time ${r.cpuPerEdit?.toFixed(1) ?? '?'} ms per edit (first lint on open ${r.openMs.toFixed(0)} ms)`,
  );
}
