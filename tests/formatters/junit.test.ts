/** JUnit XML: a suite per file, a test per rule checked plus one for the schema, everything escaped. */
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/formatters/junit.js';
import { context, cwd, results } from './fixtures.js';

describe('junit format', () => {
  it('fails the test of each rule that found something, with every finding at file:line:col', () => {
    expect(formatJunit(results, context)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="planlint" tests="6" failures="3" errors="0">',
        '  <testsuite name="cases/sam plan.yaml" tests="3" failures="2" errors="0" skipped="0">',
        '    <testcase name="schema" classname="cases/sam plan" file="cases/sam plan.yaml"/>',
        '    <testcase name="demo-rule" classname="cases/sam plan" file="cases/sam plan.yaml">',
        '      <failure message="50% of &quot;Sam&apos;s&quot; plan: &lt;b&gt;A &amp; B&lt;/b&gt;, a|b&#13;&#10;next line" type="error">cases/sam plan.yaml:3:5 error 50% of "Sam\'s" plan: &lt;b&gt;A &amp; B&lt;/b&gt;, a|b&#13;',
        'next line (demo-rule)</failure>',
        '      <system-out>cases/sam plan.yaml:12:3 info Could not judge the review. (demo-rule)</system-out>',
        '    </testcase>',
        '    <testcase name="team/home-visit" classname="cases/sam plan" file="cases/sam plan.yaml">',
        '      <failure message="No home visit is recorded." type="warning">cases/sam plan.yaml:7:1 warning No home visit is recorded. (team/home-visit)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="cases/clean.yaml" tests="2" failures="0" errors="0" skipped="0">',
        '    <testcase name="schema" classname="cases/clean" file="cases/clean.yaml"/>',
        '    <testcase name="demo-rule" classname="cases/clean" file="cases/clean.yaml"/>',
        '  </testsuite>',
        '  <testsuite name="broken.yaml" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase name="schema" classname="broken" file="broken.yaml">',
        '      <failure message="Duplicate key &quot;kind&quot;." type="error">broken.yaml:2:1 error Duplicate key "kind". (syntax)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('is well-formed, and a parser reads the messages back exactly', () => {
    const xml = formatJunit(results, context);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true }).parse(xml) as {
      testsuites: { testsuite: { testcase: { name: string; failure?: { message: string } }[] }[] };
    };
    const demo = parsed.testsuites.testsuite[0]!.testcase.find((t) => t.name === 'demo-rule');
    expect(demo?.failure?.message).toBe('50% of "Sam\'s" plan: <b>A & B</b>, a|b\r\nnext line');
  });

  it('replaces characters XML 1.0 cannot hold, even as references, and keeps tabs in attributes', () => {
    const message = 'a\u0001b\u0000c\u001Fd\uD800e\tf\uFFFEg';
    const xml = formatJunit([{ filePath: join(cwd, 'x.yaml'), rulesChecked: ['r'], findings: [{ ruleId: 'r', severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1 }] }], context);
    expect(xml).toContain('<failure message="a\\u0001b\\u0000c\\u001Fd\uFFFDe&#9;f\\uFFFEg" type="error">x.yaml:1:1 error a\\u0001b\\u0000c\\u001Fd\uFFFDe\tf\\uFFFEg (r)</failure>');
    // Nothing outside XML 1.0's Char production, raw or as a character reference.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/); // eslint-disable-line no-control-regex -- the characters XML 1.0 forbids
    const references = [...xml.matchAll(/&#(x[0-9a-f]+|\d+);/gi)].map((m) => (m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : Number(m[1])));
    expect(references.filter((c) => c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd)).toEqual([]);
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('gives a file no rule applied to only the schema test, which passes', () => {
    const xml = formatJunit([{ filePath: join(cwd, 'empty.yaml'), findings: [] }], context);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="planlint" tests="1" failures="0" errors="0">',
        '  <testsuite name="empty.yaml" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase name="schema" classname="empty" file="empty.yaml"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});
