import { Worker } from 'node:worker_threads';
import type { FileResult, Finding } from '../../core/findings.js';
import { quote } from '../../core/text.js';
import { describeThrown } from '../run-rules.js';
import type { RuleOutcome } from '../run-rules.js';
import type { LintInput, ReportedFile } from '../lint-one-file.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './lint-worker.js';
import { SettingsError } from '../rule-settings.js';
import { PROGRESS, createProgress, readProgress } from './worker-progress.js';

export interface PoolOptions extends Omit<WorkerSetup, 'progress'> {
  threads: number;
  /** How long one rule (or reading one file) may run before its worker is stopped. */
  timeoutMs: number;
  /** The worker's entry module: compiled JavaScript (lint-worker.js), as Node cannot run TypeScript in a worker. */
  workerUrl: URL;
  /** Files one worker lints before it is replaced by a fresh one (DEFAULT_FILES_PER_WORKER). */
  filesPerWorker?: number;
  /** Told of a rule's failure on a file whose result was already given (a timer that fired late): it cannot be added to the file. */
  onLateFault?: (filePath: string, ruleId: string, message: string) => void;
  /** Takes a worker kept by an earlier run with the same setup, and keeps one when this run ends cleanly. */
  keeper?: WorkerKeeper;
}

/** Results allowed to wait for an earlier, slower file: bounds memory whatever the corpus size. */
const WINDOW = 64;

/**
 * Files sent to a worker ahead of the one it is on, so it never waits for the main thread to hand
 * it the next one. Workers answer in groups of up to 8 (lint-worker.ts), so this is twice that:
 * while one group travels back, the worker has the next in hand.
 */
const QUEUED_PER_WORKER = 16;

/**
 * Files one worker lints before it is replaced by a fresh one. Memory outside the JavaScript
 * heaps grows while workers run: a 50,000-file run on two workers grew by about 70 MB to 218–271 MB,
 * where one thread stayed flat. Replacing each worker every 5,000 files kept three such runs at
 * 240–244 MB, for a few hundred milliseconds of start-up each time. The tests pass a small number
 * (the filesPerWorker option) to replace workers often on a small corpus.
 */
export const DEFAULT_FILES_PER_WORKER = 5_000;

/** Heap per worker (old generation). Files are capped at 10 MB and 200,000 values, well within it. */
const WORKER_HEAP_MB = 160;

/**
 * Young generation per worker. V8's default lets it grow to 48 MB in each thread; a file's
 * short-lived data needs far less, and on a 10,000-file run this keeps the whole process about
 * 40 MB smaller for a few per cent more time collecting.
 */
const WORKER_YOUNG_MB = 16;

/**
 * A worker kept between runs made with one LintSetup (the language server's documents, --watch's
 * passes), so a run with plugin rules does not wait for a fresh worker each time. Only a worker
 * whose run ended cleanly is kept; it does not keep the process alive. close() ends it.
 */
export class WorkerKeeper {
  private kept: { key: string; worker: Worker; progress: SharedArrayBuffer; onExit: () => void } | undefined;

  /** The kept worker, if it was started with the same setup (the key), taken out of the keeper. */
  take(key: string): { worker: Worker; progress: SharedArrayBuffer } | undefined {
    const kept = this.kept;
    this.kept = undefined;
    kept?.worker.off('exit', kept.onExit);
    if (kept?.key === key && kept.worker.threadId !== -1) {
      kept.worker.ref();
      return kept;
    }
    if (kept) void kept.worker.terminate();
    return undefined;
  }

  /** Keeps a worker the pool has let go of (its listeners removed). */
  give(key: string, worker: Worker, progress: SharedArrayBuffer): void {
    if (this.kept) void this.kept.worker.terminate();
    worker.unref();
    // A kept worker that ends by itself (a rule's late doing) is not handed out again.
    const onExit = () => {
      if (this.kept?.worker === worker) this.kept = undefined;
    };
    worker.once('exit', onExit);
    this.kept = { key, worker, progress, onExit };
  }

  close(): void {
    void this.kept?.worker.terminate();
    this.kept = undefined;
  }
}

