import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, extname, join } from 'node:path';
import { bundled } from '../runtime/bundled-modules.js';
import { importModule } from '../runtime/import-module.js';
import type { Rule } from '../rule-kit/rule-api.js';

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
  const files = readdirSync(dir).filter((f) => f.endsWith(moduleExtension) && !f.endsWith('.d.ts')).sort();
  const modules = await Promise.all(files.map((f) => importModule(pathToFileURL(join(dir, f)).href) as Promise<{ default?: unknown }>));
  return modules.map((module, i) => checkedRule(module.default, files[i]!.slice(0, -moduleExtension.length), files[i]!));
}

function checkedRule(rule: unknown, expectedId: string, file: string): AnyRule {
  if (!isRule(rule)) throw new Error(`rules/${file} does not export a rule (defineRule({ meta, check })) as its default export.`);
  if (rule.meta.id !== expectedId) throw new Error(`rules/${file} declares id "${rule.meta.id}"; the file must be named after its id.`);
  return rule;
}

export function isRule(value: unknown): value is AnyRule {
  const candidate = value as AnyRule | undefined;
  return typeof candidate?.check === 'function' && typeof candidate.meta?.id === 'string' && typeof candidate.meta.messages === 'object';
}
