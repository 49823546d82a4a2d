/**
 * The playground page: an editor, the findings beside it, examples, compare and report views. The
 * linting is the CLI's own engine (lint-page.ts); this module is only the page around it. Nothing
 * typed here leaves the page: no request is made (the page's Content-Security-Policy forbids them
 * all), and nothing is stored unless "keep my draft on this computer" is ticked.
 */
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history as undoHistory, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import type { Text } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import type { FileResult, Finding, SourceRange } from '../core/findings.js';
import type { PresetName } from '../engine/presets.js';
import { escapeHtml, markdownToHtml } from '../formatters/markdown-html.js';
import { createPageLinter } from './lint-page.js';
import type { PageLinter } from './lint-page.js';
import { pageData } from './page-data.js';
import { completionAt, fieldAt } from './schema-help.js';
import { decodeShared, encodeShared, SHARE_PREFIX } from './share-link.js';

const DRAFT_KEY = 'planlint-playground-draft';
const LINT_DELAY_MS = 250;
const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const DEFAULT_EXAMPLE = 'lisa-poor.yaml';
const e = escapeHtml;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface Pane {
  view: EditorView;
  fileName: string;
  result?: FileResult;
  findingsList: HTMLOListElement;
  count: HTMLElement;
  /** Called after each lint, for the views that show both panes. */
  onLinted?: () => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Settings {
  preset: PresetName;
  redact: boolean;
}

/** Document offset of a 1-based line and column, kept inside the document. */
function offsetOf(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

function rangeOf(doc: Text, range: SourceRange): { from: number; to: number } {
  const from = offsetOf(doc, range.line, range.column);
  let to = offsetOf(doc, range.endLine, range.endColumn);
  // A finding about a whole line or a missing field has no width: underline the rest of its line.
  if (to <= from) to = doc.lineAt(from).to;
  if (to <= from) to = Math.min(from + 1, doc.length);
  return { from, to };
}

function diagnosticsOf(doc: Text, result: FileResult, openRule: (id: string) => void): Diagnostic[] {
  return result.findings.map((f) => ({
    ...rangeOf(doc, f),
    severity: f.severity,
    source: f.ruleId,
    message: f.message,
    actions: pageRuleIds.has(f.ruleId) ? [{ name: 'Rule page', apply: () => openRule(f.ruleId) }] : [],
  }));
}

let pageRuleIds = new Set<string>();

function schemaCompletion(context: CompletionContext): CompletionResult | null {
  const help = completionAt(context.state.doc.toString(), context.pos);
  // Field names appear once a word is begun (or on Ctrl+Space); values as soon as "key: " is typed.
  if (!help || (!context.explicit && help.from === context.pos && help.options.some((o) => o.isKey))) return null;
  const options: Completion[] = help.options.map((o) => ({
    label: o.label,
    type: o.isKey ? 'property' : 'enum',
    ...(o.detail ? { detail: o.detail } : {}),
    ...(o.info ? { info: o.info } : {}),
    ...(o.isKey ? { apply: `${o.label}: ` } : {}),
  }));
  return { from: help.from, options, validFor: /^[\w-]*$/ };
}

const schemaHover = hoverTooltip((view, pos) => {
  const help = fieldAt(view.state.doc.toString(), pos);
  if (!help) return null;
  return {
    pos,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'field-help';
      dom.innerHTML = `<strong>${e(help.name)}</strong>${help.title ? ` <span class="muted">${e(help.title)}</span>` : ''}${help.description ? `<p>${e(help.description)}</p>` : ''}${help.type ? `<p class="muted">Value: ${e(help.type)}</p>` : ''}`;
      return { dom };
    },
  };
});

function createEditor(parent: HTMLElement, text: string, label: string, onChange: () => void): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        undoHistory(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        lintGutter(),
        autocompletion({ override: [schemaCompletion] }),
        schemaHover,
        keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
        }),
      ],
    }),
  });
}

