/**
 * `--format html`: one self-contained page for people — a trainer's projector, a supervisor's
 * printout. For each file: the case as a timeline with each finding where it happens (its source
 * lines a click away), the rules passed and failed, and the whole file, collapsed; then each rule
 * that fired, explained, collapsed. Each finding appears once. No script, no network, no external
 * assets: everything from the case file is escaped, and a Content-Security-Policy forbids script
 * even if something slipped through.
 */
import type { CaseModel } from '../model/case-model.js';
import { entryForLine } from '../model/case-timeline.js';
import type { CaseView, TimelineEntry } from '../model/case-timeline.js';
import { formatDate } from '../core/dates.js';
import { relativeDisplayPath } from '../core/paths.js';
import { ENGINE_RULE_IDS } from '../core/findings.js';
import { formatGuidance } from '../core/guidance.js';
import type { FileResult, Finding } from '../core/findings.js';
import { escapeHtml, markdownToHtml } from './markdown-html.js';
import { allRuleOutcomes, describeCounts, describeNeeds, notRunSummary } from '../core/rule-outcomes.js';
import type { RuleOutcome } from '../core/rule-outcomes.js';
import { ruleDoc } from './rule-docs.js';
import type { Formatter, FormatterContext, RuleSummary } from './types.js';

const e = escapeHtml;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const SEVERITY_WORD: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };
const KIND_LABEL: Record<TimelineEntry['kind'], string> = {
  sentence: 'Sentence',
  release: 'Release',
  assessment: 'Assessment',
  plan: 'Plan',
  contact: 'Contact',
  review: 'Review',
  officer: 'Officer',
  'contact-level': 'Contact level',
  event: 'Event',
  end: 'End',
};

/**
 * The parts of a rule's page a report explains it with: why it matters, what poor and good look
 * like, how to record a judgement. What it checks field by field, and its options, are for
 * developers: they stay on the rule's page and in `planlint explain`.
 */
const EXPLAINED_SECTIONS = ['Why it matters', 'Poor', 'Good', 'Recording a professional judgement'];

/** The most source lines a finding shows under its message; the whole file is a click further. */
const SNIPPET_LINES = 6;

/** Everything the report shows about one file, gathered once. */
export interface FileReport {
  result: FileResult;
  /** The path as shown to people: relative to where planlint ran. */
  label: string;
  /** The file's text, when the engine attached it (see formatterNeeds in index.ts). */
  source?: string;
  /** Left without source and timeline because the report is to be shared (--redact). */
  redacted?: boolean;
  cases: CaseView[];
  outcomes: RuleOutcome[];
  counts: { errors: number; warnings: number; notes: number };
}

/**
 * What the report shows about a linted file: its findings, and the source and case timelines the
 * engine attached. Text that was not linted (too large, binary, gone, standard input) has none.
 */
export function buildFileReport(result: FileResult, cwd: string, redact = false): FileReport {
  const label = relativeDisplayPath(result.filePath, cwd);
  const counts = {
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    notes: result.findings.filter((f) => f.severity === 'info').length,
  };
  const report: FileReport = { result, label, cases: [], outcomes: allRuleOutcomes(result), counts };
  if (result.findings.some((f) => f.ruleId === ENGINE_RULE_IDS.input)) return report;
  // A report to be shared (--redact) shows findings only: the source and timeline are the case itself.
  if (redact || result.redacted) {
    report.redacted = true;
    return report;
  }
  const attached = result.attachments;
  if (attached?.source === undefined) return report;
  report.source = attached.source;
  report.cases = attached.cases ?? [];
  return report;
}

