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
  const compare = planlint(['compare', 'examples/lisa-good.yaml', 'examples/lisa-poor.yaml', '--format', 'html', '-o', join(dir, 'compare.html')]);
  expect(compare.code, compare.stderr).toBe(0);
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
    // By its date, not its text: another entry's finding may name the same day.
    const missed = entries.filter({ has: page.locator('.tl-date time[datetime="2024-02-05"]') });
    await expect(missed.locator('.pill').first().innerText()).resolves.toBe('failed to attend');
    const rules = await missed.locator('.tl-findings .finding').evaluateAll((items) => items.map((li) => li.getAttribute('data-rule-id')));
    expect(rules).toEqual(expect.arrayContaining(['missed-appointment-decision', 'contact-pattern-fits-circumstances']));
    await expect(missed.getAttribute('class')).resolves.toContain('has-error');
    expect(await missed.isVisible()).toBe(true);
  });

  it('shows each finding once, where it happens, with the totals', async () => {
    await open(join(dir, 'lisa.html'));
    const json = JSON.parse(planlint(['examples/lisa-poor.yaml', '--format', 'json']).stdout) as { messages: { ruleId: string; line: number; message: string; severity: number }[] }[];
    const messages = json[0]!.messages;
    const findings = page.locator('[data-rule-id]');
    expect(await findings.count()).toBe(messages.length);
    const shown = await findings.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-rule-id')}@${li.getAttribute('data-line')}`));
    expect(shown.sort()).toEqual(messages.map((m) => `${m.ruleId}@${m.line}`).sort());
    // Every one is on the timeline (none is only in a list apart), and each message is on the page once.
    expect(await page.locator('#f1-timeline .timeline [data-rule-id]').count()).toBe(messages.length);
    const text = await page.locator('body').innerText();
    for (const m of messages) expect(text.split(m.message).length - 1, m.message).toBe(1);
    const errors = messages.filter((m) => m.severity === 2).length;
    await expect(page.locator('.stat.sev-error .stat-value').innerText()).resolves.toBe(String(errors));
    await expect(page.locator('#f1 .verdict').innerText()).resolves.toMatch(new RegExp(`${errors} errors`));
  });

  it("shows a finding's source lines a click away, and its line in the whole file", async () => {
    await open(join(dir, 'lisa.html'));
    const finding = page.locator('.finding', { hasText: '"Agrees with plan" records agreement' });
    const snippet = finding.locator('.snippet');
    expect(await snippet.isVisible()).toBe(false);
    await finding.locator('summary').focus();
    await page.keyboard.press('Enter'); // a keyboard opens it as a click does
    expect(await snippet.isVisible()).toBe(true);
    const sourceLine = readFileSync(join(root, 'examples', 'lisa-poor.yaml'), 'utf8').split('\n')[39]!;
    await expect(snippet.locator('tr.has-finding td.code').innerText()).resolves.toBe(sourceLine);
    await expect(snippet.locator('tr.has-finding td.ln').innerText()).resolves.toBe('40');
    // The whole file is collapsed; following the link opens it at the line.
    expect(await page.locator('#f1-source').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await finding.locator('.snippet-link a').click();
    expect(new URL(page.url()).hash).toBe('#f1-L40');
    expect(await page.locator('#f1-source').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const target = page.locator(':target');
    await expect(target.locator('td.code code').innerText()).resolves.toBe(sourceLine);
    const box = await target.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    const background = await target.locator('td.code').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    // The marked line links back to its finding.
    await expect(target.locator('a.back').getAttribute('href')).resolves.toBe(`#${await finding.getAttribute('id')}`);
  });

  it('explains each rule that fired, collapsed, from its page, without option tables', async () => {
    await open(join(dir, 'lisa.html'));
    const article = page.locator('details.explanation', { has: page.locator('#rule-service-user-voice-recorded') });
    expect(await article.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.locator('.finding a.rule-link', { hasText: 'service-user-voice-recorded' }).first().click();
    expect(await article.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await expect(article.locator('h3').innerText()).resolves.toBe('service-user-voice-recorded');
    await expect(article.locator('h4').allInnerTexts()).resolves.toEqual(['Why it matters', 'Poor', 'Good', 'Recording a professional judgement']);
    expect(await article.locator('pre').count()).toBeGreaterThan(0);
    expect(await page.locator('.explanation table').count()).toBe(0);
    expect(await page.locator('details.explanation[open]').count()).toBe(1);
    // Its name stays in view above what it says.
    const box = await article.locator('summary').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
  });

  for (const width of [1366, 1024]) {
    it(`fits a ${width}-pixel screen: nothing wider than the window, paths whole`, async () => {
      await page.setViewportSize({ width, height: 800 });
      try {
        for (const file of ['lisa.html', 'compare.html']) {
          await open(join(dir, file));
          const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          expect(scroll, file).toBeLessThanOrEqual(client);
        }
        await open(join(dir, 'lisa.html'));
        await expect(page.locator('#f1-title').innerText()).resolves.toBe('▤ examples/lisa-poor.yaml');
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });
  }

  it('compare: the two timelines side by side on a shared date axis, the differing rules first', async () => {
    await open(join(dir, 'compare.html'));
    const rows = page.locator('table.aligned > tbody > tr');
    const dates = await rows.locator('th time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(dates.length).toBeGreaterThan(10);
    // A date both plans have is one row: their events start at the same height, each in its own column.
    const both = rows.filter({ has: page.locator('time[datetime="2024-01-08"]') });
    const [a, b] = [both.locator('td').nth(0).locator('.tl-card').first(), both.locator('td').nth(1).locator('.tl-card').first()];
    await expect(a.innerText()).resolves.toContain('Sentenced: community order, 12 months');
    await expect(b.innerText()).resolves.toContain('Sentenced: community order, 12 months');
    const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
    expect(Math.abs(boxA!.y - boxB!.y)).toBeLessThan(2);
    expect(boxA!.x).toBeLessThan(boxB!.x);
    // A date only one plan has leaves the other column blank.
    const onlyA = rows.filter({ has: page.locator('time[datetime="2024-01-10"]') });
    await expect(onlyA.locator('td').nth(1).getAttribute('class')).resolves.toBe('blank');
    // The poor plan's findings are all in its column, once each.
    const poor = JSON.parse(planlint(['examples/lisa-poor.yaml', '--format', 'json']).stdout) as { messages: unknown[] }[];
    expect(await page.locator('table.aligned td:nth-child(3) [data-rule-id]').count()).toBe(poor[0]!.messages.length);
    expect(await page.locator('table.aligned td:nth-child(2) [data-rule-id]').count()).toBe(0);
    // The rules where the plans differ come first.
    const differs = await page.locator('tr[data-rule-row]').evaluateAll((trs) => trs.map((tr) => tr.classList.contains('differs')));
    expect(differs.indexOf(false)).toBe(differs.lastIndexOf(true) + 1);
    await expect(page.locator('.matrix tbody tr.group th').first().innerText()).resolves.toMatch(/^Where the plans differ \(\d+\)$/);
  });

  it('runs no script from a case file: hostile text stays text', async () => {
    await open(join(dir, 'hostile.html'));
    await page.waitForTimeout(300); // give any injected handler (img onerror, svg onload) a chance to fire
    await expect(page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expect(page.locator('img, svg, iframe').count()).resolves.toBe(0);
    await expect(page.locator('[onerror], [onload]').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    // Every link stays in the page, or opens a rule's page shipped in the package (offline): nothing else to follow.
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !h.startsWith('#') && !/^file:\/\/\/.+\/rules\/[a-z-]+\.md$/.test(h))).toEqual([]);
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

  it("prints Lisa's poor plan on at most 8 A4 pages, each finding's lines shown, the whole file and the rule pages left closed", async () => {
    await open(join(dir, 'lisa.html'));
    await page.emulateMedia({ media: 'print' });
    try {
      // The page asks for A4 itself (@page), as a browser's print dialog reads it.
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.length).toBeLessThanOrEqual(8);
      for (const size of pages) expect(size).toEqual([595, 842]); // A4 in points, portrait
      expect(await page.locator('.finding-source').first().locator('.snippet').isVisible()).toBe(true);
      expect(await page.locator('#f1-source .source-wrap').isVisible()).toBe(false);
      expect(await page.locator('#rule-service-user-voice-recorded').isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('prints the compare view in landscape', async () => {
    await open(join(dir, 'compare.html'));
    await page.emulateMedia({ media: 'print' });
    try {
      const pages = pdfPages(await page.pdf({ preferCSSPageSize: true }));
      for (const size of pages) expect(size).toEqual([842, 595]);
      expect(pages.length).toBeLessThanOrEqual(12);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

/** Each page's size in points, from its MediaBox: Chromium writes one uncompressed per page object. */
function pdfPages(pdf: Buffer): [number, number][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Type\s*\/Page\b(?!s)[^]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[3]) - Number(m[1])), Math.round(Number(m[4]) - Number(m[2]))]);
}
