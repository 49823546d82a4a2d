import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Option } from 'commander';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import type { FileResult } from '../findings.js';
import { findFiles } from '../find-files.js';
import { FORMATTER_NAMES, loadFormatter } from '../formatters/index.js';
import { lintFile } from '../lint.js';
import { loadBuiltInRules } from '../load-rules.js';
import { ruleDocPath } from '../package-root.js';
import { PRESET_NAMES } from '../presets.js';
import { activateRules } from '../rule-settings.js';
import { wantsColor } from '../terminal-color.js';
import { ruleSettings } from './rule-flags.js';

interface LintFlags {
  format: string;
  outputFile?: string;
  color?: boolean;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: string;
  preset: string;
}

/** The default command: lint paths, print findings, and say through the exit code how it went. */
export function registerLintCommand(program: Command, setExit: (code: number) => void): void {
  program
    .argument('[paths...]', 'files or directories to lint (.yaml, .yml, .json)')
    .addOption(new Option('-f, --format <name>', `output format: ${FORMATTER_NAMES.join(', ')}`).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of the terminal')
    .addOption(new Option('--preset <name>', `rule preset: ${PRESET_NAMES.join(', ')}`).default('recommended'))
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--color', 'force colour output')
    .option('--no-color', 'never colour the output')
    .action(async (paths: string[], flags: LintFlags) => setExit(await lint(paths, flags)));
}

async function lint(paths: string[], flags: LintFlags): Promise<number> {
  if (paths.length === 0) throw new UsageError('Give at least one file or directory to lint, for example: planlint examples/');
  const formatter = await loadFormatter(flags.format);
  if (!formatter) throw new UsageError(`Unknown format "${flags.format}". Available formats: ${FORMATTER_NAMES.join(', ')}.`);
  let maxWarnings: number | undefined;
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number; found "${flags.maxWarnings}".`);
  }
  const builtIns = await loadBuiltInRules();
  const rules = activateRules(builtIns, ruleSettings(builtIns, flags.preset, flags.rule), '--rule');
  const files = await findFiles(paths);
  const results: FileResult[] = [];
  for (const file of files) results.push(await lintFile(file, { rules }));

  const shown = flags.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  const output = formatter(shown, {
    cwd: process.cwd(),
    color: flags.outputFile ? false : wantsColor(flags, process.stdout),
    ruleDocUrl: (id) => (existsSync(ruleDocPath(id)) ? pathToFileURL(ruleDocPath(id)).href : undefined),
  });
  if (flags.outputFile) await writeFile(flags.outputFile, output);
  else process.stdout.write(output);

  if (results.some((r) => r.internalError)) return EXIT.usage;
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return EXIT.errors;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`planlint: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT.errors;
  }
  return EXIT.ok;
}
