import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject } from 'ajv';
import { importModule } from '../runtime/import-module.js';
import { loadAjv } from '../validate/lazy-ajv.js';
import type createIgnoreType from 'ignore';
import type picomatchType from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { checkRegularFile, READ_LIMITS, readRegularFile } from '../input/read-source.js';
import { loadPlugin, resolvePlugin } from './load-plugins.js';
import type { AnyRule } from './load-rules.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { UsageError } from '../core/errors.js';
import { displayPath } from '../core/paths.js';
import { didYouMean, quote } from '../core/text.js';
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

/** The config files planlint reads, in the order it looks for them in each folder (the first found applies). */
export const CONFIG_FILE_NAMES = ['planlint.config.yaml', 'planlint.config.yml', 'planlint.config.json', 'planlint.config.jsonc', 'planlint.config.js', 'planlint.config.mjs', 'planlint.config.cjs'];
/** Names people may give a config by habit from other tools, which planlint does not read: a warning says so. */
const UNREAD_CONFIG_NAMES = ['planlint.config.ts', 'planlint.config.mts', 'planlint.config.cts', 'planlint.config.toml', '.planlintrc', '.planlintrc.json', '.planlintrc.yaml', '.planlintrc.yml', '.planlintrc.js'];
export const IGNORE_FILE_NAME = '.planlintignore';

/** The config file names planlint reads, as a warning lists them. */
const READ_NAMES = 'planlint.config.yaml, .yml, .json, .jsonc, .js, .mjs or .cjs';

interface RawConfig {
  extends?: string | string[];
  plugins?: string[];
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; rules?: Record<string, RuleSetting> }[];
  ignores?: string[];
  files?: string[];
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
  /** Ignore patterns (gitignore syntax) from each config file of the chain, relative to its folder. */
  ignores: { base: string; patterns: string[]; source: string }[];
  /** The `files` setting: when walking folders and expanding globs, only files matching these are linted. */
  files?: { base: string; patterns: string[]; source: string };
}

/** Why a file is left out: the ignore pattern and where it was written, or the `files` setting it is outside. */
export type Exclusion = { reason: 'ignored'; pattern: string; source: string } | { reason: 'outside-files'; patterns: string[]; source: string };

/** An exclusion in words, for warnings and --print-config: `by "archive/**" in planlint.config.yaml`. */
export function describeExclusion(exclusion: Exclusion, cwd: string): string {
  const where = (source: string) => (source.startsWith('--') ? source : displayPath(source, cwd));
  if (exclusion.reason === 'ignored') {
    return exclusion.source === IGNORE_PATTERN_OPTION ? `ignored by --ignore-pattern "${exclusion.pattern}"` : `ignored by "${exclusion.pattern}" in ${where(exclusion.source)}`;
  }
  return `outside the files setting of ${where(exclusion.source)} (${exclusion.patterns.map((p) => `"${p}"`).join(', ')})`;
}

const IGNORE_PATTERN_OPTION = '--ignore-pattern';

/** The resolved settings for one file, with what produced them, as --print-config shows them. */
export interface FileSettings {
  config: ResolvedConfig;
  overridesApplied: string[];
  settings: Record<string, RuleSetting>;
  rules: ActiveRule[];
}

const EMPTY_CONFIG: ResolvedConfig = { configFiles: [], pluginRules: [], presets: [], rules: {}, overrides: [], ignores: [] };

/** Where a .jsonc file could not be read, as `line 3, column 5`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/**
 * JSON with comments and trailing commas (the markdownlint-cli2 and VS Code habit). Microsoft's
 * jsonc-parser reads it (the parser VS Code uses for its own settings); loaded only for .jsonc.
 */