function renderFindings(pane: Pane, openRule: (id: string) => void): void {
  const result = pane.result;
  const findings = result?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const notes = findings.length - errors - warnings;
  pane.count.textContent =
    findings.length === 0
      ? '✔ no findings'
      : [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`, notes && `${notes} note${notes === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  pane.count.className = `count ${errors ? 'sev-error' : warnings ? 'sev-warning' : 'clean'}`;
  pane.findingsList.replaceChildren(
    ...findings.map((f) => {
      const li = document.createElement('li');
      li.className = `finding sev-${f.severity}`;
      li.dataset.ruleId = f.ruleId;
      li.dataset.severity = f.severity;
      li.dataset.line = String(f.line);
      li.dataset.column = String(f.column);
      li.tabIndex = 0;
      li.title = `Go to line ${f.line}`;
      const ruleButton = pageRuleIds.has(f.ruleId) ? `<button type="button" class="rule-link" title="Open the rule's page">${e(f.ruleId)}</button>` : `<span class="rule-link">${e(f.ruleId)}</span>`;
      li.innerHTML = `<span class="icon" aria-label="${f.severity}">${SEVERITY_ICON[f.severity]}</span><span class="loc">${f.line}:${f.column}</span><span class="message">${e(f.message)}</span>${ruleButton}`;
      const go = () => {
        const { from, to } = rangeOf(pane.view.state.doc, f);
        pane.view.dispatch({ selection: EditorSelection.single(from, to), effects: EditorView.scrollIntoView(from, { y: 'center' }) });
        pane.view.focus();
      };
      li.addEventListener('click', (event) => {
        if ((event.target as HTMLElement).closest('button.rule-link')) openRule(f.ruleId);
        else go();
      });
      li.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && event.target === li) go();
      });
      return li;
    }),
  );
}