/** Ids used in the page are built from numbers and rule ids only, never from case file text. */
export const ruleAnchor = (id: string) => `rule-${id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
const findingAnchor = (file: string, i: number) => `${file}-finding-${i + 1}`;
const lineAnchor = (file: string, line: number) => `${file}-L${line}`;
const isEngineId = (id: string) => Object.values(ENGINE_RULE_IDS).includes(id as never);

/** The first sentence of a message: what is wrong, without the advice. */
export function firstSentence(message: string): string {
  const match = /^(.+?[.?!])(\s|$)/.exec(message);
  return match ? match[1]! : message;
}

/**
 * A path that wraps only after a slash, never inside a name ("lisa-|poor.yaml"): each part is kept
 * whole, with a break opportunity after each `/`. A part too long for any line may still break.
 */
export function pathHtml(path: string): string {
  const parts = path.split('/');
  return parts
    .map((part, i) => {
      const text = e(part + (i < parts.length - 1 ? '/' : ''));
      return part.length <= 48 ? `<span class="nowrap">${text}</span>` : text;
    })
    .join('<wbr>');
}

/** The source's lines, without the empty one after a final newline. */
export function sourceLines(source: string): string[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function verdictLine(report: FileReport): string {
  const { errors, warnings } = report.counts;
  const rules = rulesPassedWords(report.outcomes);
  const verdict =
    errors + warnings === 0
      ? `<p class="verdict verdict-pass"><span aria-hidden="true">✔</span> No problems found · ${rules}</p>`
      : `<p class="verdict ${errors ? 'verdict-fail' : 'verdict-warn'}"><span aria-hidden="true">${errors ? '✖' : '⚠'}</span> ${plural(errors, 'error')} · ${plural(warnings, 'warning')} · ${rules}</p>`;
  return `${verdict}${notRunNote(report.result)}`;
}

/** "12 of 14 rules passed · 15 not run": rules not run are never counted as passed, nor left unsaid. */
export function rulesPassedWords(outcomes: readonly RuleOutcome[]): string {
  const judged = outcomes.filter((o) => o.status !== 'not-run');
  const notRun = outcomes.length - judged.length;
  const passed = judged.filter((o) => o.status === 'passed').length;
  const rules = judged.length ? `${passed} of ${plural(judged.length, 'rule')} passed` : 'no rules could run';
  return notRun ? `${rules} · ${notRun} not run` : rules;
}

/** The file's rules that could not run, said once under its verdict. */
export function notRunNote(result: FileResult): string {
  if (!result.notRun) return '';
  return `<p class="not-run-note"><span aria-hidden="true">ℹ</span> ${e(notRunSummary(result.notRun))} ${e(result.notRun.remedy)}</p>`;
}

/** Who the case is about, in one line: name, reference, sentence, risk. */
export function caseLine(model: CaseModel): string {
  const parts: string[] = [];
  if (model.person?.name) parts.push(`<strong>${e(model.person.name)}</strong>`);
  parts.push(`<span class="ref">${e(model.ref)}</span>`);
  const s = model.sentence;
  if (s) {
    const type = s.type.replace(/-/g, ' ');
    parts.push(`${e(type.charAt(0).toUpperCase() + type.slice(1))}${s.lengthMonths ? `, ${s.lengthMonths} months` : ''} from ${e(formatDate(s.startDate))}`);
    if (s.riskOfSeriousHarm) parts.push(`${e(s.riskOfSeriousHarm.replace(/-/g, ' '))} risk of serious harm`);
  }
  return `<p class="case-line">${parts.join(' <span class="sep" aria-hidden="true">·</span> ')}</p>`;
}

/** Marks the columns findings point at on one line, escaping every piece of text around them. */
function markLine(text: string, spans: { from: number; to: number; severity: Finding['severity'] }[]): string {
  if (spans.length === 0) return e(text);
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const merged: typeof spans = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) {
      last.to = Math.max(last.to, span.to);
      if (span.severity === 'error') last.severity = 'error';
    } else {
      merged.push({ ...span });
    }
  }
  let html = '';
  let at = 0;
  for (const { from, to, severity } of merged) {
    html += e(text.slice(at, from)) + `<mark class="sev-${severity}">${e(text.slice(from, to))}</mark>`;
    at = to;
  }
  return html + e(text.slice(at));
}

/** The columns of `line` a finding points at, for marking. */
function spanOn(f: Finding, line: number, text: string): { from: number; to: number; severity: Finding['severity'] } | undefined {
  if (line < f.line || line > Math.max(f.line, f.endLine)) return undefined;
  const indent = text.length - text.trimStart().length;
  const from = line === f.line ? Math.min(Math.max(f.column - 1, 0), text.length) : indent;
  let to = f.endLine === line ? Math.min(Math.max(f.endColumn - 1, from + 1), text.length) : text.trimEnd().length;
  // A finding about a whole section points at its first character; underline the line's text.
  if (to - from <= 1) to = text.trimEnd().length;
  return to > from ? { from, to, severity: f.severity } : undefined;
}

/**
 * Where each finding goes: on the timeline entry that holds its line, or in the list of findings
 * not tied to a date (notes, and anything outside every entry). Each finding is placed once.
 */
export interface Placement {
  /** For each case, by entry index, the indexes of its findings (in line order). */
  byCase: Map<number, number[]>[];
  loose: number[];
}

export function placeFindings(report: FileReport): Placement {
  const findings = report.result.findings;
  const byCase = report.cases.map(() => new Map<number, number[]>());
  const loose: number[] = [];
  findings.forEach((f, i) => {
    // Notes (a rule that could not run, say) are about the file, not a moment in the case.
    if (f.severity !== 'info') {
      for (const [c, { timeline }] of report.cases.entries()) {
        const entry = entryForLine(timeline, f.line);
        if (entry === undefined) continue;
        const map = byCase[c]!;
        map.set(entry, [...(map.get(entry) ?? []), i]);
        return;
      }
    }
    loose.push(i);
  });
  return { byCase, loose };
}

/** The finding's own lines (with the line above for context), its columns marked. */
function renderSnippet(report: FileReport, fileId: string, f: Finding, lines: string[]): string {
  const last = Math.min(Math.max(f.line, f.endLine), f.line + SNIPPET_LINES - 1, lines.length);
  const first = Math.max(1, f.line - 1);
  const rows: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = lines[line - 1] ?? '';
    const span = spanOn(f, line, text);
    rows.push(`<tr class="line${span ? ` has-finding sev-${f.severity}` : ''}"><td class="ln">${line}</td><td class="code"><code>${markLine(text, span ? [span] : [])}</code></td></tr>`);
  }
  const more = Math.max(f.line, f.endLine) > last ? `<p class="snippet-more muted">The finding goes on to line ${Math.max(f.line, f.endLine)}.</p>` : '';
  return `<table class="source snippet"><tbody>${rows.join('')}</tbody></table>${more}<p class="snippet-link"><a href="#${lineAnchor(fileId, f.line)}">Line ${f.line} in the whole file</a></p>`;
}

export interface FindingOptions {
  /** Show the message's first sentence, with the rest (what to do) under the source link: for narrow columns. */
  brief?: boolean;
  /** The finding before it in the same list shows the same lines: on paper, say so rather than print them twice. */
  sameLinesAsPrevious?: boolean;
}

/**
 * One finding, the only place the page shows it: what is wrong and what to do, the rule (linked
 * to its explanation), and its source lines behind a click. `data-*` attributes let tests and
 * people's scripts read it.
 */
export function renderFinding(report: FileReport, fileId: string, index: number, lines?: string[], options: FindingOptions = {}): string {
  const f = report.result.findings[index]!;
  const rule = isEngineId(f.ruleId) ? `<span class="rule-link">${e(f.ruleId)}</span>` : `<a class="rule-link" href="#${ruleAnchor(f.ruleId)}" title="What this rule asks for">${e(f.ruleId)}</a>`;
  // Brief: what is wrong in view, what to do behind the click with the source (the message is still shown once, whole).
  const lead = options.brief ? firstSentence(f.message) : f.message;
  const advice = options.brief ? f.message.slice(lead.length).trim() : '';
  const head = `<p class="finding-text"><span class="sev sev-${f.severity}"><span aria-hidden="true">${SEVERITY_ICON[f.severity]}</span> ${SEVERITY_WORD[f.severity]}</span> <span class="message">${e(lead)}</span> ${rule}</p>`;
  const where = f.endLine > f.line ? `Lines ${f.line}–${f.endLine}` : `Line ${f.line}`;
  const adviceHtml = advice ? `<p class="advice">${e(advice)}</p>` : '';
  const hasLines = lines !== undefined && f.line >= 1 && f.line <= lines.length;
  const source = hasLines
    ? `<details class="finding-source${options.sameLinesAsPrevious ? ' repeat' : ''}"><summary>${where} <span class="muted">· ${advice ? 'what to do, and the source' : 'the source'}</span>${options.sameLinesAsPrevious ? '<span class="print-only muted"> (as above)</span>' : ''}</summary>${adviceHtml}${renderSnippet(report, fileId, f, lines)}</details>`
    : `${adviceHtml}<p class="finding-where muted">${where}, column ${f.column}</p>`;
  return `<li class="finding sev-${f.severity}" id="${findingAnchor(fileId, index)}" data-rule-id="${e(f.ruleId)}" data-severity="${f.severity}" data-line="${f.line}">${head}${source}</li>`;
}

/** Findings in a list, each once; one that shows the same lines as the one before says so on paper. */
export function renderFindingList(report: FileReport, fileId: string, indexes: number[], lines: string[] | undefined, options: FindingOptions = {}): string {
  const findings = report.result.findings;
  const items = indexes.map((i, k) => {
    const before = k > 0 ? findings[indexes[k - 1]!]! : undefined;
    const f = findings[i]!;
    const sameLinesAsPrevious = before?.line === f.line && before.endLine === f.endLine;
    return renderFinding(report, fileId, i, lines, { ...options, sameLinesAsPrevious });
  });
  return `<ul class="tl-findings">${items.join('')}</ul>`;
}

/** A timeline entry's own content: kind, title (linked to its line), details and its findings. */
export function renderEntryBody(entry: TimelineEntry, report: FileReport, fileId: string, own: number[], lines: string[] | undefined, options: FindingOptions = {}): string {
  const details = entry.details.map((d, k) => (k === 0 && entry.outcome ? `<span class="pill outcome-${entry.outcome}">${e(d)}</span>` : `<span>${e(d)}</span>`));
  const title = lines ? `<a class="tl-title" href="#${lineAnchor(fileId, entry.range.line)}" title="Line ${entry.range.line} in the whole file">${e(entry.title)}</a>` : `<span class="tl-title">${e(entry.title)}</span>`;
  const marks = own.length ? renderFindingList(report, fileId, own, lines, options) : '';
  return `<p class="tl-head"><span class="tl-kind">${KIND_LABEL[entry.kind]}</span> ${title}</p>${details.length ? `<p class="tl-details">${details.join('<span class="sep" aria-hidden="true"> · </span>')}</p>` : ''}${marks}`;
}

/** The class that colours an entry by its worst finding. */
export function worstClass(report: FileReport, own: number[]): string {
  const findings = report.result.findings;
  return own.some((i) => findings[i]!.severity === 'error') ? ' has-error' : own.some((i) => findings[i]!.severity === 'warning') ? ' has-warning' : '';
}

/** Why a file has no timeline, in words. */
export function noTimelineWhy(report: FileReport): string {
  return report.redacted
    ? 'This report is redacted for sharing, so the timeline and source are left out.'
    : report.source === undefined
      ? 'The file could not be read again for this report, so its timeline and source are not shown.'
      : 'No document in this file could be read as a case (see the findings), so there is no timeline to show.';
}

function renderTimeline(report: FileReport, fileId: string, placement: Placement): string {
  const lines = report.source === undefined ? undefined : sourceLines(report.source);
  const parts: string[] = [];
  if (report.cases.length === 0) parts.push(`<p class="empty">${noTimelineWhy(report)}</p>`);
  report.cases.forEach(({ model, timeline }, c) => {
    const byEntry = placement.byCase[c]!;
    if (report.cases.length > 1) parts.push(`<h4 class="case-title">Case ${e(model.ref)}</h4>`);
    const items = timeline.map((entry, n) => {
      const own = byEntry.get(n) ?? [];
      const outcome = entry.outcome ? ` outcome-${entry.outcome}` : '';
      return `<li class="tl kind-${entry.kind}${outcome}${worstClass(report, own)}">
  <div class="tl-date"><time datetime="${e(entry.date)}">${e(formatDate(entry.date))}</time>${entry.time ? `<span class="tl-time">${e(entry.time)}</span>` : ''}</div>
  <div class="tl-dot" aria-hidden="true"></div>
  <div class="tl-body">${renderEntryBody(entry, report, fileId, own, lines)}</div>
