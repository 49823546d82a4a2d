import { existsSync } from 'node:fs';
import { Chalk } from 'chalk';
import { Option } from 'commander';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { writeFileWhole } from '../../core/write-whole.js';
import { refuseWritingOverReads } from '../output-guard.js';
import type { RunRead } from '../output-guard.js';
import type { FileResult, Finding } from '../../core/findings.js';
import { findFiles } from '../../input/find-files.js';
import { buildFileReport, firstSentence, renderExplanations, renderFileSection, renderPage } from '../../formatters/html.js';
import type { FileReport } from '../../formatters/html.js';
import type { FormatterContext, RuleSummary } from '../../formatters/types.js';
import { createLintSetup, lintFiles } from '../../engine/lint-files.js';
import { escapeHtml as e } from '../../formatters/markdown-html.js';
import { PRESET_NAMES, isPresetName } from '../../engine/presets.js';
import { describeCounts } from '../../core/rule-outcomes.js';
import type { RuleOutcome } from '../../core/rule-outcomes.js';
import { reportContext } from '../report-context.js';
import { wantsColor } from '../terminal-color.js';
import { wrap } from '../terminal-text.js';
import { parseRuleFlags } from './rule-flags.js';

interface CompareFlags {
  format: string;
  outputFile?: string;
  config?: string;
  preset?: string;
  rule: string[];
  color?: boolean;
}

/** `planlint compare a.yaml b.yaml`: two plans side by side, with the rules each passes and fails. */
export function registerCompareCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('compare')
    .description('show two plans side by side with the rules each passes and fails (for training: a good and a poor plan)')
    .argument('<first>', 'the first file, for example a good plan')
    .argument('<second>', 'the second file, for example a poor plan')
    .addOption(new Option('-f, --format <name>', 'text (default) or html').default('text'))
    .option('-o, --output-file <path>', 'write the comparison to a file instead of the terminal')
    .option('-c, --config <path>', 'use this config file instead of looking for planlint.config.* near each file')
    .addOption(new Option('--preset <name>', `apply a preset over the config: ${PRESET_NAMES.join(', ')}`))
    .option('--rule <setting>', 'set a rule: "id: warn" (off, warn or error) or JSON with options, {"id": ["error", {...}]} (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--color', 'force colour output')
    .option('--no-color', 'never colour the output')
    .action(async (first: string, second: string, flags: CompareFlags) => setExit(await compare([first, second], flags)));
}

/** One rule's result for each file; `undefined` where the rule did not check that file. */
interface Row {
  id: string;
  description: string;
  results: (RuleOutcome | undefined)[];
  differs: boolean;
}

async function compare(paths: string[], flags: CompareFlags): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'html') throw new UsageError(`Unknown format "${flags.format}" for planlint compare: use text or html.`);
  if (flags.preset !== undefined && !isPresetName(flags.preset)) throw new UsageError(`Unknown preset "${flags.preset}". Available presets: ${PRESET_NAMES.join(', ')}.`);
  if (flags.config && !existsSync(flags.config)) throw new UsageError(`--config: ${flags.config} does not exist.`);
  for (const path of paths) {
    const files = await findFiles([path]);
    if (files.length !== 1 || files[0] !== path) throw new UsageError(`compare takes two files, not folders or patterns; found "${path}".`);
  }

  const setup = await createLintSetup({ ...(flags.config ? { configPath: flags.config } : {}), ...(flags.preset ? { preset: flags.preset } : {}), rules: parseRuleFlags(flags.rule) });
  const results: FileResult[] = [];
  const summaries = new Map<string, RuleSummary>();
  const reads: RunRead[] = [];
  for (const filePath of paths) {
    // Both forms name the person and case; the HTML one draws each file's timeline and source too.
    const run = await lintFiles([filePath], { setup, concurrency: 1, attach: { source: true, cases: true } });
    reads.push(...run.reads);
    for await (const result of run.results) results.push(result);
    for (const meta of run.rules) summaries.set(meta.id, meta); // every rule either file may report, plugins' included
  }

  const rules = [...summaries.values()];
  const cwd = process.cwd();
  const reports = results.map((r) => buildFileReport(r, cwd));
  const rows = compareRows(reports, rules);
  const output =
    flags.format === 'html'
      ? compareHtml(reports, rows, reportContext({ cwd, color: false, rules, formats: ['html'] }))
      : compareText(reports, rows, { color: flags.outputFile ? false : wantsColor(flags, process.stdout), width: Math.max(60, Math.min(process.stdout.columns ?? 100, 140)) });
  if (flags.outputFile) refuseWritingOverReads([{ option: '--output-file', path: flags.outputFile }], { inputs: paths, reads });
  if (flags.outputFile) writeFileWhole(flags.outputFile, output, 'the comparison');
  else process.stdout.write(output);
  // A comparison is for learning from: a poor plan failing rules is the point, not a failed run.
  return results.some((r) => r.internalError) ? EXIT.usage : EXIT.ok;
}

