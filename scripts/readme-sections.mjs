// Generated parts of the README and docs/schema.md, built from the rules' metadata, the schemas
// and a real run of the CLI. `npm run docs` writes them; tests/docs.test.ts fails when they drift.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (path) => import(join(root, 'dist', 'src', path));

const EXAMPLE_FOR_README = 'examples/lisa-poor.yaml';

async function rulesTable() {
  const { loadBuiltInRules } = await dist('engine/load-rules.js');
  const { presetSettings } = await dist('engine/presets.js');
  const rules = await loadBuiltInRules();
  const recommended = presetSettings('recommended', rules);
  const strict = presetSettings('strict', rules);
  const order = ['assessment', 'planning', 'implementation-and-delivery', 'reviewing', 'hygiene'];
  const sorted = [...rules].sort((a, b) => order.indexOf(a.meta.standard) - order.indexOf(b.meta.standard) || a.meta.id.localeCompare(b.meta.id));
  const rows = sorted.map(({ meta }) => `| [\`${meta.id}\`](rules/${meta.id}.md) | ${meta.standard} | ${recommended[meta.id]} | ${strict[meta.id]} | ${meta.description} |`);
  return ['| Rule | Standard | recommended | strict | What it checks |', '|---|---|---|---|---|', ...rows].join('\n');
}

function exampleOutput() {
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [join(root, 'bin', 'planlint.js'), EXAMPLE_FOR_README], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  } catch (error) {
    stdout = error.stdout; // exit code 1: the example has errors, as intended
  }
  return ['```console', `$ npx planlint ${EXAMPLE_FOR_README}`, stdout.replace(/^\n/, '').trimEnd(), '```'].join('\n');
}

/** A field-by-field reference of the schemas, from their titles and descriptions. */
export function schemaReference() {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'case-file.schema.json'), 'utf8'));
  const defs = schema.$defs;
  const typeOf = (s) => {
    if (s.$ref) return `[${s.$ref.split('/').pop()}](#${s.$ref.split('/').pop().toLowerCase()})`;
    if (s.enum) return s.enum.map((v) => `\`${v}\``).join(' \\| ');
    if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
    if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
    if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'values'}`;
    return s.type ?? 'value';
  };
  const describe = (s) => {
    const target = s.$ref ? defs[s.$ref.split('/').pop()] : undefined;
    return (s.description ?? target?.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  };
  const section = (name, s) => {
    const out = [`### ${name}`, '', s.description ?? '', ''];
    const props = { ...(s.$ref ? defs[s.$ref.split('/').pop()]?.properties : {}), ...(s.properties ?? {}) };
    const objectBranch = s.anyOf?.find((b) => b.type === 'object');
    Object.assign(props, objectBranch?.properties ?? {});
    const required = new Set([...(s.required ?? []), ...((s.$ref && defs[s.$ref.split('/').pop()]?.required) ?? [])]);
    if (Object.keys(props).length) {
      out.push('| field | type | required | meaning |', '|---|---|---|---|');
      for (const [key, value] of Object.entries(props)) out.push(`| \`${key}\` | ${typeOf(value)} | ${required.has(key) ? 'yes' : ''} | ${describe(value)} |`);
      out.push('');
    }
    return out.join('\n');
  };
  const parts = [
    '# Schema reference',
    '',
    'Generated from `schemas/*.schema.json` by `npm run docs`; do not edit by hand. Editors that read JSON Schema show the same titles and descriptions as hover text.',
    '',
    '## Documents',
    '',
    section('case-file', schema),
    section('sentence-plan', JSON.parse(readFileSync(join(root, 'schemas', 'sentence-plan.schema.json'), 'utf8'))),
    section('review', JSON.parse(readFileSync(join(root, 'schemas', 'review.schema.json'), 'utf8'))),
    '## Parts',
    '',
    ...Object.entries(defs)
      .filter(([name]) => !name.endsWith('Fields'))
      .map(([name, s]) => section(name, s)),
  ];
  return `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function replaceSection(text, name, content) {
  const pattern = new RegExp(`(<!-- begin:${name} -->)[\\s\\S]*?(<!-- end:${name} -->)`);
  if (!pattern.test(text)) throw new Error(`README has no ${name} section markers`);
  return text.replace(pattern, (_, start, end) => `${start}\n${content}\n${end}`);
}

/** A rule page's "Guidance" row, from the rule's citation (meta.guidance). */
export function guidanceRow(guidanceText) {
  return `| Guidance | ${guidanceText} |`;
}

/** Each rule page with its "Guidance" row rewritten from the rule's meta, by path. */
export async function renderRulePages() {
  const { loadBuiltInRules } = await dist('engine/load-rules.js');
  const { formatGuidance } = await dist('core/guidance.js');
  const pages = new Map();
  for (const { meta } of await loadBuiltInRules()) {
    const path = join(root, 'rules', `${meta.id}.md`);
    const page = readFileSync(path, 'utf8');
    if (!/^\| Guidance \|.*\|$/m.test(page)) throw new Error(`rules/${meta.id}.md has no "| Guidance |" row`);
    pages.set(
      path,
      page.replace(/^\| Guidance \|.*\|$/m, () => guidanceRow(formatGuidance(meta.guidance, { markdown: true }))),
    );
  }
  return pages;
}

export async function renderReadme(readme) {
  let text = replaceSection(readme, 'rules-table', await rulesTable());
  text = replaceSection(text, 'example-output', exampleOutput());
  return text;
}
