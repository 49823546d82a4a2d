/**
 * The playground (dist/playground/index.html) in a real browser, opened from a file as a person
 * would: every request that is not for a file fails the test. Its findings must be the CLI's on
 * every example; typing re-lints; share links, the draft box, redaction, compare and the printable
 * report do what they say. Chromium is found as for the HTML report (tests/helpers/chromium.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addFingerprints } from '../../src/core/fingerprint.js';
import type { Finding } from '../../src/core/findings.js';
import { CHROMIUM_SKIP_NOTE, HOW_TO_GET_CHROMIUM, chromiumRequiredMessage, findChromium, isCi } from '../helpers/chromium.js';
import { root, runBuiltCli as planlint } from '../helpers/cli.js';

const chromiumSearch = findChromium();
const CHROMIUM = chromiumSearch.path;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGE = join(root, 'dist', 'playground', 'index.html');
const PAGE_URL = pathToFileURL(PAGE).href;
const SEVERITY = ['info', 'warning', 'error'] as const;

interface JsonMessage {
  ruleId: string;
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Every request for anything but a file: there must be none. */
const offPage: string[] = [];
const problems: string[] = [];
let cliFindings: Map<string, JsonMessage[]>;

beforeAll(async () => {
  if (!CHROMIUM) {
    if (isCi()) throw new Error(chromiumRequiredMessage(chromiumSearch));
    return;
  }
  const run = planlint(['examples/', '--format', 'json']);
  expect(run.code, run.stderr).toBe(1);
  const json = JSON.parse(run.stdout) as { filePath: string; messages: JsonMessage[] }[];
  cliFindings = new Map(json.map((r) => [r.filePath.slice(join(root, 'examples').length + 1), r.messages]));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

beforeEach(async ({ skip }) => {
  if (!CHROMIUM) skip(`${CHROMIUM_SKIP_NOTE}, and ${chromiumSearch.missing}; to run them, ${HOW_TO_GET_CHROMIUM} (with CI set they are required)`);
  offPage.length = 0;
  problems.length = 0;
  context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offPage.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // The one refusal the first test provokes on purpose is the policy working.
    if (message.type() === 'error' && !message.text().includes('https://example.com/')) problems.push(`console: ${message.text()}`);
  });
});

afterEach(async () => {
  await context?.close();
  expect(offPage, 'requests that left the page').toEqual([]);
  expect(problems).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
});

async function open(hash = ''): Promise<void> {
  await page.goto(PAGE_URL + hash);
  await page.waitForSelector('body[data-ready="true"]');
}

/** The findings the page shows, as its data attributes and text say. */
async function shownFindings(list = '#findings') {
  return page.locator(`${list} li.finding`).evaluateAll((items) =>
    items.map((li) => ({
      ruleId: (li as HTMLElement).dataset.ruleId,
      severity: (li as HTMLElement).dataset.severity,
      line: Number((li as HTMLElement).dataset.line),
      column: Number((li as HTMLElement).dataset.column),
      message: li.querySelector('.message')?.textContent,
    })),
  );
}

const asShown = (m: JsonMessage) => ({ ruleId: m.ruleId, severity: SEVERITY[m.severity], line: m.line, column: m.column, message: m.message });

interface PlaygroundApi {
  lint(text: string, fileName: string): { findings: Finding[] };
  text(): string;
  timings: number[];
}

/** Runs `act` (typing), then waits until the page has linted what was typed (after its debounce). */
async function andLinted(act: () => Promise<void>): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as { planlintPlayground: PlaygroundApi }).planlintPlayground.timings.length);
  await act();
  await page.waitForFunction((n) => (window as unknown as { planlintPlayground: PlaygroundApi }).planlintPlayground.timings.length > n, before);
}

