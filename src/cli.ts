import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT, ruleDocPath } from './package-root.js';
import { Command, CommanderError, Option } from 'commander';
import type { FileResult } from './findings.js';
import { findFiles, UsageError } from './find-files.js';
import { FORMATTER_NAMES, loadFormatter } from './formatters/index.js';
import { lintFile } from './lint.js';
import { loadBuiltInRules } from './load-rules.js';
import { activateRules, SettingsError } from './rule-settings.js';
import type { RuleSetting } from './rule-settings.js';
import { renderForTerminal } from './terminal-text.js';
import { PRESET_NAMES, isPresetName, presetSettings } from './presets.js';
import type { AnyRule } from './load-rules.js';

/**
 * Exit codes: 0 no errors (warnings allowed), 1 at least one error finding, 2 a usage problem
 * (unknown option, missing path, no lintable files, bad setting) or an internal failure.
 */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;


interface LintFlags {
  format: string;
  outputFile?: string;
  color?: boolean;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: string;
  preset: string;
}

/** The rule settings for a run: the preset, then any --rule flags over it. */
function ruleSettings(rules: AnyRule[], preset: string, flags: string[] = []): Record<string, RuleSetting> {
  if (!isPresetName(preset)) throw new UsageError(`Unknown preset "${preset}". Available presets: ${PRESET_NAMES.join(', ')}.`);
  return { ...presetSettings(preset, rules), ...parseRuleFlags(flags) };
}

function wantsColor(flags: { color?: boolean }, stream: NodeJS.WriteStream): boolean {
  if (flags.color === false) return false;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  if (flags.color === true) return true;
  return stream.isTTY === true;
}

function parseRuleFlags(values: string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const value of values) {
    const match = /^([a-z0-9-]+):(off|warn|warning|error)$/.exec(value.trim());
    if (!match) throw new UsageError(`--rule expects id:severity (severity off, warn or error); found "${value}".`);
    settings[match[1]!] = match[2] as RuleSetting;
  }
  return settings;
}

async function lintCommand(paths: string[], flags: LintFlags): Promise<number> {
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

async function rulesCommand(flags: { format: string; preset: string }): Promise<number> {
  const rules = await loadBuiltInRules();
  const settings = ruleSettings(rules, flags.preset);
  const severityOf = (id: string) => String(settings[id]);
  if (flags.format === 'json') {
    const list = rules.map(({ meta }) => ({
      id: meta.id,
      severity: severityOf(meta.id),
      standard: meta.standard,
      guidance: meta.guidance,
      appliesTo: meta.appliesTo,
      description: meta.description,
      defaultOptions: meta.defaultOptions,
    }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  if (flags.format !== 'table') throw new UsageError(`Unknown format "${flags.format}" for planlint rules: use table or json.`);
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length));
  const standardWidth = Math.max(...rules.map((r) => r.meta.standard.length));
  for (const { meta } of rules) {
    process.stdout.write(`${meta.id.padEnd(idWidth)}  ${severityOf(meta.id).padEnd(7)}  ${meta.standard.padEnd(standardWidth)}  ${meta.description}\n`);
  }
  return EXIT.ok;
}

async function explainCommand(id: string): Promise<number> {
  const rules = await loadBuiltInRules();
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) throw new UsageError(`There is no rule "${id}". Run "planlint rules" to list them.`);
  const doc = await readFile(ruleDocPath(id), 'utf8').catch(() => `# ${id}\n\n${rule.meta.description}\n`);
  const width = Math.min(process.stdout.columns ?? 80, 100);
  process.stdout.write(renderForTerminal(doc, width, wantsColor({}, process.stdout)));
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('planlint')
    .description('Lint probation sentence plans, reviews and case files against HMIP engagement guidance.')
    .version((JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version)
    .argument('[paths...]', 'files or directories to lint (.yaml, .yml, .json)')
    .addOption(new Option('-f, --format <name>', `output format: ${FORMATTER_NAMES.join(', ')}`).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of the terminal')
    .addOption(new Option('--preset <name>', `rule preset: ${PRESET_NAMES.join(', ')}`).default('recommended'))
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--color', 'force colour output')
    .option('--no-color', 'never colour the output')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`planlint: ${message.replace(/^error: /, '')}`) })
    .action(async (paths: string[], flags: LintFlags) => {
      exitCode = await lintCommand(paths, flags);
    });

  program
    .command('rules')
    .description('list every rule with its severity, standard and description')
    .addOption(new Option('-f, --format <name>', 'table or json').default('table'))
    .addOption(new Option('--preset <name>', `show severities in this preset: ${PRESET_NAMES.join(', ')}`).default('recommended'))
    .action(async (flags: { format: string; preset: string }) => {
      exitCode = await rulesCommand(flags);
    });

  program
    .command('explain')
    .description("show a rule's documentation: why it matters, what good looks like, how to fix it")
    .argument('<rule-id>', 'the rule to explain')
    .action(async (id: string) => {
      exitCode = await explainCommand(id);
    });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      process.stderr.write('Run "planlint --help" for usage.\n');
      return EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof SettingsError) {
      process.stderr.write(`planlint: ${error.message}\n`);
      return EXIT.usage;
    }
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`planlint: internal error: ${reason}\nThis is a fault in planlint, not in your files; please report it.\n`);
    return EXIT.usage;
  }
}
