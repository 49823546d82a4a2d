// planlint's benchmark. Generates a seeded synthetic corpus in a temporary folder and prints, for
// the recommended rule set: files per second, ms per file, peak RSS, the parse-only floor on all
// cores and planlint's ratio to it; time at 1k, 10k and 50k files; and a single-file cold run
// against `node -e 0`; and the language server re-linting a 10 KB case file on each of 200 edits
// (scripts/bench-lsp.mjs, which also runs alone). Every number comes from a real run on this machine.
//
// The machine may be shared: planlint and the floor are run in turns (--rounds, default 3) and
// the medians compared, so a burst of someone else's work does not decide the ratio.
//
//   npm run bench                       # default corpus of 10,000 files, plus 1k and 50k for scaling
//   npm run bench -- --files 2000 --no-scaling --rounds 1
//   npm run bench -- --playground       # only the playground in Chromium (scripts/bench-playground.mjs)
//
// The playground is timed when a Chromium is found (PLANLINT_CHROMIUM, else /usr/bin/chromium);
// --no-playground leaves it out.
//   npm run bench -- --findings           # only: a million findings (50,000 files x 20) in every
//                                         # streaming format, peak RSS each (slow: about 15 minutes)
//   npm run bench -- --findings 5000      # the same with fewer files
//   npm run bench -- --findings --formats sarif,junit   # only these formats
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, writeFindingsCorpus } from './bench-corpus.mjs';
import { benchLanguageServer } from './bench-lsp.mjs';
import { benchPlayground, playgroundChromium } from './bench-playground.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const FILES = Number(option('files', 10_000));
const SCALING = !args.includes('--no-scaling');
const COLD_RUNS = Number(option('cold-runs', 15));
const ROUNDS = Math.max(1, Number(option('rounds', 3)));
const PLAYGROUND_ONLY = args.includes('--playground');
const PLAYGROUND = PLAYGROUND_ONLY || (!args.includes('--no-playground') && playgroundChromium() !== undefined);

/** The playground's budget: a 10 KB case file re-linted in the page as someone types, p95 under 50 ms. */
async function playgroundSection() {
  console.log('\nPlayground in Chromium, re-linting on each edit (scripts/bench-playground.mjs):');
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) runs.push(await benchPlayground(root));
  const first = runs[0] ?? (await benchPlayground(root));
  const p95 = median(runs.map((r) => r.p95));
  line(
    `  ${(first.bytes / 1024).toFixed(1)} KB case file, ${first.edits} edits`,
    `median of ${runs.length} runs: p50 ${median(runs.map((r) => r.p50)).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms   (p95 of each run: ${runs.map((r) => r.p95.toFixed(1)).join(', ')} ms)`,
  );
  line(`  the engine alone, ${first.engineRuns} runs`, `p50 ${median(runs.map((r) => r.engineP50)).toFixed(1)} ms, p95 ${median(runs.map((r) => r.engineP95)).toFixed(1)} ms`);
  line('  p95 target < 50 ms', p95 < 50 ? 'MET' : 'NOT MET');
}

/** Runs a command to completion, timing it and sampling its peak resident memory from /proc. */
function measure(command, commandArgs, options = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let peakKb = 0;
    let stdout = '';
    let stderr = '';
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // the process has exited between samples
      }
    };
    const timer = setInterval(sample, 20);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 1) reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, peakMb: peakKb / 1024, stdout });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const planlint = (dir, extra = []) => measure(process.execPath, [join(root, 'bin', 'planlint.js'), dir, '--format', 'json', '--output-file', '/dev/null', ...extra]);
const floor = (dir) => measure(process.execPath, [join(root, 'scripts', 'bench-floor.mjs'), dir]);

function corpus(count) {
  const dir = mkdtempSync(join(tmpdir(), `planlint-bench-${count}-`));
  writeCorpus(dir, count, { examplesDir: join(root, 'examples') });
  return dir;
}

const rows = [];
const line = (label, value) => console.log(`${label.padEnd(44)} ${value}`);

if (PLAYGROUND_ONLY) {
  await playgroundSection();
  process.exit(0);
}

