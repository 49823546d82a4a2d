import { ENGINE_RULE_IDS } from '../core/findings.js';
import type { FileResult, Finding } from '../core/findings.js';
import { reportPath } from './rule-docs.js';
import { batchOfTwoPass } from './streaming.js';
import type { TwoPassFormatter } from './streaming.js';
import type { Formatter } from './types.js';

/** Engine findings (unreadable file, bad YAML, schema) are all reported under one "schema" test. */
const SCHEMA_TEST = 'schema';
const ENGINE_IDS = new Set<string>(Object.values(ENGINE_RULE_IDS));

/**
 * JUnit XML for CI test reports (GitLab, Jenkins): a suite per file, a test per rule that checked
 * it plus one for the schema. Errors and warnings fail their test; notes go to its system-out.
 * The totals open the report, so it is written in two passes (TwoPassFormatter): the first counts
 * the tests and failures of each file, the second writes each file's suite.
 */
export const twoPassJunit: TwoPassFormatter = {
  open({ cwd }) {
    let tests = 0;
    let failures = 0;
    return {
      scan(result) {
        const cases = testsFor(result);
        tests += cases.length;
        failures += cases.filter(({ findings }) => findings.some((f) => f.severity !== 'info')).length;
      },
      header: () => `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="planlint" tests="${tests}" failures="${failures}" errors="0">\n`,
      entry: (result) => `${suiteOf(result, cwd)}\n`,
      footer: () => '</testsuites>\n',
    };
  },
};

export const formatJunit: Formatter = batchOfTwoPass(twoPassJunit);

function suiteOf(result: FileResult, cwd: string): string {
  const path = reportPath(result.filePath, cwd);
  // Jenkins reads dots in a class name as packages, so the extension is left out, as ESLint does.
  const classname = path.replace(/\.[^./]*$/, '');
  const cases = testsFor(result).map(({ name, findings }) => {
    const problems = findings.filter((f) => f.severity !== 'info');
    const notes = findings.filter((f) => f.severity === 'info');
    const body: string[] = [];
    if (problems.length > 0) {
      const type = problems.some((f) => f.severity === 'error') ? 'error' : 'warning';
      const message = problems.length === 1 ? problems[0]!.message : `${problems.length} problems`;
      body.push(`      <failure message="${attr(message)}" type="${type}">${text(problems.map((f) => describe(path, f)).join('\n'))}</failure>`);
    }
    if (notes.length > 0) body.push(`      <system-out>${text(notes.map((f) => describe(path, f)).join('\n'))}</system-out>`);
    const open = `    <testcase name="${attr(name)}" classname="${attr(classname)}" file="${attr(path)}"`;
    return body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`;
  });
  const failed = cases.filter((c) => c.includes('<failure ')).length;
  return `  <testsuite name="${attr(path)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
}

/** The schema test, then the rules in the order they checked the file, then any other rule that reported. */
function testsFor(result: FileResult): { name: string; findings: Finding[] }[] {
  const names = [SCHEMA_TEST, ...(result.rulesChecked ?? [])];
  for (const f of result.findings) if (!ENGINE_IDS.has(f.ruleId) && !names.includes(f.ruleId)) names.push(f.ruleId);
  return [...new Set(names)].map((name) => ({
    name,
    findings: result.findings.filter((f) => (name === SCHEMA_TEST ? ENGINE_IDS.has(f.ruleId) : f.ruleId === name)),
  }));
}

const describe = (path: string, f: Finding) => `${path}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`;

/**
 * XML 1.0 cannot hold most control characters even as references, so they are shown as \uXXXX;
 * a lone surrogate (not a character at all) becomes U+FFFD.
 */
function clean(value: string): string {
  return value
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`) // eslint-disable-line no-control-regex -- characters XML 1.0 cannot hold
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Element text: a CR would otherwise be read back as a line feed. */
const text = (value: string) => clean(value).replace(/\r/g, '&#13;');

/** Attribute values: quotes, and tabs and line breaks, which parsers would turn into spaces. */
const attr = (value: string) => clean(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
