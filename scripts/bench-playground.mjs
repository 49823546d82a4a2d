// The playground's budget (issue 20): a 10 KB case file lints in the page in under 50 ms at the
// 95th percentile. Opens dist/playground/index.html from its file in the system Chromium (no
// network: every other request is refused), loads the benchmark's 10 KB case file
// (scripts/bench-lsp.mjs) into the editor, then types one character at a time into the person's
// words and reads how long each re-lint took, from the text to the findings underlined and listed
// (the page's own timings). Also times the engine alone, called in the page 200 times, 5 ms apart.
// Run alone (`node scripts/bench-playground.mjs`, after `npm run build`) or from scripts/bench.mjs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { caseFile } from './bench-lsp.mjs';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** The Chromium to use, as the tests find it (PLANLINT_CHROMIUM, else /usr/bin/chromium), or undefined. */
export function playgroundChromium() {
  const path = process.env.PLANLINT_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

export async function benchPlayground(root, { edits = 100, engineRuns = 200 } = {}) {
  const executablePath = playgroundChromium();
  if (!executablePath) throw new Error('No Chromium: set PLANLINT_CHROMIUM or install chromium.');
  const text = caseFile(root);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(root, 'dist', 'playground', 'index.html')).href);
    await page.waitForSelector('body[data-ready="true"]');
    const lints = () => page.evaluate(() => /** @type {any} */ (globalThis).planlintPlayground.timings.length);
    const waitForLint = async (before) => page.waitForFunction((n) => /** @type {any} */ (globalThis).planlintPlayground.timings.length > n, before);
    let before = await lints();
    await page.locator('#editor .cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(text);
    await waitForLint(before);
    // Into the person's words ("TBC"), as the language server's benchmark types.
    const line = text.split('\n').findIndex((l) => l === '    words: TBC');
    await page.locator('#editor .cm-line').nth(0).click();
    await page.keyboard.press('ControlOrMeta+Home');
    for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    const first = await lints();
    for (let i = 0; i < edits; i++) {
      before = await lints();
      await page.keyboard.insertText(i % 8 === 7 ? ' ' : 'x');
      await waitForLint(before);
    }
    const typed = (await page.evaluate(() => /** @type {any} */ (globalThis).planlintPlayground.timings)).slice(first).sort((a, b) => a - b);
    // A few milliseconds between runs, as between keystrokes, so the browser's idle-time garbage
    // collection happens between lints rather than inside one (back to back, it lands in the timings).
    const engine = await page.evaluate(
      async ({ t, runs }) => {
        const times = [];
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          /** @type {any} */ (globalThis).planlintPlayground.lint(t, 'bench.yaml');
          times.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return times;
      },
      { t: text, runs: engineRuns },
    );
    engine.sort((a, b) => a - b);
    const findings = await page.locator('#findings li.finding').count();
    return { bytes: Buffer.byteLength(text), edits: typed.length, p50: percentile(typed, 50), p95: percentile(typed, 95), engineRuns, engineP50: percentile(engine, 50), engineP95: percentile(engine, 95), findings };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(import.meta.dirname, '..');
  const r = await benchPlayground(root);
  console.log(`${(r.bytes / 1024).toFixed(1)} KB case file in the playground (${r.findings} findings)`);
  console.log(`  typing, ${r.edits} edits (lint + underline + list): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms   target p95 < 50 ms   ${r.p95 < 50 ? 'MET' : 'NOT MET'}`);
  console.log(`  engine alone, ${r.engineRuns} runs: p50 ${r.engineP50.toFixed(1)} ms, p95 ${r.engineP95.toFixed(1)} ms`);
}
