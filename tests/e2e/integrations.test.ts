/**
 * The integrations run as their hosts run them. Neither host can run here (pre-commit needs PyPI,
 * GitHub Actions needs GitHub), so each is simulated from its own definition file:
 * - pre-commit: the hook's files/exclude regexes pick from a list of staged files (re.search, as
 *   pre-commit does), and its entry runs with the picked names appended, with `planlint` on PATH
 *   as pre-commit's node environment puts it there (tests/e2e/install-from-source.test.ts installs
 *   this repository the way pre-commit does);
 * - the composite action: its steps run as a runner runs them (tests/helpers/action.ts), with
 *   GITHUB_ACTION_PATH this checkout, which is built, so the action's install has nothing to do
 *   (tests/e2e/package.test.ts and tests/e2e/install-from-source.test.ts run it where it does).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadAjv } from '../../src/validate/lazy-ajv.js';
import { action, actionStep, cleanEnv, fakeBin, runAction as runActionAt } from '../helpers/action.js';
import { bin, runBuiltCli as planlint, root, scratch } from '../helpers/cli.js';

const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  interface Hook {
    id: string;
    name: string;
    entry: string;
    language: string;
    files: string;
    exclude?: string;
    args?: string[];
    pass_filenames?: boolean;
    minimum_pre_commit_version?: string;
  }
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'planlint')!;

  /** What pre-commit runs for these staged files: entry + args + the names its regexes select. */
  function runHook(project: string, staged: string[]) {
    // pre-commit matches with Python's re.search; these patterns mean the same in JavaScript.
    const files = new RegExp(hook.files);
    const exclude = hook.exclude ? new RegExp(hook.exclude) : undefined;
    const selected = staged.filter((f) => files.test(f) && !exclude?.test(f));
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    const path = fakeBin({ planlint: `exec "${process.execPath}" "${bin}" "$@"` });
    const result = spawnSync(command!, [...entryArgs, ...(hook.args ?? []), ...(hook.pass_filenames === false ? [] : selected)], {
      cwd: project,
      encoding: 'utf8',
      env: { ...cleanEnv(), PATH: `${path}${delimiter}${process.env.PATH}` },
      timeout: 120_000,
    });
    return { selected, code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('declares a node hook whose entry is planlint, for YAML and JSON files', () => {
    expect(hook).toMatchObject({ id: 'planlint', name: 'planlint', language: 'node', entry: 'planlint' });
    // The first pre-commit that installs a node hook from git, which builds it (install-from-source.test.ts).
    expect(hook.minimum_pre_commit_version).toBe('4.6.1');
    expect(new RegExp(hook.files).test('case-files/lisa.yaml')).toBe(true);
    expect(new RegExp(hook.files).test('exports/dan.json')).toBe(true);
    expect(new RegExp(hook.files).test('plans/tom.yml')).toBe(true);
    expect(new RegExp(hook.files).test('notes/tom.md')).toBe(false);
  });

  const project = () =>
    scratch({
      'case-files/lisa.yaml': example('lisa-good.yaml'),
      'case-files/tom.yaml': example('tom-good.yaml'),
      'case-files/poor/lisa.yaml': example('lisa-poor.yaml'),
      'exports/sam.json': example('hmpps/sam-good.json'),
      'package.json': '{ "name": "case-files", "private": true }\n',
      'tsconfig.json': '{}\n',
      '.github/workflows/planlint.yml': 'name: planlint\non: [push]\njobs: {}\n',
      '.pre-commit-config.yaml': 'repos: []\n',
      'planlint.config.yaml': 'rules:\n  officer-continuity: warn\n',
      'README.md': '# Case files\n',
    });

  it('passes a commit of good plans, leaving out files that are never plans', () => {
    const dir = project();
    const staged = ['.github/workflows/planlint.yml', '.pre-commit-config.yaml', 'README.md', 'case-files/lisa.yaml', 'case-files/tom.yaml', 'exports/sam.json', 'package.json', 'planlint.config.yaml', 'tsconfig.json'];
    const { selected, code, stdout, stderr } = runHook(dir, staged);
    expect(selected).toEqual(['case-files/lisa.yaml', 'case-files/tom.yaml', 'exports/sam.json']);
    expect(stderr).toBe('');
    // The export says which rules it cannot feed, which never fails a commit.
    expect(stdout).toMatch(/^ {2}ℹ \d+ rules need what this file does not hold .* and were not run: /m);
    expect(stdout).toMatch(/^✔ No problems found \(3 files checked\)\.\n$/m);
    expect(stdout).not.toMatch(/ (error|warning) {2}/);
    expect(code).toBe(0);
  });

  it('stops a commit that adds a poor plan, and says why in the terminal', () => {
    const dir = project();
    const { selected, code, stdout } = runHook(dir, ['case-files/lisa.yaml', 'case-files/poor/lisa.yaml', 'package.json']);
    expect(selected).toEqual(['case-files/lisa.yaml', 'case-files/poor/lisa.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe(planlint(['case-files/lisa.yaml', 'case-files/poor/lisa.yaml'], { cwd: dir }).stdout);
    expect(stdout).toMatch(/^case-files\/poor\/lisa\.yaml$/m);
    expect(stdout).toMatch(/service-user-voice-recorded/);
  });
});

describe('GitHub Action (action.yml)', () => {
  const step = actionStep;
  const runAction = (workspace: string, inputs: Record<string, string>) => runActionAt({ workspace, actionPath: root, inputs });

  const workspace = () =>
    scratch({
      'case-files/lisa-poor.yaml': example('lisa-poor.yaml'),
      'case-files/lisa-good.yaml': example('lisa-good.yaml'),
      'good/tom.yaml': example('tom-good.yaml'),
    });

  it('is a composite action with the documented inputs, and outputs from the lint step', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'config', 'args']));
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
    expect(action.outputs['exit-code']!.value).toBe('${{ steps.lint.outputs.exit-code }}');
    // No input is pasted into a script, where it could inject shell code.
    for (const s of action.runs.steps) expect(s.run ?? '').not.toContain('${{');
  });

  it('lints, writes valid SARIF and a job summary, uploads it, then fails on error findings', () => {
    const dir = workspace();
    const { lint, outputs, summary, npxArgs, runStep, substitute } = runAction(dir, { paths: 'case-files/' });
    // The lint step itself succeeds, so the upload runs; the failure comes after.
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(0);
    expect(outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'planlint.sarif' });
    // The action's own copy ran: nothing was fetched, and the log has no install step (it is built).
    expect(npxArgs).toEqual([]);
    expect(lint.stdout).not.toContain('::group::');

    // Annotations on the pull request's lines, in the job log.
    expect(lint.stdout).toMatch(/^::error file=case-files\/lisa-poor\.yaml,line=40,col=12,/m);
    expect(summary).toContain('lisa-poor.yaml');

    const sarif = JSON.parse(readFileSync(join(dir, 'planlint.sarif'), 'utf8')) as {
      version: string;
      runs: { tool: { driver: { name: string } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('planlint');
    const cli = JSON.parse(planlint(['case-files/', '--format', 'json'], { cwd: dir }).stdout) as { messages: unknown[] }[];
    expect(sarif.runs[0]!.results).toHaveLength(cli.reduce((n, r) => n + r.messages.length, 0));
    expect(new Set(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(new Set(['case-files/lisa-poor.yaml']));

    const upload = step(/code scanning/);
    expect(upload.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(upload.if).toContain('!cancelled()');
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(substitute(upload.with!.sarif_file!)).toBe('planlint.sarif');
    expect(upload.with!.category).toBe('planlint');

    const fail = step(/^Fail/);
    expect(fail.if).toBe("${{ steps.lint.outputs.exit-code != '0' }}");
    const failed = runStep(fail);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('planlint found errors');
  });

  it("passes config, format, args and glob patterns through, and runs the action's own planlint even where the repository installs another", () => {
    const dir = workspace();
    writeFileSync(join(dir, 'team.config.yaml'), 'rules:\n  plan-completed-on-time: off\n');
    // A planlint of the repository's own, which the action leaves alone.
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.bin', 'planlint'), '#!/bin/sh\necho "the repository\'s planlint ran" >&2\nexit 3\n');
    chmodSync(join(dir, 'node_modules', '.bin', 'planlint'), 0o755);
    const { lint, outputs, npxArgs } = runAction(dir, { paths: 'good/*.yaml case-files/lisa-good.yaml', format: 'stylish', config: 'team.config.yaml', args: '--max-warnings 0 --preset strict' });
    expect(npxArgs).toEqual([]);
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toBe('✔ No problems found (2 files checked).\n');
    expect(outputs['exit-code']).toBe('0');
    const sarif = JSON.parse(readFileSync(join(dir, 'planlint.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toEqual([]);
  });

  it('treats inputs as data: shell syntax in paths is never run, and a usage problem fails at once', () => {
    const dir = workspace();
    const { lint, outputs } = runAction(dir, { paths: 'case-files/ $(touch pwned) `touch pwned2`' });
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
    expect(lint.stderr).toContain('No such file or directory: $(touch');
    expect(lint.code).toBe(2);
    expect(outputs['exit-code']).toBe('2');
  });
});

describe('editor schemas (# yaml-language-server: $schema=…)', () => {
  type Schema = Record<string, unknown>;
  const files = ['case-file', 'sentence-plan', 'review', 'config'].map((kind) => `${kind}.schema.json`);
  const source = (file: string) => JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')) as Schema;
  const bundled = (file: string) => JSON.parse(readFileSync(join(root, 'dist', 'schemas', file), 'utf8')) as Schema;
  const refsOf = (node: unknown): string[] =>
    Array.isArray(node) ? node.flatMap(refsOf) : node && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsOf(v))) : [];

  it('gives every schema a stable, versioned $id named after its file', () => {
    for (const file of files) {
      expect(source(file).$id).toBe(`https://planlint.dev/schemas/1/${file}`);
      expect(bundled(file).$id).toBe(source(file).$id);
      expect(bundled(file).description).toBe(source(file).description);
    }
  });

  it('ships self-contained copies for editors: every $ref points inside its own file, and resolves', () => {
    for (const file of files) {
      const schema = bundled(file);
      const defs = (schema.$defs ?? {}) as Schema;
      for (const ref of refsOf(schema)) {
        expect(ref, `${file}: ${ref}`).toMatch(/^#\/\$defs\/[\w-]+$/);
        expect(defs[ref.slice('#/$defs/'.length)], `${file}: ${ref}`).toBeDefined();
      }
    }
    // The sources do refer across files: that is what the copies remove.
    expect(refsOf(source('sentence-plan.schema.json')).some((r) => r.startsWith('case-file.schema.json#'))).toBe(true);
    // A document's own fields and the plan's are all at the top, where every editor looks for them.
    const plan = bundled('sentence-plan.schema.json');
    expect(plan.$ref).toBeUndefined();
    expect(Object.keys(plan.properties as Schema)).toEqual(expect.arrayContaining(['kind', 'caseRef', 'personView', 'objectives', 'contact']));
  });

  it('accepts and rejects the same documents as the schemas planlint validates with', () => {
    const { Ajv2020, addFormats } = loadAjv(); // the same ajv build and formats planlint loads
    const make = () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv, ['date']);
      return ajv;
    };
    const withSources = make();
    for (const file of files) withSources.addSchema(source(file));
    const documents: Schema[] = [];
    for (const name of ['lisa-good.yaml', 'lisa-poor.yaml', 'kate-good.yaml', 'tom-good.yaml', 'amira-good.yaml', 'poor-vague-objectives.yaml']) {
      for (const doc of parseAllDocuments(example(name))) documents.push(doc.toJS() as Schema);
    }
    const broken = documents.flatMap((doc) => [{ ...doc, checkedBy: 'me' }, { ...doc, date: 'last Tuesday' }, Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'schemaVersion'))]);
    let compared = 0;
    const copies = new Map(files.map((file) => [file, make().compile(bundled(file))]));
    for (const doc of [...documents, ...broken]) {
      const file = `${String(doc.kind)}.schema.json`;
      if (!files.includes(file)) continue;
      const fromSources = withSources.getSchema(source(file).$id as string)!;
      const editorCopy = copies.get(file)!;
      expect(editorCopy(doc), JSON.stringify(doc).slice(0, 120)).toBe(fromSources(doc));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('points every example that names a schema at the schema for its kind', () => {
    for (const name of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml'))) {
      const text = example(name);
      const line = /^# yaml-language-server: \$schema=(.+)$/m.exec(text);
      if (!line) continue;
      const kinds = new Set(parseAllDocuments(text).map((d) => (d.toJS() as Schema).kind));
      expect(kinds.size, name).toBe(1);
      const target = join(root, 'examples', line[1]!);
      expect(existsSync(target), `${name} → ${line[1]}`).toBe(true);
      expect(target.endsWith(`${String([...kinds][0])}.schema.json`), name).toBe(true);
    }
  });
});
