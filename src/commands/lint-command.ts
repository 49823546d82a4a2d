import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Option } from 'commander';
import type { Command } from 'commander';
import { Baseline } from '../baseline.js';
import { ConfigResolver } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import { ENGINE_RULE_IDS } from '../findings.js';
import type { FileResult } from '../findings.js';
import { findFiles } from '../find-files.js';
import { FORMATTER_NAMES } from '../formatters/index.js';
import { parseOutputs, writeOutputs } from '../formatters/outputs.js';
import type { RuleSummary } from '../formatters/types.js';
import { lintText } from '../lint.js';
import { LintCache, hashText } from '../lint-cache.js';
import { loadBuiltInRules } from '../load-rules.js';
import { ruleDocPath } from '../package-root.js';
import { PRESET_NAMES, isPresetName, presetSettings } from '../presets.js';
import { DEFAULT_MAX_FILE_BYTES, readSource } from '../read-source.js';
import { SUPPRESSION_RULE_ID } from '../suppressions.js';
import { wantsColor } from '../terminal-color.js';
import { prepareValidators } from '../validate-document.js';
import { parseRuleFlags } from './rule-flags.js';
import { INPUT_FORMATS } from '../hmpps/recognise-export.js';
import type { InputFormat } from '../hmpps/recognise-export.js';

interface LintFlags {
  format: string[];
  outputFile?: string;
  color?: boolean;
  rule: string[];
  quiet?: boolean;
  maxWarnings?: string;
  preset?: string;
  config?: string;
  printConfig?: string;
  stdin?: boolean;
  stdinFilename?: string;
  errorOnUnmatchedPattern: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  pruneBaseline?: boolean;
  cache?: boolean;
  cacheLocation: string;
  inputFormat: InputFormat;
  showPassed?: boolean;
}

