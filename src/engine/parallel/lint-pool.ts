import { Worker } from 'node:worker_threads';
import type { FileResult } from '../../core/findings.js';
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

function stoppedFile(filePath: string, message: string): FileResult {
  return { filePath, internalError: true, findings: [{ ruleId: 'input', severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1 }] };
}

interface Slot {
  worker: Worker;
  progress: SharedArrayBuffer;
  ready: Promise<void>;
  /** Inputs sent to this worker, oldest (the one it is on) first. */
  queue: number[];
  /** Files sent to this worker in all. */
  sent: number;
  lastStep: number;
  lastChange: number;
}

/**
 * Lints inputs across worker threads and yields the results in input order, so output is
 * byte-identical to a single-threaded run. Work is handed out one file at a time per worker,
 * with a few in flight, so memory stays flat however many files there are. A worker stuck in one
 * rule past the time limit is stopped, the file gets a finding naming the rule, and a fresh
 * worker carries on with the rest.
 */
export async function* lintInWorkers(inputs: LintInput[], options: PoolOptions): AsyncGenerator<FileResult | ReportedFile> {
  const filesPerWorker = options.filesPerWorker ?? DEFAULT_FILES_PER_WORKER;
  const results = new Map<number, FileResult | ReportedFile>();
  let next = 0; // next input to hand out
  let emitted = 0; // next result to yield
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const idle = new Set<Slot>();
  /** Inputs sent to a worker that was stopped before it reached them: handed out again first. */
  const resend: number[] = [];
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
      slot.worker.postMessage({ index, input: inputs[index]! } satisfies WorkerRequest);
    }
  };

  const spawn = (): Slot => {
    const progress = createProgress();
    const setup: WorkerSetup = {
      ...(options.configPath ? { configPath: options.configPath } : {}),
      ...(options.jsonReportCwd !== undefined ? { jsonReportCwd: options.jsonReportCwd } : {}),
      cliRules: options.cliRules,
      run: options.run,
      progress,
    };
    // A modest heap per worker keeps a long run's memory flat: V8 otherwise lets each worker's heap
    // grow long before collecting. A file too big for it is reported, not fatal (see 'error').
    const worker = new Worker(options.workerUrl, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    let markReady!: () => void;
    const slot: Slot = { worker, progress, ready: new Promise<void>((r) => (markReady = r)), queue: [], sent: 0, lastStep: 0, lastChange: Date.now() };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        markReady();
        start(slot);
        return;
      }
      for (const outcome of reply.outcomes) {
        const at = slot.queue.indexOf(outcome.index);
        if (at === -1) continue; // from a worker already replaced; its files were sent again
        slot.queue.splice(at, 1);
        if (outcome.error !== undefined) failure ??= new SettingsError(outcome.error);
        else if (outcome.result) results.set(outcome.index, JSON.parse(outcome.result) as FileResult);
        else if (outcome.reported) results.set(outcome.index, outcome.reported);
      }
      // The next queued file starts now: time it from here, not from when it was sent.
      slot.lastChange = Date.now();
      if (slot.sent >= filesPerWorker && slot.queue.length === 0 && slots.includes(slot)) replace(slot, undefined);
      else start(slot);
      signal();
    });
    worker.on('error', (error) => {
      const index = current(slot);
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && index !== undefined) {
        results.set(
          index,
          stoppedFile(inputs[index]!.filePath, `Linting this file needed more than ${WORKER_HEAP_MB} MB of memory, so planlint stopped; the file was not linted. Lint it on its own with --concurrency off.`),
        );
        replace(slot, index);
        signal();
        return;
      }
      failure ??= error instanceof Error ? error : new Error(String(error));
      signal();
    });
    return slot;
  };

  /** The input a worker is on: the one its progress names, else the oldest it was sent. */
  const current = (slot: Slot): number | undefined => {
    const { state, input } = readProgress(slot.progress);
    return state !== PROGRESS.idle && slot.queue.includes(input) ? input : slot.queue[0];
  };

  const slots = Array.from({ length: Math.max(1, Math.min(options.threads, inputs.length)) }, spawn);

  /**
   * Stops a stuck or failed worker and puts a fresh one in its place. Every other file it was sent
   * goes out again, including any it finished but had not yet reported.
   */
  const replace = (slot: Slot, stopped: number | undefined) => {
    resend.push(...slot.queue.filter((index) => index !== stopped));
    resend.sort((a, b) => a - b);
    slot.queue = [];
    void slot.worker.terminate();
    const i = slots.indexOf(slot);
    if (i !== -1) slots[i] = spawn();
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
        if (now - slot.lastChange <= options.timeoutMs) return;
        const index = current(slot)!;
        const filePath = inputs[index]!.filePath;
        const inRule = progress.state === PROGRESS.rule && progress.ruleId;
        const message = inRule
          ? `Rule "${progress.ruleId}" did not finish within ${options.timeoutMs} ms on this file and was stopped; the rules after it did not run on this file. This is a fault in the rule, not in the plan; please report it.`
          : `Reading this file took longer than ${options.timeoutMs} ms, so planlint stopped; the file was not linted.`;
        results.set(index, { ...stoppedFile(filePath, message), findings: [{ ...stoppedFile(filePath, message).findings[0]!, ruleId: inRule ? progress.ruleId : 'input' }] });
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
        emitted++;
        yield ready;
        for (const slot of [...idle]) start(slot);
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    clearInterval(watchdog);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
