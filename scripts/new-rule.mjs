#!/usr/bin/env node
// Scaffolds a built-in rule: `npm run new-rule <id>` writes rules/<id>.ts (the defineRule
// skeleton), rules/<id>.md (its page, in the sections every rule page has) and
// tests/rules/<id>.test.ts (valid and invalid cases), each marked TODO where it needs filling in.
//
//   node scripts/new-rule.mjs <id> [--root <dir>]   (--root: the checkout to write into; tests use a copy)
//
// It refuses an id that is not kebab-case or that a rule already has, and writes each file whole
// (a temporary file, then a rename), so an interrupted run leaves no half-written file.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const usage = 'usage: npm run new-rule <id>   (id in kebab-case, e.g. home-visit-recorded)';

/** @returns {never} */
function fail(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootAt = args.indexOf('--root');
if (rootAt >= 0) {
  const folder = args[rootAt + 1];
  if (!folder) fail(`--root needs a folder.\n${usage}`);
  root = folder;
  args.splice(rootAt, 2);
}
const [id] = args;
if (args.length !== 1 || id === undefined) fail(usage);

// As tests/docs.test.ts requires of a built-in rule's id: lower-case words joined by hyphens.
if (!/^[a-z]+(-[a-z]+)*$/.test(id)) fail(`"${id}" is not a rule id: use kebab-case, lower-case words joined by hyphens (e.g. home-visit-recorded).`);
if (!existsSync(join(root, 'rules')) || !existsSync(join(root, 'tests', 'rules'))) fail(`${root} has no rules/ and tests/rules/ folders: run this in a planlint checkout.`);

const files = {
  [join('rules', `${id}.ts`)]: ruleModule(id),
  [join('rules', `${id}.md`)]: rulePage(id),
  [join('tests', 'rules', `${id}.test.ts`)]: ruleTest(id),
};
const taken = Object.keys(files).filter((file) => existsSync(join(root, file)));
if (taken.length > 0) fail(`there is already a rule "${id}" (${taken.join(', ')}); choose another id, or edit that rule.`);

for (const [file, text] of Object.entries(files)) {
  const path = join(root, file);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx' });
  renameSync(temporary, path);
}

const shown = (file) => relative(process.cwd(), join(root, file)) || file;
process.stdout.write(`Created:
${Object.keys(files)
  .map((file) => `  ${shown(file)}`)
  .join('\n')}

Next:
  1. Fill in every TODO: the rule's meta and check in ${shown(join('rules', `${id}.ts`))}, its page in
     ${shown(join('rules', `${id}.md`))}, and realistic valid and invalid YAML in the test, with the
     message and location of each finding (every message needs an invalid case).
  2. Run its test:     npx vitest run tests/rules/${id}.test.ts
  3. Update the docs:  npm run docs   (the README's rule table and the page's Guidance row), then npx vitest run tests/docs.test.ts
`);

/** The module, in the shape the built-in rules share (see rules/officer-continuity.ts). */
function ruleModule(id) {
  return `import { defineRule } from '../src/rule-kit/index.js';

// Options: declare \`interface Options { … }\` with a comment on each, write \`defineRule<Options>()({\`
// below, and describe each option in optionsSchema (its defaults in defaultOptions).

export default defineRule({
  meta: {
    id: '${id}',
    description: 'TODO: one line saying what good practice the rule checks for.',
    severity: 'warning', // TODO: error or warning, in the recommended preset
    standard: 'planning', // TODO: assessment, planning, implementation-and-delivery, reviewing or hygiene
    // TODO: the publication the rule comes from (one of hmip-introduction-to-engagement,
    // hmip-assessing-for-engagement, hmip-planning-for-engagement, hmip-reviewing-for-engagement,
    // hughes-service-user-engagement) and the section it draws on, in words a reader can find it by.
    guidance: { publication: 'hmip-planning-for-engagement', section: 'TODO: the section, or what it says' },
    appliesTo: ['case-file', 'sentence-plan', 'review'], // TODO: the document kinds the rule can judge
    messages: {
      // TODO: say what is missing and what good looks like, in words an officer would use;
      // {{name}} is filled from the report's data.
      missing: 'TODO: what is missing for {{name}}, and what to record.',
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    // TODO: judge the case from what is recorded, and report each finding at the node it is
    // about (with the missing property's name when a field is absent), for example:
    //   context.report({ node: plan, property: 'objectives', messageId: 'missing', data: { name: personName(model) } });
  },
});
`;
}

/** The page, with the sections every rule page has (tests/docs.test.ts checks them). */
function rulePage(id) {
  return `# ${id}

> TODO: one line saying what good practice the rule checks for.

| | |
|---|---|
| Standard | TODO |
| Guidance | TODO: written from the rule's guidance by npm run docs |
| Applies to | case-file, sentence-plan, review |
| Severity | warning in \`recommended\`, error in \`strict\` |

## Why it matters

TODO: the rationale, from the inspectorate's guidance: what goes wrong for the person when this is
missing, and what the standard expects.

## What it checks

TODO: the fields the rule reads and exactly when it reports, so an officer can predict it.

## Poor

\`\`\`yaml
# TODO: a short failing example, as an officer might write it
\`\`\`

## Good

\`\`\`yaml
# TODO: the same example put right: what good looks like, and how to fix the finding
\`\`\`

## Options

None.

## Recording a professional judgement

TODO: where the guidance allows a reasoned decision, which field records it so the rule accepts it
(or why none applies).
`;
}

/** The test table, run by planlint/testing as the other rules' tests are. */
function ruleTest(id) {
  return `import rule from '../../rules/${id}.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

testRule(rule, {
  valid: [
    {
      name: 'TODO: a case that meets the standard',
      yaml: yaml\`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2024-01-10
      \`,
    },
  ],
  invalid: [
    {
      name: 'TODO: a case that falls short',
      yaml: yaml\`
        kind: sentence-plan
        schemaVersion: 1
        caseRef: C1
        date: 2024-01-10
      \`,
      errors: [{ messageId: 'missing', line: 1, column: 1, message: 'TODO: the message as the officer will read it.' }],
    },
  ],
});
`;
}