function parseJsonc(text: string): unknown {
  const jsonc = requireHere('jsonc-parser') as typeof import('jsonc-parser');
  const errors: import('jsonc-parser').ParseError[] = [];
  const data = jsonc.parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true }) as unknown;
  const first = errors[0];
  if (first) throw new Error(`${jsonc.printParseErrorCode(first.error)} at ${lineAndColumn(text, first.offset)}`);
  return data;
}

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
  const key = excerpt(error.instancePath.slice(1).replace(/\//g, '.')) || 'the configuration';
  const params = error.params as Record<string, unknown>;
  let value: unknown = data;
  for (const step of error.instancePath.slice(1).split('/').filter(Boolean)) value = (value as Record<string, unknown> | undefined)?.[step];
  // A config is another file: a message quotes no more of it than a short excerpt (a file named
  // by mistake, or by a hostile extends, may hold secrets).
  const found = typeof value === 'string' ? `"${excerpt(value)}"` : excerpt(JSON.stringify(value) ?? String(value));
  if (error.instancePath === '' && error.keyword === 'type') return `is not a planlint configuration: it holds ${describeType(data)}, not a mapping of settings.`;
  if (error.keyword === 'additionalProperties') {
    return `unknown key "${excerpt(String(params.additionalProperty))}"${key === 'the configuration' ? '' : ` in ${key}`}. Allowed keys: extends, plugins, rules, overrides, ignores, files.`;
  }
  if (error.instancePath.startsWith('/rules/') || /\/rules\/[^/]+$/.test(error.instancePath)) {
    return `${key} must be off, warn or error, or [severity, options]; found ${found}.`;
  }
  if (error.keyword === 'required') return `${key} is missing "${String(params.missingProperty)}".`;
  if (error.keyword === 'type') return `${key} must be ${String(params.type)}; found ${found}.`;
  return `${key} ${error.message ?? 'is not valid'}; found ${found}.`;
}

/** At most this many characters of a file planlint reads are quoted in a message, made printable. */
const EXCERPT_CHARS = 60;
const excerpt = (text: string) => quote(text, EXCERPT_CHARS);

function describeType(data: unknown): string {
  return Array.isArray(data) ? 'a list' : data === null ? 'nothing' : typeof data === 'string' ? 'text' : typeof data === 'object' ? 'an object' : `a ${typeof data}`;
}

const JS_CONFIG = /\.[cm]?js$/;

async function readConfigFile(file: string): Promise<RawConfig> {
  let data: unknown;
  try {
    if (JS_CONFIG.test(file)) {
      // Node's loader would read a device or named pipe for ever: checked first, as other configs are.
      checkRegularFile(file, { maxBytes: READ_LIMITS.config, what: 'the configuration' });
      // import() reads all three: a .cjs file's module.exports (or a .js one's, in a CommonJS package) is its default export.
      data = ((await importModule(pathToFileURL(file).href)) as { default?: unknown }).default;
    } else {
      const text = readRegularFile(file, { maxBytes: READ_LIMITS.config, what: 'the configuration' });
      data = file.endsWith('.jsonc') ? parseJsonc(text) : file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { prettyErrors: false });
    }
  } catch (error) {
    if (error instanceof SettingsError || error instanceof UsageError) throw error;
    // A parser's message may quote the file (JSON.parse does): only a short excerpt of it.
    const reason = quote(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error), 2 * EXCERPT_CHARS);
    throw new SettingsError(`${file}: the configuration cannot be read (${reason}).`);
  }
  return checkShape(data ?? {}, file);
}

/** Finds a config named in extends: a preset, a path relative to the config, or an npm package. */
function resolveExtended(name: string, fromDir: string, file: string): string {
  if (name.startsWith('.') || isAbsolute(name)) {
    const path = resolve(fromDir, name);
    if (!existsSync(path)) throw new SettingsError(`${file}: extends "${excerpt(name)}", but ${path} does not exist.`);
    return path;
  }
  try {
    return createRequire(join(fromDir, 'noop.js')).resolve(name);
  } catch {
    throw new SettingsError(`${file}: extends "${excerpt(name)}", which is neither a preset (planlint:recommended, planlint:strict), a file, nor an installed npm package.`);
  }
}

