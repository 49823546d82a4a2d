import { existsSync } from 'node:fs';
import { Option } from 'commander';
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { Baseline, BaselineRecorder } from '../../engine/baseline.js';
import { ConfigResolver } from '../../engine/config.js';
import { EXIT, UsageError } from '../../core/errors.js';
import { countFindings } from '../../core/findings.js';
import type { FileResult } from '../../core/findings.js';
import { findFiles } from '../../input/find-files.js';
import { FORMATTER_NAMES, formatterNeeds } from '../../formatters/index.js';
import { openOutputs, parseOutputs } from '../../formatters/outputs.js';
import type { RuleSummary } from '../../formatters/types.js';
import { lintOneFile } from '../../engine/lint-one-file.js';
import type { LintInput, RunSettings } from '../../engine/lint-one-file.js';
import type { ReportedFile } from '../../engine/parallel/lint-worker.js';
import { LintCache, hashText } from '../../engine/lint-cache.js';
import { loadBuiltInRules } from '../../engine/load-rules.js';
import { PRESET_NAMES, isPresetName, presetSettings } from '../../engine/presets.js';
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_SIZE_LIMIT, formatBytes, parseByteSize, readSource, readStreamSource } from '../../input/read-source.js';
import { refuseWritingToInputs } from '../output-guard.js';
import { reportContext, ruleDocUrlFor } from '../report-context.js';
import { wantsColor } from '../terminal-color.js';
import { prepareValidators } from '../../validate/validate-document.js';
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
}

/** --max-file-size: a size such as 10MB, 500KB or 1048576 (bytes). */
function fileSizeLimit(setting: string | undefined): number {
  if (setting === undefined) return DEFAULT_MAX_FILE_BYTES;
  const bytes = parseByteSize(setting);
  if (bytes === undefined) throw new UsageError(`--max-file-size expects a size such as 10MB, 500KB or 1048576 (bytes); found "${setting}".`);
  if (bytes > MAX_FILE_SIZE_LIMIT) throw new UsageError(`--max-file-size can be at most ${formatBytes(MAX_FILE_SIZE_LIMIT)}; found "${setting}".`);
  return bytes;
}

const DEFAULT_RULE_TIMEOUT_MS = 10_000;
/** Below this many files, starting workers costs more than it saves. */
const FILES_PER_WORKER_WORTHWHILE = 100;

