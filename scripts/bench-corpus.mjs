// Writes a deterministic synthetic corpus of case files for the benchmark: a seeded mix of the
// good and poor examples with their references, names and dates varied, and some much larger
// files with long contact logs. Same seed, same corpus, byte for byte.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, well-known seeded generator, so corpora are reproducible. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Ana', 'Ben', 'Cara', 'Dev', 'Ema', 'Finn', 'Gita', 'Hal', 'Ines', 'Jon', 'Kai', 'Lena', 'Max', 'Nia', 'Omar', 'Pia'];

function shiftDates(text, days) {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole) => {
    const d = new Date(`${whole}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return whole;
    return new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  });
}

function longContactLog(rand, count, startYear) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const outcome = rand() < 0.9 ? 'attended' : 'acceptable-absence';
    const decision = outcome === 'attended' ? '' : ', enforcement: { decision: acceptable, action: none, rationale: Unwell and phoned ahead with a GP note. }';
    lines.push(`  - { date: ${startYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}, time: "11:00", type: office, outcome: ${outcome}${decision} }`);
  }
  return lines.join('\n');
}

/**
 * Generates `count` files into `dir` from the examples in `examplesDir`. Roughly 60% good and
 * 40% poor (by template), 2% large (hundreds of extra contacts). Returns the file paths.
 * @param {string} dir
 * @param {number} count
 * @param {{ seed?: number, examplesDir: string }} options
 * @returns {string[]}
 */
export function writeCorpus(dir, count, { seed = 20261123, examplesDir }) {
  const rand = random(seed);
  const templates = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, good: f.includes('good'), text: readFileSync(join(examplesDir, f), 'utf8') }))
    .filter((t) => /^kind: case-file$/m.test(t.text));
  const good = templates.filter((t) => t.good);
  const poor = templates.filter((t) => !t.good);
  const files = [];
  for (let i = 0; i < count; i++) {
    const pool = rand() < 0.6 ? good : poor;
    const template = pool[Math.floor(rand() * pool.length)];
    if (!template) throw new Error(`bench-corpus: ${examplesDir} has no ${pool === good ? 'good' : 'poor'} case-file example to copy.`);
    const name = NAMES[Math.floor(rand() * NAMES.length)];
    let text = shiftDates(template.text, Math.floor(rand() * 720) - 360)
      .replace(/^( {2}ref: ).*$/m, `$1BENCH-${String(i).padStart(6, '0')}`)
      .replace(/^( {4}name: )\w+$/m, `$1${name}`);
    if (rand() < 0.02 && /^contacts:$/m.test(text)) {
      text = text.replace(/^contacts:$/m, `contacts:\n${longContactLog(rand, 200 + Math.floor(rand() * 600), 2024)}`);
    }
    const sub = join(dir, `batch-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const path = join(sub, `case-${String(i).padStart(6, '0')}.yaml`);
    writeFileSync(path, text);
    files.push(path);
  }
  return files;
}

/**
 * Generates `count` copies of the example with the most findings (examples/lisa-poor.yaml, 20
 * findings) with their references and dates varied: 50,000 files give a million findings, the
 * size of run the reports must write in bounded memory (bench.mjs --findings).
 * @param {string} dir
 * @param {number} count
 * @param {{ seed?: number, examplesDir: string }} options
 * @returns {string[]}
 */
export function writeFindingsCorpus(dir, count, { seed = 20261129, examplesDir }) {
  const rand = random(seed);
  const template = readFileSync(join(examplesDir, 'lisa-poor.yaml'), 'utf8');
  const files = [];
  for (let i = 0; i < count; i++) {
    // Dates move by whole weeks, so no date lands on a weekend or bank holiday and changes the findings.
    const text = shiftDates(template, 7 * (Math.floor(rand() * 100) - 50)).replace(/^( {2}ref: ).*$/m, `$1FIND-${String(i).padStart(6, '0')}`);
    const sub = join(dir, `batch-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const path = join(sub, `case-${String(i).padStart(6, '0')}.yaml`);
    writeFileSync(path, text);
    files.push(path);
  }
  return files;
}
