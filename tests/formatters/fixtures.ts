/** Small hand-made results for the formatter tests, with the characters each format must escape. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion, readRuleDocs } from '../../src/cli/report-context.js';
import type { FileResult } from '../../src/core/findings.js';
import type { FormatterContext } from '../../src/formatters/types.js';

/** A working directory that need not exist: formatters only compute paths relative to it. */
export const cwd = join('/', 'srv', 'team');

/** Every character some format must escape: % : , < & | " ' and line breaks. */
export const TRICKY = '50% of "Sam\'s" plan: <b>A & B</b>, a|b\r\nnext line';

export const context: FormatterContext = {
  cwd,
  color: false,
  rules: [
    { id: 'demo-rule', description: 'A demonstration rule.', standard: 'planning' },
    { id: 'team/home-visit', description: 'A home visit is recorded.', standard: 'implementation-and-delivery' },
  ],
  // What the CLI reads for the formats that need it: every rule page in rules/, and the version.
  ruleDocs: readRuleDocs(
    readdirSync(join(import.meta.dirname, '..', '..', 'rules'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3)),
  ),
  version: packageVersion(),
};

export const results: FileResult[] = [
  {
    filePath: join(cwd, 'cases', 'sam plan.yaml'),
    rulesChecked: ['demo-rule', 'team/home-visit'],
    findings: [
      { ruleId: 'demo-rule', messageId: 'tricky', severity: 'error', message: TRICKY, line: 3, column: 5, endLine: 3, endColumn: 9, fingerprint: 'f1' },
      { ruleId: 'team/home-visit', severity: 'warning', message: 'No home visit is recorded.', line: 7, column: 1, endLine: 9, endColumn: 2, fingerprint: 'f2' },
      { ruleId: 'demo-rule', severity: 'info', message: 'Could not judge the review.', line: 12, column: 3, endLine: 12, endColumn: 3, fingerprint: 'f3' },
    ],
    suppressedFindings: [
      {
        ruleId: 'demo-rule',
        severity: 'error',
        message: 'Suppressed one.',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 4,
        fingerprint: 'f4',
        suppression: { kind: 'inline', justification: 'Agreed with the SPO, 3 May.' },
      },
    ],
  },
  { filePath: join(cwd, 'cases', 'clean.yaml'), rulesChecked: ['demo-rule'], findings: [] },
  {
    filePath: join(cwd, 'broken.yaml'),
    findings: [{ ruleId: 'syntax', severity: 'error', fatal: true, message: 'Duplicate key "kind".', line: 2, column: 1, endLine: 2, endColumn: 5, fingerprint: 'f5' }],
  },
];
