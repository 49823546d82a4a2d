/**
 * The HTML report as a classroom uses it, measured without a browser: each finding once, rule
 * explanations without option tables, paths relative to where planlint ran and wrapped only after
 * a slash, and the compare view's rules (those that differ first) and dates (one row each).
 * tests/e2e/html-report.browser.test.ts looks at the same pages in Chromium, on screen and printed.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathHtml } from '../src/formatters/html.js';
import { relativeDisplayPath } from '../src/core/paths.js';
import { root, runCli as planlint, scratch } from './helpers/cli.js';

interface JsonMessage {
  ruleId: string;
  line: number;
  message: string;
}

async function htmlOf(args: string[], cwd = root): Promise<string> {
  const out = join(scratch(), 'out.html');
  const run = await planlint([...args, '-o', out], { cwd });
  expect(run.stderr).toBe('');
  return readFileSync(out, 'utf8');
}

async function findingsOf(file: string): Promise<JsonMessage[]> {
  const json = JSON.parse((await planlint([file, '--format', 'json'])).stdout) as { messages: JsonMessage[] }[];
  return json[0]!.messages;
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const count = (text: string, part: string) => text.split(part).length - 1;

describe('the HTML report, for a classroom', () => {
  it('shows each finding once: one element per finding, carrying its rule, severity and line', async () => {
    const html = await htmlOf(['examples/lisa-poor.yaml', '--format', 'html']);
    const messages = await findingsOf('examples/lisa-poor.yaml');
    expect(messages.length).toBeGreaterThan(10);
    const shown = [...html.matchAll(/<li class="finding [^"]*" id="[^"]+" data-rule-id="([^"]+)" data-severity="(error|warning|info)" data-line="(\d+)">/g)].map((m) => `${m[1]}@${m[3]}`);
    expect(shown.sort()).toEqual(messages.map((m) => `${m.ruleId}@${m.line}`).sort());
    expect(count(html, 'data-rule-id=')).toBe(messages.length);
    // Each message's words appear once in the page, not again in a list or beside the source.
    for (const m of messages) expect(count(unescape(html), m.message), m.message).toBe(1);
    // The source lines are one click away: one collapsed <details> per finding, the whole file collapsed too.
    expect(count(html, '<details class="finding-source')).toBe(messages.length);
    expect(html).toMatch(/<details class="panel source-details" id="f1-source">/);
    expect(html).not.toContain('class="annotation');
  });

  it('explains the rules that fired collapsed, without option tables or the developer sections', async () => {
    const html = await htmlOf(['examples/lisa-poor.yaml', '--format', 'html']);
    const explanations = html.slice(html.indexOf('<section class="explanations"'), html.indexOf('</section>', html.indexOf('<section class="explanations"')));
    const fired = new Set((await findingsOf('examples/lisa-poor.yaml')).map((m) => m.ruleId));
    expect(count(explanations, '<details class="explanation"')).toBe(fired.size);
    expect(explanations).not.toMatch(/<details class="explanation"[^>]* open/);
    expect(explanations).not.toContain('<table');
    for (const heading of ['Options', 'What it checks']) expect(explanations).not.toContain(`<h4>${heading}</h4>`);
    expect(explanations).not.toContain('minWords'); // an option of service-user-voice-recorded
    expect(explanations).not.toMatch(/\.txt\b/); // the guidance table's file names are not for a classroom
    for (const heading of ['Why it matters', 'Poor', 'Good', 'Recording a professional judgement']) expect(explanations).toContain(`<h4>${heading}</h4>`);
  });

  it('shows paths relative to where planlint ran, ../ included, never the absolute path', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'cases'));
    mkdirSync(join(dir, 'training'));
    copyFileSync(join(root, 'examples', 'lisa-poor.yaml'), join(dir, 'cases', 'lisa-poor.yaml'));
    const html = await htmlOf([join(dir, 'cases', 'lisa-poor.yaml'), '--format', 'html'], join(dir, 'training'));
    expect(html).toContain('<title>planlint report: ../cases/lisa-poor.yaml</title>');
    expect(html).not.toContain(dir);
    const inside = await htmlOf(['examples/lisa-poor.yaml', '--format', 'html']);
    // A rule's page is linked in the installed package (file:); no path shown to the reader is absolute.
    expect(inside.replace(/href="file:[^"]*"/g, '')).not.toContain(root);
    expect(inside).toContain('<span class="nowrap">examples/</span><wbr><span class="nowrap">lisa-poor.yaml</span>');
    const compare = await htmlOf(['compare', join(dir, 'cases', 'lisa-poor.yaml'), join(root, 'examples', 'lisa-good.yaml'), '--format', 'html'], join(dir, 'training'));
    expect(compare).not.toContain(dir);
    expect(compare).toContain('<title>planlint: ../cases/lisa-poor.yaml compared with');
  });

  it('relativeDisplayPath and pathHtml: relative with ../, and breaks only after a slash', () => {
    expect(relativeDisplayPath('/a/b/c.yaml', '/a/d')).toBe('../b/c.yaml');
    expect(relativeDisplayPath('/a/b/c.yaml', '/a')).toBe('b/c.yaml');
    expect(relativeDisplayPath('<stdin>', '/a')).toBe('<stdin>');
    // Through the root, a relative path says less than the absolute one.
    expect(relativeDisplayPath('/tmp/x.yaml', '/home/me/work')).toBe('/tmp/x.yaml');
    expect(pathHtml('../cases/lisa-poor.yaml')).toBe('<span class="nowrap">../</span><wbr><span class="nowrap">cases/</span><wbr><span class="nowrap">lisa-poor.yaml</span>');
    expect(pathHtml('a<b>.yaml')).toBe('<span class="nowrap">a&lt;b&gt;.yaml</span>');
  });

  it('compare: the rules where the plans differ come first, and each date has one row', async () => {
    const html = await htmlOf(['compare', 'examples/lisa-good.yaml', 'examples/lisa-poor.yaml', '--format', 'html']);
    const rows = [...html.matchAll(/<tr class="(differs|)" data-rule-row="([^"]+)">/g)].map((m) => m[1] === 'differs');
    expect(rows.length).toBe(35);
    expect(rows.indexOf(false)).toBe(rows.lastIndexOf(true) + 1);
    const aligned = html.slice(html.indexOf('<table class="aligned">'), html.indexOf('\n</tbody></table>', html.indexOf('<table class="aligned">')));
    const dates = [...aligned.matchAll(/<tr><th scope="row"><time datetime="(\d{4}-\d\d-\d\d)">/g)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThan(10);
    expect(dates).toEqual([...new Set(dates)].sort());
    // Both plans start on 8 Jan 2024: one row holds both sentences.
    const first = aligned.slice(aligned.indexOf('datetime="2024-01-08"'), aligned.indexOf('</tr>', aligned.indexOf('datetime="2024-01-08"')));
    expect(count(first, 'Sentenced: community order, 12 months')).toBe(2);
    // Each finding once here too.
    expect(count(html, 'data-rule-id=')).toBe((await findingsOf('examples/lisa-poor.yaml')).length);
  });
});
