/**
 * `planlint --watch`: after the first run, lint files again as they are saved and print only what
 * changed, for an officer editing a plan in a plain editor with planlint open beside it.
 *
 * Folders (and the base of glob patterns) are watched recursively with node:fs watch, files through
 * their folder, since editors often save by writing a new file and renaming it over the old one.
 * An event only says "look again": the paths are expanded afresh, and a file is linted again only
 * when its content changed, so duplicate events and saves without edits print nothing.
 */
import { watch as watchFs } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import picomatch from 'picomatch';
import { Chalk } from 'chalk';
import { CONFIG_FILE_NAMES, IGNORE_FILE_NAME } from '../engine/config.js';
import { EXIT } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { findFiles } from '../input/find-files.js';
import type { FileResult } from '../core/findings.js';
import { streamStylish } from '../formatters/stylish.js';
import type { FormatterContext } from '../formatters/types.js';
import { hashText } from '../engine/lint-cache.js';
import { closeLintSetup, createLintSetup, lintFiles } from '../engine/lint-files.js';
import type { LintFilesOptions, LintSetup } from '../engine/lint-files.js';

/** How long the files must be quiet before they are linted again: one save is often several events. */
const WATCH_DELAY_MS = 150;

export interface WatchOptions {
  /** The paths given on the command line: files, folders and glob patterns. */
  paths: string[];
  /** The first run's options (its setup, baseline, quiet …): each file is linted again with them. */
  lint: LintFilesOptions & { setup: LintSetup };
  /** Each file of the first run (already printed) with its error and warning counts. */
  firstRun: Map<string, { errors: number; warnings: number }>;
  report: Omit<FormatterContext, 'cwd'>;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

interface Known {
  hash: string;
  mtimeMs: number;
  size: number;
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

/** Lints changed files until interrupted (Ctrl-C), then resolves with exit code 0. */
export async function watchFiles(options: WatchOptions): Promise<number> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const paint = new Chalk({ level: options.report.color ? 1 : 0 });
  const cwd = options.lint.cwd ?? process.cwd();
  let setup = options.lint.setup;
  const known = new Map<string, Known>();
  /** The config files (with their extends) that applied in the last pass, to notice edits to them. */
  let configFiles = new Map<string, number>();
  const errorsByFile = new Map(options.firstRun);

  const fingerprint = async (file: string): Promise<Known | undefined> => {
    try {
      const info = await stat(file);
      const previous = known.get(file);
      // Unchanged size and time: the content is taken to be unchanged, and not read again.
      if (previous?.mtimeMs === info.mtimeMs && previous.size === info.size) return previous;
      return { hash: hashText(await readFile(file, 'utf8')), mtimeMs: info.mtimeMs, size: info.size };
    } catch {
      return undefined;
    }
  };

  const currentFiles = async (): Promise<string[]> => {
    const found = new Set<string>();
    const exclusions = options.paths.filter((p) => p.startsWith('!'));
    for (const path of options.paths) {
      if (path.startsWith('!')) continue;
      // One path at a time (with the "!pattern" exclusions): a file deleted since the first run must not hide the others.
      const files = await findFiles([path, ...exclusions], { errorOnUnmatched: false, isIgnored: (f) => setup.resolver.isIgnored(f, cwd) }).catch(() => []);
      for (const f of files) found.add(f);
    }
    return [...found].sort();
  };

  /** Lints files as the first run did, in this thread; a file whose config is broken gets the error instead. */
  const lint = async (files: string[]): Promise<{ file: string; result: FileResult | Error }[]> => {
    if (files.length === 0) return [];
    try {
      // Files of a folder or glob are linted by name here, yet skipped as the first run skipped them when not planlint's.
      const named = new Set(options.paths);
      const run = await lintFiles(files, { ...options.lint, setup, concurrency: 1, errorOnUnmatchedPattern: false, jsonEntries: undefined, countsAsFound: (f) => !named.has(f) });
      const linted: { file: string; result: FileResult | Error }[] = [];
      for await (const result of run.results) linted.push({ file: run.files[linted.length]!, result });
      for (const file of files) for (const c of (await setup.resolver.settingsFor(file)).config.configFiles) if (!configFiles.has(c)) configFiles.set(c, await mtimeOf(c));
      return linted;
    } catch (error) {
      // Settings are resolved for every file before any is linted: find which files the mistake is in.
      if (files.length === 1) return [{ file: files[0]!, result: error instanceof Error ? error : new Error(String(error)) }];
      const linted: { file: string; result: FileResult | Error }[] = [];
      for (const file of files) linted.push(...(await lint([file])));
      return linted;
    }
  };

  const count = (file: string, result: FileResult) => {
    errorsByFile.set(file, {
      errors: result.findings.filter((f) => f.severity === 'error').length,
      warnings: result.findings.filter((f) => f.severity === 'warning').length,
    });
  };

