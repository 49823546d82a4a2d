/** The HTML report's parts, without a browser: safe markdown, the timeline, and a page with nothing live in it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCases } from '../src/model/case-model.js';
import type { ValidDocument } from '../src/model/case-model.js';
import { caseTimeline, entryForLine } from '../src/model/case-timeline.js';
import { formatHtml } from '../src/formatters/html.js';
import { formatJson } from '../src/formatters/json.js';
import { lintText } from '../src/engine/lint.js';
import { loadDocuments } from '../src/input/load-documents.js';
import { escapeHtml, markdownToHtml } from '../src/formatters/markdown-html.js';
import { yaml } from '../src/testing/index.js';

describe('markdownToHtml', () => {
  it('escapes text everywhere and passes no HTML through', () => {
    const html = markdownToHtml(
      [
        '# <b>title</b>',
        '## Why <script>alert(1)</script>',
        'A paragraph with <img src=x onerror=alert(1)> and `<code>` and **bold** and *it*.',
        '',
        '> quoted <iframe>',
        '',
        '- item <svg onload=alert(1)>',
        '',
        '| a | <b> |',
        '|---|---|',
        '| <i>x</i> | [link](javascript:alert(1)) |',
        '',
        '```yaml',
        'words: "<script>alert(2)</script>"',
        '```',
      ].join('\n'),
      { skipTitle: true },
    );
    expect(html).not.toMatch(/<(script|img|iframe|svg|b|i)\b/);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<h4>Why &lt;script&gt;alert(1)&lt;/script&gt;</h4>');
    expect(html).toContain('<code>&lt;code&gt;</code>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<blockquote><p>quoted &lt;iframe&gt;</p></blockquote>');
    expect(html).toContain('<td>link</td>');
    expect(html).toContain('<pre><code>words: &quot;&lt;script&gt;alert(2)&lt;/script&gt;&quot;</code></pre>');
    expect(html).not.toContain('title');
  });

  it('escapeHtml escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

const CASE = yaml`
  kind: case-file
  schemaVersion: 1
  case:
    ref: T-1
    person: { name: Tia }
    officers:
      - { name: PO One, from: 2024-01-08 }
  sentence:
    type: licence
    startDate: 2024-02-01
    lengthMonths: 6
  plan:
    date: 2024-01-25
    participation: { person: video }
  contacts:
    - { date: 2024-01-20, time: "10:00", type: prison-visit, purpose: pre-release, outcome: attended }
    - { date: 2024-02-05, time: "11:00", type: office, outcome: failed-to-attend }
  reviews:
    - date: 2024-03-01
      contactChange: { from: weekly, to: fortnightly, effectiveFrom: 2024-03-08 }
`;

describe('caseTimeline', () => {
  const loaded = loadDocuments(CASE);
  const docs: ValidDocument[] = loaded.documents.map((d) => ({ kind: 'case-file', value: d.value as Record<string, unknown> }));
  const [model] = buildCases(docs, loaded.sourceMap);
  const timeline = caseTimeline(model!, loaded.sourceMap);

  it('tells the case in date order, release included', () => {
    expect(timeline.map((e) => [e.date, e.kind])).toEqual([
      ['2024-01-08', 'officer'],
      ['2024-01-20', 'contact'],
      ['2024-01-25', 'plan'],
      ['2024-02-01', 'release'],
      ['2024-02-05', 'contact'],
      ['2024-03-01', 'review'],
      ['2024-03-08', 'contact-level'],
      ['2024-07-31', 'end'],
    ]);
    expect(timeline[3]!.title).toBe('Released: licence, 6 months');
    expect(timeline[4]).toMatchObject({ title: 'Office appointment', outcome: 'failed-to-attend', details: ['failed to attend'] });
    expect(timeline[6]).toMatchObject({ title: 'Contact changes from weekly to fortnightly', details: ['no reason recorded'] });
  });

  it('places a finding on the narrowest entry that holds its line', () => {
    const contactLine = CASE.split('\n').findIndex((l) => l.includes('failed-to-attend')) + 1;
    expect(timeline[entryForLine(timeline, contactLine)!]!.kind).toBe('contact');
    const changeLine = CASE.split('\n').findIndex((l) => l.includes('contactChange')) + 1;
    expect(timeline[entryForLine(timeline, changeLine)!]!.kind).toBe('contact-level');
    expect(entryForLine(timeline, 1)).toBeUndefined(); // kind: case-file belongs to no moment
  });
});

describe('formatHtml', () => {
  it('writes one self-contained page: no script, nothing fetched, a policy that forbids both', () => {
    // The file need not exist: the source and timeline come with the result, as the CLI asks for them.
    const dir = join('/', 'nowhere');
    const file = join(dir, 'case.yaml');
    const text = CASE.replace('Tia', '<script>alert(1)</script>');
    const result = lintText(text, file, { rules: [], attach: { source: true, cases: true } });
    const html = formatHtml([result], { cwd: dir, color: false });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((html.match(/\s(?:src|href)="([^"]*)"/g) ?? []).filter((a) => !a.includes('"#'))).toEqual([]);
    expect(html).toMatch(/@media print/);
    expect(html).toContain('id="f1-L1"');
  });

  it('shows the source and timeline only when the engine attached them, and never for a redacted run', () => {
    const file = join('/', 'nowhere', 'case.yaml');
    const attach = { source: true, cases: true };
    const attached = lintText(CASE, file, { rules: [], attach });
    expect(attached.attachments?.source).toBe(CASE);
    expect(attached.attachments?.cases?.[0]?.timeline.length).toBeGreaterThan(0);
    expect(formatHtml([attached], { cwd: '/', color: false })).toContain('<ol class="timeline"');

    const bare = formatHtml([lintText(CASE, file, { rules: [] })], { cwd: '/', color: false });
    expect(bare).toContain('The file could not be read again for this report');
    expect(bare).not.toContain('<ol class="timeline"');

    const redacted = lintText(CASE, file, { rules: [], attach, redact: true });
    expect(redacted.attachments).toBeUndefined();
    expect(formatHtml([redacted], { cwd: '/', color: false, redact: true })).toContain('This report is redacted for sharing');
  });

  it('keeps what was attached out of the JSON report', () => {
    const result = lintText(CASE, join('/', 'nowhere', 'case.yaml'), { rules: [], attach: { source: true, cases: true } });
    const json = formatJson([result], { cwd: '/', color: false });
    expect(json).toBe(formatJson([{ ...result, attachments: undefined }], { cwd: '/', color: false }));
    expect(json).not.toContain('Tia');
  });
});
