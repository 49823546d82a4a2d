/** GitHub Actions workflow commands: one annotation per finding, with GitHub's own escaping. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/formatters/github.js';
import { context, cwd, results } from './fixtures.js';

describe('github format', () => {
  it('writes one command per finding: error, warning → warning, info → notice; suppressed findings are left out', () => {
    expect(formatGithub(results, context)).toBe(
      [
        `::error file=cases/sam plan.yaml,line=3,col=5,endLine=3,endColumn=9,title=demo-rule::50%25 of "Sam's" plan: <b>A & B</b>, a|b%0D%0Anext line`,
        '::warning file=cases/sam plan.yaml,line=7,col=1,endLine=9,endColumn=2,title=team/home-visit::No home visit is recorded.',
        '::notice file=cases/sam plan.yaml,line=12,col=3,endLine=12,endColumn=3,title=demo-rule::Could not judge the review.',
        '::error file=broken.yaml,line=2,col=1,endLine=2,endColumn=5,title=syntax::Duplicate key "kind".',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, ":" and "," in properties, and shows CR and LF as the replacement character, so a file name cannot end one early', () => {
    const out = formatGithub([{ filePath: join(cwd, 'a:b,c%d\ne.yaml'), findings: [{ ruleId: 'demo-rule', severity: 'error', message: 'a:b,c', line: 1, column: 1, endLine: 1, endColumn: 2 }] }], context);
    expect(out).toBe('::error file=a%3Ab%2Cc%25d\ufffde.yaml,line=1,col=1,endLine=1,endColumn=2,title=demo-rule::a:b,c\n');
  });

  it('prints nothing when there are no findings', () => {
    expect(formatGithub([{ filePath: join(cwd, 'ok.yaml'), findings: [] }], context)).toBe('');
  });

  it('keeps a path outside the working directory absolute', () => {
    const out = formatGithub([{ filePath: '/elsewhere/x.yaml', findings: [{ ruleId: 'r', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1 }] }], context);
    expect(out).toBe('::warning file=/elsewhere/x.yaml,line=1,col=1,endLine=1,endColumn=1,title=r::m\n');
  });
});
