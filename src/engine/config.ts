import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject } from 'ajv';
import { importModule } from '../runtime/import-module.js';
import { loadAjv } from '../validate/lazy-ajv.js';
import type createIgnoreType from 'ignore';
import type picomatchType from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { loadPlugin } from './load-plugins.js';
import type { AnyRule } from './load-rules.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { didYouMean } from '../core/text.js';
import { isPresetName, presetSettings } from './presets.js';
import { activateRules, SettingsError } from './rule-settings.js';
import type { RuleSetting } from './rule-settings.js';
import type { ActiveRule } from './run-rules.js';

type IgnoreFactory = typeof createIgnoreType;

// Glob and ignore-file matching are loaded when a config first needs them: most runs (one file,
// no overrides or ignores) never do, and loading them was a noticeable part of a cold start.
const requireHere = createRequire(import.meta.url);
let loadedPicomatch: typeof picomatchType | undefined;
let loadedIgnore: IgnoreFactory | undefined;
const picomatch = (...args: Parameters<typeof picomatchType>) => (loadedPicomatch ??= requireHere('picomatch') as typeof picomatchType)(...args);
const createIgnore = () => (loadedIgnore ??= requireHere('ignore') as IgnoreFactory)();

export const CONFIG_FILE_NAMES = ['planlint.config.yaml', 'planlint.config.yml', 'planlint.config.json', 'planlint.config.mjs'];
export const IGNORE_FILE_NAME = '.planlintignore';

interface RawConfig {
  extends?: string | string[];
  plugins?: string[];
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; rules?: Record<string, RuleSetting> }[];
  ignores?: string[];
}

interface Override {
  files: string[];
  base: string;
  rules: Record<string, RuleSetting>;
  source: string;
}

/** A configuration with its extends chain flattened, ready to apply to files. */
export interface ResolvedConfig {
  /** The config files that contributed, in the order they were applied. */
  configFiles: string[];
  /** Rules from plugins, beside the built-in ones. */
  pluginRules: AnyRule[];
  /** Presets named by extends, in order. */
  presets: string[];
  rules: Record<string, RuleSetting>;
  overrides: Override[];
  ignores: { base: string; patterns: string[] }[];
}

/** The resolved settings for one file, with what produced them, as --print-config shows them. */
export interface FileSettings {
  config: ResolvedConfig;
  overridesApplied: string[];
  settings: Record<string, RuleSetting>;
  rules: ActiveRule[];
}

const EMPTY_CONFIG: ResolvedConfig = { configFiles: [], pluginRules: [], presets: [], rules: {}, overrides: [], ignores: [] };

let validateConfigShape: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