/** Replaces the editor's text as pasting would, and waits for the lint. */
async function typeInto(text: string): Promise<void> {
  await andLinted(async () => {
    await page.locator('#editor .cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(text);
  });
}

const editorText = () => page.evaluate(() => (window as unknown as { planlintPlayground: PlaygroundApi }).planlintPlayground.text());

/** What the CLI finds in a text, as the page shows findings. */
function cliOn(text: string, name: string, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-playground-'));
  writeFileSync(join(dir, name), text);
  const run = planlint([join(dir, name), '--format', 'json', ...args]);
  return (JSON.parse(run.stdout) as { messages: JsonMessage[] }[])[0]!.messages.map(asShown);
}

describe('the playground in Chromium', () => {
  it('is one file under 2 MB whose policy forbids every connection, and opens offline', async () => {
    const html = readFileSync(PAGE, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("frame-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).not.toContain('unsafe-eval');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
    await open();
    // Even a script that tried could not reach out: the policy refuses before any request is made.
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'sent',
        () => 'refused',
      ),
    );
    expect(fetched).toBe('refused');
    await expect(page.locator('#version').innerText()).resolves.toMatch(/^planlint \d+\.\d+\.\d+/);
  });

  it("shows the CLI's findings on every example, with its teaching note", async () => {
    await open();
    const names = await page.locator('#example option[value]:not([value=""])').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(names.sort()).toEqual([...cliFindings.keys()].sort());
    for (const name of names) {
      await page.selectOption('#example', name);
      expect(await shownFindings(), name).toEqual(cliFindings.get(name)!.map(asShown));
      await expect(page.locator('#note').innerText()).resolves.toMatch(new RegExp(`^${name.replace(/[.]/g, '\\.')}: \\S`));
    }
    // The same fingerprints as the CLI's (the page hashes with its own SHA-256).
    const text = readFileSync(join(root, 'examples', 'lisa-poor.yaml'), 'utf8');
    const inPage = await page.evaluate((t) => (window as unknown as { planlintPlayground: PlaygroundApi }).planlintPlayground.lint(t, 'lisa-poor.yaml').findings, text);
    const fromNode: Finding[] = inPage.map(({ fingerprint: _f, ...f }) => ({ ...f }));
    addFingerprints(fromNode, text);
    expect(inPage.map((f) => f.fingerprint)).toEqual(fromNode.map((f) => f.fingerprint));
  });

  it('re-lints as you type, underlines each finding, and a finding takes the cursor to its line', async () => {
    await open();
    await page.selectOption('#example', 'lisa-good.yaml');
    await expect(page.locator('#count').innerText()).resolves.toBe('✔ no findings');
    await andLinted(async () => {
      await page.locator('#editor .cm-content').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText('\nfavouriteColour: blue\n');
    });
    const added = page.locator('#findings li.finding[data-rule-id="schema"]');
    const typed = await editorText();
    expect(typed).toContain('\nfavouriteColour: blue\n');
    expect(await shownFindings()).toEqual(cliOn(typed, 'lisa-good.yaml'));
    await expect(added.getAttribute('data-line')).resolves.toBe(String(typed.split('\n').indexOf('favouriteColour: blue') + 1));
    await expect(added.getAttribute('data-severity')).resolves.toBe('error');
    await expect(page.locator('#editor .cm-lintRange-error').count()).resolves.toBeGreaterThan(0);
    await page.keyboard.press('ControlOrMeta+z');
    await page.locator('#findings li.finding').waitFor({ state: 'detached' });

    await page.selectOption('#example', 'lisa-poor.yaml');
    const finding = page.locator('#findings li.finding[data-line="40"]').first();
    await finding.locator('.message').click();
    await expect(page.locator('#editor .cm-lineNumbers .cm-activeLineGutter').innerText()).resolves.toBe('40');
  });

  // Completion pops up on a keystroke's timing; on a loaded machine one try can miss it.
  it('completes fields and values from the JSON Schemas, and explains a field on hover', { retry: 2 }, async () => {
    await open();
    await typeInto('kind: case-file\nschemaVersion: 1\n');
    await page.keyboard.type('sen');
    const options = page.locator('.cm-tooltip-autocomplete li');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toContain('sentenceSentence');
    await page.keyboard.press('Enter');
    await page.keyboard.type('\n  type: ');
    await page.keyboard.press('Control+Space');
    await options.first().waitFor();
    expect((await options.allInnerTexts()).some((o) => o.startsWith('community-order'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(editorText()).resolves.toBe('kind: case-file\nschemaVersion: 1\nsentence: \n  type: ');
    await page.locator('#editor .cm-line', { hasText: 'schemaVersion' }).getByText('schemaVersion').hover();
    await expect(page.locator('.field-help').innerText()).resolves.toMatch(/^schemaVersion/);
  });

  it('reads an HMPPS export pasted as JSON as the CLI reads the file', async () => {
    await open();
    await typeInto(readFileSync(join(root, 'examples', 'hmpps', 'dan-poor.json'), 'utf8'));
    expect(await shownFindings()).toEqual(cliFindings.get('hmpps/dan-poor.json')!.map(asShown));
  });

  it("opens the rule's page from a finding", async () => {
    await open();
    await page.locator('#findings li.finding[data-rule-id="objectives-smart"] button.rule-link').first().click();
    await expect(page.locator('#rule-dialog').getAttribute('open')).resolves.toBe('');
    await expect(page.locator('#rule-title').innerText()).resolves.toBe('objectives-smart');
    const page_ = readFileSync(join(root, 'rules', 'objectives-smart.md'), 'utf8');
    const firstHeading = /^## (.+)$/m.exec(page_)![1]!;
    await expect(page.locator('#rule-page').innerText()).resolves.toContain(firstHeading);
    await page.locator('#rule-close').click();
    await expect(page.locator('#rule-dialog').getAttribute('open')).resolves.toBeNull();
  });

  it('follows a share link, and makes one that carries the text only after the #', async () => {
    const text = 'kind: sentence-plan\nschemaVersion: 1\ncaseRef: ZOË-1\ndate: 2024-01-20\nobjectives:\n  - text: TBC\n';
    await open(`#yaml=${Buffer.from(text, 'utf8').toString('base64url')}`);
    await expect(editorText()).resolves.toBe(text);
    expect(await shownFindings()).toEqual(cliOn(text, 'shared.yaml'));
    expect((await shownFindings()).length).toBeGreaterThan(0);
    await page.locator('#share').click();
    const link = await page.locator('#share-link').inputValue();
    expect(link.startsWith(`${PAGE_URL}#yaml=`)).toBe(true);
    expect(Buffer.from(link.slice(link.indexOf('#yaml=') + 6), 'base64url').toString('utf8')).toBe(text);
    // A damaged link says so and opens the page as usual.
    await open('#yaml=%%%');
    await expect(page.locator('#status').innerText()).resolves.toMatch(/share link is damaged/);
  });

  it('keeps nothing unless asked, and keeps the draft on this computer when asked', async () => {
    await open();
    await typeInto('kind: review\n');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.locator('#keep').check();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await expect(page.locator('#keep').isChecked()).resolves.toBe(true);
    await expect(editorText()).resolves.toBe('kind: review\n');
    await page.locator('#keep').uncheck();
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  });

  it('redacts as --redact does', async () => {
    await open();
    const plain = planlint(['examples/lisa-poor.yaml', '--format', 'json', '--redact']);
    const redacted = (JSON.parse(plain.stdout) as { messages: JsonMessage[] }[])[0]!.messages;
    await page.locator('#redact').check();
    expect(await shownFindings()).toEqual(redacted.map(asShown));
    expect((await shownFindings()).some((f) => f.message?.includes('Lisa'))).toBe(false);
  });

  it('compares two files side by side, the rules that differ first', async () => {
    await open();
    await page.locator('#tab-compare').click();
    await expect(page.locator('#compare-view').isVisible()).resolves.toBe(true);
    expect(await shownFindings('#findings-left')).toEqual([]);
    expect(await shownFindings('#findings-right')).toEqual(cliFindings.get('lisa-poor.yaml')!.map(asShown));
    const rows = await page.locator('#rule-diff tbody tr').evaluateAll((trs: HTMLElement[]): [string, string | undefined][] => trs.map((tr) => [tr.className, tr.dataset.ruleId]));
    expect(rows.length).toBe(new Set(cliFindings.get('lisa-poor.yaml')!.map((m) => m.ruleId)).size);
    expect(rows.every(([cls]) => cls === 'differs')).toBe(true);
    // Two poor plans share some rules: those that differ come first.
    await page.selectOption('#left-example', 'tom-poor.yaml');
    const classes = await page.locator('#rule-diff tbody tr').evaluateAll((trs: HTMLElement[]): string[] => trs.map((tr) => tr.className));
    expect(classes).toContain('same');
    expect(classes.indexOf('same')).toBeGreaterThan(classes.lastIndexOf('differs'));
  });

  it("shows the CLI's HTML report, and prints it", async () => {
    await open();
    await page.locator('#tab-report').click();
    const handle = await page.locator('#report-frame').elementHandle();
    const reportFrame = await handle?.contentFrame();
    if (!reportFrame) throw new Error('The report frame has no document.');
    await expect(reportFrame.title()).resolves.toBe('planlint report: lisa-poor.yaml');
    // The same report as the CLI writes (shown relative to where each ran).
    const cli = planlint(['examples/lisa-poor.yaml', '--format', 'html']);
    const cliPage = await context.newPage();
    await cliPage.setContent(cli.stdout);
    const cliShown = await cliPage.locator('.finding').allInnerTexts();
    expect(cliShown.length).toBeGreaterThan(0);
    await expect(reportFrame.locator('.finding').allInnerTexts()).resolves.toEqual(cliShown);
    // The print button prints the report, not the playground around it.
    await reportFrame.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await page.locator('#print').click();
    await expect(reportFrame.locator('body').getAttribute('data-printed')).resolves.toBe('yes');
    // And it prints to PDF, with nothing fetched.
    const dir = mkdtempSync(join(tmpdir(), 'planlint-playground-'));
    const printed = await context.newPage();
    await printed.setContent(await reportFrame.content());
    const pdf = await printed.pdf({ format: 'A4' });
    writeFileSync(join(dir, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThan(0);
    // Printing the playground itself from the report view prints the whole report, page after page.
    const whole = await page.pdf({ format: 'A4' });
    expect(whole.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThan(3);
  });
});
