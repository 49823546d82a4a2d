import { existsSync } from 'node:fs';
import { Option } from 'commander';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { displayPath } from '../../core/paths.js';
import { printable } from '../../core/text.js';
import { countFindings } from '../../core/findings.js';
import { FORMATTER_NAMES, formatterNeeds } from '../../formatters/index.js';
import { openOutputs, parseOutputs } from '../../formatters/outputs.js';
import { describeExclusion } from '../../engine/config.js';
import { DEFAULT_RULE_TIMEOUT_MS, createLintSetup, isReportedFile, lintFiles } from '../../engine/lint-files.js';
import type { LintFilesOptions, LintSetup } from '../../engine/lint-files.js';
import { PRESET_NAMES, isPresetName } from '../../engine/presets.js';
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_SIZE_LIMIT, formatBytes, parseByteSize } from '../../input/read-source.js';
import { refuseWritingOverReads } from '../output-guard.js';
import { reportContext, ruleDocUrlFor } from '../report-context.js';
import { wantsColor } from '../terminal-color.js';
import { terminalColumns } from '../terminal-text.js';
import { parseRuleFlags } from './rule-flags.js';
import { INPUT_FORMATS } from '../../hmpps/recognise-export.js';
import type { InputFormat } from '../../hmpps/recognise-export.js';

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
  concurrency: string;
  ruleTimeout: string;
  maxFileSize?: string;
  redact?: boolean;
  watch?: boolean;
  ignorePattern: string[];
  ignore: boolean;
  warnIgnored: boolean;
  debug?: boolean;
}

/** --max-file-size: a size such as 10MB, 500KB or 1048576 (bytes). */
function fileSizeLimit(setting: string | undefined): number {
  if (setting === undefined) return DEFAULT_MAX_FILE_BYTES;
  const bytes = parseByteSize(setting);
  if (bytes === undefined) throw new UsageError(`--max-file-size expects a size such as 10MB, 500KB or 1048576 (bytes); found "${setting}".`);
  if (bytes > MAX_FILE_SIZE_LIMIT) throw new UsageError(`--max-file-size can be at most ${formatBytes(MAX_FILE_SIZE_LIMIT)}; found "${setting}".`);
  return bytes;
}