let lastRunId = 0;

/** What the pool yields for a file: a FileResult or JSON report entry, or with pluginRulesOnly the plugin rules' outcome. */
export type PoolResult = FileResult | ReportedFile | RuleOutcome;

/** A finding that a file, or a rule on it, was stopped: at its start, as nothing more is known. */
function stopFinding(ruleId: string, message: string): Finding {
  return { ruleId, severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

const FAULT_OF_RULE = 'This is a fault in the rule, not in the plan; please report it.';

interface Slot {
  worker: Worker;
  progress: SharedArrayBuffer;
  /** Inputs sent to this worker, oldest (the one it is on) first. */
  queue: number[];
  /** Files sent to this worker in all. */
  sent: number;
  lastStep: number;
  lastChange: number;
  /** Set when the pool ends the worker itself, so its exit is not taken for a rule's doing. */
  stopping: boolean;
  /** Removes this run's listeners, before the worker is kept for another run. */
  detach: () => void;
}

/**
 * Lints inputs across worker threads and yields the results in input order, so output is
 * byte-identical to a single-threaded run. Work is handed out one file at a time per worker,
 * with a few in flight, so memory stays flat however many files there are.
 *
 * A rule that fails so that its thread cannot go on — it runs past the time limit, runs out of
 * memory, ends the thread — is stopped with its worker, and so is one that fails after it
 * returned (a timer's throw, a rejected promise). Its file gets a finding naming the rule and is
 * linted again, at once, without it, so every other rule's findings are there; the other files are
 * sent to a fresh worker.
 */
export async function* lintInWorkers(inputs: LintInput[], options: PoolOptions): AsyncGenerator<PoolResult> {
  const filesPerWorker = options.filesPerWorker ?? DEFAULT_FILES_PER_WORKER;
  const runId = ++lastRunId;
  const results = new Map<number, PoolResult>();
  /** Whether a rule failed in this run: its workers are not kept, as one may still be busy with a file sent again. */
  let faulted = false;
  let next = 0; // next input to hand out
  let emitted = 0; // next result to yield
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  /** A file stopped outside any rule (reading it took too long, or ran out of memory): not linted. */
  const stopped = (index: number, message: string): PoolResult => {
    const finding = stopFinding('input', message);
    return options.pluginRulesOnly ? { findings: [finding], internalError: true, rulesChecked: [] } : { filePath: inputs[index]!.filePath, internalError: true, findings: [finding] };
  };

  const idle = new Set<Slot>();
  /** Inputs sent to a worker that was stopped before it reached them: handed out again first. */
  const resend: number[] = [];
  const sendAgain = (indexes: number[]) => {
    for (const index of indexes) if (!resend.includes(index)) resend.push(index);
    resend.sort((a, b) => a - b);
  };
  /** Files a rule failed on: the rules not to run again, and the findings that say why. */
  const retries = new Map<number, { skip: string[]; faults: Finding[] }>();

  /**
   * A rule failed on a file in a way only its thread could notice: the file is linted again
   * without it, with a finding that says why. A file already given out can no longer change.
   */
  const ruleFault = (index: number, ruleId: string, message: string) => {
    if (index < emitted) {
      options.onLateFault?.(inputs[index]!.filePath, ruleId, message);
      return;
    }
    faulted = true;
    const retry = retries.get(index) ?? { skip: [], faults: [] };
    if (retry.skip.includes(ruleId)) return;
    retry.skip.push(ruleId);
    retry.faults.push(stopFinding(ruleId, message));
    retries.set(index, retry);
    results.delete(index);
    for (const slot of slots) {
      const at = slot.queue.indexOf(index);
      if (at !== -1) slot.queue.splice(at, 1);
    }
    sendAgain([index]);
  };
  const reasonOf = (reason: string) => (options.run.redact ? 'details left out of a redacted report' : quote(reason, 200));

  const start = (slot: Slot) => {
    while (!failure && slot.queue.length < QUEUED_PER_WORKER && slot.sent < filesPerWorker && (resend.length > 0 || next < inputs.length)) {
      if (resend.length === 0 && next - emitted >= WINDOW) {
        idle.add(slot); // resumed once the output catches up
        return;
      }
      idle.delete(slot);
      const index = resend.length > 0 ? resend.shift()! : next++;
      if (slot.queue.length === 0) {
        slot.lastChange = Date.now();
        slot.lastStep = readProgress(slot.progress).step;
      }
      slot.queue.push(index);
      slot.sent++;
      const retry = retries.get(index);
      slot.worker.postMessage({ runId, index, attempt: retry?.skip.length ?? 0, input: inputs[index]!, ...(retry ? { skip: retry.skip, faults: retry.faults } : {}) } satisfies WorkerRequest);
    }
  };

  const settings: Omit<WorkerSetup, 'progress'> = {
    ...(options.configPath ? { configPath: options.configPath } : {}),
    ...(options.jsonReportCwd !== undefined ? { jsonReportCwd: options.jsonReportCwd } : {}),
    ...(options.pluginRulesOnly ? { pluginRulesOnly: true } : {}),
    cliRules: options.cliRules,
    run: options.run,
  };
  const keeperKey = JSON.stringify([options.workerUrl.href, settings]);

  const spawn = (): Slot => {
    const kept = options.keeper?.take(keeperKey);
    const progress = kept?.progress ?? createProgress();
    // A modest heap per worker keeps a long run's memory flat: V8 otherwise lets each worker's heap
    // grow long before collecting. A file or rule too big for it is reported, not fatal (see 'error').
    const worker =
      kept?.worker ??
      new Worker(options.workerUrl, {
        workerData: { ...settings, progress } satisfies WorkerSetup,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      });
    const slot: Slot = { worker, progress, queue: [], sent: 0, lastStep: readProgress(progress).step, lastChange: Date.now(), stopping: false, detach: () => undefined };
    // A kept worker is ready: it is given files at once.
    if (kept) queueMicrotask(() => start(slot));
    const onMessage = (reply: WorkerReply) => {
      if (slot.stopping) return; // from a worker already replaced; its files were sent again
      if ('ready' in reply) {
        start(slot);
        return;
      }
      if ('crash' in reply) {
        failure ??= new Error(`a worker thread failed: ${reply.crash}`);
        signal();
        return;
      }
      if ('fault' in reply) {
        const { index, ruleId, reason } = reply.fault;
        if (reply.fault.runId !== runId) return; // an earlier run's, given out already
        ruleFault(index, ruleId, `Rule "${ruleId}" failed after it returned, while checking this file (${reasonOf(reason)}), and was skipped. ${FAULT_OF_RULE}`);
        start(slot);
        signal();
        return;
      }
      for (const outcome of reply.outcomes) {
        if (outcome.runId !== runId) continue;
        if (outcome.attempt !== (retries.get(outcome.index)?.skip.length ?? 0)) continue; // linted again since, without a failed rule
        const at = slot.queue.indexOf(outcome.index);
        if (at === -1) continue;
        slot.queue.splice(at, 1);
        if (outcome.error !== undefined) failure ??= new SettingsError(outcome.error);
        else if (outcome.result) results.set(outcome.index, JSON.parse(outcome.result) as FileResult | RuleOutcome);
        else if (outcome.reported) results.set(outcome.index, outcome.reported);
      }
      // The next queued file starts now: time it from here, not from when it was sent.
      slot.lastChange = Date.now();
      if (slot.sent >= filesPerWorker && slot.queue.length === 0 && slots.includes(slot)) replace(slot, undefined);
      else start(slot);
      signal();
    };
    const onError = (error: Error) => {
      if (slot.stopping) return;
      const index = current(slot);
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && index !== undefined) {
        const { state, ruleId } = readProgress(slot.progress);
        if (state === PROGRESS.rule && ruleId) {
          ruleFault(index, ruleId, `Rule "${ruleId}" needed more than ${WORKER_HEAP_MB} MB of memory on this file and was stopped. ${FAULT_OF_RULE}`);
        } else {
          results.set(index, stopped(index, `Linting this file needed more than ${WORKER_HEAP_MB} MB of memory, so planlint stopped; the file was not linted. Lint it on its own with --concurrency off.`));
        }
        replace(slot, index);
        signal();
        return;
      }
      failure ??= error instanceof Error ? error : new Error(describeThrown(error));
      signal();
    };
    // A thread that ends by itself was ended by a rule (process.exit is a throw in rules, but a
    // rule may find another way): noticed at once, not when the time limit runs out.
    const onExit = (code: number) => {
      if (slot.stopping || failure) return;
      const index = current(slot);
      if (index !== undefined) {
        const { state, ruleId } = readProgress(slot.progress);
        if (state === PROGRESS.rule && ruleId) ruleFault(index, ruleId, `Rule "${ruleId}" ended its worker thread (exit code ${code}) while checking this file and was stopped. ${FAULT_OF_RULE}`);
        else results.set(index, stopped(index, `A worker thread ended (exit code ${code}) while linting this file, so planlint stopped; the file was not linted.`));
      }
      replace(slot, index);
      signal();
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    slot.detach = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    return slot;
  };

  /** The input a worker is on: the one its progress names, else the oldest it was sent. */
  const current = (slot: Slot): number | undefined => {
    const { state, input } = readProgress(slot.progress);
    return state !== PROGRESS.idle && input >= emitted ? input : slot.queue[0];
  };

  const slots = Array.from({ length: Math.max(1, Math.min(options.threads, inputs.length)) }, spawn);

  /**
   * Stops a stuck or failed worker and puts a fresh one in its place. Every other file it was sent
   * goes out again, including any it finished but had not yet reported.
   */
  const replace = (slot: Slot, stopped: number | undefined) => {
    sendAgain(slot.queue.filter((index) => index !== stopped));
    slot.queue = [];
    slot.stopping = true;
    void slot.worker.terminate();
    const i = slots.indexOf(slot);
    if (i !== -1) {
      const fresh = spawn();
      slots[i] = fresh;
      idle.delete(slot);
    }
  };

  // Watch for a worker stuck in one step for longer than the limit.
  const watchdog = setInterval(
    () => {
      const now = Date.now();
      slots.forEach((slot, i) => {
        if (slot.queue.length === 0) return;
        const progress = readProgress(slot.progress);
        if (progress.step !== slot.lastStep) {
          slot.lastStep = progress.step;
          slot.lastChange = now;
          return;
        }
        // Loading a config and its plugins is not timed: the main thread has loaded them once already.
        if (progress.state === PROGRESS.config || now - slot.lastChange <= options.timeoutMs) return;
        const index = current(slot)!;
        if (progress.state === PROGRESS.rule && progress.ruleId) {
          ruleFault(index, progress.ruleId, `Rule "${progress.ruleId}" did not finish within ${options.timeoutMs} ms on this file and was stopped. ${FAULT_OF_RULE}`);
        } else {
          results.set(index, stopped(index, `Reading this file took longer than ${options.timeoutMs} ms, so planlint stopped; the file was not linted.`));
        }
        replace(slots[i]!, index);
        signal();
      });
    },
    Math.min(100, Math.max(10, options.timeoutMs / 4)),
  );
  watchdog.unref();

  try {
    while (emitted < inputs.length) {
      if (failure) throw failure;
      const ready = results.get(emitted);
      if (ready) {
        results.delete(emitted);
        retries.delete(emitted);
        emitted++;
        yield ready;
        for (const slot of [...idle]) start(slot);
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    clearInterval(watchdog);
    for (const slot of slots) slot.stopping = true;
    // A worker idle after a clean run is kept for the next (only one: the language server and --watch lint a few files at a time).
    const keep = options.keeper && !failure && !faulted && emitted === inputs.length ? slots.find((slot) => slot.queue.length === 0 && slot.sent > 0) : undefined;
    if (keep) {
      keep.detach();
      options.keeper!.give(keeperKey, keep.worker, keep.progress);
    }
    await Promise.all(slots.filter((slot) => slot !== keep).map((s) => s.worker.terminate()));
  }
}