function checkShape(data: unknown, file: string): RawConfig {
  if (!validateConfigShape) {
    const ajv = new (loadAjv().Ajv2020)({ allErrors: true, strict: false });
    validateConfigShape = ajv.compile(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', 'config.schema.json'), 'utf8')) as object);
  }
  if (validateConfigShape(data)) return data as RawConfig;
  throw new SettingsError(`${file}: ${describeConfigError(validateConfigShape.errors ?? [], data)}`);
}

function describeConfigError(errors: ErrorObject[], data: unknown): string {
  // Prefer the most specific complaint; anyOf summaries are the least helpful.
  const error = [...errors].sort((a, b) => Number(a.keyword === 'anyOf') - Number(b.keyword === 'anyOf') || b.instancePath.length - a.instancePath.length)[0];
  if (!error) return 'is not a valid planlint configuration.';
  const key = error.instancePath.slice(1).replace(/\//g, '.') || 'the configuration';
  const params = error.params as Record<string, unknown>;
  let value: unknown = data;
  for (const step of error.instancePath.slice(1).split('/').filter(Boolean)) value = (value as Record<string, unknown> | undefined)?.[step];
  const found = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  if (error.keyword === 'additionalProperties') {
    return `unknown key "${String(params.additionalProperty)}"${key === 'the configuration' ? '' : ` in ${key}`}. Allowed keys: extends, plugins, rules, overrides, ignores.`;
  }
  if (error.instancePath.startsWith('/rules/') || /\/rules\/[^/]+$/.test(error.instancePath)) {
    return `${key} must be off, warn or error, or [severity, options]; found ${found}.`;
  }
  if (error.keyword === 'required') return `${key} is missing "${String(params.missingProperty)}".`;
  if (error.keyword === 'type') return `${key} must be ${String(params.type)}; found ${found}.`;
  return `${key} ${error.message ?? 'is not valid'}; found ${found}.`;
}

async function readConfigFile(file: string): Promise<RawConfig> {
  let data: unknown;
  try {
    if (file.endsWith('.mjs') || file.endsWith('.js')) {
      data = ((await importModule(pathToFileURL(file).href)) as { default?: unknown }).default;
    } else {
      const text = readFileSync(file, 'utf8');
      data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { prettyErrors: false });
    }
  } catch (error) {
    if (error instanceof SettingsError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SettingsError(`${file}: the configuration cannot be read (${reason}).`);
  }
  return checkShape(data ?? {}, file);
}

/** Finds a config named in extends: a preset, a path relative to the config, or an npm package. */
function resolveExtended(name: string, fromDir: string, file: string): string {
  if (name.startsWith('.') || isAbsolute(name)) {
    const path = resolve(fromDir, name);
    if (!existsSync(path)) throw new SettingsError(`${file}: extends "${name}", but ${path} does not exist.`);
    return path;
  }
  try {
    return createRequire(join(fromDir, 'noop.js')).resolve(name);
  } catch {
    throw new SettingsError(`${file}: extends "${name}", which is neither a preset (planlint:recommended, planlint:strict), a file, nor an installed npm package.`);
  }
}

/**
 * Finds, reads, validates and applies configuration. The nearest config file to a linted file
 * applies (its extends chain included); --config replaces discovery. Results are cached by folder.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, Promise<ResolvedConfig>>();
  private readonly byFile = new Map<string, Promise<ResolvedConfig>>();
  private readonly activated = new Map<string, ActiveRule[]>();

  constructor(
    private readonly builtIns: AnyRule[],
    private readonly options: { configPath?: string; cliRules?: Record<string, RuleSetting> } = {},
  ) {}

  /** The config file that applies to files in a folder, if any. */
  findConfigFile(dir: string): string | undefined {
    if (this.options.configPath) return resolve(this.options.configPath);
    for (let current = resolve(dir); ; current = dirname(current)) {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = join(current, name);
        if (existsSync(candidate)) return candidate;
      }
      if (dirname(current) === current) return undefined;
    }
  }

  configFor(filePath: string): Promise<ResolvedConfig> {
    const dir = dirname(resolve(filePath));
    let pending = this.byDirectory.get(dir);
    if (!pending) {
      const file = this.findConfigFile(dir);
      pending = file ? this.loadResolved(file) : Promise.resolve(EMPTY_CONFIG);
      this.byDirectory.set(dir, pending);
    }
    return pending;
  }

  private loadResolved(file: string, seen: string[] = []): Promise<ResolvedConfig> {
    let pending = this.byFile.get(file);
    if (!pending) {
      pending = this.resolveFile(file, seen);
      this.byFile.set(file, pending);
    }
    return pending;
  }

  private async resolveFile(file: string, seen: string[]): Promise<ResolvedConfig> {
    if (!existsSync(file)) throw new SettingsError(`--config: ${file} does not exist.`);
    if (seen.includes(file)) throw new SettingsError(`${file}: extends itself through ${seen.join(' → ')}.`);
    const raw = await readConfigFile(file);
    const dir = dirname(file);
    const result: ResolvedConfig = { configFiles: [], pluginRules: [], presets: [], rules: {}, overrides: [], ignores: [] };
    for (const name of typeof raw.extends === 'string' ? [raw.extends] : (raw.extends ?? [])) {
      if (name.startsWith('planlint:')) {
        const preset = name.slice('planlint:'.length);
        if (!isPresetName(preset)) throw new SettingsError(`${file}: extends "${name}"; the presets are planlint:recommended and planlint:strict.`);
        result.presets.push(preset);
        continue;
      }
      const parent = await this.loadResolved(resolveExtended(name, dir, file), [...seen, file]);
      result.configFiles.push(...parent.configFiles);
      result.pluginRules.push(...parent.pluginRules);
      result.presets.push(...parent.presets);
      Object.assign(result.rules, parent.rules);
      result.overrides.push(...parent.overrides);
      result.ignores.push(...parent.ignores);
    }
    for (const plugin of raw.plugins ?? []) result.pluginRules.push(...(await loadPlugin(plugin, dir, file)));
    result.configFiles.push(file);
    Object.assign(result.rules, raw.rules ?? {});
    raw.overrides?.forEach((o, i) => result.overrides.push({ files: o.files, base: dir, rules: o.rules ?? {}, source: `${file} overrides[${i}]` }));
    if (raw.ignores?.length) result.ignores.push({ base: dir, patterns: raw.ignores });
    return result;
  }

  /** The rules for one file, with the config files and overrides that produced them. */
  async settingsFor(filePath: string): Promise<FileSettings> {
    const config = await this.configFor(filePath);
    // Without overrides every file under a config gets the same settings: work them out once.
    if (config.overrides.length === 0) {
      let shared = this.sharedSettings.get(config);
      if (!shared) this.sharedSettings.set(config, (shared = this.computeSettings(filePath, config)));
      return shared;
    }
    return this.computeSettings(filePath, config);
  }

  private readonly sharedSettings = new WeakMap<ResolvedConfig, FileSettings>();

  private computeSettings(filePath: string, config: ResolvedConfig): FileSettings {
    const allRules = [...this.builtIns, ...config.pluginRules];
    const settings: Record<string, RuleSetting> = presetSettings('recommended', allRules);
    for (const preset of config.presets) Object.assign(settings, presetSettings(preset as 'recommended' | 'strict', allRules));
    Object.assign(settings, config.rules);
    const overridesApplied: string[] = [];
    const absolute = resolve(filePath);
    for (const override of config.overrides) {
      if (picomatch(override.files, { dot: true })(relative(override.base, absolute).split('\\').join('/'))) {
        Object.assign(settings, override.rules);
        overridesApplied.push(override.source);
      }
    }
    for (const id of Object.keys(this.options.cliRules ?? {})) {
      if (!allRules.some((r) => r.meta.id === id))
        throw new SettingsError(
          `--rule: there is no rule "${id}".${didYouMean(
            id,
            allRules.map((r) => r.meta.id),
          )} Run "planlint rules" to list them.`,
        );
    }
    Object.assign(settings, this.options.cliRules ?? {});
    const key = JSON.stringify([config.configFiles, settings]);
    let rules = this.activated.get(key);
    if (!rules) {
      const where = config.configFiles.length ? config.configFiles[config.configFiles.length - 1]! : 'settings';
      rules = activateRules(allRules, settings, where);
      this.activated.set(key, rules);
    }
    return { config, overridesApplied, settings, rules };
  }

  /** Whether a file is ignored by .planlintignore (in the working folder) or its config's ignores. */
  async isIgnored(filePath: string, cwd: string): Promise<boolean> {
    const absolute = resolve(filePath);
    const ignoreFile = join(cwd, IGNORE_FILE_NAME);
    if (existsSync(ignoreFile)) {
      const rel = relative(cwd, absolute);
      if (!rel.startsWith('..') && this.ignoreFileMatcher(ignoreFile).ignores(rel.split('\\').join('/'))) return true;
    }
    const config = await this.configFor(filePath);
    return config.ignores.some(({ base, patterns }) => {
      const rel = relative(base, absolute);
      return !rel.startsWith('..') && createIgnore().add(patterns).ignores(rel.split('\\').join('/'));
    });
  }

  private ignoreMatchers = new Map<string, ReturnType<IgnoreFactory>>();

  private ignoreFileMatcher(path: string): ReturnType<IgnoreFactory> {
    let matcher = this.ignoreMatchers.get(path);
    if (!matcher) {
      matcher = createIgnore().add(readFileSync(path, 'utf8'));
      this.ignoreMatchers.set(path, matcher);
    }
    return matcher;
  }
}
