import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importModule } from '../runtime/import-module.js';
import { docsProblem, isRule } from './load-rules.js';
import type { AnyRule } from './load-rules.js';
import { checkRegularFile, READ_LIMITS, readRegularFile } from '../input/read-source.js';
import { SettingsError } from './rule-settings.js';
import { quote } from '../core/text.js';

/**
 * Loads the rules a plugin provides. A plugin is a local .js/.mjs/.ts file or an npm package whose
 * default export is a rule, an array of rules, or `{ rules: [...] | { id: rule } }`.
 */
export async function loadPlugin(name: string, fromDir: string, configFile: string): Promise<AnyRule[]> {
  const path = resolvePlugin(name, fromDir, configFile);
  // Node's loader would read a device or named pipe for ever: refused before it is imported.
  checkRegularFile(path, { maxBytes: READ_LIMITS.plugin, what: 'the plugin' });
  let exported: unknown;
  try {
    const module = (await importModule(pathToFileURL(path.endsWith('.ts') ? await transpileTypeScript(path, fromDir) : path).href)) as { default?: unknown; rules?: unknown };
    exported = module.default ?? module;
  } catch (error) {
    if (error instanceof SettingsError) throw error;
    // A loader's message may quote the file: only a short excerpt of it.
    const reason = quote(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error), 120);
    throw new SettingsError(`${configFile}: plugin "${quote(name, 60)}" could not be loaded (${reason}).`);
  }
  const candidates = Array.isArray(exported)
    ? exported
    : isRule(exported)
      ? [exported]
      : (() => {
          const rules = (exported as { rules?: unknown } | undefined)?.rules;
          const list: unknown[] = Array.isArray(rules) ? rules : rules && typeof rules === 'object' ? Object.values(rules) : [];
          return list;
        })();
  const rules = candidates.filter(isRule);
  if (rules.length === 0 || rules.length !== candidates.length) {
    throw new SettingsError(`${configFile}: plugin "${name}" must export rules made with defineRule (a rule, an array of rules, or { rules }).`);
  }
  for (const rule of rules) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)?$/.test(rule.meta.id)) {
      throw new SettingsError(`${configFile}: plugin "${name}" has a rule with id "${rule.meta.id}"; ids are kebab-case, optionally prefixed like "team/rule-name".`);
    }
    if (!Array.isArray(rule.meta.appliesTo) || typeof rule.meta.optionsSchema !== 'object') {
      throw new SettingsError(`${configFile}: plugin rule "${rule.meta.id}" needs meta.appliesTo and meta.optionsSchema.`);
    }
    const problem = docsProblem(rule);
    if (problem) throw new SettingsError(`${configFile}: plugin rule "${rule.meta.id}": ${problem}.`);
  }
  return rules;
}

export function resolvePlugin(name: string, fromDir: string, configFile: string): string {
  if (name.startsWith('.') || isAbsolute(name)) {
    const path = resolve(fromDir, name);
    if (!existsSync(path)) throw new SettingsError(`${configFile}: plugin "${name}" not found at ${path}.`);
    return path;
  }
  try {
    return createRequire(join(fromDir, 'noop.js')).resolve(name);
  } catch {
    throw new SettingsError(`${configFile}: plugin "${name}" is not an installed npm package (run npm install ${name}).`);
  }
}

/**
 * Node 20 cannot import TypeScript, so a .ts plugin is compiled with the project's own
 * `typescript` package (the plugin author has it) into a temporary .mjs outside their folders.
 */
async function transpileTypeScript(path: string, fromDir: string): Promise<string> {
  let ts: { transpileModule: (source: string, options: object) => { outputText: string } };
  try {
    const tsPath = createRequire(join(fromDir, 'noop.js')).resolve('typescript');
    ts = ((await importModule(pathToFileURL(tsPath).href)) as { default: typeof ts }).default;
  } catch {
    throw new SettingsError(`${path}: a TypeScript plugin needs the "typescript" package installed in your project, or compile it to .js first.`);
  }
  const output = ts.transpileModule(readRegularFile(path, { maxBytes: READ_LIMITS.plugin, what: 'the plugin' }), {
    compilerOptions: { module: 99 /* ESNext */, target: 9 /* ES2022 */ },
    fileName: path,
  }).outputText;
  const outDir = mkdtempSync(join(tmpdir(), 'planlint-plugin-'));
  const out = join(outDir, 'plugin.mjs');
  // Bare imports (`planlint`, other packages) resolve through the plugin's own node_modules.
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) {
      symlinkSync(join(dir, 'node_modules'), join(outDir, 'node_modules'), 'dir');
      break;
    }
    if (dirname(dir) === dir) break;
  }
  // Relative imports inside the plugin are resolved from its own folder, not the temp folder.
  writeFileSync(
    out,
    output.replace(/(from\s+['"])(\.{1,2}\/[^'"]+)(['"])/g, (_, a: string, spec: string, b: string) => `${a}${pathToFileURL(resolve(path, '..', spec)).href}${b}`),
  );
  return out;
}