  // What the first run saw, so the first change is compared with it, and the configs it used.
  for (const file of options.firstRun.keys()) {
    const now = await fingerprint(file);
    if (now) known.set(file, now);
    for (const c of (await setup.resolver.settingsFor(file)).config.configFiles) if (!configFiles.has(c)) configFiles.set(c, await mtimeOf(c));
  }

  const status = () => {
    let errors = 0;
    let warnings = 0;
    for (const c of errorsByFile.values()) {
      errors += c.errors;
      warnings += c.warnings;
    }
    const files = `${errorsByFile.size} file${errorsByFile.size === 1 ? '' : 's'}`;
    const state = errors + warnings === 0 ? paint.green('no problems') : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    return `${paint.dim(`[${new Date().toTimeString().slice(0, 8)}]`)} Watching ${files} (${state}). Press Ctrl-C to stop.\n`;
  };

  /** One pass after a quiet period: lint what changed and print it. */
  const pass = async (configTouched: boolean) => {
    let configChanged = configTouched;
    for (const [file, mtime] of configFiles) if ((await mtimeOf(file)) !== mtime) configChanged = true;
    if (configChanged) {
      closeLintSetup(setup);
      setup = await createLintSetup({
        ...(setup.configPath ? { configPath: setup.configPath } : {}),
        rules: setup.cliRules,
        ...(setup.ignorePatterns ? { ignorePatterns: setup.ignorePatterns } : {}),
        ...(setup.noIgnore ? { noIgnore: true } : {}),
      });
      configFiles = new Map();
    }
    const files = await currentFiles();
    const lines: string[] = [];
    const stylish = streamStylish.open({ ...options.report, cwd });
    const changed: string[] = [];
    for (const file of files) {
      const now = await fingerprint(file);
      if (!now) continue;
      const before = known.get(file);
      known.set(file, now);
      if (configChanged || before?.hash !== now.hash) changed.push(file);
    }
    for (const { file, result } of await lint(changed)) {
      if (result instanceof Error) {
        // A config mistake made while watching is shown, and watching goes on until it is fixed.
        lines.push(`${paint.red('✖')} ${displayPath(file, cwd)}: ${result.message}`);
        continue;
      }
      if (result.skipped) continue; // not a planlint document
      count(file, result);
      if (result.findings.length === 0) lines.push(`${paint.green('✔')} ${displayPath(file, cwd)}: no problems`);
      else lines.push(stylish.file(result).replace(/^\n/, ''));
    }
    for (const file of [...known.keys()]) {
      if (files.includes(file)) continue;
      known.delete(file);
      errorsByFile.delete(file);
      lines.push(`${paint.dim('–')} ${displayPath(file, cwd)}: deleted`);
    }
    if (lines.length === 0) return;
    out.write(`\n${lines.join('\n\n')}\n`);
    err.write(status());
  };

  // Which folders to watch, and whether recursively.
  const targets = new Map<string, boolean>();
  for (const path of options.paths) {
    if (path.startsWith('!')) continue; // an exclusion, not a place to watch
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) targets.set(resolve(path), true);
    else if (info) targets.set(resolve(dirname(path)), targets.get(resolve(dirname(path))) ?? false);
    else if (GLOB_CHARACTERS.test(path)) targets.set(resolve(picomatch.scan(path).base || '.'), true);
  }
  for (const file of configFiles.keys()) if (!targets.has(dirname(file))) targets.set(dirname(file), false);

  return new Promise<number>((done) => {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    let configTouched = false;
    const onEvent = (_event: string, name: string | Buffer | null) => {
      const file = name ? basename(name.toString()) : '';
      if (CONFIG_FILE_NAMES.includes(file) || file === IGNORE_FILE_NAME) configTouched = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const touched = configTouched;
        configTouched = false;
        // Passes run one after another, so a slow pass never interleaves its output with the next.
        running = running
          .then(() => pass(touched))
          .catch((error: unknown) => {
            err.write(`planlint: ${error instanceof Error ? error.message : String(error)}\n`);
          });
      }, WATCH_DELAY_MS);
    };
    const watchers: FSWatcher[] = [];
    for (const [dir, recursive] of targets) {
      try {
        watchers.push(watchFs(dir, { recursive }, onEvent));
      } catch {
        // Recursive watching is missing on some platforms and file systems: watch the folder itself.
        try {
          watchers.push(watchFs(dir, onEvent));
        } catch {
          err.write(`planlint: cannot watch ${displayPath(dir, cwd)}; changes there will not be seen.\n`);
        }
      }
    }
    const stop = () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // Stopping is how watching ends, not a failure: the exit code is 0.
      void running.finally(() => done(EXIT.ok));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    err.write(status());
  });
}

async function mtimeOf(file: string): Promise<number> {
  return (await stat(file).catch(() => undefined))?.mtimeMs ?? -1;
}