/** Every rule that checked either file, in the order the rules ran. */
function compareRows(reports: FileReport[], rules: readonly RuleSummary[]): Row[] {
  const ids: string[] = [];
  for (const report of reports) for (const o of report.outcomes) if (!ids.includes(o.id)) ids.push(o.id);
  const order = new Map(rules.map((r, i) => [r.id, i]));
  ids.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
  return ids.map((id) => {
    const results = reports.map((r) => r.outcomes.find((o) => o.id === id));
    const statuses = results.map((o) => o?.status ?? 'not checked');
    return { id, description: rules.find((r) => r.id === id)?.description ?? '', results, differs: new Set(statuses).size > 1 };
  });
}

function resultWords(outcome: RuleOutcome | undefined): string {
  if (!outcome) return '– not checked';
  if (outcome.status === 'passed') return '✔ passed';
  if (outcome.status === 'noted') return 'ℹ could not judge';
  return `${outcome.errors ? '✖' : '⚠'} ${describeCounts({ ...outcome, notes: 0, suppressed: 0 })}`;
}

function verdictWords(report: FileReport): string {
  const { errors, warnings } = report.counts;
  const passed = report.outcomes.filter((o) => o.status === 'passed').length;
  const rules = report.outcomes.length ? `${passed} of ${report.outcomes.length} rules passed` : 'no rules could run';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return errors + warnings === 0 ? `✔ no problems · ${rules}` : `${errors ? '✖' : '⚠'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} · ${rules}`;
}

const LETTERS = ['A', 'B'];

/** The terminal form: who each file is about, a table of rules, then what each file lacks. */
function compareText(reports: FileReport[], rows: Row[], options: { color: boolean; width: number }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const tint = (outcome: RuleOutcome | undefined, text: string) =>
    !outcome ? paint.dim(text) : outcome.status === 'passed' ? paint.green(text) : outcome.status === 'noted' ? paint.blue(text) : outcome.errors ? paint.red(text) : paint.yellow(text);
  const out: string[] = [paint.bold('Comparing two plans'), ''];
  reports.forEach((report, i) => {
    const model = report.cases[0]?.model;
    const who = model ? [model.person?.name, model.ref].filter(Boolean).join(' · ') : '';
    out.push(`  ${paint.bold(LETTERS[i]!)}  ${paint.underline(report.label)}${who ? `  ${paint.dim(who)}` : ''}`);
    out.push(`     ${verdictWords(report)}`);
  });
  out.push('');

  const idWidth = Math.max(4, ...rows.map((r) => r.id.length));
  const cellWidth = Math.max(12, ...rows.flatMap((r) => r.results.map((o) => resultWords(o).length)));
  out.push(paint.bold(`  ${'Rule'.padEnd(idWidth)}  ${LETTERS.map((l) => l.padEnd(cellWidth)).join('  ')}`.trimEnd()));
  for (const row of rows) {
    const cells = row.results.map((o) => tint(o, resultWords(o).padEnd(cellWidth))).join('  ');
    // ► marks the rules where the two plans differ: the ones worth talking about.
    out.push(`${row.differs ? paint.bold('►') : ' '} ${row.id.padEnd(idWidth)}  ${cells}`.trimEnd());
  }
  const totals = reports.map((r) => `${r.outcomes.filter((o) => o.status === 'passed').length}/${r.outcomes.length} passed`.padEnd(cellWidth));
  out.push(`  ${''.padEnd(idWidth)}  ${totals.join('  ')}`.trimEnd(), '');
  if (rows.some((r) => r.differs)) out.push(paint.dim('  ► the two plans differ on this rule'), '');

  reports.forEach((report, i) => {
    const findings = report.result.findings;
    out.push(paint.bold(`${LETTERS[i]}  ${report.label}: ${findings.length ? `${findings.length} finding${findings.length === 1 ? '' : 's'}` : 'no findings'}`));
    if (!findings.length) out.push(`   ${paint.green('Every rule that checked it passed.')}`);
    const locationWidth = Math.max(0, ...findings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of findings) {
      const location = `${f.line}:${f.column}`.padEnd(locationWidth);
      const lead = `   ${location}  `;
      const text = `${firstSentence(f.message)} (${f.ruleId})`;
      const lines = wrap(text, Math.max(30, options.width - lead.length));
      out.push(`${paint.dim(`   ${location}`)}  ${severityMark(f, paint)} ${lines[0] ?? ''}`);
      for (const more of lines.slice(1)) out.push(`${' '.repeat(lead.length + 2)}${more}`);
    }
    out.push('');
  });
  out.push(paint.dim('Run planlint <file> for the full findings, or planlint explain <rule-id> for what a rule asks for.'));
  return `${out.join('\n')}\n`;
}