/** A path with its symbolic links followed, so a committed link cannot lead out of the project unseen. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The folders a config's `extends` and `plugins` may read from: the folder of the config in use
 * (found beside the files or given with --config) and the working folder. A repository is not
 * trusted to name files elsewhere (`/etc/passwd`, `../.npmrc`): a config given with --config
 * brings its own folder. npm packages (bare names) resolve as Node resolves them, through
 * node_modules, which the person installing them chose.
 */
interface ProjectRoot {
  folders: string[];
}

function checkInsideProject(path: string, name: string, key: 'extends' | 'plugins', file: string, root: ProjectRoot): void {
  const real = realPath(path);
  const packaged = !(name.startsWith('.') || isAbsolute(name)) && real.split(sep).includes('node_modules');
  if (packaged || root.folders.some((folder) => isInside(real, folder))) return;
  throw new SettingsError(`${file}: ${key} "${excerpt(name)}" leads outside the project (the folder of the config in use and the working folder), so it was not read. Name a config elsewhere with --config.`);
}

/**
 * Finds, reads, validates and applies configuration. The nearest config file to a linted file
 * applies (its extends chain included); --config replaces discovery. Results are cached by folder.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, Promise<ResolvedConfig>>();
  private readonly byFile = new Map<string, Promise<ResolvedConfig>>();
  private readonly activated = new Map<string, ActiveRule[]>();

  /** Warnings about config files found but not read (another tool's name, two in one folder), each given once. */
  readonly warnings: string[] = [];
  private readonly inFolder = new Map<string, string | undefined>();
  /** The config files, plugins and ignore files read so far, each with its part in words. */
  private readonly read = new Map<string, string>();

  constructor(
    private readonly builtIns: AnyRule[],
    private readonly options: ConfigResolverOptions = {},
  ) {}

  /** The config file that applies to files in a folder, if any. */
  findConfigFile(dir: string): string | undefined {
    if (this.options.configPath) return resolve(this.options.configPath);
    for (let current = resolve(dir); ; current = dirname(current)) {
      const found = this.configInFolder(current);
      if (found) return found;
      if (dirname(current) === current) return undefined;
    }
  }

  /** The config file planlint reads in one folder; a warning for any other it finds there. Looked up once per folder. */
  private configInFolder(folder: string): string | undefined {
    if (this.inFolder.has(folder)) return this.inFolder.get(folder);
    const present = CONFIG_FILE_NAMES.filter((name) => existsSync(join(folder, name)));
    const unread = UNREAD_CONFIG_NAMES.filter((name) => existsSync(join(folder, name)));
    const used = present[0];
    for (const name of present.slice(1)) this.warnings.push(`${join(folder, name)} is not read: ${used} in the same folder applies (one config file per folder).`);
    for (const name of unread) this.warnings.push(`${join(folder, name)} is not read: planlint reads ${READ_NAMES}.`);
    const file = used ? join(folder, used) : undefined;
    this.inFolder.set(folder, file);
    return file;
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

  /**
   * Every file read so far besides the inputs: config files (those reached through extends
   * included), plugins and ignore files, each with its part in words ("the config file in use"),
   * so a run can refuse to write over any of them.
   */
  filesRead(): { path: string; what: string }[] {
    return [...this.read].map(([path, what]) => ({ path, what }));
  }

  private loadResolved(file: string, seen: string[] = [], root?: ProjectRoot): Promise<ResolvedConfig> {
    const projectRoot = root ?? { folders: [realPath(dirname(file)), realPath(this.options.cwd ?? process.cwd())] };
    // A config extended from two projects is judged against each one's folders.
    const key = `${projectRoot.folders.join('\0')}\0${file}`;
    let pending = this.byFile.get(key);
    if (!pending) {
      pending = this.resolveFile(file, seen, projectRoot);
      this.byFile.set(key, pending);
    }
    return pending;
  }

  /**
   * JavaScript configs and plugins left unrun because the resolver was made with runCode false
   * (an editor whose user has not allowed this workspace's code), each given once.
   */
  readonly codeNotRun: string[] = [];

  private skipCode(path: string): boolean {
    if (this.options.runCode !== false) return false;
    if (!this.codeNotRun.includes(path)) this.codeNotRun.push(path);
    return true;
  }

  private async resolveFile(file: string, seen: string[], root: ProjectRoot): Promise<ResolvedConfig> {
    if (!existsSync(file)) throw new SettingsError(`--config: ${file} does not exist.`);
    if (seen.includes(file)) throw new SettingsError(`${file}: extends itself through ${seen.join(' → ')}.`);
    // A JavaScript config runs code when it is read: without leave to run it, it is passed over
    // as if absent, and the built-in rules apply with their defaults.
    if (JS_CONFIG.test(file) && this.skipCode(file)) return { ...EMPTY_CONFIG, configFiles: [] };
    if (!this.read.has(file)) this.read.set(file, seen.length === 0 ? 'the config file in use' : 'a config file the config in use extends');
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
      const extended = resolveExtended(name, dir, file);
      checkInsideProject(extended, name, 'extends', file, root);
      const parent = await this.loadResolved(extended, [...seen, file], root);
      result.configFiles.push(...parent.configFiles);
      result.pluginRules.push(...parent.pluginRules);
      result.presets.push(...parent.presets);
      Object.assign(result.rules, parent.rules);
      result.overrides.push(...parent.overrides);
      result.ignores.push(...parent.ignores);
      if (parent.files) result.files = parent.files;
    }
    for (const plugin of raw.plugins ?? []) {
      const path = resolvePlugin(plugin, dir, file);
      checkInsideProject(path, plugin, 'plugins', file, root);
      if (this.skipCode(path)) continue;
      if (!this.read.has(path)) this.read.set(path, 'a plugin the config in use loads');
      result.pluginRules.push(...(await loadPlugin(plugin, dir, file)));
    }
    result.configFiles.push(file);
    Object.assign(result.rules, raw.rules ?? {});
    raw.overrides?.forEach((o, i) => result.overrides.push({ files: o.files, base: dir, rules: o.rules ?? {}, source: `${file} overrides[${i}]` }));
    if (raw.ignores?.length) result.ignores.push({ base: dir, patterns: raw.ignores, source: file });
    if (raw.files) result.files = { base: dir, patterns: raw.files, source: file };
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
    // Settings for rules of plugins that were not run (runCode false) are left out with them.
    if (this.options.runCode === false) for (const id of Object.keys(settings)) if (!allRules.some((r) => r.meta.id === id)) delete settings[id];
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

  /** Whether a file is left out when walking folders and expanding globs: ignored, or outside the config's `files`. */
  async isIgnored(filePath: string, cwd: string): Promise<boolean> {
    return (await this.exclusionOf(filePath, cwd)) !== undefined;
  }

  /**
   * Why a file is left out, if it is. Ignore patterns are applied in order — .planlintignore in the
   * working folder, each config file's `ignores`, then --ignore-pattern — and the last that has a
   * say wins, so a negated pattern (`!archive/keep.yaml`) re-includes a file an earlier one ignored.
   * Within one list, as in .gitignore, a file inside an ignored folder (`archive/`) stays ignored.
   * --no-ignore turns every ignore off; `files` still applies.
   */
  async exclusionOf(filePath: string, cwd: string): Promise<Exclusion | undefined> {
    const absolute = resolve(filePath);
    const config = await this.configFor(filePath);
    let exclusion: Exclusion | undefined;
    if (!this.options.noIgnore) {
      const lists: { base: string; matcher: IgnoreMatcher; source: string }[] = [];
      for (const ignoreFile of this.ignoreFiles(cwd)) lists.push({ base: cwd, matcher: this.ignoreFileMatcher(ignoreFile), source: ignoreFile });
      for (const entry of config.ignores) lists.push({ base: entry.base, matcher: this.listMatcher(entry), source: entry.source });
      if (this.options.ignorePatterns?.length) {
        this.cliIgnores ??= { patterns: this.options.ignorePatterns };
        lists.push({ base: cwd, matcher: this.listMatcher(this.cliIgnores), source: IGNORE_PATTERN_OPTION });
      }
      for (const { base, matcher, source } of lists) {
        const rel = relativePath(base, absolute);
        if (rel === undefined) continue;
        const outcome = matcher.test(rel);
        if (outcome.ignored) exclusion = { reason: 'ignored', pattern: outcome.rule?.pattern ?? rel, source };
        else if (outcome.unignored) exclusion = undefined;
      }
    }
    if (exclusion || !config.files) return exclusion;
    const rel = relativePath(config.files.base, absolute);
    if (rel !== undefined && this.filesMatcher(config.files)(rel)) return undefined;
    return { reason: 'outside-files', patterns: config.files.patterns, source: config.files.source };
  }

  /** The ignore files that apply from this working folder (for --print-config). */
  ignoreFiles(cwd: string): string[] {
    if (this.options.noIgnore) return [];
    let files = this.ignoreFilesIn.get(cwd);
    if (!files) {
      const ignoreFile = join(cwd, IGNORE_FILE_NAME);
      this.ignoreFilesIn.set(cwd, (files = existsSync(ignoreFile) ? [ignoreFile] : []));
    }
    return files;
  }

  private readonly ignoreFilesIn = new Map<string, string[]>();

  private cliIgnores: { patterns: string[] } | undefined;
  private readonly ignoreMatchers = new Map<string, IgnoreMatcher>();
  private readonly listMatchers = new WeakMap<object, IgnoreMatcher>();
  private readonly filesMatchers = new WeakMap<object, (path: string) => boolean>();

  private ignoreFileMatcher(path: string): IgnoreMatcher {
    let matcher = this.ignoreMatchers.get(path);
    if (!matcher) {
      if (!this.read.has(path)) this.read.set(path, 'the ignore file');
      matcher = createIgnore().add(readRegularFile(path, { maxBytes: READ_LIMITS.config, what: 'the ignore file' }));
      this.ignoreMatchers.set(path, matcher);
    }
    return matcher;
  }

  private listMatcher(list: { patterns: string[] }): IgnoreMatcher {
    let matcher = this.listMatchers.get(list);
    if (!matcher) this.listMatchers.set(list, (matcher = createIgnore().add(list.patterns)));
    return matcher;
  }

  private filesMatcher(files: { patterns: string[] }): (path: string) => boolean {
    let matcher = this.filesMatchers.get(files);
    if (!matcher) this.filesMatchers.set(files, (matcher = picomatch(files.patterns, { dot: true })));
    return matcher;
  }
}

type IgnoreMatcher = ReturnType<IgnoreFactory>;

export interface ConfigResolverOptions {
  configPath?: string;
  /**
   * Whether JavaScript configs and plugins may run (true by default, as on the command line). The
   * language server sets it false unless the editor's user has allowed the workspace's code:
   * then they are passed over (codeNotRun lists them) and YAML and JSON configs still apply.
   */
  runCode?: boolean;
  /** The working folder: with the folder of the config in use, where extends and plugins may be read from (process.cwd() by default). */
  cwd?: string;
  cliRules?: Record<string, RuleSetting>;
  /** --ignore-pattern: more ignore patterns (gitignore syntax), relative to the working folder, applied last. */
  ignorePatterns?: string[];
  /** --no-ignore: no file is ignored (.planlintignore, `ignores`, --ignore-pattern); `files` still applies. */
  noIgnore?: boolean;
}

/** A path below `base` with forward slashes, as ignore and glob patterns are written; undefined when it is not below it. */
function relativePath(base: string, absolute: string): string | undefined {
  const rel = relative(base, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split('\\').join('/');
}
