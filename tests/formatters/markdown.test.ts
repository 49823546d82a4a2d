/** The markdown summary: totals, and a table per file with the rule linked to its page. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, formatMarkdown } from '../../src/formatters/markdown.js';
import { ruleDocUrlFor } from '../../src/cli/report-context.js';
import { context, cwd, results } from './fixtures.js';

describe('markdown format', () => {
  it('gives the totals and a table per file with findings, escaping the messages', () => {
    expect(formatMarkdown(results, context)).toBe(
      [
        '## planlint',
        '',
        '✖ **3 problems** (2 errors, 1 warning) in 3 files checked. 1 note for information; 1 finding suppressed.',
        '',
        '### cases/sam plan.yaml',
        '',
        '| Line | Severity | Rule | Message |',
        '|---:|---|---|---|',
        `| 3:5 | error | \`demo-rule\` | 50% of "Sam's" plan: \\<b\\>A &amp; B\\</b\\>, a\\|b next line |`,
        '| 7:1 | warning | `team/home-visit` | No home visit is recorded. |',
        '| 12:3 | info | `demo-rule` | Could not judge the review. |',
        '',
        '### broken.yaml',
        '',
        '| Line | Severity | Rule | Message |',
        '|---:|---|---|---|',
        '| 2:1 | error | `syntax` | Duplicate key "kind". |',
        '',
      ].join('\n'),
    );
  });

  it("links a rule only to a web page (a plugin rule's docs.url): a file: link would lead nowhere in a pull request", () => {
    const rules = [
      { id: 'service-user-voice-recorded', description: 'd', standard: 'planning' },
      { id: 'team/home-visit', description: 'd', standard: 'planning', docs: { url: 'https://example.org/rules/home-visit' } },
    ];
    const finding = { severity: 'error' as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const out = formatMarkdown(
      [
        {
          filePath: join(cwd, 'p.yaml'),
          findings: [
            { ...finding, ruleId: 'service-user-voice-recorded' },
            { ...finding, ruleId: 'team/home-visit' },
          ],
        },
      ],
      { ...context, ruleDocUrl: ruleDocUrlFor(rules) },
    );
    expect(out).toContain('| 1:1 | error | `service-user-voice-recorded` | m |');
    expect(out).toContain('| 1:1 | error | [`team/home-visit`](https://example.org/rules/home-visit) | m |');
  });

  it('says so when there is nothing to report', () => {
    expect(formatMarkdown([{ filePath: join(cwd, 'ok.yaml'), findings: [] }], context)).toBe('## planlint\n\n✔ No problems found (1 file checked).\n');
  });

  it('escapes every character that acts inline, and keeps a row on one line', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) <f> ~g~ $h$ \\i | j & k\nl\r\nm')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\~g\\~ \\$h\\$ \\\\i \\| j &amp; k l m');
    expect(escapeMarkdown('&amp;')).toBe('&amp;amp;');
  });
});