</li>`;
    });
    parts.push(`<ol class="timeline" aria-label="Timeline of case ${e(model.ref)}">${items.join('\n')}</ol>`);
  });
  if (placement.loose.length) {
    const title = report.cases.length ? 'Not tied to a date' : 'Findings';
    parts.push(`<div class="loose"><h4 class="loose-title">${title}</h4>${renderFindingList(report, fileId, placement.loose, lines)}</div>`);
  } else if (report.result.findings.length === 0) {
    parts.push('<p class="empty good">No findings: every rule that checked this file passed.</p>');
  }
  return parts.join('\n');
}

function renderRulesChecked(report: FileReport, rules: readonly RuleSummary[] | undefined): string {
  if (report.outcomes.length === 0) return '<p class="empty">No rules could check this file: fix the problems in the findings first.</p>';
  const describe = (id: string) => rules?.find((r) => r.id === id)?.description ?? '';
  const sorted = (['failed', 'noted', 'passed', 'not-run'] as const).flatMap((status) => report.outcomes.filter((o) => o.status === status));
  const rows = sorted.map((o) => {
    const failed = o.status === 'failed';
    const sev = o.errors ? 'error' : 'warning';
    const mark = failed
      ? `<span class="pill sev-${sev}"><span aria-hidden="true">${o.errors ? '✖' : '⚠'}</span> failed</span>`
      : o.status === 'noted'
        ? '<span class="pill sev-info"><span aria-hidden="true">ℹ</span> note</span>'
        : o.status === 'not-run'
          ? '<span class="pill not-run"><span aria-hidden="true">–</span> not run</span>'
          : '<span class="pill pass"><span aria-hidden="true">✔</span> passed</span>';
    const counts = o.status === 'not-run' ? `needs ${describeNeeds(o.needs ?? [])}` : describeCounts(o);
    // A failed rule's description heads its explanation, one click away; a passed rule's is said here.
    const explained = failed && !isEngineId(o.id);
    const id = explained ? `<a href="#${ruleAnchor(o.id)}">${e(o.id)}</a>` : e(o.id);
    const desc = explained ? '' : `<span class="rule-desc">${e(describe(o.id))}</span>`;
    return `<li class="rule-row ${o.status}">${mark}<span class="rule-id">${id}${counts ? ` <span class="muted nowrap">(${e(counts)})</span>` : ''}</span>${desc}</li>`;
  });
  return `<ul class="rules-checked">${rows.join('\n')}</ul>`;
}

/**
 * The whole file, collapsed: each line numbered and anchored (timeline entries and findings link
 * here), the columns findings point at marked, and a link back from each marked line to its
 * findings. The findings' words are not repeated here.
 */
export function renderWholeSource(report: FileReport, fileId: string, options: { title?: string } = {}): string {
  const heading = options.title ?? 'The whole file';
  if (report.redacted || report.source === undefined) return '';
  const findings = report.result.findings;
  const lines = sourceLines(report.source);
  const rows = lines.map((text, n) => {
    const line = n + 1;
    const own = findings.flatMap((f, i) => (line >= f.line && line <= Math.max(f.line, f.endLine) ? [i] : []));
    const spans = own.map((i) => spanOn(findings[i]!, line, text)).filter((s) => s !== undefined);
    const sev = own.some((i) => findings[i]!.severity === 'error') ? ' sev-error' : own.length ? ` sev-${findings[own[0]!]!.severity}` : '';
    const starts = own.filter((i) => findings[i]!.line === line);
    const back = starts
      .map(
        (i) =>
          `<a class="back sev-${findings[i]!.severity}" href="#${findingAnchor(fileId, i)}" aria-label="Back to the finding (${e(findings[i]!.ruleId)})" title="${e(findings[i]!.ruleId)}">${SEVERITY_ICON[findings[i]!.severity]}</a>`,
      )
      .join('');
    return `<tr class="line${own.length ? ' has-finding' : ''}${sev}" id="${lineAnchor(fileId, line)}"><td class="ln"><a href="#${lineAnchor(fileId, line)}">${line}</a></td><td class="code"><code>${markLine(text, spans)}</code>${back ? ` <span class="backs">${back}</span>` : ''}</td></tr>`;
  });
  return `<details class="panel source-details" id="${fileId}-source"><summary><h3>${e(heading)}</h3> <span class="muted">(${plural(lines.length, 'line')}, findings marked)</span></summary><div class="source-wrap"><table class="source"><tbody>${rows.join('\n')}</tbody></table></div></details>`;
}

/**
 * One file's part of the page. `compact` leaves out the rule list, for a narrow column.
 */
export function renderFileSection(report: FileReport, index: number, context: Pick<FormatterContext, 'rules'>, options: { compact?: boolean } = {}): string {
  const fileId = `f${index + 1}`;
  const model = report.cases[0]?.model;
  const placement = placeFindings(report);
  const hasSource = !report.redacted && report.source !== undefined;
  const jump = [['timeline', `Timeline and findings (${report.result.findings.length})`], ...(options.compact ? [] : [['rules', 'Rules checked']]), ...(hasSource ? [['source', 'The whole file']] : [])];
  return `<section class="file" id="${fileId}" aria-labelledby="${fileId}-title">
