/**
 * Existing files keep working: every example and fixture that was a valid planlint document at
 * the start of this change (commit 8076188), judged by the schemas of that commit, is still valid,
 * as it was written then. New fields must be optional, or come with a new schemaVersion while
 * version 1 is still read.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ENGINE_RULE_IDS } from '../src/core/findings.js';
import { lintText } from '../src/engine/lint.js';
import { loadAjv } from '../src/validate/lazy-ajv.js';
import { AJV_OPTIONS } from '../src/validate/validator-options.js';
import { root } from './helpers/cli.js';

/** The commit the guarantee is measured from. */
const START = '8076188';
const KINDS = ['case-file', 'sentence-plan', 'review'] as const;

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The example and fixture files of that commit: YAML and JSON under examples/ and tests/ (recorded outputs aside). */
const paths = git('ls-tree', '-r', '--name-only', START, 'examples', 'tests')
  .split('\n')
  .filter((p) => /\.(ya?ml|json)$/.test(p) && !p.startsWith('tests/golden/'));

/** The schemas as they were then, so "valid then" does not move with today's schemas. */
const { Ajv2020, addFormats } = loadAjv();
const ajv = new Ajv2020({ ...AJV_OPTIONS });
addFormats(ajv, ['date']);
for (const kind of KINDS) ajv.addSchema(JSON.parse(git('show', `${START}:schemas/${kind}.schema.json`)) as object, kind);

/** Whether every document of the text was a valid planlint document by the schemas of START. */
function validThen(text: string): boolean {
  try {
    const documents = parseAllDocuments(text, { uniqueKeys: true });
    const list = Array.isArray(documents) ? documents : [];
    return (
      list.length > 0 &&
      list.every((doc) => {
        if (doc.errors.length > 0) return false;
        const value = doc.toJS() as { kind?: unknown } | null;
        const kind = KINDS.find((k) => k === value?.kind);
        return kind !== undefined && ajv.validate(kind, value) === true;
      })
    );
  } catch {
    return false; // a hostile file (alias bombs …) was never valid
  }
}

const valid = paths.map((path) => ({ path, text: git('show', `${START}:${path}`) })).filter(({ text }) => validThen(text));

describe(`files valid at ${START} still validate`, () => {
  it('finds the examples and fixtures to hold to', () => {
    // Every worked example was valid then; a change to this list means the files moved, not the rule.
    expect(valid.filter(({ path }) => path.startsWith('examples/')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(valid.map(({ path, text }) => [path, text] as const))('%s', (path, text) => {
    const result = lintText(text, path, { rules: [], inputFormat: 'planlint' });
    const problems = result.findings.filter((f) => Object.values<string>(ENGINE_RULE_IDS).includes(f.ruleId) && f.severity !== 'info');
    expect(problems.map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`)).toEqual([]);
  });
});
