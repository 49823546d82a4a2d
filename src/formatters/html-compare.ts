/**
 * `planlint compare --format html`: two plans on one page, for a trainer. The rules each passes and
 * fails, those where the plans differ first; then the two timelines lined up by date, one row per
 * date with each plan's events side by side (a blank where a plan has nothing that day), each
 * finding once, where it happens; then each file whole (collapsed) and the rules explained.
 * A pure function of the results and the context, like every formatter, so the playground can
 * draw the same page.
 */
import { formatDate } from '../core/dates.js';
import type { FileResult } from '../core/findings.js';
import { describeCounts } from '../core/rule-outcomes.js';
import type { RuleOutcome } from '../core/rule-outcomes.js';
import type { TimelineEntry } from '../model/case-timeline.js';
import {
  buildFileReport,
  caseLine,
  notRunNote,
  rulesPassedWords,
  noTimelineWhy,
  pathHtml,
  placeFindings,
  renderEntryBody,
  renderExplanations,
  renderFindingList,
  renderPage,
  renderWholeSource,
  sourceLines,
  worstClass,
} from './html.js';
import type { FileReport } from './html.js';
import { escapeHtml as e } from './markdown-html.js';
import type { FormatterContext, RuleSummary } from './types.js';

/** One rule's result for each file; `undefined` where the rule did not check that file. */
export interface CompareRow {
  id: string;
  description: string;
  results: (RuleOutcome | undefined)[];
  differs: boolean;
}

export const LETTERS = ['A', 'B'];

/** Every rule that checked either file: those where the plans differ first, each group in the order the rules ran. */
export function compareRows(reports: FileReport[], rules: readonly RuleSummary[]): CompareRow[] {
  const ids: string[] = [];
  for (const report of reports) for (const o of report.outcomes) if (!ids.includes(o.id)) ids.push(o.id);
  const order = new Map(rules.map((r, i) => [r.id, i]));
  ids.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
  const rows = ids.map((id) => {
    const results = reports.map((r) => r.outcomes.find((o) => o.id === id));
    const statuses = results.map((o) => o?.status ?? 'not checked');
    return { id, description: rules.find((r) => r.id === id)?.description ?? '', results, differs: new Set(statuses).size > 1 };
  });
  return [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)];
}

/** A rule's result for one file, in a few words. */
export function resultWords(outcome: RuleOutcome | undefined): string {
  if (!outcome) return '– not checked';
  if (outcome.status === 'passed') return '✔ passed';
  if (outcome.status === 'noted') return 'ℹ could not judge';
  if (outcome.status === 'not-run') return '– not run';
  return `${outcome.errors ? '✖' : '⚠'} ${describeCounts({ ...outcome, notes: 0, suppressed: 0 })}`;
}

/** "9/9 passed", or "9/9 passed, 20 not run": the rules not run are counted apart, never as passed. */
export function passedOfJudged(outcomes: readonly RuleOutcome[]): string {
  const judged = outcomes.filter((o) => o.status !== 'not-run');
  const notRun = outcomes.length - judged.length;
  return `${judged.filter((o) => o.status === 'passed').length}/${judged.length} passed${notRun ? `, ${notRun} not run` : ''}`;
}

/** A file's verdict in one line: errors, warnings, rules passed. */
export function verdictWords(report: FileReport): string {
  const { errors, warnings } = report.counts;
  const rules = rulesPassedWords(report.outcomes);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return errors + warnings === 0 ? `✔ no problems · ${rules}` : `${errors ? '✖' : '⚠'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} · ${rules}`;
}