<header class="file-head">
  <h2 id="${fileId}-title"><span class="file-icon" aria-hidden="true">▤</span> ${pathHtml(report.label)}</h2>
  ${model ? caseLine(model) : ''}
  ${verdictLine(report)}
  <nav class="jump" aria-label="Parts of this file's report">${jump.map(([id, text]) => `<a href="#${fileId}-${id}">${text}</a>`).join('')}</nav>
</header>
<div class="${options.compact ? 'file-body compact' : 'file-body'}">
  <section class="panel timeline-panel" id="${fileId}-timeline" aria-labelledby="${fileId}-timeline-title"><h3 id="${fileId}-timeline-title">Timeline and findings</h3>${renderTimeline(report, fileId, placement)}</section>
  ${options.compact ? '' : `<section class="panel rules-panel" id="${fileId}-rules" aria-labelledby="${fileId}-rules-title"><h3 id="${fileId}-rules-title">Rules checked</h3>${renderRulesChecked(report, context.rules)}</section>`}
</div>
${renderWholeSource(report, fileId)}
</section>`;
}

/**
 * Each rule that fired, explained from its page in rules/ (or its one-line description), each
 * collapsed under its name and what it asks for. No option tables: those are for developers.
 */
export function renderExplanations(reports: FileReport[], { rules, ruleDocs, ruleDocUrl }: Pick<FormatterContext, 'rules' | 'ruleDocs' | 'ruleDocUrl'>): string {
  const fired = [...new Set(reports.flatMap((r) => r.result.findings.map((f) => f.ruleId)))].filter((id) => !isEngineId(id)).sort();
  if (fired.length === 0) return '';
  const articles = fired.map((id) => {
    const rule = rules?.find((r) => r.id === id);
    const summary = rule?.description ?? '';
    const doc = ruleDoc(id, ruleDocs);
    // The report shows no page's metadata table, so the guidance is cited here for every rule.
    const guidance = formatGuidance(rule?.guidance, { markdown: true });
    // The citation's one piece of markdown is the publication's title in italics.
    const source = guidance ? `<p class="rule-source">Guidance: ${e(guidance).replace(/\*([^*]+)\*/g, '<em>$1</em>')}</p>` : '';
    // The rule's page in the installed package (file:, so it opens offline), or a plugin rule's own page.
    const url = ruleDocUrl?.(id);
    const link = url && /^(https?|file):/i.test(url) ? `<p class="rule-page"><a href="${e(url)}">The rule's page</a></p>` : '';
    const body = doc
      ? EXPLAINED_SECTIONS.filter((heading) => doc.sections.get(heading))
          .map((heading) => `<h4>${e(heading)}</h4>${markdownToHtml(doc.sections.get(heading)!, { headingOffset: 3 })}`)
          .join('\n')
      : '';
    const lead = summary ? ` <span class="explanation-lead">${e(summary)}</span>` : '';
    // A rule without a page (a plugin's) has only its description: nothing to open.
    if (!body) return `<div class="explanation" id="${ruleAnchor(id)}"><h3><code>${e(id)}</code></h3>${lead}${source}${link}</div>`;
    // The anchor is inside the collapsed part: following a link to it opens the explanation (a link to the <details> itself would not).
    return `<details class="explanation"><summary><h3><code>${e(id)}</code></h3>${lead}</summary><div class="explanation-body" id="${ruleAnchor(id)}">${body}${source}${link}</div></details>`;
  });
  return `<section class="explanations" id="explanations" aria-labelledby="explanations-title">
<h2 id="explanations-title">What the rules ask for</h2>
<p class="muted">Each rule that found something in this report<span class="screen-only">: open one for why it matters, what poor and good look like, and how to record a professional judgement. Developers: <code>planlint explain &lt;rule&gt;</code> shows a rule's options.</span><span class="print-only">, and what it asks for. <code>planlint explain &lt;rule&gt;</code> says why it matters, what poor and good look like, and how to record a professional judgement.</span></p>
${articles.join('\n')}
</section>`;
}

