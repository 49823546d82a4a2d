/**
 * A worker thread that lints files for the pool in lint-pool.ts. It loads the rules and
 * config itself, lints each file it is sent, and writes which rule it is running into shared
 * memory so the main thread can stop it if one rule runs past the time limit.
 *
 * Plugin rules run here contained: each runs in an async context of its own, so a throw from a
 * timer or a rejected promise it leaves behind is traced to it and reported as its fault on the
 * file, and `process.exit` throws in the rule instead of ending the thread. With `pluginRulesOnly`
 * the worker runs only the plugin rules, for a run whose built-in rules run in the main thread.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { Finding } from '../../core/findings.js';
import { ConfigResolver } from '../config.js';
import { checkPluginRules, lintOneFile, reportedFile } from '../lint-one-file.js';
import type { LintInput, OneFileOptions, ReportedFile, RunSettings } from '../lint-one-file.js';
import { loadBuiltInRules } from '../load-rules.js';
import type { RuleSetting } from '../rule-settings.js';
import { describeThrown } from '../run-rules.js';
import { prepareValidators } from '../../validate/validate-document.js';
import { PROGRESS, progressWriter } from './worker-progress.js';

export interface WorkerSetup {
  /** Set when the run's only report is JSON: each file's entry is made here, from this working folder. */
  jsonReportCwd?: string;
  configPath?: string;
  cliRules: Record<string, RuleSetting>;
  run: RunSettings;
  progress: SharedArrayBuffer;
  /** Run only each file's plugin rules; the outcome (a RuleOutcome as JSON) is merged in the main thread. */
  pluginRulesOnly?: boolean;
}

export interface WorkerRequest {
  /** The run the file belongs to: a worker kept between runs may report late on an earlier one. */
  runId: number;
  index: number;
  /** Counts the times this file was sent: an outcome of an earlier attempt is not used. */
  attempt: number;
  input: LintInput;
  /** Rules stopped on this file in an earlier attempt: not run again. */
  skip?: string[];
  /** The findings that say why, merged into the file's own. */
  faults?: Finding[];
}
/**
 * One file's outcome: `result` is a FileResult (or with pluginRulesOnly a RuleOutcome) as JSON,
 * which crosses threads faster than the objects would be cloned; or, when the JSON report is the
 * only output, `reported` is the file's entry in it with what the exit code needs, so the main
 * thread parses nothing.
 */
export interface WorkerOutcome {
  runId: number;
  index: number;
  attempt: number;
  result?: string;
  reported?: ReportedFile;
  error?: string;
}

/**
 * Outcomes in the order their files were sent; `ready` once the worker has loaded its rules;
 * `fault` when a rule failed after it returned (a timer's throw, a rejected promise): the file is
 * linted again without it. `crash`: something not traced to a rule failed, and the worker ends.
 */
export type WorkerReply = { ready: true } | { outcomes: WorkerOutcome[] } | { fault: { runId: number; index: number; ruleId: string; reason: string } } | { crash: string };

/**
 * Outcomes are sent back in groups: every message wakes the main thread, which on a machine with
 * as many workers as cores takes the core from a worker. A group goes at this size, or at once
 * when the worker has nothing more queued (so the main thread can send more).
 */
const OUTCOMES_PER_MESSAGE = 8;

const setup = workerData as WorkerSetup;
const port = parentPort!;

/** The rule a plugin's code runs for, and the file it was checking, kept through its timers and promises. */
const ruleContext = new AsyncLocalStorage<{ runId: number; index: number; ruleId: string }>();
const exitThread = process.exit.bind(process);
let current = { runId: -1, index: -1 };

/** A rule's fault after it returned (or outside any rule: the worker ends, as a fault of planlint's). */
function onStrayError(error: unknown): void {
  const at = ruleContext.getStore();
  if (at) {
    port.postMessage({ fault: { ...at, reason: describeThrown(error) } } satisfies WorkerReply);
    return;
  }
  port.postMessage({ crash: describeThrown(error) } satisfies WorkerReply);
  exitThread(1);
}
process.on('uncaughtException', onStrayError);
process.on('unhandledRejection', onStrayError);
// Ending the thread from a rule would throw away every file queued here: in a rule it is a throw,
// which the rule's failure finding reports at once. Code the main thread runs (a JavaScript
// config, a plugin's loading) is not affected.
process.exit = ((code?: number | string | null) => {
  if (ruleContext.getStore()) throw new Error(`it called process.exit(${code ?? ''}), which a rule may not do`);
  exitThread(code ?? undefined);
}) as typeof process.exit;

const [builtIns] = await Promise.all([loadBuiltInRules(), prepareValidators()]);
const builtInIds = new Set(builtIns.map((r) => r.meta.id));
const resolver = new ConfigResolver(builtIns, { ...(setup.configPath ? { configPath: setup.configPath } : {}), cliRules: setup.cliRules });
const progress = progressWriter(setup.progress);

/** Whether a plugin rule ran since the outcomes were last sent: they then wait a turn of the event loop for its stray errors. */
let pluginRan = false;
const contain = (ruleId: string, check: () => unknown): unknown => {
  if (builtInIds.has(ruleId)) return check();
  pluginRan = true;
  return ruleContext.run({ ...current, ruleId }, check);
};

const queue: WorkerRequest[] = [];
let outcomes: WorkerOutcome[] = [];
let draining = false;

/** Lints queued files one at a time, in the order they were sent. */
async function drain(): Promise<void> {
  draining = true;
  while (queue.length > 0) {
    const { runId, index, attempt, input, skip, faults } = queue.shift()!;
    current = { runId, index };
    // Loading the config and its plugins (once per folder) is not a rule's time: the watchdog waits.
    progress(PROGRESS.config, index);
    try {
      await resolver.settingsFor(input.filePath);
      progress(PROGRESS.reading, index);
      const options: OneFileOptions = { onRuleStart: (ruleId) => progress(PROGRESS.rule, index, ruleId), contain, ...(skip ? { skip } : {}), ...(faults ? { faults } : {}) };
      if (setup.pluginRulesOnly) {
        outcomes.push({ runId, index, attempt, result: JSON.stringify(await checkPluginRules(input, resolver, builtIns, setup.run, options)) });
      } else {
        const result = await lintOneFile(input, resolver, builtIns, setup.run, options);
        outcomes.push(setup.jsonReportCwd === undefined ? { runId, index, attempt, result: JSON.stringify(result) } : { runId, index, attempt, reported: reportedFile(result, setup.jsonReportCwd) });
      }
    } catch (error) {
      outcomes.push({ runId, index, attempt, error: describeThrown(error) });
    }
    progress(PROGRESS.idle, index);
    if (outcomes.length >= OUTCOMES_PER_MESSAGE || queue.length === 0) {
      // A plugin rule's timer or promise that fails straight after it returned is reported before its file's outcome.
      if (pluginRan) await new Promise((resolve) => setTimeout(resolve, 0));
      pluginRan = false;
      port.postMessage(
        { outcomes } satisfies WorkerReply,
        outcomes.flatMap((o) => (o.reported ? [o.reported.item.buffer as ArrayBuffer] : [])),
      );
      outcomes = [];
    }
  }
  draining = false;
}

port.on('message', (request: WorkerRequest) => {
  queue.push(request);
  if (!draining) void drain();
});
port.postMessage({ ready: true } satisfies WorkerReply);
