/**
 * A worker thread that lints files for the pool in lint-pool.ts. It loads the rules and
 * config itself, lints each file it is sent, and writes which rule it is running into shared
 * memory so the main thread can stop it if one rule runs past the time limit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '../config.js';
import { lintOneFile, reportedFile } from '../lint-one-file.js';
import type { LintInput, ReportedFile, RunSettings } from '../lint-one-file.js';
import { loadBuiltInRules } from '../load-rules.js';
import type { RuleSetting } from '../rule-settings.js';
import { prepareValidators } from '../../validate/validate-document.js';
import { PROGRESS, progressWriter } from './worker-progress.js';

export interface WorkerSetup {
  /** Set when the run's only report is JSON: each file's entry is made here, from this working folder. */
  jsonReportCwd?: string;
  configPath?: string;
  cliRules: Record<string, RuleSetting>;
  run: RunSettings;
  progress: SharedArrayBuffer;
}

export interface WorkerRequest {
  index: number;
  input: LintInput;
}
/**
 * One file's outcome: `result` is a FileResult as JSON, which crosses threads faster than the
 * objects would be cloned; or, when the JSON report is the only output, `reported` is the file's
 * entry in it with what the exit code needs, so the main thread parses nothing.
 */
export interface WorkerOutcome {
  index: number;
  result?: string;
  reported?: ReportedFile;
  error?: string;
}

/** Outcomes in the order their files were sent; `ready` once the worker has loaded its rules. */
export type WorkerReply = { ready: true } | { outcomes: WorkerOutcome[] };

/**
 * Outcomes are sent back in groups: every message wakes the main thread, which on a machine with
 * as many workers as cores takes the core from a worker. A group goes at this size, or at once
 * when the worker has nothing more queued (so the main thread can send more).
 */
const OUTCOMES_PER_MESSAGE = 8;

const setup = workerData as WorkerSetup;

const [builtIns] = await Promise.all([loadBuiltInRules(), prepareValidators()]);
const resolver = new ConfigResolver(builtIns, { ...(setup.configPath ? { configPath: setup.configPath } : {}), cliRules: setup.cliRules });
const progress = progressWriter(setup.progress);

const queue: WorkerRequest[] = [];
let outcomes: WorkerOutcome[] = [];
let draining = false;

/** Lints queued files one at a time, in the order they were sent. */
async function drain(): Promise<void> {
  draining = true;
  while (queue.length > 0) {
    const { index, input } = queue.shift()!;
    progress(PROGRESS.reading, index);
    try {
      const result = await lintOneFile(input, resolver, builtIns, setup.run, (ruleId) => progress(PROGRESS.rule, index, ruleId));
      outcomes.push(setup.jsonReportCwd === undefined ? { index, result: JSON.stringify(result) } : { index, reported: reportedFile(result, setup.jsonReportCwd) });
    } catch (error) {
      outcomes.push({ index, error: error instanceof Error ? error.message : String(error) });
    }
    progress(PROGRESS.idle, index);
    if (outcomes.length >= OUTCOMES_PER_MESSAGE || queue.length === 0) {
      parentPort!.postMessage(
        { outcomes } satisfies WorkerReply,
        outcomes.flatMap((o) => (o.reported ? [o.reported.item.buffer as ArrayBuffer] : [])),
      );
      outcomes = [];
    }
  }
  draining = false;
}

parentPort!.on('message', (request: WorkerRequest) => {
  queue.push(request);
  if (!draining) void drain();
});
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
