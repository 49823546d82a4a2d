// Takes docs/playground.png and docs/playground-compare.png, the pictures of the playground in the
// README: dist/playground/index.html opened from its file in Debian's headless Chromium (never a
// downloaded browser), at a laptop's width (1366 pixels). With --check it also writes the same
// views at a projector's width (1024) to a temporary folder and prints where, to look at by eye.
// Run with `npm run docs:playground` after changing how the playground looks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const browser = await chromium.launch({
  executablePath: process.env.PLANLINT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function shoot(width, height, folder, suffix = '') {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(join(root, 'dist', 'playground', 'index.html')).href);
  await page.waitForSelector('body[data-ready="true"]');
  // Lisa's poor plan (the default), with a finding's message shown on hover.
  await page.locator('#editor .cm-lintRange-error').nth(1).hover();
  await page.waitForSelector('.cm-tooltip-hover', { timeout: 5000 }).catch(() => undefined);
  await page.screenshot({ path: join(folder, `playground${suffix}.png`) });
  await page.mouse.move(0, 0);
  await page.locator('#tab-compare').click();
  await page.waitForSelector('#rule-diff tbody tr');
  await page.screenshot({ path: join(folder, `playground-compare${suffix}.png`) });
  await page.close();
}

try {
  await shoot(1366, 800, join(root, 'docs'));
  console.log('Updated docs/playground.png and docs/playground-compare.png (1366 × 800)');
  if (check) {
    const folder = mkdtempSync(join(tmpdir(), 'planlint-playground-shots-'));
    await shoot(1024, 768, folder, '-1024');
    console.log(`At a projector's width (1024 × 768): ${folder}`);
  }
} finally {
  await browser.close();
}