function totalsOf(reports: FileReport[]) {
  return {
    files: reports.length,
    errors: reports.reduce((n, r) => n + r.counts.errors, 0),
    warnings: reports.reduce((n, r) => n + r.counts.warnings, 0),
    clean: reports.filter((r) => r.counts.errors + r.counts.warnings === 0).length,
  };
}

export function renderTotals(reports: FileReport[]): string {
  const t = totalsOf(reports);
  const card = (value: number, label: string, cls: string) => `<div class="stat ${cls}"><span class="stat-value">${value}</span><span class="stat-label">${label}</span></div>`;
  return `<div class="stats" role="group" aria-label="Totals">${card(t.files, t.files === 1 ? 'file checked' : 'files checked', 'neutral')}${card(t.errors, t.errors === 1 ? 'error' : 'errors', t.errors ? 'sev-error' : 'neutral')}${card(t.warnings, t.warnings === 1 ? 'warning' : 'warnings', t.warnings ? 'sev-warning' : 'neutral')}${card(t.clean, t.clean === 1 ? 'file with no problems' : 'files with no problems', 'pass')}</div>`;
}

function renderContents(reports: FileReport[]): string {
  if (reports.length < 2) return '';
  const rows = reports.map((r, i) => {
    const { errors, warnings } = r.counts;
    const result = errors + warnings === 0 ? '<span class="pill pass">✔ clean</span>' : `<span class="pill sev-${errors ? 'error' : 'warning'}">${errors ? '✖' : '⚠'} ${plural(errors + warnings, 'problem')}</span>`;
    const judged = r.outcomes.filter((o) => o.status !== 'not-run');
    const passed = judged.filter((o) => o.status === 'passed').length;
    const notRun = r.outcomes.length - judged.length;
    const who = r.cases[0]?.model.person?.name;
    return `<tr><td><a href="#f${i + 1}">${pathHtml(r.label)}</a>${who ? ` <span class="muted">${e(who)}</span>` : ''}</td><td>${result}</td><td class="num">${errors}</td><td class="num">${warnings}</td><td class="num">${judged.length ? `${passed}/${judged.length}` : '–'}${notRun ? ` <span class="muted">(${notRun} not run)</span>` : ''}</td></tr>`;
  });
  return `<nav class="contents panel" aria-label="Files in this report"><h2>Files</h2><table class="contents-table"><thead><tr><th scope="col">File</th><th scope="col">Result</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Rules passed</th></tr></thead><tbody>${rows.join('')}</tbody></table></nav>`;
}

