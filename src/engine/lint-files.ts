/**
 * The file-level engine: what a run of planlint does between the command line and the reports.
 * It finds the files (with the config's ignores), resolves each file's settings, reuses cached
 * results, lints the rest in this thread or in worker threads, applies or records the baseline,
 * and hands the results back one file at a time, in input order, so a 50,000-file run never holds
 * them all. lintText (lint.ts) is the same for one text in memory, with the rules given.
 *
 * The lint command, --watch and the language server all lint through here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { countFindings } from '../core/findings.js';
import type { FileResult } from '../core/findings.js';
import type { InputFormat } from '../hmpps/recognise-export.js';
import { findInputs } from '../input/find-files.js';
import { DEFAULT_MAX_FILE_BYTES, readSource, readStreamSource } from '../input/read-source.js';
import type { RuleMeta } from '../rule-kit/rule-api.js';
import { Baseline, BaselineRecorder } from './baseline.js';
import { ConfigResolver, describeExclusion } from './config.js';
import type { FileSettings } from './config.js';
import type { RuleOutcome } from './run-rules.js';
import type { WorkerKeeper } from './parallel/lint-pool.js';
import { LintCache, hashText } from './lint-cache.js';
import { hasPluginRules, lintOneFile, reportedFile } from './lint-one-file.js';
import type { LintInput, ReportedFile, RunSettings } from './lint-one-file.js';
import type { LintOptions } from './lint.js';
import { loadBuiltInRules } from './load-rules.js';
import type { AnyRule } from './load-rules.js';
import { presetSettings } from './presets.js';
import type { PresetName } from './presets.js';
import type { RuleSetting } from './rule-settings.js';
import { prepareValidators } from '../validate/validate-document.js';

export type { ReportedFile } from './lint-one-file.js';

/** How settings are found: the same for every run made with one LintSetup. */
export interface LintSetupOptions {
  /** Use this config file for every file instead of the planlint.config.* nearest to each (--config). */
  configPath?: string;
  /** A preset applied over the config files (--preset). */
  preset?: PresetName;
  /** Rule settings that win over the config and the preset (--rule), by rule id. */
  rules?: Record<string, RuleSetting>;
  /** More ignore patterns (gitignore syntax, relative to the working folder), applied after the config's (--ignore-pattern). */
  ignorePatterns?: string[];
  /** Ignore nothing: .planlintignore, the config's `ignores` and ignorePatterns are all turned off (--no-ignore). */
  noIgnore?: boolean;
  /**
   * The working folder, which with the folder of the config in use bounds where `extends` and
   * `plugins` paths may lead (process.cwd() by default).
   */
  projectFolder?: string;
  /** Whether JavaScript configs and plugins may run (default true); see ConfigResolverOptions.runCode. */
  runCode?: boolean;
}

/**
 * The built-in rules and the config resolver, loaded once. Pass one to several runs (--watch's
 * passes, an editor's documents) so config files and plugins are read once; make a new one when a
 * config file changes.
 */
export interface LintSetup {
  /** planlint's own rules. */
  builtIns: AnyRule[];
  /** Finds and reads the config that applies to each file (and caches it). */
  resolver: ConfigResolver;
  configPath?: string;
  /** The preset's settings with the rule settings over them, as the resolver applies them. */
  cliRules: Record<string, RuleSetting>;
  /** The ignore settings the resolver was made with, so a setup made again (a config changed) keeps them. */
  ignorePatterns?: string[];
  noIgnore?: boolean;
  /** The worker that runs plugin rules, kept between runs made with this setup; closeLintSetup ends it. */
  workers?: WorkerKeeper;
}

/** Ends what a setup keeps between runs (the worker for plugin rules), when it is replaced. */
export function closeLintSetup(setup: LintSetup): void {
  setup.workers?.close();
}

/** Loads the built-in rules and the schema validators, and makes a config resolver for these options. */
export async function createLintSetup(options: LintSetupOptions = {}): Promise<LintSetup> {
  const [builtIns] = await Promise.all([loadBuiltInRules(), prepareValidators()]);
  const cliRules = { ...(options.preset ? presetSettings(options.preset, builtIns) : {}), ...options.rules };
  const configPath = options.configPath;
  const resolver = new ConfigResolver(builtIns, {
    ...(configPath ? { configPath } : {}),
    ...(options.projectFolder ? { cwd: options.projectFolder } : {}),
    ...(options.runCode === false ? { runCode: false } : {}),
    cliRules,
    ...(options.ignorePatterns?.length ? { ignorePatterns: options.ignorePatterns } : {}),
    ...(options.noIgnore ? { noIgnore: true } : {}),
  });
  return {
    builtIns,
    resolver,
    ...(configPath ? { configPath } : {}),
    cliRules,
    ...(options.ignorePatterns?.length ? { ignorePatterns: options.ignorePatterns } : {}),
    ...(options.noIgnore ? { noIgnore: true } : {}),
  };
}