function severityMark(f: Finding, paint: InstanceType<typeof Chalk>): string {
  return f.severity === 'error' ? paint.red('✖') : f.severity === 'warning' ? paint.yellow('⚠') : paint.blue('ℹ');
}

/** The HTML form: the rules table, then the two files' timelines and findings side by side. */
function compareHtml(reports: FileReport[], rows: Row[], context: FormatterContext): string {
  const cell = (o: RuleOutcome | undefined) => {
    const cls = !o ? 'muted' : o.status === 'passed' ? 'pill pass' : o.status === 'noted' ? 'pill sev-info' : `pill sev-${o.errors ? 'error' : 'warning'}`;
    return `<td class="result"><span class="${cls}">${e(resultWords(o))}</span></td>`;
  };
  const heads = reports.map((r, i) => `<th scope="col"><span class="letter">${LETTERS[i]}</span> ${e(r.label)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr class="${row.differs ? 'differs' : ''}"><th scope="row"><code>${e(row.id)}</code>${row.differs ? ' <span class="differs-mark" title="The two plans differ on this rule">◀ differs</span>' : ''}<span class="rule-desc">${e(row.description)}</span></th>${row.results.map(cell).join('')}</tr>`,
    )
    .join('\n');
  const foot = reports.map((r) => `<td>${r.outcomes.filter((o) => o.status === 'passed').length} of ${r.outcomes.length} passed</td>`).join('');
  const cards = reports
    .map((r, i) => {
      const model = r.cases[0]?.model;
      const who = model
        ? [model.person?.name, model.ref]
            .filter((x): x is string => Boolean(x))
            .map(e)
            .join(' · ')
        : '';
      const cls = r.counts.errors ? 'verdict-fail' : r.counts.warnings ? 'verdict-warn' : 'verdict-pass';
      return `<div class="compare-card"><p class="letter-big">${LETTERS[i]}</p><div><p class="compare-file">${e(r.label)}</p>${who ? `<p class="muted">${who}</p>` : ''}<p class="verdict ${cls}">${e(verdictWords(r))}</p></div></div>`;
    })
    .join('');
  const page = `<header class="report-head">
<p class="brand">planlint</p>
<h1>Comparing two plans</h1>
<p class="lead">The rules each plan passes and fails, then each case's timeline and findings side by side. Rows marked “differs” are where one plan does what the other does not.</p>
<div class="compare-cards">${cards}</div>
</header>
<main>
<section class="panel" id="rules" aria-labelledby="rules-title"><h2 id="rules-title">Rules, plan by plan</h2>
<table class="matrix"><thead><tr><th scope="col">Rule and what it checks</th>${heads}</tr></thead><tbody>
${body}
</tbody><tfoot><tr><td></td>${foot}</tr></tfoot></table></section>
<div class="compare-grid">${reports.map((r, i) => renderFileSection(r, i, context, { compact: true })).join('\n')}</div>
${renderExplanations(reports, context)}
</main>`;
  const styles = `
.compare-cards { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.compare-card { display: flex; gap: 1rem; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: .8rem 1.1rem; }
.compare-card p { margin: 0; }
.compare-file { font-weight: 700; font-size: 1.15rem; word-break: break-all; }
.letter-big { font-size: 2.4rem; font-weight: 800; line-height: 1; color: var(--accent); }
.letter { display: inline-block; background: var(--accent); color: #fff; border-radius: 4px; padding: 0 .4rem; margin-right: .3rem; }
.differs-mark { font-size: .8rem; font-weight: 700; color: #8a4b00; margin-left: .4rem; }
.matrix thead th { border-bottom: 2px solid var(--line); }
.matrix th[scope="row"] { font-weight: 400; }
.matrix th[scope="row"] code { font-weight: 700; }
@media print { .compare-cards { gap: .5rem; } }
`;
  return renderPage(`planlint: ${reports.map((r) => r.label).join(' compared with ')}`, page, { landscape: true, styles });
}
