/**
 * `--format html`: one self-contained page for people — a trainer's projector, a supervisor's
 * printout. For each file: the case as a timeline with findings where they occur, the findings,
 * the rules passed and failed, and the source with findings on their lines; then each rule that
 * fired, explained. No script, no network, no external assets: everything from the case file is
 * escaped, and a Content-Security-Policy forbids script even if something slipped through.
 */
import type { CaseModel } from '../model/case-model.js';
import { entryForLine } from '../model/case-timeline.js';
import type { CaseView, TimelineEntry } from '../model/case-timeline.js';
import { formatDate } from '../core/dates.js';
import { displayPath } from '../core/paths.js';
import { ENGINE_RULE_IDS } from '../core/findings.js';
import { formatGuidance } from '../core/guidance.js';
import type { FileResult, Finding } from '../core/findings.js';
import { escapeHtml, markdownToHtml } from './markdown-html.js';
import { allRuleOutcomes, describeCounts, describeNeeds, notRunSummary } from '../core/rule-outcomes.js';
import type { RuleOutcome } from '../core/rule-outcomes.js';
import type { Formatter, FormatterContext, RuleSummary } from './types.js';

const e = escapeHtml;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '✖', warning: '⚠', info: 'ℹ' };
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

/** Everything the report shows about one file, gathered once. */
export interface FileReport {
  result: FileResult;
  /** The path as shown to people. */
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
  const label = displayPath(result.filePath, cwd);
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
const ruleAnchor = (id: string) => `rule-${id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
const findingAnchor = (file: string, i: number) => `${file}-finding-${i + 1}`;
const lineAnchor = (file: string, line: number) => `${file}-L${line}`;

/** The first sentence of a message: what is wrong, without the advice (shown in full elsewhere). */
export function firstSentence(message: string): string {
  const match = /^(.+?[.?!])(\s|$)/.exec(message);
  return match ? match[1]! : message;
}

function findingBadge(f: Finding, href: string): string {
  return `<a class="badge sev-${f.severity}" href="#${href}"><span aria-hidden="true">${SEVERITY_ICON[f.severity]}</span> ${e(f.ruleId)}</a>`;
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
function notRunNote(result: FileResult): string {
  if (!result.notRun) return '';
  return `<p class="not-run-note"><span aria-hidden="true">ℹ</span> ${e(notRunSummary(result.notRun))} ${e(result.notRun.remedy)}</p>`;
}

function caseLine(model: CaseModel): string {
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

function renderTimeline(report: FileReport, fileId: string): string {
  if (report.cases.length === 0) {
    const why = report.redacted
      ? 'This report is redacted for sharing, so the timeline and source are left out.'
      : report.source === undefined
        ? 'The file could not be read again for this report, so its timeline and source are not shown.'
        : 'No document in this file could be read as a case (see the findings), so there is no timeline to show.';
    return `<p class="empty">${why}</p>`;
  }
  const findings = report.result.findings;
  const parts: string[] = [];
  const placed = new Set<number>();
  for (const { model, timeline } of report.cases) {
    const byEntry = new Map<number, number[]>();
    findings.forEach((f, i) => {
      // Notes (an export field planlint does not read, say) are listed with the findings, not on the timeline.
      if (f.severity === 'info') {
        placed.add(i);
        return;
      }
      const entry = entryForLine(timeline, f.line);
      if (entry === undefined) return;
      placed.add(i);
      byEntry.set(entry, [...(byEntry.get(entry) ?? []), i]);
    });
    if (report.cases.length > 1) parts.push(`<h4 class="case-title">Case ${e(model.ref)}</h4>`);
    const items = timeline.map((entry, n) => {
      const own = byEntry.get(n) ?? [];
      const worst = own.some((i) => findings[i]!.severity === 'error') ? ' has-error' : own.some((i) => findings[i]!.severity === 'warning') ? ' has-warning' : '';
      const outcome = entry.outcome ? ` outcome-${entry.outcome}` : '';
      const details = entry.details.map((d, k) => (k === 0 && entry.outcome ? `<span class="pill outcome-${entry.outcome}">${e(d)}</span>` : `<span>${e(d)}</span>`));
      const marks = own.length ? `<ul class="tl-findings">${own.map((i) => `<li>${findingBadge(findings[i]!, findingAnchor(fileId, i))} ${e(firstSentence(findings[i]!.message))}</li>`).join('')}</ul>` : '';
      return `<li class="tl kind-${entry.kind}${outcome}${worst}">
  <div class="tl-date"><time datetime="${e(entry.date)}">${e(formatDate(entry.date))}</time>${entry.time ? `<span class="tl-time">${e(entry.time)}</span>` : ''}</div>
  <div class="tl-dot" aria-hidden="true"></div>
  <div class="tl-body"><p class="tl-head"><span class="tl-kind">${KIND_LABEL[entry.kind]}</span> <a class="tl-title" href="#${lineAnchor(fileId, entry.range.line)}" title="Line ${entry.range.line} in the source">${e(entry.title)}</a></p>${details.length ? `<p class="tl-details">${details.join('<span class="sep" aria-hidden="true"> · </span>')}</p>` : ''}${marks}</div>
</li>`;
    });
    parts.push(`<ol class="timeline" aria-label="Timeline of case ${e(model.ref)}">${items.join('\n')}</ol>`);
  }
  const loose = findings.map((f, i) => ({ f, i })).filter(({ i }) => !placed.has(i));
  if (loose.length) {
    parts.push(
      `<div class="loose"><p class="loose-title">Not tied to a date</p><ul class="tl-findings">${loose
        .map(({ f, i }) => `<li>${findingBadge(f, findingAnchor(fileId, i))} ${e(firstSentence(f.message))}</li>`)
        .join('')}</ul></div>`,
    );
  }
  return parts.join('\n');
}

function renderFindings(report: FileReport, fileId: string): string {
  const findings = report.result.findings;
  if (findings.length === 0) return '<p class="empty good">No findings: every rule that checked this file passed.</p>';
  const canLink = report.source !== undefined;
  const items = findings.map((f, i) => {
    const where = `${f.line}:${f.column}`;
    const location = canLink ? `<a class="loc" href="#${lineAnchor(fileId, f.line)}" title="Show line ${f.line} in the source">${where}</a>` : `<span class="loc">${where}</span>`;
    const isRule = !Object.values(ENGINE_RULE_IDS).includes(f.ruleId as never);
    const rule = isRule ? `<a class="rule-link" href="#${ruleAnchor(f.ruleId)}">${e(f.ruleId)}</a>` : `<span class="rule-link">${e(f.ruleId)}</span>`;
    return `<li class="finding sev-${f.severity}" id="${findingAnchor(fileId, i)}">${location}<span class="sev sev-${f.severity}"><span aria-hidden="true">${SEVERITY_ICON[f.severity]}</span> ${f.severity}</span><span class="message">${e(f.message)}</span>${rule}</li>`;
  });
  return `<ol class="findings">${items.join('\n')}</ol>`;
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
    const id = failed ? `<a href="#${ruleAnchor(o.id)}">${e(o.id)}</a>` : e(o.id);
    return `<li class="rule-row ${o.status}">${mark}<span class="rule-id">${id}${counts ? ` <span class="muted">(${e(counts)})</span>` : ''}</span><span class="rule-desc">${e(describe(o.id))}</span></li>`;
  });
  return `<ul class="rules-checked">${rows.join('\n')}</ul>`;
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

function renderSource(report: FileReport, fileId: string): string {
  if (report.redacted) return '<p class="empty">This report is redacted for sharing, so the source is left out.</p>';
  if (report.source === undefined) return '<p class="empty">The source could not be read again for this report.</p>';
  const findings = report.result.findings;
  const byLine = new Map<number, number[]>();
  findings.forEach((f, i) => byLine.set(f.line, [...(byLine.get(f.line) ?? []), i]));
  const lines = report.source.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const rows = lines.map((text, n) => {
    const line = n + 1;
    const own = byLine.get(line) ?? [];
    const spans = own
      .map((i) => {
        const f = findings[i]!;
        const from = Math.min(Math.max(f.column - 1, 0), text.length);
        let to = f.endLine === line ? Math.min(Math.max(f.endColumn - 1, from + 1), text.length) : text.length;
        // A finding about a whole section points at its first character; underline the line's text.
        if (to - from <= 1) to = text.trimEnd().length;
        return { from, to: Math.max(to, from), severity: f.severity };
      })
      .filter((s) => s.to > s.from);
    const sev = own.some((i) => findings[i]!.severity === 'error') ? ' sev-error' : own.length ? ` sev-${findings[own[0]!]!.severity}` : '';
    const row = `<tr class="line${own.length ? ' has-finding' : ''}${sev}" id="${lineAnchor(fileId, line)}"><td class="ln"><a href="#${lineAnchor(fileId, line)}">${line}</a></td><td class="code"><code>${markLine(text, spans)}</code></td></tr>`;
    const notes = own.map((i) => {
      const f = findings[i]!;
      return `<tr class="annotation sev-${f.severity}"><td class="ln"></td><td>${findingBadge(f, findingAnchor(fileId, i))} ${e(f.message)}</td></tr>`;
    });
    return [row, ...notes].join('');
  });
  return `<div class="source-wrap"><table class="source"><tbody>${rows.join('\n')}</tbody></table></div>`;
}

/**
 * One file's part of the page. `compact` leaves out the source and the rule list, for the
 * side-by-side columns of `planlint compare`, which show rules in a table of their own.
 */
export function renderFileSection(report: FileReport, index: number, context: Pick<FormatterContext, 'rules'>, options: { compact?: boolean } = {}): string {
  const fileId = `f${index + 1}`;
  const model = report.cases[0]?.model;
  const jump = [['timeline', 'Timeline'], ['findings', `Findings (${report.result.findings.length})`], ...(options.compact ? [] : [['rules', 'Rules checked']]), ['source', 'Source']];
  return `<section class="file" id="${fileId}" aria-labelledby="${fileId}-title">
<header class="file-head">
  <h2 id="${fileId}-title"><span class="file-icon" aria-hidden="true">▤</span> ${e(report.label)}</h2>
  ${model ? caseLine(model) : ''}
  ${verdictLine(report)}
  <nav class="jump" aria-label="Parts of this file's report">${jump.map(([id, text]) => `<a href="#${fileId}-${id}">${text}</a>`).join('')}</nav>
</header>
<div class="${options.compact ? 'file-body compact' : 'file-body'}">
  <section class="panel timeline-panel" id="${fileId}-timeline"><h3>Timeline</h3>${renderTimeline(report, fileId)}</section>
  ${options.compact ? '' : `<section class="panel rules-panel" id="${fileId}-rules"><h3>Rules checked</h3>${renderRulesChecked(report, context.rules)}</section>`}
</div>
<section class="panel" id="${fileId}-findings"><h3>Findings</h3>${renderFindings(report, fileId)}</section>
${
  options.compact
    ? // Side by side there is no room for the source in full; it opens when a finding links to a line.
      `<details class="panel source-details" id="${fileId}-source"><summary><h3>Source</h3></summary>${renderSource(report, fileId)}</details>`
    : `<section class="panel" id="${fileId}-source"><h3>Source</h3>${renderSource(report, fileId)}</section>`
}
</section>`;
}

/** Each rule that fired, explained from its page in rules/ (or its one-line description). */
export function renderExplanations(reports: FileReport[], { rules, ruleDocs, ruleDocUrl }: Pick<FormatterContext, 'rules' | 'ruleDocs' | 'ruleDocUrl'>): string {
  const fired = [...new Set(reports.flatMap((r) => r.result.findings.map((f) => f.ruleId)))].filter((id) => !Object.values(ENGINE_RULE_IDS).includes(id as never)).sort();
  if (fired.length === 0) return '';
  const articles = fired.map((id) => {
    const summary = rules?.find((r) => r.id === id);
    // The one-line description stands in for a rule without a page.
    const page = ruleDocs?.get(id);
    const body = page !== undefined ? markdownToHtml(page, { headingOffset: 2, skipTitle: true }) : summary ? `<p>${e(summary.description)}</p>` : '';
    // A page cites its guidance in its own table; a rule without one (a plugin's) is cited here.
    const guidance = page === undefined ? formatGuidance(summary?.guidance) : '';
    const source = guidance ? `<p class="rule-source">Guidance: ${e(guidance)}</p>` : '';
    // The rule's page in the installed package (file:, so it opens offline), or a plugin rule's own page.
    const url = ruleDocUrl?.(id);
    const link = url && /^(https?|file):/i.test(url) ? `<p class="rule-page"><a href="${e(url)}">The rule's page</a></p>` : '';
    return `<article class="explanation" id="${ruleAnchor(id)}"><h3><code>${e(id)}</code></h3>${body}${source}${link}</article>`;
  });
  return `<section class="explanations" id="explanations" aria-labelledby="explanations-title">
<h2 id="explanations-title">What the rules ask for</h2>
<p class="muted">Each rule that found something in this report, explained: why it matters, what good looks like, and how to record a professional judgement.</p>
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
  return `<div class="stats" aria-label="Totals">${card(t.files, t.files === 1 ? 'file checked' : 'files checked', 'neutral')}${card(t.errors, t.errors === 1 ? 'error' : 'errors', t.errors ? 'sev-error' : 'neutral')}${card(t.warnings, t.warnings === 1 ? 'warning' : 'warnings', t.warnings ? 'sev-warning' : 'neutral')}${card(t.clean, t.clean === 1 ? 'file with no problems' : 'files with no problems', 'pass')}</div>`;
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
    return `<tr><td><a href="#f${i + 1}">${e(r.label)}</a>${who ? ` <span class="muted">${e(who)}</span>` : ''}</td><td>${result}</td><td class="num">${errors}</td><td class="num">${warnings}</td><td class="num">${judged.length ? `${passed}/${judged.length}` : '–'}${notRun ? ` <span class="muted">(${notRun} not run)</span>` : ''}</td></tr>`;
  });
  return `<nav class="contents panel" aria-label="Files in this report"><h2>Files</h2><table class="contents-table"><thead><tr><th>File</th><th>Result</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Rules passed</th></tr></thead><tbody>${rows.join('')}</tbody></table></nav>`;
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
<p class="lead">${e(lead)} Findings are marked on the case timeline and on the lines of the source they are about; each rule that fired is explained at the end.</p>
${renderTotals(reports)}
</header>
<main>
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
.file-head h2 { font-size: 1.45rem; word-break: break-all; }
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
@media (max-width: 980px) { .file-body { grid-template-columns: minmax(0, 1fr); } }
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
.tl-findings { list-style: none; margin: .35rem 0 0; padding: 0; font-size: .95rem; }
.tl-findings li { margin: .2rem 0; }
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
.findings { list-style: none; margin: 0; padding: 0; }
.finding { display: grid; grid-template-columns: 4.2rem 5.6rem minmax(0, 1fr); gap: .2rem .6rem; padding: .55rem .4rem; border-bottom: 1px solid var(--line); scroll-margin-top: 1rem; }
.finding:last-child { border-bottom: 0; }
.finding:target { background: var(--mark); outline: 3px solid #e3b400; border-radius: 6px; }
.finding .loc { font-family: ui-monospace, monospace; font-variant-numeric: tabular-nums; }
.finding .sev { justify-self: start; align-self: start; }
.finding .rule-link { grid-column: 3; font-family: ui-monospace, monospace; font-size: .85rem; }
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
.annotation td { font-family: system-ui, sans-serif; font-size: .9rem; padding: .25rem .6rem .45rem; }
.annotation.sev-error td:last-child { background: var(--error-bg); }
.annotation.sev-warning td:last-child { background: var(--warning-bg); }
.annotation.sev-info td:last-child { background: var(--info-bg); }
.source-details summary { cursor: pointer; }
.source-details summary h3 { display: inline; font-size: 1.2rem; }
.source-details[open] summary { margin-bottom: .75rem; }
.explanations { margin: 2rem 0; }
.explanations > h2 { font-size: 1.5rem; margin-bottom: .3rem; }
.explanation { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.5rem; margin: 1rem 0; scroll-margin-top: 1rem; }
.explanation:target { outline: 3px solid #e3b400; }
.explanation h3 { font-size: 1.25rem; margin-bottom: .5rem; }
.explanation h4 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
.explanation p, .explanation li { max-width: 52rem; }
.explanation blockquote { margin: .5rem 0; padding: .2rem 1rem; border-left: 4px solid var(--accent); color: var(--muted); font-size: 1.05rem; }
.explanation blockquote p { margin: .3rem 0; }
.explanation pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; overflow-x: auto; font-size: .85rem; }
.explanation table { border-collapse: collapse; margin: .5rem 0; font-size: .92rem; }
.explanation th, .explanation td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
.compare-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.25rem; align-items: start; }
.compare-grid .file { margin-top: 0; }
.matrix { width: 100%; border-collapse: collapse; }
.matrix th, .matrix td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
.matrix td.result { white-space: nowrap; }
.matrix tr.differs td { background: #fbfaf3; }
.matrix .rule-desc { display: block; color: var(--muted); font-size: .88rem; }
.matrix tfoot td { font-weight: 700; border-bottom: 0; }
.page-foot { color: var(--muted); font-size: .85rem; padding-bottom: 2rem; }
@media print {
  html { font-size: 10.5pt; }
  body { background: #fff; }
  main, .report-head, .page-foot { max-width: none; padding: 0; }
  .jump, .contents .num a { display: none; }
  a { color: inherit; text-decoration: none; }
  .panel, .file-head, .explanation, .stat { border-color: #999; break-inside: auto; }
  .file { margin-top: 1rem; }
  .file ~ .file { break-before: page; margin-top: 0; }
  .tl, .finding, .rule-row, .explanation h3, .annotation, tr.line { break-inside: avoid; }
  .panel > h3, .explanation h3, .explanation h4 { break-after: avoid; }
  .source-wrap { overflow: visible; border-color: #999; }
  .explanations { break-before: page; }
  .file-body { grid-template-columns: minmax(0, 1fr); }
  .compare-grid { gap: .8rem; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