// --findings [files]: the reports of a run with a million findings, each format in turn, written
// to a file (renamed into place, as users get it); peak RSS must stay under 250 MB in every one.
if (args.includes('--findings')) {
  const next = args[args.indexOf('--findings') + 1];
  const count = next && /^\d+$/.test(next) ? Number(next) : 50_000;
  const dir = mkdtempSync(join(tmpdir(), `planlint-bench-findings-`));
  const out = mkdtempSync(join(tmpdir(), `planlint-bench-reports-`));
  console.log(`planlint benchmark, big reports — ${availableParallelism()} cores, Node ${process.version}\n`);
  try {
    writeFindingsCorpus(join(dir, 'cases'), count, { examplesDir: join(root, 'examples') });
    line('corpus', `${count.toLocaleString('en-GB')} case files x 20 findings = ${(count * 20).toLocaleString('en-GB')} findings`);
    let over = false;
    const formats = option('formats', 'sarif,junit,markdown,json,github,stylish').split(',');
    for (const format of formats) {
      const report = join(out, `report.${format}`);
      const run = await measure(process.execPath, [join(root, 'bin', 'planlint.js'), join(dir, 'cases'), '--format', format, '--output-file', report]);
      const { statSync } = await import('node:fs');
      const size = statSync(report).size;
      rmSync(report, { force: true });
      over ||= run.peakMb >= 250;
      line(`  ${format}`, `${(run.ms / 1000).toFixed(1)} s   peak RSS ${run.peakMb.toFixed(0)} MB   report ${(size / 1024 / 1024).toFixed(0)} MB`);
    }
    line('peak RSS target < 250 MB in every format', over ? 'NOT MET' : 'MET');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
  process.exit(0);
}

console.log(`planlint benchmark — ${availableParallelism()} cores, Node ${process.version}, seed 20261123\n`);

const mainDir = corpus(FILES);
try {
  const floors = [];
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) {
    floors.push(await floor(mainDir));
    runs.push(await planlint(mainDir));
  }
  const fl = { ms: median(floors.map((r) => r.ms)), peakMb: Math.max(...floors.map((r) => r.peakMb)) };
  const pl = { ms: median(runs.map((r) => r.ms)), peakMb: Math.max(...runs.map((r) => r.peakMb)) };
  const ratio = pl.ms / fl.ms;
  const each = (list) => list.map((r) => (r.ms / 1000).toFixed(1)).join(', ');
  line(`corpus`, `${FILES} case files (seeded; ~60% good, ~40% poor, 2% large)`);
  line(`rounds (planlint and floor in turns)`, `${ROUNDS}; medians below`);
  line('planlint (recommended rules, all cores)', `${(pl.ms / 1000).toFixed(2)} s   (runs: ${each(runs)} s)`);
  line('  files per second', (FILES / (pl.ms / 1000)).toFixed(0));
  line('  ms per file', (pl.ms / FILES).toFixed(3));
  line('  peak RSS (highest of the runs)', `${pl.peakMb.toFixed(0)} MB`);
  line('floor: read + yaml parse only, all cores', `${(fl.ms / 1000).toFixed(2)} s   (runs: ${each(floors)} s; peak RSS ${fl.peakMb.toFixed(0)} MB)`);
  line('planlint / floor', `${ratio.toFixed(2)}×   target ≤ 1.30×   ${ratio <= 1.3 ? 'MET' : 'NOT MET'}`);
  line('peak RSS target < 250 MB', pl.peakMb < 250 ? 'MET' : 'NOT MET');
  rows.push({ files: FILES, ms: pl.ms, rss: pl.peakMb });
} finally {
  rmSync(mainDir, { recursive: true, force: true });
}

if (SCALING) {
  console.log('\nScaling (planlint, same settings):');
  for (const count of [1_000, 50_000]) {
    const dir = corpus(count);
    try {
      const pl = await planlint(dir);
      rows.push({ files: count, ms: pl.ms, rss: pl.peakMb });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  rows.sort((a, b) => a.files - b.files);
  for (const r of rows) line(`  ${r.files.toLocaleString('en-GB')} files`, `${(r.ms / 1000).toFixed(2)} s   ${(r.ms / r.files).toFixed(3)} ms/file   peak RSS ${r.rss.toFixed(0)} MB`);
  const [small, , large] = rows;
  if (small && large) line('  ms/file at 50k ÷ ms/file at 1k (1.0 = linear)', (large.ms / large.files / (small.ms / small.files)).toFixed(2));
}

console.log('\nSingle file, cold start:');
const nodeTimes = [];
const lintTimes = [];
for (let i = 0; i < COLD_RUNS; i++) {
  nodeTimes.push((await measure(process.execPath, ['-e', '0'])).ms);
  lintTimes.push((await measure(process.execPath, [join(root, 'bin', 'planlint.js'), join(root, 'examples', 'kate-good.yaml')])).ms);
}
const coldRatio = median(lintTimes) / median(nodeTimes);
line(`  node -e 0 (median of ${COLD_RUNS})`, `${median(nodeTimes).toFixed(0)} ms`);
line(`  planlint examples/kate-good.yaml (median)`, `${median(lintTimes).toFixed(0)} ms`);
line('  ratio', `${coldRatio.toFixed(2)}×   target ≤ 2.00×   ${coldRatio <= 2 ? 'MET' : 'NOT MET'}`);

console.log('\nLanguage server, linting again on each edit (scripts/bench-lsp.mjs):');
const lspRuns = [];
for (let round = 0; round < ROUNDS; round++) lspRuns.push(await benchLanguageServer(root, { edits: 200 }));
const lsp = lspRuns[0] ?? (await benchLanguageServer(root, { edits: 200 })); // ROUNDS is at least 1
const lspP95 = median(lspRuns.map((r) => r.p95));
line(
  `  ${(lsp.bytes / 1024).toFixed(1)} KB case file, ${lsp.edits} edits`,
  `median of ${ROUNDS} runs: p50 ${median(lspRuns.map((r) => r.p50)).toFixed(1)} ms, p95 ${lspP95.toFixed(1)} ms   (p95 of each run: ${lspRuns.map((r) => r.p95.toFixed(1)).join(', ')} ms; ${lsp.diagnostics} diagnostics)`,
);
line('  server processor time per edit', `${lspRuns.map((r) => r.cpuPerEdit?.toFixed(1) ?? '?').join(', ')} ms`);
line('  p95 target < 30 ms (no pause before linting)', lspP95 < 30 ? 'MET' : 'NOT MET');

if (PLAYGROUND) await playgroundSection();
