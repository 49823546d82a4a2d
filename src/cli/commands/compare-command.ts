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
import { buildFileReport, firstSentence } from '../../formatters/html.js';
import { LETTERS, compareRows, formatCompareHtml, passedOfJudged, resultWords, verdictWords } from '../../formatters/html-compare.js';
import type { FileReport } from '../../formatters/html.js';
import type { RuleSummary } from '../../formatters/types.js';
import { createLintSetup, lintFiles } from '../../engine/lint-files.js';
import { PRESET_NAMES, isPresetName } from '../../engine/presets.js';
import { notRunSummary } from '../../core/rule-outcomes.js';
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
  const output =
    flags.format === 'html'
      ? formatCompareHtml(results, reportContext({ cwd, color: false, rules, formats: ['html'] }))
      : compareText(
          results.map((r) => buildFileReport(r, cwd)),
          rules,
          { color: flags.outputFile ? false : wantsColor(flags, process.stdout), width: Math.max(60, Math.min(process.stdout.columns ?? 100, 140)) },
        );
  if (flags.outputFile) refuseWritingOverReads([{ option: '--output-file', path: flags.outputFile }], { inputs: paths, reads });
  if (flags.outputFile) writeFileWhole(flags.outputFile, output, 'the comparison');
  else process.stdout.write(output);
  // A comparison is for learning from: a poor plan failing rules is the point, not a failed run.
  return results.some((r) => r.internalError) ? EXIT.usage : EXIT.ok;
}

/** The terminal form: who each file is about, a table of rules, then what each file lacks. */
function compareText(reports: FileReport[], rules: readonly RuleSummary[], options: { color: boolean; width: number }): string {
  const rows = compareRows(reports, rules);
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const tint = (outcome: RuleOutcome | undefined, text: string) =>
    !outcome ? paint.dim(text) : outcome.status === 'passed' ? paint.green(text) : outcome.status === 'noted' ? paint.blue(text) : outcome.errors ? paint.red(text) : paint.yellow(text);
  const out: string[] = [paint.bold('Comparing two plans'), ''];
  reports.forEach((report, i) => {
    const model = report.cases[0]?.model;
    const who = model ? [model.person?.name, model.ref].filter(Boolean).join(' · ') : '';
    out.push(`  ${paint.bold(LETTERS[i]!)}  ${paint.underline(report.label)}${who ? `  ${paint.dim(who)}` : ''}`);
    out.push(`     ${verdictWords(report)}`);
    // What could not be judged is said with the verdict, so a clean plan is not read as a full check.
    if (report.result.notRun) for (const line of wrap(`ℹ ${notRunSummary(report.result.notRun)} ${report.result.notRun.remedy}`, Math.max(30, options.width - 5))) out.push(paint.blue(`     ${line}`));
  });
  out.push('');

  const idWidth = Math.max(4, ...rows.map((r) => r.id.length));
  const totals = reports.map((r) => passedOfJudged(r.outcomes));
  const cellWidth = Math.max(12, ...rows.flatMap((r) => r.results.map((o) => resultWords(o).length)), ...totals.map((t) => t.length));
  out.push(paint.bold(`  ${'Rule'.padEnd(idWidth)}  ${LETTERS.map((l) => l.padEnd(cellWidth)).join('  ')}`.trimEnd()));
  for (const row of rows) {
    const cells = row.results.map((o) => tint(o, resultWords(o).padEnd(cellWidth))).join('  ');
    // ► marks the rules where the two plans differ: the ones worth talking about.
    out.push(`${row.differs ? paint.bold('►') : ' '} ${row.id.padEnd(idWidth)}  ${cells}`.trimEnd());
  }
  out.push(`  ${''.padEnd(idWidth)}  ${totals.map((t) => t.padEnd(cellWidth)).join('  ')}`.trimEnd(), '');
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