/** The default command: lint paths, print findings, and say through the exit code how it went. */
export function registerLintCommand(program: Command, setExit: (code: number) => void): void {
  program
    .argument('[paths...]', 'files, directories or glob patterns to lint (.yaml, .yml, .json)')
    .addOption(new Option('-f, --format <name[:file]>', `output format: ${FORMATTER_NAMES.join(', ')}; name:file writes it to a file (repeatable)`).argParser((v: string, all: string[]) => [...all, v]).default([], 'stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of the terminal')
    .option('-c, --config <path>', 'use this config file instead of looking for planlint.config.* near each file')
    .option('--print-config <file>', 'print the configuration that applies to a file, and where it came from')
    .addOption(new Option('--preset <name>', `apply a preset over the config: ${PRESET_NAMES.join(', ')}`))
    .option('--rule <id:severity>', 'set a rule to off, warn or error (repeatable; wins over config)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--quiet', 'report errors only, not warnings')
    .option('--show-passed', 'teaching mode: list every rule checked for each file, passed as well as failed')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <name>', 'the file name to report (and find config for) with --stdin')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a pattern or folder matches no files')
    .option('--baseline <file>', 'ignore findings recorded in this baseline file; fail only on new ones')
    .option('--update-baseline', 'record every current finding in the --baseline file')
    .option('--prune-baseline', 'remove entries that no longer occur from the --baseline file')
    .option('--cache', 'reuse results for files and settings unchanged since the last run')
    .addOption(new Option('--cache-location <path>', 'where the cache is kept').default('.planlintcache'))
    .addOption(new Option('--input-format <format>', 'auto (recognise HMPPS sentence plan exports by their shape), planlint or hmpps-sentence-plan').choices(INPUT_FORMATS).default('auto'))
    .option('--color', 'force colour output')
    .option('--no-color', 'never colour the output')
    .action(async (paths: string[], flags: LintFlags) => setExit(await lint(paths, flags)));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function lint(paths: string[], flags: LintFlags): Promise<number> {
  const outputs = await parseOutputs(flags.format, flags.outputFile);
  let maxWarnings: number | undefined;
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number; found "${flags.maxWarnings}".`);
  }
  if (flags.preset !== undefined && !isPresetName(flags.preset)) throw new UsageError(`Unknown preset "${flags.preset}". Available presets: ${PRESET_NAMES.join(', ')}.`);
  if ((flags.updateBaseline || flags.pruneBaseline) && !flags.baseline) throw new UsageError('--update-baseline and --prune-baseline need --baseline <file>.');
  if (flags.config && !existsSync(flags.config)) throw new UsageError(`--config: ${flags.config} does not exist.`);

  const [builtIns] = await Promise.all([loadBuiltInRules(), prepareValidators()]);
  const cliRules = { ...(flags.preset ? presetSettings(flags.preset as 'recommended' | 'strict', builtIns) : {}), ...parseRuleFlags(flags.rule) };
  const resolver = new ConfigResolver(builtIns, { ...(flags.config ? { configPath: flags.config } : {}), cliRules });

  if (flags.printConfig) {
    const { config, overridesApplied, rules } = await resolver.settingsFor(flags.printConfig);
    const printed = {
      file: flags.printConfig,
      configFiles: config.configFiles,
      presets: ['recommended', ...config.presets, ...(flags.preset ? [`${flags.preset} (--preset)`] : [])],
      overridesApplied,
      plugins: config.pluginRules.map((r) => r.meta.id),
      ignores: config.ignores,
      rules: Object.fromEntries(rules.map((r) => [r.rule.meta.id, [r.severity === 'warning' ? 'warn' : r.severity, r.options]])),
    };
    process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
    return EXIT.ok;
  }

  const cwd = process.cwd();
  let inputs: { filePath: string; text?: string }[];
  if (flags.stdin) {
    if (paths.length > 0) throw new UsageError('Give either --stdin or paths to lint, not both.');
    inputs = [{ filePath: flags.stdinFilename ?? '<stdin>', text: await readStdin() }];
  } else {
    if (paths.length === 0) throw new UsageError('Give at least one file or directory to lint, for example: planlint examples/');
    const files = await findFiles(paths, { errorOnUnmatched: flags.errorOnUnmatchedPattern, isIgnored: (file) => resolver.isIgnored(file, cwd) });
    inputs = files.map((filePath) => ({ filePath }));
  }

  const cache = flags.cache && !flags.stdin ? new LintCache(flags.cacheLocation) : undefined;
  const baseline = flags.baseline ? Baseline.load(flags.baseline, { mustExist: !flags.updateBaseline }) : undefined;
  const results: FileResult[] = [];
  // What each rule checks, for reports that list rules passed as well as failed.
  const ruleSummaries = new Map<string, RuleSummary>(builtIns.map(({ meta }) => [meta.id, meta]));
  for (const input of inputs) {
    const { rules, settings, config } = await resolver.settingsFor(input.filePath);
    for (const { meta } of config.pluginRules) ruleSummaries.set(meta.id, meta);
    const knownRuleIds = new Set([...builtIns, ...config.pluginRules].map((r) => r.meta.id).concat(Object.values(ENGINE_RULE_IDS), SUPPRESSION_RULE_ID));
    let result: FileResult;
    const source = input.text !== undefined ? { text: input.text } : await readSource(input.filePath, DEFAULT_MAX_FILE_BYTES);
    if ('problem' in source) {
      result = { filePath: input.filePath, findings: [source.problem] };
    } else {
      const contentHash = cache ? hashText(source.text) : '';
      const settingsHash = cache ? hashText(JSON.stringify([config.configFiles, settings, flags.inputFormat])) : '';
      const cached = cache?.get(input.filePath, contentHash, settingsHash);
      result = cached ?? lintText(source.text, input.filePath, { rules, knownRuleIds, inputFormat: flags.inputFormat });
      if (!cached) cache?.set(result, contentHash, settingsHash);
    }
    results.push(baseline && !flags.updateBaseline ? baseline.apply(result) : result);
  }
  cache?.save();

  if (flags.updateBaseline && flags.baseline) {
    const count = Baseline.write(flags.baseline, results);
    process.stderr.write(`planlint: recorded ${count} finding${count === 1 ? '' : 's'} in ${flags.baseline}.\n`);
    return EXIT.ok;
  }
  if (flags.pruneBaseline && baseline && flags.baseline) {
    const { kept, removed } = baseline.prune(results.map((r) => r.filePath));
    process.stderr.write(`planlint: removed ${removed} finding${removed === 1 ? '' : 's'} that no longer occur from ${flags.baseline}; ${kept} remain.\n`);
  }

  const shown = flags.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : results;
  await writeOutputs(outputs, shown, {
    cwd,
    color: wantsColor(flags, process.stdout),
    ruleDocUrl: (id) => (existsSync(ruleDocPath(id)) ? pathToFileURL(ruleDocPath(id)).href : undefined),
    rules: [...ruleSummaries.values()],
    showPassed: flags.showPassed ?? false,
  });

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
