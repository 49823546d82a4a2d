import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, extname, join } from 'node:path';
import { bundled } from '../runtime/bundled-modules.js';
import { importModule } from '../runtime/import-module.js';
import { ruleDocPath } from '../core/package-root.js';
import type { Rule, RuleMeta } from '../rule-kit/rule-api.js';

/**
 * Built-in rules are the modules in rules/, one per file, named by rule id: compiled .js files
 * beside dist/src, or the .ts sources when running from source (as the tests do).
 */
const here = fileURLToPath(import.meta.url);
// Two folders up from this module (src/engine): dist/rules beside dist/src, or rules/ beside src/.
const builtInDir = join(dirname(here), '..', '..', 'rules');
const moduleExtension = extname(here);

// Rules carry their own option types; the engine handles them uniformly.
export type AnyRule = Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- options differ per rule

let builtIns: Promise<AnyRule[]> | undefined;

export function loadBuiltInRules(): Promise<AnyRule[]> {
  // In a bundle every rule is already in hand.
  builtIns ??= bundled ? Promise.resolve(bundled.rules.map(([id, rule]) => checkedRule(rule, id, `${id}.js`))) : loadRulesFrom(builtInDir);
  return builtIns;
}

async function loadRulesFrom(dir: string): Promise<AnyRule[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(moduleExtension) && !f.endsWith('.d.ts'))
    .sort();
  const modules = await Promise.all(files.map((f) => importModule(pathToFileURL(join(dir, f)).href) as Promise<{ default?: unknown }>));
  return modules.map((module, i) => checkedRule(module.default, files[i]!.slice(0, -moduleExtension.length), files[i]!));
}

function checkedRule(rule: unknown, expectedId: string, file: string): AnyRule {
  if (!isRule(rule)) throw new Error(`rules/${file} does not export a rule (defineRule({ meta, check })) as its default export.`);
  if (rule.meta.id !== expectedId) throw new Error(`rules/${file} declares id "${rule.meta.id}"; the file must be named after its id.`);
  const problem = docsProblem(rule);
  if (problem) throw new Error(`rules/${file}: ${problem}.`);
  return rule;
}

export function isRule(value: unknown): value is AnyRule {
  const candidate = value as AnyRule | undefined;
  return typeof candidate?.check === 'function' && typeof candidate.meta?.id === 'string' && typeof candidate.meta.messages === 'object';
}

const DOC_PROTOCOLS: readonly string[] = ['https:', 'http:', 'file:'];

/** What is wrong with a rule's meta.docs (ESLint's shape), or undefined when it is absent or fine. */
export function docsProblem(rule: AnyRule): string | undefined {
  const docs: unknown = rule.meta.docs;
  if (docs === undefined) return undefined;
  if (typeof docs !== 'object' || docs === null || Array.isArray(docs)) return 'meta.docs must be an object, such as { url: "https://…" }';
  const url: unknown = (docs as { url?: unknown }).url;
  if (url === undefined || (typeof url === 'string' && URL.canParse(url) && DOC_PROTOCOLS.includes(new URL(url).protocol))) return undefined;
  return `meta.docs.url must be an https:, http: or file: URL; found ${JSON.stringify(url)}`;
}

/**
 * Where output links a rule's documentation: a plugin rule's meta.docs.url, else a built-in
 * rule's page in rules/ (as a file: URL), else nowhere. Takes the rule's meta when known (the
 * CLI holds metas as formatter summaries, hence `object`).
 */
export function docUrlOf(id: string, meta?: object): string | undefined {
  const url = (meta as Partial<RuleMeta<unknown>> | undefined)?.docs?.url; // checked on load (docsProblem)
  if (url) return url;
  return existsSync(ruleDocPath(id)) ? pathToFileURL(ruleDocPath(id)).href : undefined;
}