/** What lintFiles does with the baseline file (--baseline). */
export interface BaselineOption {
  file: string;
  /**
   * `apply` (the default): findings recorded in the file are marked suppressed. `update`: every
   * finding is recorded in the file instead, which is written when the run ends (the file need
   * not exist). `prune`: apply, and when the run ends remove the entries that no longer occur.
   */
  mode?: 'apply' | 'update' | 'prune';
}

export interface LintFilesOptions extends LintSetupOptions {
  /** Rules and config loaded beforehand; when given, configPath, preset and rules are taken from it. */
  setup?: LintSetup;
  /** The working folder: ignore files are matched from it. Defaults to process.cwd(). */
  cwd?: string;
  /**
   * Lint this text (or everything the stream yields, such as process.stdin, read up to
   * maxFileBytes) as the file `filePath` instead of finding files; the patterns must be empty.
   */
  text?: string | AsyncIterable<Uint8Array | string>;
  /**
   * The name the text is reported under and finds its config by. Defaults to `<stdin>`. When this
   * names an ignored file, nothing is linted and onIgnored is told, as for a file named in patterns.
   */
  filePath?: string;
  /**
   * Lint the text only if it is a planlint document or an HMPPS export, as for a file found by
   * walking a folder; otherwise its result is marked `skipped` (the language server's choice).
   */
  onlyPlanlintText?: boolean;
  /**
   * Whether a file named in the patterns counts as found by walking a folder, and so is skipped when
   * it is not planlint's: --watch lints a folder's changed files by name.
   */
  countsAsFound?: (filePath: string) => boolean;
  /**
   * Told of each file the ignores (or the config's `files`) leave out: `named` when it was named
   * as it is, which the lint command warns about; otherwise found by walking a folder or a glob.
   * `why` says by what, as in `ignored by "archive/**" in planlint.config.yaml`.
   */
  onIgnored?: (filePath: string, why: string, named: boolean) => void;
  /** Whether a pattern or folder that matches no files stops the run with a UsageError (the default). */
  errorOnUnmatchedPattern?: boolean;
  /**
   * Called with the files found (none for text) and the other files the run reads (LintRun.reads),
   * before the baseline or cache is read and before anything is linted or written: a caller may
   * stop the run here by throwing (the lint command refuses to write over any of them).
   */
  onFiles?: (files: readonly string[], reads: LintRun['reads']) => void;
  /** Keep results here and reuse them for files and settings unchanged since (--cache). Not used for text. */
  cacheLocation?: string;
  baseline?: BaselineOption;
  /** Worker threads: a number, or `auto` (the default: all cores once there is enough work). 1 lints in this thread. */
  concurrency?: number | 'auto';
  /**
   * The worker thread's module, compiled JavaScript. Defaults to the lint-worker.js built beside
   * this code; when there is none (running from the TypeScript source), files are linted in this thread.
   */
  workerUrl?: URL;
  /** Files a worker lints before it is replaced by a fresh one, which keeps a long run's memory flat. Default 5,000. */
  filesPerWorker?: number;
  /** How long one rule may run on one file before it is stopped (default 10,000 ms): a plugin rule always, any rule in worker threads. */
  ruleTimeoutMs?: number;
  /** Files larger than this are reported, not linted (default 10 MB). */
  maxFileBytes?: number;
  inputFormat?: InputFormat;
  /** The report will be shared: findings quote no input text and results are marked `redacted`. */
  redact?: boolean;
  /** Leave warnings and information out of the results (they still count in the summary's warnings). */
  quiet?: boolean;
  /**
   * Yield each file as its entry in the JSON report (a ReportedFile) rather than a FileResult,
   * with paths resolved from `cwd`. Worker threads then make the entries themselves when nothing
   * in this thread changes results, so the main thread only passes the bytes on.
   */
  jsonEntries?: { cwd: string };
  /**
   * Attach to each linted result what a report asks for beyond findings (the HTML report and the
   * compare view draw the source and the case as a timeline). Such runs lint in this thread, since
   * workers cannot send case models back, and do not reuse cached results, which keep no attachments.
   */
  attach?: LintOptions['attach'];
}