/** --concurrency: a number of worker threads, auto, or off (1: lint in this thread). */
function parseConcurrency(setting: string): number | 'auto' {
  if (setting === 'off') return 1;
  if (setting === 'auto') return 'auto';
  const n = Number(setting);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency expects a number from 1 to 64, auto or off; found "${setting}".`);
  return n;
}

function ruleTimeout(setting: string): number {
  const ms = Number(setting);
  if (!Number.isInteger(ms) || ms < 1) throw new UsageError(`--rule-timeout expects a whole number of milliseconds; found "${setting}".`);
  return ms;
}

/** The default command: lint paths, print findings, and say through the exit code how it went. */
export function registerLintCommand(program: Command, setExit: (code: number) => void): void {
  program
    .argument('[paths...]', 'files, directories or glob patterns to lint (.yaml, .yml, .json; in folders and globs, only planlint documents); "!pattern" leaves files out')
    .addOption(
      new Option('-f, --format <name[:file]>', `output format: ${FORMATTER_NAMES.join(', ')}; name:file writes it to a file (repeatable)`).argParser((v: string, all: string[]) => [...all, v]).default([], 'stylish'),
    )
    .option('-o, --output-file <path>', 'write the report to a file instead of the terminal')
    .option('-c, --config <path>', 'use this config file instead of looking for planlint.config.* near each file')
    .option('--print-config <file>', 'print the configuration that applies to a file, and where it came from')
    .addOption(new Option('--preset <name>', `apply a preset over the config: ${PRESET_NAMES.join(', ')}`))
    .option('--rule <setting>', 'set a rule: "id: warn" (off, warn or error) or JSON with options, {"id": ["error", {...}]} (repeatable; wins over config)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--quiet', 'report errors only, not warnings')
    .option('--show-passed', 'teaching mode: list every rule checked for each file, passed as well as failed')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--stdin', 'lint text read from standard input')
    .option('--stdin-filename <name>', 'the file name to report (and find config for) with --stdin')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a pattern or folder matches no files')
    .option(
      '--ignore-pattern <pattern>',
      'also ignore files matching this pattern (gitignore syntax, from the working folder; "!pattern" re-includes; repeatable)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--no-ignore', "ignore nothing: turn off .planlintignore, the config's ignores and --ignore-pattern")
    .option('--no-warn-ignored', 'say nothing when a file named on the command line is ignored')
    .option('--debug', 'list on stderr the files left out: other YAML/JSON files skipped, and files ignored')
    .option('--baseline <file>', 'ignore findings recorded in this baseline file; fail only on new ones')
    .option('--update-baseline', 'record every current finding in the --baseline file')
    .option('--prune-baseline', 'remove entries that no longer occur from the --baseline file')
    .option('--cache', 'reuse results for files and settings unchanged since the last run')
    .addOption(new Option('--cache-location <path>', 'where the cache is kept').default('.planlintcache'))
    .addOption(new Option('--input-format <format>', 'auto (recognise HMPPS sentence plan exports by their shape), planlint or hmpps-sentence-plan').choices(INPUT_FORMATS).default('auto'))
    .option('--concurrency <n|auto|off>', 'worker threads to lint with: a number, auto (all cores for large runs) or off', 'auto')
    .option('--rule-timeout <ms>', 'stop a plugin rule (in worker threads, any rule) that runs longer than this on one file', String(DEFAULT_RULE_TIMEOUT_MS))
    .option('--max-file-size <size>', 'do not lint files larger than this: bytes, or a size such as 500KB or 20MB (default 10MB)')
    .option('--redact', "leave quoted text and the person's name out of every report, so it can be shared")
    .option('-w, --watch', 'after linting, lint each file again when it is saved, printing only what changed (Ctrl-C to stop)')
    .option('--color', 'force colour output')
    .option('--no-color', 'never colour the output')
    .action(async (paths: string[], flags: LintFlags) => setExit(await lint(paths, flags)));
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
  if (flags.watch && (flags.stdin || flags.updateBaseline || flags.pruneBaseline))
    throw new UsageError('--watch lints files as they are saved; it cannot be combined with --stdin, --update-baseline or --prune-baseline.');
  if (flags.watch && outputs.some((o) => !o.path && o.format !== 'stylish'))
    throw new UsageError('--watch prints what changed in the stylish format; write other formats to a file (for example --format json:report.json).');
  const ruleTimeoutMs = ruleTimeout(flags.ruleTimeout);
  const maxFileBytes = fileSizeLimit(flags.maxFileSize);
  const concurrency = parseConcurrency(flags.concurrency);

  if (flags.ignorePattern.some((p) => p.trim() === '')) throw new UsageError('--ignore-pattern expects a pattern, for example --ignore-pattern "archive/**".');
  const setup = await createLintSetup({
    ...(flags.config ? { configPath: flags.config } : {}),
    projectFolder: process.cwd(),
    ...(flags.preset ? { preset: flags.preset } : {}),
    rules: parseRuleFlags(flags.rule),
    ...(flags.ignorePattern.length ? { ignorePatterns: flags.ignorePattern } : {}),
    ...(flags.ignore ? {} : { noIgnore: true }),
  });
  const cwd = process.cwd();
  // Config files found but not read (another tool's name, two in one folder): each said once, on stderr.
  let warned = 0;
  const warnAboutConfigs = () => {
    for (const warning of setup.resolver.warnings.slice(warned)) process.stderr.write(`planlint: warning: ${printable(warning)}\n`); // folder names can hold escapes
    warned = setup.resolver.warnings.length;
  };

  if (flags.printConfig) {
    const { config, overridesApplied, rules } = await setup.resolver.settingsFor(flags.printConfig);
    const exclusion = await setup.resolver.exclusionOf(flags.printConfig, cwd);
    warnAboutConfigs();
    const printed = {
      file: flags.printConfig,
      // Whether walking a folder or naming the file lints it, and if not, what leaves it out.
      ignored: exclusion ? describeExclusion(exclusion, cwd) : false,
      configFiles: config.configFiles,
      ignoreFiles: setup.resolver.ignoreFiles(cwd),
      ...(flags.ignorePattern.length ? { ignorePatterns: flags.ignorePattern } : {}),
      ...(flags.ignore ? {} : { noIgnore: true }),
      ...(config.files ? { files: config.files } : {}),
      configWarnings: setup.resolver.warnings,
      presets: ['recommended', ...config.presets, ...(flags.preset ? [`${flags.preset} (--preset)`] : [])],
      overridesApplied,
      plugins: config.pluginRules.map((r) => r.meta.id),
      ignores: config.ignores,
      rules: Object.fromEntries(rules.map((r) => [r.rule.meta.id, [r.severity === 'warning' ? 'warn' : r.severity, r.options]])),
    };
    process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
    return EXIT.ok;
  }

  if (flags.stdin && paths.length > 0) throw new UsageError('Give either --stdin or paths to lint, not both.');
  if (!flags.stdin && paths.length === 0) throw new UsageError('Give at least one file or directory to lint, for example: planlint examples/');
  // What every run of these files shares, the first and --watch's later ones.
  const options: LintFilesOptions & { setup: LintSetup } = {
    setup,
    cwd,
    concurrency,
    ruleTimeoutMs,
    maxFileBytes,
    inputFormat: flags.inputFormat,
    ...(flags.redact ? { redact: true } : {}),
    ...(flags.quiet ? { quiet: true } : {}),
    ...(flags.baseline ? { baseline: { file: flags.baseline, mode: flags.updateBaseline ? 'update' : flags.pruneBaseline ? 'prune' : 'apply' } } : {}),
  };
  // The HTML report draws each file's source and timeline: the engine attaches them. A redacted
  // run shows neither; standard input is not a file to show.
  const needs = formatterNeeds(outputs.map((o) => o.format));
  const attach = (needs.source || needs.cases) && !flags.redact && !flags.stdin ? { source: needs.source, cases: needs.cases } : undefined;
  const run = await lintFiles(flags.stdin ? [] : paths, {
    ...options,
    ...(flags.stdin ? { text: process.stdin, filePath: flags.stdinFilename ?? '<stdin>' } : {}),
    errorOnUnmatchedPattern: flags.errorOnUnmatchedPattern,
    onIgnored: (file, why, named) => {
      // As ESLint warns of an ignored file it is given; a file a walk leaves out is news only with --debug.
      if (named && flags.warnIgnored) {
        // --no-ignore turns ignores off; the config's files setting still applies.
        const lintIt = why.startsWith('ignored') ? '--no-ignore lints it' : 'add it to files to lint it';
        process.stderr.write(`planlint: warning: ${displayPath(file, cwd)} is ${why}, so it was not linted (${lintIt}; --no-warn-ignored hides this warning).\n`);
      } else if (flags.debug) process.stderr.write(`planlint: debug: left out ${displayPath(file, cwd)}: ${why}.\n`);
    },
    ...(flags.cache ? { cacheLocation: flags.cacheLocation } : {}),
    ...(attach ? { attach } : {}),
    // Before the baseline or cache is read and anything is written: no report, cache or baseline
    // may land on a file the run reads (an input, a config, a plugin, the ignore file, the
    // baseline, the cache) or on another output of the run.
    onFiles: (files, reads) =>
      refuseWritingOverReads(
        [
          ...outputs.flatMap((o) => (o.path === undefined ? [] : [{ option: o.fromOutputFile ? '--output-file' : `--format ${o.format}`, path: o.path }])),
          ...(flags.cache ? [{ option: '--cache-location', path: flags.cacheLocation, role: 'cache' }] : []),
          ...(flags.baseline && (flags.updateBaseline || flags.pruneBaseline) ? [{ option: '--baseline', path: flags.baseline, role: 'baseline' }] : []),
        ],
        { inputs: files, reads },
      ),
    // When the JSON report is all a run writes, it takes each file's entry ready-made (from the workers, when they can).
    ...(outputs.length === 1 && outputs[0]!.format === 'json' && !flags.watch ? { jsonEntries: { cwd } } : {}),
  });

  warnAboutConfigs();
  const report = flags.updateBaseline
    ? undefined
    : await openOutputs(
        outputs,
        reportContext({
          cwd,
          color: wantsColor(flags, process.stdout),
          rules: run.rules,
          formats: outputs.map((o) => o.format),
          showPassed: flags.showPassed ?? false,
          redact: flags.redact ?? false,
          width: terminalColumns(process.stdout, process.env, { terminalOnly: true }),
        }),
      );

  const firstRun = new Map<string, { errors: number; warnings: number }>();
  for await (const result of run.results) {
    if (result.skipped) {
      if (flags.debug) process.stderr.write(`planlint: debug: skipped ${displayPath(result.filePath, cwd)}: not a planlint document (no kind: case-file, sentence-plan or review) nor an HMPPS export.\n`);
      // A skipped file is in no report; stylish counts it in its summary.
      if (!isReportedFile(result)) await report?.add(result);
      continue;
    }
    if (isReportedFile(result)) {
      await report?.addItem(result.item);
      continue;
    }
    if (flags.watch) firstRun.set(result.filePath, countFindings(result.findings));
    await report?.add(result);
  }
  await report?.close();
  // A plugin rule that failed after its file was reported: the report could not show it, so it is said here.
  for (const line of run.summary.lateFaults ?? []) process.stderr.write(`planlint: ${line}\n`);

  if (flags.watch) {
    // Loaded only for --watch; it takes over until Ctrl-C.
    const { watchFiles } = await import('../watch.js');
    const width = terminalColumns(process.stdout, process.env, { terminalOnly: true });
    return watchFiles({ paths, lint: options, firstRun, report: { color: wantsColor(flags, process.stdout), rules: run.rules, ruleDocUrl: ruleDocUrlFor(run.rules), ...(width ? { width } : {}) } });
  }

  const { errors, warnings, internalError, baseline } = run.summary;
  if (baseline && 'recorded' in baseline) {
    process.stderr.write(`planlint: recorded ${baseline.recorded} finding${baseline.recorded === 1 ? '' : 's'} in ${flags.baseline}.\n`);
    // A rule that failed or was stopped leaves the baseline incomplete: CI must not take it for a clean record.
    return internalError ? EXIT.usage : EXIT.ok;
  }
  if (baseline) {
    process.stderr.write(`planlint: removed ${baseline.removed} finding${baseline.removed === 1 ? '' : 's'} that no longer occur from ${flags.baseline}; ${baseline.kept} remain.\n`);
  }

  if (internalError) return EXIT.usage;
  if (errors > 0) return EXIT.errors;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`planlint: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT.errors;
  }
  return EXIT.ok;
}