function renderMatrix(reports: FileReport[], rows: CompareRow[]): string {
  const cell = (o: RuleOutcome | undefined) => {
    const cls = !o ? 'muted' : o.status === 'passed' ? 'pill pass' : o.status === 'noted' ? 'pill sev-info' : o.status === 'not-run' ? 'pill not-run' : `pill sev-${o.errors ? 'error' : 'warning'}`;
    return `<td class="result"><span class="${cls}">${e(resultWords(o))}</span></td>`;
  };
  const heads = reports.map((r, i) => `<th scope="col"><span class="letter">${LETTERS[i]}</span> ${pathHtml(r.label)}</th>`).join('');
  const row = (r: CompareRow) =>
    `<tr class="${r.differs ? 'differs' : ''}" data-rule-row="${e(r.id)}"><th scope="row"><code>${e(r.id)}</code><span class="rule-desc">${e(r.description)}</span></th>${r.results.map(cell).join('')}</tr>`;
  const group = (title: string, members: CompareRow[], cls: string) =>
    members.length ? `<tbody class="${cls}"><tr class="group"><th scope="rowgroup" colspan="${reports.length + 1}">${title} (${members.length})</th></tr>\n${members.map(row).join('\n')}</tbody>` : '';
  // Rules both plans pass are the least to talk about: they wait behind a click.
  const bothPassed = (r: CompareRow) => !r.differs && r.results.every((o) => o?.status === 'passed');
  const differ = rows.filter((r) => r.differs);
  const same = rows.filter((r) => !r.differs && !bothPassed(r));
  const passed = rows.filter(bothPassed);
  const foot = reports.map((r) => `<td>${e(passedOfJudged(r.outcomes).replace('/', ' of '))}</td>`).join('');
  const head = `<thead><tr><th scope="col">Rule and what it checks</th>${heads}</tr></thead>`;
  const main =
    differ.length + same.length
      ? `<table class="matrix">${head}
${group('Where the plans differ', differ, 'differ-group')}
${group('Where they agree', same, 'same-group')}
<tfoot><tr><td></td>${foot}</tr></tfoot></table>`
      : '';
  const rest = passed.length
    ? `<details class="both-passed"${main ? '' : ' open'}><summary>${passed.length === rows.length ? 'Every rule' : `The ${passed.length} other rules`}: both plans pass</summary><table class="matrix">${head}<tbody>${passed.map(row).join('\n')}</tbody></table></details>`
    : '';
  return main + rest;
}

interface Placed {
  entry: TimelineEntry;
  own: number[];
}

/** The two timelines on a shared date axis: a row per date, each plan's events in its own column. */
function renderAlignedTimelines(reports: FileReport[]): string {
  const sides = reports.map((report, k) => {
    const fileId = `f${k + 1}`;
    const placement = placeFindings(report);
    const lines = report.source === undefined ? undefined : sourceLines(report.source);
    const byDate = new Map<string, Placed[]>();
    report.cases.forEach(({ timeline }, c) => timeline.forEach((entry, n) => byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), { entry, own: placement.byCase[c]!.get(n) ?? [] }])));
    return { report, fileId, placement, lines, byDate };
  });
  const dates = [...new Set(sides.flatMap((s) => [...s.byDate.keys()]))].sort();
  const blank = '<td class="blank"><span class="visually-hidden">Nothing on this date</span></td>';
  const rows = dates.map((date) => {
    const cells = sides.map(({ report, fileId, lines, byDate }) => {
      const placed = byDate.get(date);
      if (!placed) return blank;
      const cards = placed.map(({ entry, own }) => {
        const outcome = entry.outcome ? ` outcome-${entry.outcome}` : '';
        const time = entry.time ? `<span class="tl-time">${e(entry.time)}</span>` : '';
        return `<div class="tl-card kind-${entry.kind}${outcome}${worstClass(report, own)}">${time}${renderEntryBody(entry, report, fileId, own, lines, { brief: true })}</div>`;
      });
      return `<td>${cards.join('')}</td>`;
    });
    return `<tr><th scope="row"><time datetime="${e(date)}">${e(formatDate(date))}</time></th>${cells.join('')}</tr>`;
  });
  const looseCells = sides.map(({ report, fileId, placement, lines }) => {
    const why = report.cases.length === 0 ? `<p class="empty">${noTimelineWhy(report)}</p>` : '';
    const list = placement.loose.length ? renderFindingList(report, fileId, placement.loose, lines, { brief: true }) : '';
    return why || list ? `<td>${why}${list}</td>` : blank;
  });
  if (looseCells.some((c) => c !== blank)) rows.push(`<tr class="loose-row"><th scope="row">Not tied to a date</th>${looseCells.join('')}</tr>`);
  const heads = reports.map((r, i) => `<th scope="col"><span class="letter">${LETTERS[i]}</span> ${pathHtml(r.label)}</th>`).join('');
  return `<table class="aligned"><caption class="visually-hidden">Both timelines by date, with each finding where it happens</caption><thead><tr><th scope="col">Date</th>${heads}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** The compare page for two linted files (the results carry their source and cases, as `compare` asks for). */
export function formatCompareHtml(results: FileResult[], context: FormatterContext): string {
  const reports = results.map((r) => buildFileReport(r, context.cwd, context.redact ?? false));
  const rows = compareRows(reports, context.rules ?? []);
  const cards = reports
    .map((r, i) => {
      const model = r.cases[0]?.model;
      const cls = r.counts.errors ? 'verdict-fail' : r.counts.warnings ? 'verdict-warn' : 'verdict-pass';
      return `<div class="compare-card"><p class="letter-big" aria-hidden="true">${LETTERS[i]}</p><div><h2 class="compare-file"><span class="visually-hidden">${LETTERS[i]}: </span>${pathHtml(r.label)}</h2>${model ? caseLine(model) : ''}<p class="verdict ${cls}">${e(verdictWords(r))}</p>${notRunNote(r.result)}</div></div>`;
    })
    .join('');
  const sources = reports.map((r, i) => renderWholeSource(r, `f${i + 1}`, { title: `The whole of ${LETTERS[i]}` })).filter(Boolean);
  const page = `<header class="report-head">
