/**
 * `planlint lsp`: planlint's findings as Language Server Protocol diagnostics, for editors.
 *
 * Documents are linted exactly as the CLI lints a file (lintFiles with the document's text, and the
 * config nearest to the document's path), on open and, debounced, on change. Each diagnostic carries the rule id as
 * its code, linked to the rule's page, and offers a quick fix that records a judgement: a
 * `# planlint-disable-next-line <rule-id> -- <reason>` comment above the line.
 *
 * JavaScript configs and plugins run only when the client says the user allows the workspace's
 * code (initializationOptions `{ "trustWorkspaceCode": true }`); otherwise YAML and JSON configs
 * and the built-in rules apply, and the user is told once (window/showMessage).
 *
 * Loaded only by `planlint lsp` (a dynamic import), so linting never pays for the LSP library.
 */
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, DiagnosticSeverity, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocumentSyncKind, TextDocuments, createConnection } from 'vscode-languageserver/node';
import type { CodeAction, Connection, Diagnostic, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../engine/config.js';
import { ENGINE_RULE_IDS } from '../core/findings.js';
import type { FileResult, Finding, Severity } from '../core/findings.js';
import { closeLintSetup, createLintSetup, lintFiles } from '../engine/lint-files.js';
import { docUrlOf } from '../engine/load-rules.js';
import type { LintSetup } from '../engine/lint-files.js';
import { SUPPRESSION_RULE_ID } from '../engine/suppressions.js';
import { diagnosticRanges } from './ranges.js';
import { printable } from '../core/text.js';
import type { LspRange } from './ranges.js';

/**
 * How long typing must pause before a document is linted again. A client may set another in its
 * initializationOptions (`{ "lintDelayMs": 0 }`): the benchmark does, to time the lint itself.
 */
const LINT_DELAY_MS = 200;

/** What a diagnostic carries for its quick fix. */
interface DiagnosticData {
  ruleId: string;
  /**
   * The 0-based line the engine gave the finding, which a suppression comment must sit above: a
   * widened range may start on the key's line above it (ranges.ts).
   */
  line: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Findings a comment cannot silence (suppressions.ts), so no quick fix is offered for them. */
const NOT_SUPPRESSIBLE = new Set<string>([ENGINE_RULE_IDS.syntax, ENGINE_RULE_IDS.input, SUPPRESSION_RULE_ID]);

const LINTED_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Where a document is on disk, for config discovery; an unsaved one is taken to be in the working folder. */
function filePathOf(uri: string): string {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  const name = decodeURIComponent(
    uri
      .replace(/^[a-z][a-z0-9+.-]*:/i, '')
      .split('/')
      .pop() ?? 'untitled',
  );
  return join(process.cwd(), name || 'untitled');
}

/**
 * Whether a document may be planlint's, before it is read: the server may be attached to every YAML
 * and JSON file in a workspace (workflows, compose files …). Whether it is one is decided when it is
 * linted, by the same definition as for files found by walking a folder (src/engine/planlint-document.ts):
 * only planlint documents and HMPPS exports get findings. Config files are not case files.
 */
function mayBePlanlintDocument(filePath: string, languageId: string): boolean {
  if (CONFIG_FILE_NAMES.includes(basename(filePath))) return false;
  return LINTED_EXTENSIONS.has(extname(filePath).toLowerCase()) || languageId === 'yaml' || languageId === 'json';
}

/**
 * A finding as an LSP diagnostic, at the range the editor underlines (ranges.ts: the value or key
 * the finding is about; LSP positions are 0-based, planlint's 1-based, both in UTF-16 units).
 */
function toDiagnostic(finding: Finding, range: LspRange, docUrl: string | undefined): Diagnostic {
  return {
    range,
    severity: SEVERITY[finding.severity],
    source: 'planlint',
    code: finding.ruleId,
    // The rule's page in the installed package, or a plugin rule's own meta.docs.url.
    ...(docUrl ? { codeDescription: { href: docUrl } } : {}),
    message: finding.message,
    data: { ruleId: finding.ruleId, line: finding.line - 1 } satisfies DiagnosticData,
  };
}

/** The quick fix for one diagnostic: a suppression comment above its line, with a reason to write. */
function suppressionAction(document: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : data?.ruleId;
  if (diagnostic.source !== 'planlint' || !ruleId || NOT_SUPPRESSIBLE.has(ruleId)) return undefined;
  // Comments exist only in YAML; a JSON export cannot hold one.
  if (document.languageId === 'json' || extname(filePathOf(document.uri)).toLowerCase() === '.json') return undefined;
  const line = typeof data?.line === 'number' ? data.line : diagnostic.range.start.line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  // "TBC" is planlint's placeholder for text still to write: the officer replaces it with the judgement.
  const comment = `${indent}# planlint-disable-next-line ${ruleId} -- TBC: why this does not apply here, and who agreed it\n`;
  return {
    title: `Record why ${ruleId} does not apply here (planlint-disable-next-line)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: comment }] } },
  };
}

/** Starts the server on the given streams (stdin and stdout by default) and runs until the client exits it. */
export function startLanguageServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  /** Rules and config, loaded once and made again when a config file changes. */
  let setup: Promise<LintSetup> | undefined;
  const timers = new Map<string, NodeJS.Timeout>();
  let lintDelayMs = LINT_DELAY_MS;

  // JavaScript configs and plugins run code: only when the editor's user has allowed this
  // workspace's code (initializationOptions.trustWorkspaceCode, which the VS Code extension sets
  // from its setting and VS Code's workspace trust). Otherwise YAML and JSON configs and the
  // built-in rules apply, and the user is told once.
  let runCode = false;
  let projectFolder: string | undefined;
  let toldCodeNotRun = false;
  const lintSetup = () => (setup ??= createLintSetup({ runCode, ...(projectFolder ? { projectFolder } : {}) }));

  function tellCodeNotRun(current: LintSetup): void {
    const skipped = current.resolver.codeNotRun;
    if (toldCodeNotRun || skipped.length === 0) return;
    toldCodeNotRun = true;
    const names = skipped.map((path) => printable(basename(path))).join(', ');
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `planlint did not run this workspace's JavaScript config or plugins (${names}): it lints with the built-in rules and YAML or JSON config only. Allow the workspace's code with the "planlint.trustWorkspaceCode" setting in a trusted workspace.`,
    });
  }

  async function lint(document: TextDocument): Promise<void> {
    const filePath = filePathOf(document.uri);
    const text = document.getText();
    let diagnostics: Diagnostic[] = [];
    try {
      if (mayBePlanlintDocument(filePath, document.languageId)) {
        const current = await lintSetup();
        const run = await lintFiles([], { setup: current, text, filePath, concurrency: 1, onlyPlanlintText: true });
        tellCodeNotRun(current);
        const results: FileResult[] = [];
        for await (const result of run.results) results.push(result); // the one document; marked skipped when it is not planlint's
        const findings = results.flatMap((r) => r.findings);
        const ranges = diagnosticRanges(text, findings);
        const metas = new Map(run.rules.map((meta) => [meta.id, meta]));
        diagnostics = findings.map((f, i) => toDiagnostic(f, ranges[i]!, docUrlOf(f.ruleId, metas.get(f.ruleId))));
      }
    } catch (error) {
      // A broken config stops a CLI run with one line; here it is shown on the document instead.
      const message = printable(error instanceof Error ? error.message : String(error));
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'planlint', message }];
    }
    // A newer version may have arrived while this one was linted: its own lint will publish.
    if (documents.get(document.uri)?.version !== document.version) return;
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  function schedule(document: TextDocument, delay: number): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) void lint(current);
      }, delay),
    );
  }

  /** A config file changed: settings are read again and every open document is linted again. */
  function configChanged(): void {
    void setup?.then(closeLintSetup, () => undefined);
    setup = undefined;
    for (const document of documents.all()) schedule(document, 0);
  }
  const isConfigUri = (uri: string) => CONFIG_FILE_NAMES.includes(basename(filePathOf(uri)));

  let canWatchFiles = false;
  connection.onInitialize(({ capabilities, initializationOptions, rootUri, workspaceFolders }): InitializeResult => {
    const options = initializationOptions as { lintDelayMs?: unknown; trustWorkspaceCode?: unknown } | null | undefined;
    runCode = options?.trustWorkspaceCode === true;
    const root = workspaceFolders?.[0]?.uri ?? rootUri;
    if (root?.startsWith('file:')) projectFolder = fileURLToPath(root);
    const delay = options?.lintDelayMs;
    if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) lintDelayMs = delay;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'planlint' },
    };
  });
  connection.onInitialized(() => {
    void lintSetup(); // load rules and validators while the editor opens its first file
    // Config files edited outside the editor (or not open in it) still change the findings.
    if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }] });
  });

  // TextDocuments reports an opened document as changed too, straight after: that is not typing,
  // and must not put the first lint off by the pause.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => {
    if (isConfigUri(document.uri)) return;
    opening.add(document.uri);
    schedule(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document.uri) || isConfigUri(document.uri)) return;
    schedule(document, lintDelayMs);
  });
  documents.onDidSave(({ document }) => (isConfigUri(document.uri) ? configChanged() : undefined));
  documents.onDidClose(({ document }) => {
    opening.delete(document.uri);
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    // Findings for a closed file would linger in the editor's problem list.
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((c) => isConfigUri(c.uri))) configChanged();
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    return context.diagnostics.flatMap((d) => suppressionAction(document, d) ?? []);
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
