/**
 * A worker thread that lints files for the pool in src/lint-pool.ts. It loads the rules and
 * config itself, lints each file it is sent, and writes which rule it is running into shared
 * memory so the main thread can stop it if one rule runs past the time limit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from './config.js';
import { lintOneFile } from './lint-one-file.js';
import type { LintInput, RunSettings } from './lint-one-file.js';
import { loadBuiltInRules } from './load-rules.js';
import type { RuleSetting } from './rule-settings.js';
import { prepareValidators } from './validate-document.js';
import { writeProgress, PROGRESS } from './worker-progress.js';

export interface WorkerSetup {
  configPath?: string;
  cliRules: Record<string, RuleSetting>;
  run: RunSettings;
  progress: SharedArrayBuffer;
}

export type WorkerRequest = { index: number; input: LintInput };
export type WorkerReply = { index: number; result?: import('./findings.js').FileResult; error?: string };

const setup = workerData as WorkerSetup;
const [builtIns] = await Promise.all([loadBuiltInRules(), prepareValidators()]);
const resolver = new ConfigResolver(builtIns, { ...(setup.configPath ? { configPath: setup.configPath } : {}), cliRules: setup.cliRules });

parentPort!.on('message', (request: WorkerRequest) => {
  writeProgress(setup.progress, PROGRESS.reading, '');
  lintOneFile(request.input, resolver, builtIns, setup.run, (ruleId) => writeProgress(setup.progress, PROGRESS.rule, ruleId))
    .then((result) => {
      writeProgress(setup.progress, PROGRESS.idle, '');
      parentPort!.postMessage({ index: request.index, result } satisfies WorkerReply);
    })
    .catch((error: unknown) => {
      writeProgress(setup.progress, PROGRESS.idle, '');
      parentPort!.postMessage({ index: request.index, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
    });
});
parentPort!.postMessage({ index: -1 } satisfies WorkerReply); // ready