<p class="brand">planlint</p>
<h1>Comparing two plans</h1>
<p class="lead">The rules where the two plans differ come first. Below, the two timelines side by side, one row per date, with each finding where it happens; open a finding for its lines in the source.</p>
<div class="compare-cards">${cards}</div>
</header>
<main id="main">
<section class="panel" id="rules" aria-labelledby="rules-title"><h2 id="rules-title">Rules, plan by plan</h2>
${renderMatrix(reports, rows)}</section>
<section class="panel" id="timelines" aria-labelledby="timelines-title"><h2 id="timelines-title">The two timelines, by date</h2>
${renderAlignedTimelines(reports)}</section>
${sources.length ? `<div class="compare-grid">${sources.join('\n')}</div>` : ''}
${renderExplanations(reports, context)}
</main>`;
  return renderPage(`planlint: ${reports.map((r) => r.label).join(' compared with ')}`, page, { landscape: true, styles: COMPARE_STYLES });
}

const COMPARE_STYLES = `
.compare-cards { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.compare-card { display: flex; gap: 1rem; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: .8rem 1.1rem; }
.compare-card p { margin: 0; }
.compare-card .case-line { font-size: .95rem; margin: .15rem 0 .3rem; }
.compare-file { font-weight: 700; font-size: 1.15rem; overflow-wrap: anywhere; }
.letter-big { font-size: 2.4rem; font-weight: 800; line-height: 1; color: var(--accent); }
.letter { display: inline-block; background: var(--accent); color: #fff; border-radius: 4px; padding: 0 .4rem; margin-right: .3rem; }
.matrix thead th { border-bottom: 2px solid var(--line); }
.matrix th[scope="row"] { font-weight: 400; }
.matrix th[scope="row"] code { font-weight: 700; }
.both-passed { margin-top: .8rem; }
.both-passed > summary { font-weight: 700; }
.matrix tr.group th { background: var(--bg); font-size: .95rem; font-weight: 700; padding-top: .6rem; }
.aligned { width: 100%; border-collapse: collapse; table-layout: fixed; }
.aligned col.date, .aligned thead th:first-child { width: 7.5rem; }
.aligned th, .aligned td { border-bottom: 1px solid var(--line); padding: .45rem .6rem; vertical-align: top; text-align: left; }
.aligned thead th { border-bottom: 2px solid var(--line); overflow-wrap: anywhere; }
.aligned tbody th { font-weight: 400; color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.aligned td + td { border-left: 1px solid var(--line); }
.aligned td.blank { background: repeating-linear-gradient(135deg, transparent 0 6px, rgba(0, 0, 0, .025) 6px 12px); }
.tl-card { border-left: 4px solid var(--line); padding: .2rem .6rem; border-radius: 0 6px 6px 0; }
.tl-card + .tl-card { margin-top: .4rem; }
.tl-card .tl-time { float: right; color: var(--muted); font-size: .85rem; }
.tl-card.kind-sentence, .tl-card.kind-release, .tl-card.kind-end { border-left-color: #4338ca; }
.tl-card.kind-plan { border-left-color: var(--accent); }
.tl-card.kind-review { border-left-color: #0f766e; }
.tl-card.kind-assessment { border-left-color: #7c3aed; }
.tl-card.has-error { border-left-color: var(--error); background: var(--error-bg); }
.tl-card.has-warning { border-left-color: #d08700; background: var(--warning-bg); }
.loose-row th { font-weight: 700; white-space: normal; }
.compare-grid .source-details { margin: 0; }
@media print {
  .compare-cards { gap: .5rem; }
  .aligned tbody th, .aligned .tl-head { break-inside: avoid; break-after: avoid; }
  .matrix tfoot { display: table-row-group; }
  .aligned thead { display: table-header-group; }
  .compare-grid { display: none; }
  #timelines { break-before: page; }
  /* On paper the compare view is the rules and the timelines: the advice prints, the source lines and the rule descriptions (already in the table above) do not. */
  .aligned .snippet, .aligned .snippet-more, .aligned .print-only, .explanations { display: none; }
}
`;