/** The files a run reads besides its inputs, as far as they are known now (LintRun.reads). */
function readsOf(resolver: ConfigResolver, options: LintFilesOptions): LintRun['reads'] {
  return [
    ...resolver.filesRead(),
    // A baseline being updated is written, not read: a clash with it is one between two outputs.
    ...(options.baseline && options.baseline.mode !== 'update' ? [{ path: options.baseline.file, what: 'the baseline being read', role: 'baseline' as const }] : []),
    ...(options.cacheLocation !== undefined && options.text === undefined ? [{ path: options.cacheLocation, what: 'the cache', role: 'cache' as const }] : []),
  ];
}

/** One linted file: a FileResult, or its JSON report entry when the jsonEntries option is set. */
export type LintedFile = FileResult | ReportedFile;

/** Whether a result is a JSON report entry (the jsonEntries option) rather than a FileResult. */
export function isReportedFile(file: LintedFile): file is ReportedFile {
  return 'item' in file;
}

/** Totals over a run; complete once `results` has been read to the end. */
export interface LintSummary {
  /** Errors and warnings after the baseline, before `quiet`. */
  errors: number;
  warnings: number;
  /** A rule failed or was stopped, or a file could not be linted for a fault of planlint's. */
  internalError: boolean;
  /** Files found by walking a folder or matching a glob that were not planlint documents (results marked `skipped`). */
  skipped: number;
  /** With baseline mode `update`: the findings recorded. With `prune`: the entries kept and removed. */
  baseline?: { recorded: number } | { kept: number; removed: number };
  /**
   * Plugin rules that failed on a file after its result was given (a timer or promise they left
   * behind failed late): one line each, naming the file and the rule. `internalError` is set too.
   */
  lateFaults?: string[];
}

/** A run under way: what it will lint, known at once, and its results as they come. */
export interface LintRun<Result extends LintedFile = LintedFile> {
  /** The files of the run, in the order their results come. */
  files: readonly string[];
  /** Every rule the run may report, plugins' included, for reports that describe them. */
  rules: readonly RuleMeta<unknown>[];
  /** One result per file, in the order of `files`. Read it once; stopping early stops the workers. */
  results: AsyncIterable<Result>;
  summary: LintSummary;
  /**
   * Every file the run reads besides its inputs, known before any result: config files (and those
   * they extend), plugins, ignore files, the baseline and the cache, each with its part in words
   * and, for the baseline and cache, its role, so a caller can refuse to write over any of them.
   */
  reads: readonly { path: string; what: string; role?: 'baseline' | 'cache' }[];
}

/** How long one rule may run on one file in a worker before it is stopped (--rule-timeout): plugin rules always run in one. */
export const DEFAULT_RULE_TIMEOUT_MS = 10_000;
/** Below this many files, starting workers costs more than it saves. */
const FILES_PER_WORKER_WORTHWHILE = 100;

let builtWorker: URL | null | undefined;
/**
 * The compiled worker, if there is one: beside this module's folder (dist/src/engine/parallel), or
 * beside the bundle that holds this code (dist/bundle/lint-worker.js, from the bundle or one of its chunks).
 */
function defaultWorkerUrl(): URL | undefined {
  builtWorker ??= ['./parallel/lint-worker.js', './lint-worker.js', '../lint-worker.js'].map((p) => new URL(p, import.meta.url)).find((url) => existsSync(url)) ?? null;
  return builtWorker ?? undefined;
}

function chooseThreads(concurrency: number | 'auto', files: number, workerUrl: URL | undefined): number {
  if (!workerUrl) return 1;
  if (concurrency !== 'auto') return concurrency;
  return files >= FILES_PER_WORKER_WORTHWHILE * 2 ? Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER_WORTHWHILE)) : 1;
}

/**
 * Lints the files the patterns name (files, folders and glob patterns), or the text given, as
 * `planlint` does. Settings are resolved for every file before this returns, so a config
 * mistake throws here, before any result; the results then stream.
 *
 * Results are FileResults, or JSON report entries with the jsonEntries option.
 *
 * @example
 * const run = await lintFiles(['plans/'], { cacheLocation: '.planlintcache' });
 * for await (const result of run.results) console.log(result.filePath, result.findings.length);
 * if (run.summary.errors > 0) process.exitCode = 1;
 */