/** The page around a report: head, style, and a policy that allows no script and no fetches. */
export function renderPage(title: string, body: string, options: { landscape?: boolean; styles?: string } = {}): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="planlint">
<title>${e(title)}</title>
<style>${STYLES}${options.styles ?? ''}${options.landscape ? '@page { size: A4 landscape; }' : ''}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
${body}
<footer class="page-foot"><p>Made by planlint. This page works offline and loads nothing from the network; the files it describes were not changed. It quotes case files: handle it as you would the case record.</p></footer>
</body>
</html>
`;
}

export const formatHtml: Formatter = (results, context) => {
  const reports = results.map((r) => buildFileReport(r, context.cwd, context.redact ?? false));
  const t = totalsOf(reports);
  const problems = t.errors + t.warnings;
  const lead =
    problems === 0 ? `No problems found in ${plural(t.files, 'file')}.` : t.files === 1 ? `${plural(problems, 'problem')} found.` : `${plural(problems, 'problem')} in ${t.files - t.clean} of ${t.files} files.`;
  const body = `<header class="report-head">
<p class="brand">planlint</p>
<h1>Sentence plan report</h1>
<p class="lead">${e(lead)} Each finding is shown once, on the case timeline where it happens; open it for its lines in the source. The rules that fired are explained at the end.</p>
${renderTotals(reports)}
</header>
<main id="main">
${renderContents(reports)}
${reports.map((r, i) => renderFileSection(r, i, context)).join('\n')}
${renderExplanations(reports, context)}
</main>`;
  return renderPage(`planlint report: ${t.files === 1 ? reports[0]!.label : `${t.files} files`}`, body);
};

/** Styles: large, high-contrast type for a projector; colour always backed by an icon or a word. */
export const STYLES = `
:root {
  --text: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #f4f6f8; --card: #fff;
  --error: #b42318; --error-bg: #fdecea; --warning: #8a4b00; --warning-bg: #fff4d6;
  --pass: #0b6b3a; --pass-bg: #e3f6ea; --info: #1d4ed8; --info-bg: #e8efff; --accent: #2b4acb;
  --mark: #fff1a8;
}
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; background: var(--bg); color: var(--text); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main, .report-head, .page-foot { max-width: 1280px; margin: 0 auto; padding: 0 1.5rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code, pre, .source { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
h1, h2, h3, h4 { line-height: 1.25; margin: 0; }
.muted { color: var(--muted); }
.report-head { padding-top: 1.75rem; padding-bottom: 1rem; }
.brand { margin: 0; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; font-size: .8rem; color: var(--accent); }
.report-head h1 { font-size: 2rem; margin: .2rem 0 .4rem; }
.lead { margin: 0 0 1rem; max-width: 60rem; color: var(--muted); }
.stats { display: flex; flex-wrap: wrap; gap: .75rem; }
.stat { background: var(--card); border: 1px solid var(--line); border-left-width: 6px; border-radius: 8px; padding: .55rem 1rem; min-width: 9rem; display: flex; flex-direction: column; }
.stat-value { font-size: 1.7rem; font-weight: 700; line-height: 1.1; }
.stat-label { color: var(--muted); font-size: .9rem; }
.stat.sev-error { border-left-color: var(--error); } .stat.sev-error .stat-value { color: var(--error); }
.stat.sev-warning { border-left-color: #d08700; } .stat.sev-warning .stat-value { color: var(--warning); }
.stat.pass { border-left-color: var(--pass); } .stat.pass .stat-value { color: var(--pass); }
.stat.neutral { border-left-color: var(--line); }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
.panel > h2, .panel > h3 { font-size: 1.2rem; margin-bottom: .75rem; }
.contents-table { width: 100%; border-collapse: collapse; }
.contents-table th, .contents-table td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); }
.contents-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.file { margin: 1.5rem 0 2.5rem; }
.file-head { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
.file-head h2 { font-size: 1.45rem; overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }
.file-icon { color: var(--muted); }
.case-line { margin: .35rem 0; font-size: 1.05rem; }
.case-line .ref { font-family: ui-monospace, monospace; font-size: .95rem; color: var(--muted); }
.sep { color: var(--muted); }
.verdict { display: inline-block; margin: .35rem 0 .5rem; padding: .3rem .8rem; border-radius: 999px; font-weight: 600; }
.verdict-pass { background: var(--pass-bg); color: var(--pass); }
.verdict-fail { background: var(--error-bg); color: var(--error); }
.verdict-warn { background: var(--warning-bg); color: var(--warning); }
.jump { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .95rem; }
.file-body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
.file-body.compact { grid-template-columns: minmax(0, 1fr); }
@media (max-width: 1100px) { .file-body { grid-template-columns: minmax(0, 1fr); } }
.empty { color: var(--muted); margin: 0; }
.empty.good { color: var(--pass); font-weight: 600; }
.timeline { list-style: none; margin: 0; padding: 0; }
.tl { display: grid; grid-template-columns: 7.6rem 1.2rem minmax(0, 1fr); gap: 0 .5rem; position: relative; padding-bottom: .7rem; break-inside: avoid; }
.tl::before { content: ""; position: absolute; left: calc(7.6rem + .5rem + .6rem - 1px); top: 1.1rem; bottom: -.2rem; width: 2px; background: var(--line); }
.tl:last-child::before { display: none; }
.tl-date { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); font-size: .92rem; padding-top: .1rem; }
.tl-time { display: block; font-size: .85rem; }
.tl-dot { width: 1rem; height: 1rem; margin: .2rem auto 0; border-radius: 50%; background: #fff; border: 3px solid #8c959f; position: relative; z-index: 1; }
.tl-body { min-width: 0; }
.tl-head { margin: 0; }
.tl-kind { display: inline-block; font-size: .72rem; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); margin-right: .35rem; }
.tl-title { font-weight: 600; color: var(--text); text-decoration: none; }
.tl-title:hover { text-decoration: underline; }
.tl-details { margin: .1rem 0 0; color: var(--muted); font-size: .95rem; }
.kind-sentence .tl-dot, .kind-release .tl-dot { border-color: #4338ca; background: #4338ca; }
.kind-end .tl-dot { border-color: #4338ca; }
.kind-assessment .tl-dot { border-color: #7c3aed; background: #ede9fe; }
.kind-plan .tl-dot { border-color: var(--accent); background: var(--accent); }
.kind-review .tl-dot { border-color: #0f766e; background: #0f766e; }
.kind-officer .tl-dot { border-color: #57606a; border-radius: 3px; }
.kind-contact-level .tl-dot { border-color: #c2410c; border-radius: 3px; transform: rotate(45deg); }
.kind-event .tl-dot { border-color: #b45309; background: #fde68a; }
.outcome-attended .tl-dot { border-color: var(--pass); background: var(--pass-bg); }
.outcome-failed-to-attend .tl-dot { border-color: var(--error); background: var(--error); }
.outcome-acceptable-absence .tl-dot, .outcome-rescheduled .tl-dot { border-color: #d08700; }
.has-error .tl-body { border-left: 4px solid var(--error); background: var(--error-bg); border-radius: 0 6px 6px 0; padding: .3rem .6rem; }
.has-warning .tl-body { border-left: 4px solid #d08700; background: var(--warning-bg); border-radius: 0 6px 6px 0; padding: .3rem .6rem; }
.loose { margin-top: .5rem; border-top: 1px dashed var(--line); padding-top: .5rem; }
.loose-title { margin: 0; font-weight: 600; }
.pill, .badge, .sev { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.badge { text-decoration: none; font-family: ui-monospace, monospace; font-size: .8rem; border: 1px solid currentColor; }
.pill.pass, .badge.pass { background: var(--pass-bg); color: var(--pass); }
.sev-error.pill, .badge.sev-error, .sev.sev-error { background: var(--error-bg); color: var(--error); }
.sev-warning.pill, .badge.sev-warning, .sev.sev-warning { background: var(--warning-bg); color: var(--warning); }
.sev-info.pill, .badge.sev-info, .sev.sev-info { background: var(--info-bg); color: var(--info); }
.pill[class*="outcome-"] { border: 1px solid currentColor; font-size: .8rem; }
.pill.outcome-attended { background: var(--pass-bg); color: var(--pass); }
.pill.outcome-failed-to-attend { background: var(--error-bg); color: var(--error); }
.pill.outcome-acceptable-absence, .pill.outcome-rescheduled, .pill.outcome-cancelled-by-service { background: var(--warning-bg); color: var(--warning); }
.pill.outcome-planned { background: var(--info-bg); color: var(--info); }
.rules-checked { list-style: none; margin: 0; padding: 0; }
.pill.not-run { background: var(--info-bg); color: var(--muted); }
.not-run-note { margin: .3rem 0 0; color: var(--info); }
.rule-row { display: grid; grid-template-columns: 5.6rem minmax(0, 1fr); gap: .1rem .6rem; padding: .4rem 0; border-bottom: 1px solid var(--line); }
.rule-row .pill { justify-self: start; align-self: start; }
.rule-row:last-child { border-bottom: 0; }
.rule-id { font-family: ui-monospace, monospace; font-size: .88rem; font-weight: 600; word-break: break-word; }
.rule-desc { grid-column: 2; color: var(--muted); font-size: .9rem; }
.source-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.source { border-collapse: collapse; width: 100%; font-size: .88rem; line-height: 1.45; }
.source td { padding: 0 .6rem; vertical-align: top; }
.source .ln { width: 1%; text-align: right; color: var(--muted); background: #f6f8fa; border-right: 1px solid var(--line); user-select: none; }
.source .ln a { color: inherit; text-decoration: none; }
.source .code code { white-space: pre-wrap; word-break: break-word; }
.source tr.line { scroll-margin-top: 2rem; }
.source tr.has-finding.sev-error .ln { background: var(--error-bg); color: var(--error); font-weight: 700; }
.source tr.has-finding.sev-warning .ln { background: var(--warning-bg); color: var(--warning); font-weight: 700; }
.source tr.line:target td { background: var(--mark); }
.source tr.line:target .ln { box-shadow: inset 4px 0 0 #e3b400; }
.source mark { background: none; color: inherit; text-decoration: underline wavy; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
.source mark.sev-error { text-decoration-color: var(--error); }
.source mark.sev-warning { text-decoration-color: #d08700; }
.source mark.sev-info { text-decoration-color: var(--info); }
.compare-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.25rem; align-items: start; }
.compare-grid .file { margin-top: 0; }
.matrix { width: 100%; border-collapse: collapse; }
.matrix th, .matrix td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.matrix td.result { white-space: nowrap; }
.matrix tr.differs td { background: #fbfaf3; }
.matrix .rule-desc { display: block; color: var(--muted); font-size: .88rem; }
.matrix tfoot td { font-weight: 700; border-bottom: 0; }
.page-foot { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.print-only { display: none; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--card); padding: .5rem 1rem; z-index: 2; }
.skip:focus { left: 1rem; }
summary { cursor: pointer; }
summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 4px; }
.tl-findings { list-style: none; margin: .35rem 0 0; padding: 0; }
.finding { margin: .4rem 0 0; padding: .35rem 0 0; border-top: 1px solid rgba(0, 0, 0, .08); scroll-margin-top: 1rem; }
.tl-findings > .finding:first-child { border-top: 0; padding-top: 0; }
.finding:target { background: var(--mark); outline: 3px solid #e3b400; border-radius: 6px; }
.finding-text { margin: 0; }
.advice { margin: .1rem 0 .3rem; }
.finding .sev { margin-right: .2rem; }
.finding .rule-link { font-family: ui-monospace, monospace; font-size: .8rem; white-space: nowrap; }
.finding-where { margin: .1rem 0 0; font-size: .88rem; }
.finding-source { margin: .15rem 0 0; font-size: .88rem; }
.finding-source summary { color: var(--accent); width: fit-content; }
.finding-source[open] summary { margin-bottom: .25rem; }
.snippet { border: 1px solid var(--line); border-radius: 6px; background: var(--card); }
.snippet-more, .snippet-link { margin: .15rem 0 0; font-size: .85rem; }
.backs { white-space: nowrap; }
.back { text-decoration: none; font-size: .85rem; margin-left: .15rem; }
.back.sev-error { color: var(--error); } .back.sev-warning { color: var(--warning); } .back.sev-info { color: var(--info); }
.loose-title { font-size: 1rem; margin: 0 0 .2rem; }
.source-details > summary h3 { display: inline; font-size: 1.2rem; }
.source-details[open] > summary { margin-bottom: .75rem; }
.explanations { margin: 2rem 0; }
.explanations > h2 { font-size: 1.5rem; margin-bottom: .3rem; }
.explanation { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: .7rem 1.25rem; margin: .6rem 0; scroll-margin-top: 1rem; }
.explanation:target, .explanation:has(> :target) { outline: 3px solid #e3b400; }
.explanation-body { scroll-margin-top: 5rem; }
.explanation > summary h3, .explanation > h3 { display: inline; font-size: 1.1rem; }
.explanation-lead { color: var(--muted); }
.explanation > summary .explanation-lead { display: block; margin-left: 1.1rem; }
.explanation > h3 + .explanation-lead { display: block; }
.explanation-body { padding-top: .3rem; }
.explanation h4 { font-size: 1.05rem; margin: .9rem 0 .3rem; }
.explanation p, .explanation li { max-width: 52rem; }
.explanation pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; overflow-x: auto; font-size: .85rem; white-space: pre-wrap; }
.compare-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.25rem; align-items: start; }
.matrix { width: 100%; border-collapse: collapse; }
.matrix th, .matrix td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.matrix td.result { white-space: nowrap; }
.matrix tr.differs td, .matrix tr.differs th { background: #fbfaf3; }
.matrix .rule-desc { display: block; color: var(--muted); font-size: .88rem; }
.matrix tfoot td { font-weight: 700; border-bottom: 0; }
.page-foot { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html { font-size: 9.5pt; }
  body { background: #fff; }
  main, .report-head, .page-foot { max-width: none; padding: 0; }
  .report-head { padding-top: 0; }
  .jump, .skip, .screen-only, .snippet-link, .backs { display: none; }
  a { color: inherit; text-decoration: none; }
  .panel, .file-head, .explanation, .stat { border-color: #999; break-inside: auto; }
  .panel, .file-head { padding: .6rem .8rem; margin-bottom: .6rem; }
  .file { margin-top: .6rem; }
  .file ~ .file { break-before: page; margin-top: 0; }
  .tl { padding-bottom: .4rem; break-inside: auto; }
  .finding, .rule-row, .explanation, tr.line { break-inside: avoid; }
  .panel > h2, .panel > h3, .explanations > h2, .tl-head { break-after: avoid; }
  .file-body { grid-template-columns: minmax(0, 1fr); }
  .rules-checked { columns: 2; column-gap: 1.5rem; }
  /* On paper the finding's own lines are shown (there is no clicking); the whole file and the rule pages stay closed. */
  .finding-source::details-content { content-visibility: visible; display: block; }
  .finding-source.repeat::details-content { display: none; }
  .print-only { display: inline; }
  .finding-source > summary { list-style: none; color: var(--muted); }
  .finding-source > summary::-webkit-details-marker { display: none; }
  .source-details, .explanation > summary::marker { display: none; }
  .explanation > summary { list-style: none; }
  .explanation { border: 0; border-bottom: 1px solid #ccc; border-radius: 0; padding: .25rem 0; margin: 0; }
  .explanations { margin: 1rem 0; }
  .compare-grid { gap: .8rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