/** Worker threads for a run: --concurrency n, off (1), or auto (all cores once there is enough work). */
function chooseThreads(setting: string, files: number): number {
  // Workers run the compiled code; from source (the tests' own imports) linting stays in-process.
  if (import.meta.url.endsWith('.ts')) return 1;
  if (setting === 'off') return 1;
  if (setting === 'auto') return files >= FILES_PER_WORKER_WORTHWHILE * 2 ? Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER_WORTHWHILE)) : 1;
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
    .option('--concurrency <n|auto|off>', 'worker threads to lint with: a number, auto (all cores for large runs) or off', 'auto')
    .option('--rule-timeout <ms>', 'stop a rule that runs longer than this on one file (in worker threads)', String(DEFAULT_RULE_TIMEOUT_MS))
    .option('--max-file-size <size>', 'do not lint files larger than this: bytes, or a size such as 500KB or 20MB (default 10MB)')
    .option('--redact', 'leave quoted text and the person\'s name out of every report, so it can be shared')
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
  if (flags.watch && (flags.stdin || flags.updateBaseline || flags.pruneBaseline)) throw new UsageError('--watch lints files as they are saved; it cannot be combined with --stdin, --update-baseline or --prune-baseline.');
  if (flags.watch && outputs.some((o) => !o.path && o.format !== 'stylish')) throw new UsageError('--watch prints what changed in the stylish format; write other formats to a file (for example --format json:report.json).');
  const timeoutMs = ruleTimeout(flags.ruleTimeout);
  const maxFileBytes = fileSizeLimit(flags.maxFileSize);
  chooseThreads(flags.concurrency, 0); // checks the setting before any work

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
  let unreadableStdin: FileResult | undefined;
  if (flags.stdin) {
    if (paths.length > 0) throw new UsageError('Give either --stdin or paths to lint, not both.');
    // Standard input is decoded and size-checked as a file is.
    const filePath = flags.stdinFilename ?? '<stdin>';
    const source = await readStreamSource(process.stdin, maxFileBytes);
    if ('problem' in source) unreadableStdin = { filePath, findings: [source.problem] };
    inputs = [{ filePath, ...('text' in source ? { text: source.text } : {}) }];
  } else {
    if (paths.length === 0) throw new UsageError('Give at least one file or directory to lint, for example: planlint examples/');
    const files = await findFiles(paths, { errorOnUnmatched: flags.errorOnUnmatchedPattern, isIgnored: (file) => resolver.isIgnored(file, cwd) });
    inputs = files.map((filePath) => ({ filePath }));
    refuseWritingToInputs(
      [
        ...outputs.flatMap((o) => (o.path === undefined ? [] : [{ option: o.path === flags.outputFile ? '--output-file' : `--format ${o.format}`, path: o.path }])),
        ...(flags.cache ? [{ option: '--cache-location', path: flags.cacheLocation }] : []),
        ...(flags.baseline && (flags.updateBaseline || flags.pruneBaseline) ? [{ option: '--baseline', path: flags.baseline }] : []),
      ],
      files,
    );
  }

  const cache = flags.cache && !flags.stdin ? new LintCache(flags.cacheLocation) : undefined;
  const baseline = flags.baseline ? Baseline.load(flags.baseline, { mustExist: !flags.updateBaseline }) : undefined;
  const recorder = flags.updateBaseline && flags.baseline ? new BaselineRecorder(flags.baseline) : undefined;
  const run: RunSettings = { ...(flags.inputFormat ? { inputFormat: flags.inputFormat } : {}), maxFileBytes, ...(flags.redact ? { redact: true } : {}) };
  // The HTML report draws each file's source and timeline: the engine attaches them, in this thread
  // (workers cannot send case models back). A redacted run shows neither; standard input is not a file to show.
  const needs = formatterNeeds(outputs.map((o) => o.format));
  const attach = (needs.source || needs.cases) && !flags.redact && !flags.stdin ? needs : undefined;

  // Settings are resolved here for every file first, so a config mistake stops the run before
  // any output, and so reports know every rule (plugins included) that may appear.
  const ruleSummaries = new Map<string, RuleSummary>(builtIns.map(({ meta }) => [meta.id, meta]));
  const cacheKeys: { content: string; settings: string }[] = [];
  const ready = new Map<number, FileResult>();
  const jobs: LintInput[] = [];
  for (const [index, input] of inputs.entries()) {
    const { settings, config } = await resolver.settingsFor(input.filePath);
    for (const { meta } of config.pluginRules) ruleSummaries.set(meta.id, meta);
    if (unreadableStdin) {
      ready.set(index, unreadableStdin);
      continue;
    }
    if (!cache) {
      jobs.push(input);
      continue;
    }
    // The cache needs the content to know whether it changed; the text read here is passed on.
    const source = input.text !== undefined ? { text: input.text } : await readSource(input.filePath, maxFileBytes);
    if ('problem' in source) {
      ready.set(index, { filePath: input.filePath, findings: [source.problem] });
      continue;
    }
    const key = { content: hashText(source.text), settings: hashText(JSON.stringify([config.configFiles, settings, run])) };
    cacheKeys[index] = key;
    const cached = attach ? undefined : cache.get(input.filePath, key.content, key.settings); // the cache keeps no attachments
    if (cached) ready.set(index, cached);
    else jobs.push({ filePath: input.filePath, text: source.text });
  }

  const threads = attach ? 1 : chooseThreads(flags.concurrency, jobs.length);
  // When the JSON report is all a run writes and nothing here changes results, the workers write
  // each file's entry themselves: the main thread, which would parse and re-serialise every
  // result, was as busy as a worker and kept a 50,000-file run's memory growing.
  const workersWriteJson = outputs.length === 1 && outputs[0]!.format === 'json' && !flags.quiet && !baseline && !recorder && !cache && !flags.watch;
  // Worker threads (and node:worker_threads) are loaded only for runs big enough to use them.
  const linted: AsyncGenerator<FileResult | ReportedFile> =
    threads > 1
      ? (await import('../../engine/parallel/lint-pool.js')).lintInWorkers(jobs, { threads, timeoutMs, cliRules, run, ...(flags.config ? { configPath: flags.config } : {}), ...(workersWriteJson ? { jsonReportCwd: cwd } : {}) })
      : (async function* () {
          for (const job of jobs) yield await lintOneFile(job, resolver, builtIns, attach ? { ...run, attach } : run);
        })();

  const report = recorder
    ? undefined
    : await openOutputs(
        outputs,
        reportContext({
          cwd,
          color: wantsColor(flags, process.stdout),
          rules: [...ruleSummaries.values()],
          formats: outputs.map((o) => o.format),
          showPassed: flags.showPassed ?? false,
          redact: flags.redact ?? false,
        }),
        inputs.map((i) => i.filePath),
      );

  let errors = 0;
  let warnings = 0;
  let internalError = false;
  const lintedPaths: string[] = [];
  const firstRun = new Map<string, { errors: number; warnings: number }>();
  try {
    for (let index = 0; index < inputs.length; index++) {
      let result = ready.get(index);
      if (!result) {
        const next = (await linted.next()).value as FileResult | ReportedFile;
        if ('item' in next) {
          lintedPaths.push(next.filePath);
          internalError ||= next.internalError === true;
          errors += next.errors;
          warnings += next.warnings;
          await report?.addItem(next.item);
          continue;
        }
        result = next;
        const key = cacheKeys[index];
        if (cache && key) cache.set(result, key.content, key.settings);
      }
      if (flags.redact) result = { ...result, redacted: true }; // results made outside lintText too (unreadable files, timeouts)
      lintedPaths.push(result.filePath);
      recorder?.add(result);
      if (baseline && !recorder) result = baseline.apply(result);
      internalError ||= result.internalError === true;
      const counts = countFindings(result.findings);
      errors += counts.errors;
      warnings += counts.warnings;
      if (flags.watch) firstRun.set(result.filePath, flags.quiet ? { errors: counts.errors, warnings: 0 } : counts);
      await report?.add(flags.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error') } : result);
    }
  } finally {
    await linted.return(undefined);
  }
  cache?.save();
  await report?.close();

  if (flags.watch) {
    // Loaded only for --watch; it takes over until Ctrl-C.
    const { watchFiles } = await import('../watch.js');
    return watchFiles({
      paths, cwd, builtIns, cliRules, run, quiet: flags.quiet ?? false, firstRun,
      ...(flags.config ? { configPath: flags.config } : {}),
      ...(baseline ? { baseline } : {}),
      report: { color: wantsColor(flags, process.stdout), rules: [...ruleSummaries.values()], ruleDocUrl: ruleDocUrlFor([...ruleSummaries.values()]) },
    });
  }

  if (recorder && flags.baseline) {
    const count = recorder.save();
    process.stderr.write(`planlint: recorded ${count} finding${count === 1 ? '' : 's'} in ${flags.baseline}.\n`);
    return EXIT.ok;
  }
  if (flags.pruneBaseline && baseline && flags.baseline) {
    const { kept, removed } = baseline.prune(lintedPaths);
    process.stderr.write(`planlint: removed ${removed} finding${removed === 1 ? '' : 's'} that no longer occur from ${flags.baseline}; ${kept} remain.\n`);
  }

  if (internalError) return EXIT.usage;
  if (errors > 0) return EXIT.errors;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`planlint: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT.errors;
  }
  return EXIT.ok;
}