export async function lintFiles(patterns: readonly string[], options?: LintFilesOptions & { jsonEntries?: undefined }): Promise<LintRun<FileResult>>;
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions & { jsonEntries: { cwd: string } }): Promise<LintRun<ReportedFile>>;
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions): Promise<LintRun>;
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintRun> {
  const setup = options.setup ?? (await createLintSetup(options));
  const { resolver, builtIns } = setup;
  const cwd = options.cwd ?? process.cwd();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;

  let inputs: LintInput[];
  let unreadableText: FileResult | undefined;
  if (options.text !== undefined) {
    if (patterns.length > 0) throw new Error('lintFiles: give either text or patterns, not both.');
    const filePath = options.filePath ?? '<stdin>';
    // Text named as an ignored file is left out as a named file is (ESLint's lintText does the same), so editors leave it alone.
    const exclusion = options.filePath === undefined ? undefined : await resolver.exclusionOf(filePath, cwd);
    if (exclusion) {
      options.onIgnored?.(filePath, describeExclusion(exclusion, cwd), true);
      inputs = [];
    } else {
      // A stream is decoded and size-checked as a file is.
      const source = typeof options.text === 'string' ? { text: options.text } : await readStreamSource(options.text, maxFileBytes);
      if ('problem' in source) unreadableText = { filePath, findings: [source.problem] };
      inputs = [{ filePath, ...('text' in source ? { text: source.text } : {}), ...(options.onlyPlanlintText ? { walked: true } : {}) }];
    }
    if (options.onFiles) {
      await resolver.configFor(filePath);
      options.onFiles([], readsOf(resolver, options));
    }
  } else {
    const { files, named } = await findInputs([...patterns], {
      errorOnUnmatched: options.errorOnUnmatchedPattern ?? true,
      cwd,
      isIgnored: async (file) => {
        const exclusion = await resolver.exclusionOf(file, cwd);
        return exclusion && describeExclusion(exclusion, cwd);
      },
      ...(options.onIgnored ? { onIgnored: (file, why, isNamed) => options.onIgnored!(file, why ?? 'ignored', isNamed) } : {}),
    });
    // Finding the files resolved each one's config (for its ignores), so every config file and plugin is known.
    options.onFiles?.(files, readsOf(resolver, options));
    // Files found by walking or by a glob are skipped when they are not planlint's; named ones are judged.
    inputs = files.map((filePath) => (named.has(filePath) && !options.countsAsFound?.(filePath) ? { filePath } : { filePath, walked: true }));
  }

  const cache = options.cacheLocation !== undefined && options.text === undefined ? new LintCache(options.cacheLocation) : undefined;
  const mode = options.baseline?.mode ?? 'apply';
  const baseline = options.baseline ? Baseline.load(options.baseline.file, { mustExist: mode !== 'update' }) : undefined;
  const recorder = options.baseline && mode === 'update' ? new BaselineRecorder(options.baseline.file) : undefined;
  const run: RunSettings = { ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}), maxFileBytes, ...(options.redact ? { redact: true } : {}) };

  // Settings are resolved here for every file first, so a config mistake stops the run before
  // any output, and so reports know every rule (plugins included) that may appear.
  const rules = new Map<string, RuleMeta<unknown>>(builtIns.map(({ meta }) => [meta.id, meta]));
  const cacheKeys: { content: string; settings: string }[] = [];
  const ready = new Map<number, FileResult>();
  const jobs: LintInput[] = [];
  /** Whether each job has a plugin rule to run: those run contained, in a worker thread. */
  const withPlugins: boolean[] = [];
  const addJob = (job: LintInput, rulesOfJob: FileSettings['rules']) => {
    jobs.push(job);
    withPlugins.push(hasPluginRules(rulesOfJob, builtIns));
  };
  for (const [index, input] of inputs.entries()) {
    const { settings, config, rules: active } = await resolver.settingsFor(input.filePath);
    for (const { meta } of config.pluginRules) rules.set(meta.id, meta);
    if (unreadableText) {
      ready.set(index, unreadableText);
      continue;
    }
    if (!cache) {
      addJob(input, active);
      continue;
    }
    // The cache needs the content to know whether it changed; the text read here is passed on.
    const source = input.text !== undefined ? { text: input.text } : await readSource(input.filePath, maxFileBytes);
    if ('problem' in source) {
      ready.set(index, { filePath: input.filePath, findings: [source.problem] });
      continue;
    }
    // A file not planlint's is skipped when found by walking and judged when named: both outcomes are kept apart.
    const key = { content: hashText(source.text), settings: hashText(JSON.stringify([config.configFiles, settings, run, input.walked === true])) };
    cacheKeys[index] = key;
    const cached = options.attach ? undefined : cache.get(input.filePath, key.content, key.settings);
    if (cached) ready.set(index, cached);
    else addJob({ ...input, text: source.text }, active);
  }

  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const threads = options.attach ? 1 : chooseThreads(options.concurrency ?? 'auto', jobs.length, workerUrl);
  // When nothing here changes results, workers make the JSON report entries themselves: the main
  // thread, which would parse and re-serialise every result, was as busy as a worker and kept a
  // 50,000-file run's memory growing.
  const jsonCwd = options.jsonEntries?.cwd;
  const workersWriteJson = jsonCwd !== undefined && !options.quiet && !baseline && !recorder && !cache;
  const summary: LintSummary = { errors: 0, warnings: 0, internalError: false, skipped: 0 };
  const pool = {
    workerUrl: workerUrl!,
    timeoutMs: options.ruleTimeoutMs ?? DEFAULT_RULE_TIMEOUT_MS,
    cliRules: setup.cliRules,
    run,
    ...(setup.configPath ? { configPath: setup.configPath } : {}),
    // A rule that fails late, after its file was given out, is told in one line; the run still fails.
    onLateFault: (filePath: string, ruleId: string, message: string) => {
      summary.internalError = true;
      (summary.lateFaults ??= []).push(`${filePath}: ${message}`);
    },
  };
  // Worker threads (and node:worker_threads) are loaded only for runs that use them: big ones, and
  // those with plugin rules, which always run contained in a worker.
  const linted: AsyncGenerator<FileResult | ReportedFile> =
    threads > 1 && workerUrl
      ? ((await import('./parallel/lint-pool.js')).lintInWorkers(jobs, {
          ...pool,
          threads,
          ...(workersWriteJson ? { jsonReportCwd: jsonCwd } : {}),
          ...(options.filesPerWorker ? { filesPerWorker: options.filesPerWorker } : {}),
        }) as AsyncGenerator<FileResult | ReportedFile>)
      : await (async () => {
          // attach stays out of `run`, so it is not part of the cache key.
          const settings = options.attach ? { ...run, attach: options.attach } : run;
          // Built-in rules run here; plugin rules, in one worker thread that works ahead of this one.
          const pluginJobs = workerUrl ? jobs.filter((_, i) => withPlugins[i]) : [];
          let plugins: AsyncGenerator<RuleOutcome> | undefined;
          if (pluginJobs.length > 0) {
            const { WorkerKeeper, lintInWorkers } = await import('./parallel/lint-pool.js');
            // A setup given by the caller is used again (the language server, --watch): its worker is kept for the next run.
            const keeper = options.setup ? (options.setup.workers ??= new WorkerKeeper()) : undefined;
            plugins = lintInWorkers(pluginJobs, { ...pool, threads: 1, pluginRulesOnly: true, ...(keeper ? { keeper } : {}) }) as AsyncGenerator<RuleOutcome>;
          }
          return (async function* () {
            try {
              for (const [i, job] of jobs.entries()) {
                if (plugins && withPlugins[i]) {
                  const elsewhere = (await plugins.next()).value as RuleOutcome;
                  yield await lintOneFile(job, resolver, builtIns, settings, { builtInOnly: true, elsewhere });
                } else yield await lintOneFile(job, resolver, builtIns, settings);
              }
            } finally {
              await plugins?.return(undefined);
            }
          })();
        })();

  const files = inputs.map((i) => i.filePath);

  async function* results(): AsyncGenerator<LintedFile> {
    try {
      for (let index = 0; index < inputs.length; index++) {
        let result = ready.get(index);
        if (!result) {
          const next = (await linted.next()).value as FileResult | ReportedFile;
          if (isReportedFile(next)) {
            if (next.skipped) summary.skipped++;
            summary.internalError ||= next.internalError === true;
            summary.errors += next.errors;
            summary.warnings += next.warnings;
            yield next;
            continue;
          }
          result = next;
          const key = cacheKeys[index];
          if (cache && key) cache.set(result, key.content, key.settings);
        }
        if (options.redact) result = { ...result, redacted: true }; // results made outside lintText too (unreadable files, timeouts)
        recorder?.add(result);
        if (baseline && !recorder) result = baseline.apply(result);
        summary.internalError ||= result.internalError === true;
        if (result.skipped) summary.skipped++;
        const counts = countFindings(result.findings);
        summary.errors += counts.errors;
        summary.warnings += counts.warnings;
        if (options.quiet) result = { ...result, findings: result.findings.filter((f) => f.severity === 'error') };
        yield jsonCwd === undefined ? result : reportedFile(result, jsonCwd);
      }
    } finally {
      await linted.return(undefined);
    }
    cache?.save();
    if (recorder) summary.baseline = { recorded: recorder.save() };
    else if (baseline && mode === 'prune') summary.baseline = baseline.prune(files);
  }

  return { files, rules: [...rules.values()], results: results(), summary, reads: readsOf(resolver, options) };
}
