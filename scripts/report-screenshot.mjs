// Takes docs/report.png, the picture of the HTML report shown in the README: the built CLI writes
// a report for Lisa's poor plan, and Debian's headless Chromium (never a downloaded browser)
// photographs its first screen at a laptop's width. Run with `npm run docs:screenshot` after changing how reports look.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = join(mkdtempSync(join(tmpdir(), 'planlint-shot-')), 'report.html');
try {
  execFileSync(process.execPath, [join(root, 'bin', 'planlint.js'), 'examples/lisa-poor.yaml', '--format', 'html', '-o', report], { cwd: root });
} catch (error) {
  if (error.status !== 1) throw error; // exit 1: the poor plan has errors, as it should
}

const browser = await chromium.launch({
  executablePath: process.env.PLANLINT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: join(root, 'docs', 'report.png') });
} finally {
  await browser.close();
}
console.log('Updated docs/report.png');