/** The file name a text is linted under: an HMPPS export pasted as JSON keeps a .json name, as the CLI would see it. */
function nameFor(text: string, current: string): string {
  const json = /^\s*[{[]/.test(text);
  if (json === current.endsWith('.json')) return current;
  return current.replace(/\.(ya?ml|json)$/i, '') + (json ? '.json' : '.yaml');
}

async function start(): Promise<void> {
  const linter: PageLinter = await createPageLinter();
  pageRuleIds = new Set(linter.rules.map((r) => r.meta.id).filter((id) => linter.rulePage(id) !== undefined));
  const settings: Settings = { preset: 'recommended', redact: false };
  const timings: number[] = [];

  const dialog = $<HTMLDialogElement>('rule-dialog');
  const openRule = (id: string) => {
    const page = linter.rulePage(id);
    const rule = linter.rules.find((r) => r.meta.id === id);
    $('rule-title').textContent = id;
    $('rule-page').innerHTML = page !== undefined ? markdownToHtml(page, { headingOffset: 1, skipTitle: true }) : `<p>${e(rule?.meta.description ?? '')}</p>`;
    if (!dialog.open) dialog.showModal();
    $('rule-page').scrollTop = 0;
  };
  $('rule-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
  });

  const lintPane = (pane: Pane) => {
    const text = pane.view.state.doc.toString();
    pane.fileName = nameFor(text, pane.fileName);
    // Timed from the text to what the person sees: the findings underlined and listed.
    const started = performance.now();
    pane.result = linter.lint(text, pane.fileName, settings);
    pane.view.dispatch(setDiagnostics(pane.view.state, diagnosticsOf(pane.view.state.doc, pane.result, openRule)));
    renderFindings(pane, openRule);
    timings.push(performance.now() - started);
    pane.onLinted?.();
  };
  const schedule = (pane: Pane) => {
    clearTimeout(pane.timer);
    pane.timer = setTimeout(() => lintPane(pane), LINT_DELAY_MS);
  };
  const makePane = (editorId: string, listId: string, countId: string, text: string, fileName: string, label: string): Pane => {
    const pane: Pane = { fileName, findingsList: $<HTMLOListElement>(listId), count: $(countId), view: undefined as unknown as EditorView };
    pane.view = createEditor($(editorId), text, label, () => schedule(pane));
    return pane;
  };
  const setText = (pane: Pane, text: string, fileName: string) => {
    clearTimeout(pane.timer);
    pane.fileName = fileName;
    pane.view.dispatch({ changes: { from: 0, to: pane.view.state.doc.length, insert: text }, selection: EditorSelection.cursor(0), scrollIntoView: true });
    clearTimeout(pane.timer);
    lintPane(pane);
  };

  const examples = pageData.examples;
  const exampleNamed = (name: string) => examples.find((x) => x.name === name);
  for (const id of ['example', 'left-example', 'right-example'])
    fillExamplePicker(
      $<HTMLSelectElement>(id),
      examples.map((x) => x.name),
    );

  // What the main editor starts with: a share link, else a kept draft, else an example.
  const status = $('status');
  const keep = $<HTMLInputElement>('keep');
  const storage = localStorageOrNothing();
  const draft = readDraft(storage);
  if (!storage) {
    keep.disabled = true;
    keep.parentElement!.title = 'This browser does not let the page keep anything.';
  }
  keep.checked = draft !== undefined;
  const shared = sharedText(location.hash);
  const first = exampleNamed(DEFAULT_EXAMPLE) ?? examples[0];
  const initial =
    shared && 'text' in shared
      ? { text: shared.text, fileName: nameFor(shared.text, 'shared.yaml') }
      : draft
        ? { text: draft.text, fileName: draft.fileName }
        : { text: first?.text ?? '', fileName: first?.name ?? 'draft.yaml' };
  if (shared && 'problem' in shared) status.textContent = shared.problem;

  const main = makePane('editor', 'findings', 'count', initial.text, initial.fileName, 'Case file');
  const picker = $<HTMLSelectElement>('example');
  const note = $('note');
  const showNote = (name: string | undefined) => {
    const example = name ? exampleNamed(name) : undefined;
    picker.value = example ? example.name : '';
    note.innerHTML = example ? `<strong>${e(example.name)}</strong>: ${e(example.note)}` : shared && 'text' in shared ? 'Opened from a share link.' : draft ? 'Your kept draft.' : '';
  };
  showNote(shared || draft ? undefined : first?.name);
  main.onLinted = () => {
    if (keep.checked && storage) writeDraft(storage, main.view.state.doc.toString(), main.fileName);
  };

  picker.addEventListener('change', () => {
    const example = exampleNamed(picker.value);
    if (!example) return;
    setText(main, example.text, example.name);
    showNote(example.name);
  });

  keep.addEventListener('change', () => {
    if (!storage) return;
    if (keep.checked) writeDraft(storage, main.view.state.doc.toString(), main.fileName);
    else storage.removeItem(DRAFT_KEY);
    status.textContent = keep.checked ? 'Your draft is kept in this browser on this computer, and nowhere else.' : 'Nothing is kept: closing the page forgets the draft.';
  });

  // Share: the text goes in the URL fragment only, which a browser never sends anywhere.
  const shareBox = $<HTMLInputElement>('share-link');
  $('share').addEventListener('click', () => {
    const hash = `#${SHARE_PREFIX}${encodeShared(main.view.state.doc.toString())}`;
    history.replaceState(null, '', hash);
    shareBox.value = location.href;
    shareBox.hidden = false;
    shareBox.select();
    status.textContent = settings.redact
      ? 'The link carries the whole text, names included (redaction changes the findings, not the text). Copy it from the box.'
      : 'The link carries the whole text in its # part, which browsers never send to a server. Copy it from the box.';
  });
  window.addEventListener('hashchange', () => {
    const next = sharedText(location.hash);
    if (!next) return;
    if ('problem' in next) {
      status.textContent = next.problem;
      return;
    }
    showMode('edit');
    setText(main, next.text, nameFor(next.text, 'shared.yaml'));
    showNote(undefined);
    note.textContent = 'Opened from a share link.';
  });

  // Compare: two editors side by side, the rules that differ first.
  const left = makePane('editor-left', 'findings-left', 'count-left', exampleNamed('lisa-good.yaml')?.text ?? '', 'lisa-good.yaml', 'Left case file');
  const right = makePane('editor-right', 'findings-right', 'count-right', exampleNamed('lisa-poor.yaml')?.text ?? '', 'lisa-poor.yaml', 'Right case file');
  $<HTMLSelectElement>('left-example').value = 'lisa-good.yaml';
  $<HTMLSelectElement>('right-example').value = 'lisa-poor.yaml';
  const renderDiff = () => renderRuleDiff($('rule-diff'), left, right, openRule);
  left.onLinted = renderDiff;
  right.onLinted = renderDiff;
  for (const [pane, id] of [
    [left, 'left-example'],
    [right, 'right-example'],
  ] as const) {
    const select = $<HTMLSelectElement>(id);
    select.addEventListener('change', () => {
      const example = exampleNamed(select.value);
      if (example) setText(pane, example.text, example.name);
    });
  }

  // Report: the CLI's --format html report of what is in the editors, printable.
  const frame = $<HTMLIFrameElement>('report-frame');
  let mode: 'edit' | 'compare' | 'report' = 'edit';
  let reportOf: 'edit' | 'compare' = 'edit';
  const renderReport = () => {
    const results = reportOf === 'compare' ? [left.result, right.result] : [main.result];
    frame.srcdoc = linter.report(
      results.filter((r): r is FileResult => r !== undefined),
      settings,
    );
  };
  frame.addEventListener('load', () => {
    const doc = frame.contentDocument;
    if (doc) frame.style.height = `${Math.max(doc.documentElement.scrollHeight, 400)}px`;
  });
  $('print').addEventListener('click', () => frame.contentWindow?.print());

  const showMode = (next: typeof mode) => {
    if (next === 'report') reportOf = mode === 'report' ? reportOf : mode;
    mode = next;
    for (const m of ['edit', 'compare', 'report'] as const) {
      $(`${m}-view`).hidden = m !== next;
      $(`tab-${m}`).setAttribute('aria-selected', String(m === next));
    }
    document.body.dataset.mode = next;
    if (next === 'compare') {
      lintPane(left);
      lintPane(right);
    }
    if (next === 'report') renderReport();
    // An editor measures itself when shown.
    for (const pane of next === 'compare' ? [left, right] : next === 'edit' ? [main] : []) pane.view.requestMeasure();
  };
  for (const m of ['edit', 'compare', 'report'] as const) $(`tab-${m}`).addEventListener('click', () => showMode(m));

  const relintAll = () => {
    for (const pane of mode === 'compare' ? [left, right] : [main]) lintPane(pane);
    if (mode === 'report') {
      if (reportOf === 'compare') [left, right].forEach(lintPane);
      else lintPane(main);
      renderReport();
    }
  };
  $<HTMLSelectElement>('preset').addEventListener('change', (event) => {
    settings.preset = (event.target as HTMLSelectElement).value as PresetName;
    relintAll();
  });
  $<HTMLInputElement>('redact').addEventListener('change', (event) => {
    settings.redact = (event.target as HTMLInputElement).checked;
    relintAll();
  });

  $('version').textContent = `planlint ${pageData.version}`;
  lintPane(main);
  document.body.dataset.ready = 'true';

  // For tests, benchmarks and people's own scripts: the page's engine, and how long each lint took.
  Object.assign(window, {
    planlintPlayground: {
      lint: (text: string, fileName = 'draft.yaml') => linter.lint(text, fileName, settings),
      /** The main editor's text. */
      text: () => main.view.state.doc.toString(),
      /** How long each lint took, from the text to the findings underlined and listed, in milliseconds. */
      timings,
    },
  });
}

function fillExamplePicker(select: HTMLSelectElement, names: string[]): void {
  const group = (label: string, test: (name: string) => boolean) => {
    const members = names.filter(test);
    if (members.length === 0) return undefined;
    const optgroup = document.createElement('optgroup');
    optgroup.label = label;
    optgroup.append(...members.map((name) => new Option(name, name)));
    return optgroup;
  };
  const isExport = (n: string) => n.startsWith('hmpps/');
  select.append(
    ...[group('Good practice', (n) => !isExport(n) && n.includes('good')), group('Poor practice', (n) => !isExport(n) && !n.includes('good')), group('HMPPS exports (JSON)', isExport)].filter(
      (g): g is HTMLOptGroupElement => g !== undefined,
    ),
  );
}

/** The rules that fire on one side and not the other (or more often) first, then those both share. */
function renderRuleDiff(table: HTMLElement, left: Pane, right: Pane, openRule: (id: string) => void): void {
  const counts = new Map<string, [number, number]>();
  for (const [side, pane] of [left, right].entries()) {
    for (const f of pane.result?.findings ?? []) {
      const entry = counts.get(f.ruleId) ?? [0, 0];
      entry[side]!++;
      counts.set(f.ruleId, entry);
    }
  }
  const rows = [...counts.entries()].sort(([a, [al, ar]], [b, [bl, br]]) => Number(al === ar) - Number(bl === br) || Math.abs(br - bl) - Math.abs(ar - al) || a.localeCompare(b));
  const differ = rows.filter(([, [l, r]]) => l !== r).length;
  const cell = (n: number) => (n === 0 ? '<td class="num none">–</td>' : `<td class="num">${n}</td>`);
  table.innerHTML = `<caption>${differ === 0 ? (rows.length ? 'The same rules fire on both.' : 'No rule fires on either.') : `${differ} rule${differ === 1 ? '' : 's'} differ${differ === 1 ? 's' : ''}`}</caption>
<thead><tr><th scope="col">Rule</th><th scope="col" class="num" title="${e(left.fileName)}">Left</th><th scope="col" class="num" title="${e(right.fileName)}">Right</th></tr></thead>
<tbody>${rows
    .map(
      ([id, [l, r]]) =>
        `<tr class="${l === r ? 'same' : 'differs'}" data-rule-id="${e(id)}"><th scope="row">${pageRuleIds.has(id) ? `<button type="button" class="rule-link" title="${e(id)}: open the rule's page">${e(id)}</button>` : e(id)}</th>${cell(l)}${cell(r)}</tr>`,
    )
    .join('')}</tbody>`;
  for (const button of table.querySelectorAll<HTMLButtonElement>('button.rule-link')) button.addEventListener('click', () => openRule(button.textContent ?? ''));
}

function sharedText(hash: string): { text: string } | { problem: string } | undefined {
  if (!hash.startsWith(`#${SHARE_PREFIX}`)) return undefined;
  const text = decodeShared(hash.slice(SHARE_PREFIX.length + 1));
  return text === undefined ? { problem: 'This share link is damaged (its text is not valid base64url of UTF-8): the page opened without it.' } : { text };
}

function localStorageOrNothing(): Storage | undefined {
  try {
    const storage = window.localStorage;
    storage.getItem(DRAFT_KEY);
    return storage;
  } catch {
    return undefined; // storage turned off: the tick box is disabled
  }
}

function readDraft(storage: Storage | undefined): { text: string; fileName: string } | undefined {
  const raw = storage?.getItem(DRAFT_KEY);
  if (!raw) return undefined;
  try {
    const draft = JSON.parse(raw) as { text?: unknown; fileName?: unknown };
    return typeof draft.text === 'string' ? { text: draft.text, fileName: typeof draft.fileName === 'string' ? draft.fileName : 'draft.yaml' } : undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(storage: Storage, text: string, fileName: string): void {
  try {
    storage.setItem(DRAFT_KEY, JSON.stringify({ text, fileName }));
  } catch {
    // full or refused: the draft is simply not kept
  }
}

start().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
