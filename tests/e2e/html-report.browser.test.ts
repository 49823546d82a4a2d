/**
 * The HTML report in a real browser: headless Chromium driven by playwright-core. Opens the report
 * from a file as a person would and checks what they see: the timeline, the findings, a finding's
 * link to its line, and that hostile text in a case file stays text and runs nothing.
 *
 * The Chromium is the one tests/helpers/chromium.ts finds (PLANLINT_CHROMIUM, then PATH, then
 * /usr/bin/chromium). Without one, every test here is skipped with a note that the run's last line
 * repeats; under CI they fail instead (.ci/run installs Debian's chromium).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_SKIP_NOTE, HOW_TO_GET_CHROMIUM, chromiumRequiredMessage, findChromium, isCi } from '../helpers/chromium.js';
import { root, runBuiltCli as planlint } from '../helpers/cli.js';

const chromiumSearch = findChromium();
const CHROMIUM = chromiumSearch.path;

/** Flags for a headless Chromium on a machine with no network: nothing phones home. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const HOSTILE = `kind: case-file
schemaVersion: 1
case:
  ref: "X-1\\"><svg onload=\\"window.__pwned='ref'\\">"
  person:
    name: "</title><script>window.__pwned = 'name'</script>"
sentence:
  type: community-order
  startDate: 2024-01-08
  lengthMonths: 12
plan:
  date: 2024-01-20
  participation:
    person: in-person
  personView:
    words: "<script>window.__pwned = 'words'</script> TBC"
contacts:
  - date: 2024-01-15
    time: "10:00"
    type: office
    outcome: failed-to-attend
    note: "<img src=x onerror=\\"window.__pwned='note'\\"> missed"
events:
  - date: 2024-01-16
    type: other
    detail: "<a href=\\"javascript:window.__pwned='link'\\">click</a> and <iframe src=\\"https://example.com\\"></iframe>"
`;

let browser: Browser;
let page: Page;
let dir: string;
const requests: string[] = [];
const problems: string[] = [];

async function open(reportPath: string, hash = ''): Promise<void> {
  await page.goto(pathToFileURL(reportPath).href + hash);
}

beforeAll(async () => {
  if (!CHROMIUM) {
    // Under CI a report nobody has opened in a browser is not tested: fail. Elsewhere each test skips.
    if (isCi()) throw new Error(chromiumRequiredMessage(chromiumSearch));
    return;
  }
  dir = mkdtempSync(join(tmpdir(), 'planlint-html-'));
  writeFileSync(join(dir, 'hostile.yaml'), HOSTILE);
  // A file name is input too.
  writeFileSync(join(dir, 'name-"><b>bold.yaml'), HOSTILE.replace('X-1', 'X-2'));
  const lisa = planlint(['examples/lisa-poor.yaml', '--format', 'html', '-o', join(dir, 'lisa.html')]);
  expect(lisa.code, lisa.stderr).toBe(1);
  const hostile = planlint([dir, '--format', 'html', '-o', join(dir, 'hostile.html')]);
  expect(hostile.stderr).toBe('');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

beforeEach(({ skip }) => {
  if (!CHROMIUM) skip(`${CHROMIUM_SKIP_NOTE}, and ${chromiumSearch.missing}; to run them, ${HOW_TO_GET_CHROMIUM} (with CI set they are required)`);
});

afterAll(async () => {
  await browser?.close();
});

describe('the HTML report in Chromium', () => {
  it('shows the case as a timeline, with findings where they occur', async () => {
    await open(join(dir, 'lisa.html'));
    await expect(page.title()).resolves.toBe('planlint report: examples/lisa-poor.yaml');
    const entries = page.locator('#f1-timeline li.tl');
    expect(await entries.count()).toBeGreaterThanOrEqual(8);
    const titles = await page.locator('#f1-timeline .tl-title').allInnerTexts();
    expect(titles[0]).toBe('Sentenced: community order, 12 months');
    expect(titles).toContain('Sentence plan');
    expect(titles.at(-1)).toBe('Order ends');
    // The missed appointment on 5 Feb shows its outcome and the findings about it.
    const missed = entries.filter({ hasText: '5 Feb 2024' });
    await expect(missed.locator('.pill').first().innerText()).resolves.toBe('failed to attend');
    const badges = await missed.locator('.tl-findings .badge').allInnerTexts();
    expect(badges.map((b) => b.replace(/^\W+/, ''))).toEqual(['missed-appointment-decision', 'contact-pattern-fits-circumstances']);
    await expect(missed.getAttribute('class')).resolves.toContain('has-error');
    expect(await missed.isVisible()).toBe(true);
  });

  it('lists every finding, and the totals', async () => {
    await open(join(dir, 'lisa.html'));
    const json = JSON.parse(planlint(['examples/lisa-poor.yaml', '--format', 'json']).stdout) as { messages: { message: string }[] }[];
    const messages = json[0]!.messages;
    const shown = await page.locator('#f1-findings .finding .message').allInnerTexts();
    expect(shown).toEqual(messages.map((m) => m.message));
    await expect(page.locator('.stat.sev-error .stat-value').innerText()).resolves.toBe(String(messages.length));
    await expect(page.locator('#f1 .verdict').innerText()).resolves.toMatch(new RegExp(`${messages.length} errors`));
  });

  it('links a finding to its line in the source', async () => {
    await open(join(dir, 'lisa.html'));
    const finding = page.locator('#f1-findings .finding', { hasText: '"Agrees with plan" records agreement' });
    const link = finding.locator('a.loc');
    await expect(link.innerText()).resolves.toBe('40:12');
    await link.click();
    expect(new URL(page.url()).hash).toBe('#f1-L40');
    const target = page.locator(':target');
    await expect(target.getAttribute('id')).resolves.toBe('f1-L40');
    const sourceLine = readFileSync(join(root, 'examples', 'lisa-poor.yaml'), 'utf8').split('\n')[39]!;
    await expect(target.locator('td.code').innerText()).resolves.toBe(sourceLine);
    // The line is scrolled into view and highlighted, and its note links back to the finding.
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    const background = await target.locator('td.code').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    const back = page.locator('#f1-L40 + tr.annotation a.badge');
    await expect(back.getAttribute('href')).resolves.toBe(`#${await finding.getAttribute('id')}`);
  });

  it('explains each rule that fired, from its page', async () => {
    await open(join(dir, 'lisa.html'));
    await page.locator('#f1-findings .finding a.rule-link', { hasText: 'service-user-voice-recorded' }).first().click();
    const article = page.locator('#rule-service-user-voice-recorded');
    await expect(article.locator('h3').innerText()).resolves.toBe('service-user-voice-recorded');
    await expect(article.locator('h4').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['Why it matters', 'Poor', 'Good']));
    expect(await article.locator('pre').count()).toBeGreaterThan(0);
  });

  it('runs no script from a case file: hostile text stays text', async () => {
    await open(join(dir, 'hostile.html'));
    await page.waitForTimeout(300); // give any injected handler (img onerror, svg onload) a chance to fire
    await expect(page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expect(page.locator('img, svg, iframe').count()).resolves.toBe(0);
    await expect(page.locator('[onerror], [onload]').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    // Every link stays in the page: nothing to follow elsewhere.
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual([]);
    const text = await page.locator('body').innerText();
    expect(text).toContain('<img src=x onerror="window.__pwned=\'note\'"> missed');
    expect(text).toContain('name-"><b>bold.yaml');
    await expect(page.locator('b').count()).resolves.toBe(0);
    expect(await page.title()).toMatch(/^planlint report: 2 files$/);
    expect(problems).toEqual([]);
  });

  it('loads nothing but the report itself', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  });

  it('prints: the print stylesheet hides navigation and starts each further file on a new page', async () => {
    await open(join(dir, 'hostile.html'));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#f1 .jump').isVisible()).resolves.toBe(false);
    await expect(page.locator('#f1').evaluate((el) => getComputedStyle(el).breakBefore)).resolves.toBe('auto');
    await expect(page.locator('#f2').evaluate((el) => getComputedStyle(el).breakBefore)).resolves.toBe('page');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });
});
