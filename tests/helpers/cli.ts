/**
 * The one way tests run planlint's command line.
 *
 * - runCli: in this process, through main() from src/cli/cli.ts. No build and no child process,
 *   so it is quick and not at the mercy of a busy machine. The unit project uses only this.
 * - runBuiltCli: the built bin/planlint.js in a child process, as a user runs it. For the e2e
 *   project: what only a real process shows (the bundle, signals, pipes, other users, workers).
 *
 * Both give back { code, stdout, stderr } with colour off unless the test's env turns it on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/cli.js';

export const root = resolve(import.meta.dirname, '..', '..');
export const bin = join(root, 'bin', 'planlint.js');

export interface CliOptions {
  /** The folder planlint runs in; the repository root unless given. */
  cwd?: string;
  /** Variables set on top of the test's own environment ('' clears one for the run). */
  env?: Record<string, string>;
  /** Standard input; empty unless given. */
  input?: string;
  /** runCli only: standard output looks like a terminal this many columns wide, not a pipe. */
  terminal?: { columns: number };
}

export interface BuiltCliOptions extends CliOptions {
  /** Options for node itself, before the script (such as --import of a test preload). */
  nodeArgs?: string[];
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Colour off by default, as for output to a file: the tests compare plain text.
const PLAIN = { NO_COLOR: '1', FORCE_COLOR: '' };

/** Runs the built CLI (bin/planlint.js) in a child process. Needs `npm run build` first. */
export function runBuiltCli(args: string[], options: BuiltCliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, ...PLAIN, ...options.env },
    // Generous: a child process on a busy 2-core machine can take many seconds just to start.
    timeout: 120_000,
    // Node's default (1 MiB) kills the child and cuts its output short, silently: two long outputs
    // cut at different places differ, and two cut at the same place compare equal unseen.
    maxBuffer: 512 * 1024 * 1024,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  // A run that was killed (timeout, output too large) says so where every test looks.
  const failed = result.error ? `\n[runBuiltCli: ${result.error.message}]\n` : '';
  return { code: result.status, stdout: result.stdout, stderr: result.stderr + failed };
}

/**
 * Runs the built CLI and measures the processor time it used (all its threads), in milliseconds.
 * Tests that bound how long planlint may work on a file assert this, not the time on the clock:
 * on a busy machine a process waits for a processor, and waiting is not planlint's doing.
 */
export function runBuiltCliTimed(args: string[], options: BuiltCliOptions = {}): CliRun & { cpuMs: number } {
  const log = join(mkdtempSync(join(tmpdir(), 'planlint-cpu-')), 'cpu-ms');
  const preload = join(root, 'tests', 'helpers', 'report-cpu.mjs');
  const run = runBuiltCli(args, { ...options, nodeArgs: ['--import', pathToFileURL(preload).href, ...(options.nodeArgs ?? [])], env: { ...options.env, PLANLINT_CPU_LOG: log } });
  // No log: the process was killed (spawnSync's timeout) before it could exit by itself.
  const cpuMs = existsSync(log) ? Number(readFileSync(log, 'utf8')) : Number.POSITIVE_INFINITY;
  rmSync(dirname(log), { recursive: true, force: true });
  return { ...run, cpuMs };
}

// main() reads the process's globals (working folder, environment, stdin, stdout, stderr), so
// in-process runs take turns, and each puts back what it changed.
let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs planlint's main() in this process, as `planlint ...args` would run, and captures what it
 * writes. The commands write to process.stdout/stderr themselves, so for the run those streams'
 * write() collect the text instead, and look like a pipe (not a terminal, no column width), as they
 * do for runBuiltCli. Needs the forks pool (process.chdir is not allowed in worker threads).
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const run = turn.then(() => runNow(args, options));
  turn = run.catch(() => undefined);
  return run;
}

async function runNow(args: string[], options: CliOptions): Promise<CliRun> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const undo: (() => void)[] = [];
  const override = (target: object, key: PropertyKey, value: unknown) => {
    const own = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { value, configurable: true, writable: true });
    undo.push(() => (own ? Object.defineProperty(target, key, own) : delete (target as Record<PropertyKey, unknown>)[key]));
  };
  const capture = (stream: NodeJS.WriteStream, into: Buffer[], terminal?: { columns: number }) => {
    override(stream, 'write', (chunk: string | Uint8Array, encoding?: BufferEncoding | (() => void), done?: () => void) => {
      into.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
      const callback = typeof encoding === 'function' ? encoding : done;
      if (callback) process.nextTick(callback);
      return true;
    });
    override(stream, 'isTTY', terminal !== undefined);
    override(stream, 'columns', terminal?.columns);
  };
  const savedCwd = process.cwd();
  const env = { ...PLAIN, ...options.env };
  const savedEnv = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  try {
    capture(process.stdout, out, options.terminal);
    capture(process.stderr, err);
    override(process, 'stdin', Readable.from([Buffer.from(options.input ?? '')]));
    for (const [key, value] of Object.entries(env)) process.env[key] = value;
    process.chdir(options.cwd ?? root);
    // main() takes process.argv: the node binary and the script come first.
    const code = await main([process.execPath, bin, ...args]);
    return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  } finally {
    process.chdir(savedCwd);
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    for (const put of undo.reverse()) put();
  }
}

/** A scratch folder holding the given files (names may include sub-folders). */
export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A sentence plan that breaks service-user-voice-recorded (and little else) on line 6. */
export const PLAN_WITHOUT_VOICE = `kind: sentence-plan
schemaVersion: 1
caseRef: C1
date: 2024-01-10
participation: { person: in-person }
personView: TBC
`;
