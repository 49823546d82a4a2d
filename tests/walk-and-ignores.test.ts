/**
 * Linting a mixed repository (issue 19, items 3 to 5): other YAML and JSON files found by walking
 * are skipped and counted; ignores behave as ESLint users expect (named files, negation,
 * --ignore-pattern, --no-ignore, --print-config); every config file name people write is read.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/engine/lint-files.js';
import type { FileResult } from '../src/core/findings.js';
import { PLAN_WITHOUT_VOICE, root, runCli as planlint, scratch } from './helpers/cli.js';

type JsonResult = { filePath: string; messages: { ruleId: string; severity: number; message: string }[] }[];
const linted = (stdout: string, dir: string) => (JSON.parse(stdout) as JsonResult).map((r) => r.filePath.slice(dir.length + 1));

const COMPOSE = 'services:\n  web:\n    image: nginx\n';
const TSCONFIG = '{ "extends": "./tsconfig.json", "compilerOptions": { "strict": true } }\n';
const WORKFLOW = 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n';
const GOOD_PLAN = readFileSync(join(root, 'examples', 'kate-good.yaml'), 'utf8');

/** A repository with plans and the files every real repository has beside them. */
function mixedRepository(extra: Record<string, string> = {}): string {
  return scratch({
    'docker-compose.yml': COMPOSE,
    'tsconfig.base.json': TSCONFIG,
    'ci/workflow.yaml': WORKFLOW,
    'case-files/kate.yaml': GOOD_PLAN,
    'case-files/plan.yaml': PLAN_WITHOUT_VOICE,
    ...extra,
  });
}

describe('walking a folder lints only planlint documents', () => {
  it('skips other YAML and JSON files and counts them in the summary', async () => {
    const dir = mixedRepository();
    const { code, stdout, stderr } = await planlint(['.'], { cwd: dir });
    expect(stderr).toBe('');
    expect(stdout).toContain('case-files/plan.yaml');
    expect(stdout).not.toContain('docker-compose');
    expect(stdout).not.toContain('tsconfig');
    expect(stdout).toMatch(/in 2 files checked\. 3 other YAML\/JSON files skipped \(not planlint documents; --debug lists them\)\.\n/);
    expect(code).toBe(1); // for the plan's own finding, not for the compose file
  });

  it('passes a repository whose plans are good, however many other files it holds', async () => {
    const dir = scratch({ 'docker-compose.yml': COMPOSE, 'tsconfig.base.json': TSCONFIG, 'plans/kate.yaml': GOOD_PLAN });
    const { code, stdout } = await planlint(['.'], { cwd: dir });
    expect(stdout).toBe('✔ No problems found (1 file checked). 2 other YAML/JSON files skipped (not planlint documents; --debug lists them).\n');
    expect(code).toBe(0);
  });

  it('skips them for glob patterns too', async () => {
    const dir = mixedRepository();
    const { stdout } = await planlint(['**/*.y*ml', '-f', 'json'], { cwd: dir });
    expect(linted(stdout, dir)).toEqual(['case-files/kate.yaml', 'case-files/plan.yaml']);
  });

  it('--debug lists the skipped files on stderr, and nothing else changes', async () => {
    const dir = mixedRepository();
    const plain = await planlint(['.'], { cwd: dir });
    const { code, stdout, stderr } = await planlint(['.', '--debug'], { cwd: dir });
    expect(stdout).toBe(plain.stdout);
    expect(code).toBe(plain.code);
    const why = 'not a planlint document (no kind: case-file, sentence-plan or review) nor an HMPPS export.';
    expect(stderr).toBe([`planlint: debug: skipped ci/workflow.yaml: ${why}`, `planlint: debug: skipped docker-compose.yml: ${why}`, `planlint: debug: skipped tsconfig.base.json: ${why}`, ''].join('\n'));
  });

  it('still judges a file named on the command line, and fails it if it is not a plan', async () => {
    const dir = mixedRepository();
    const { code, stdout } = await planlint(['docker-compose.yml', 'tsconfig.base.json'], { cwd: dir });
    expect(stdout).toContain('docker-compose.yml\n  1:1  error    The document does not say what it is: add "kind:"');
    expect(stdout).toContain('tsconfig.base.json\n  1:1  error    This file is neither a planlint document nor an HMPPS sentence plan export.');
    expect(stdout).not.toContain('skipped');
    expect(code).toBe(1);
  });

  it('leaves skipped files out of the JSON, SARIF and JUnit reports', async () => {
    const dir = mixedRepository();
    const { stdout } = await planlint(['.', '-f', 'json', '-f', 'sarif:report.sarif', '-f', 'junit:report.xml'], { cwd: dir });
    expect(linted(stdout, dir)).toEqual(['case-files/kate.yaml', 'case-files/plan.yaml']);
    const sarif = readFileSync(join(dir, 'report.sarif'), 'utf8');
    const junit = readFileSync(join(dir, 'report.xml'), 'utf8');
    for (const other of ['docker-compose', 'tsconfig', 'workflow']) {
      expect(sarif).not.toContain(other);
      expect(junit).not.toContain(other);
    }
    expect(sarif).toContain('case-files/plan.yaml');
  });

  it('judges a walked file whose kind is a slip for one planlint knows, or whose YAML is broken', async () => {
    const dir = scratch({ 'typo.yaml': 'kind: sentence_plan\nschemaVersion: 1\n', 'broken.yaml': 'kind: review\ncaseRef: [C1\n', 'k8s.yaml': 'kind: Deployment\napiVersion: apps/v1\n' });
    const { stdout } = await planlint(['.', '-f', 'json'], { cwd: dir });
    const results = JSON.parse(stdout) as JsonResult;
    expect(results.map((r) => r.filePath.slice(dir.length + 1))).toEqual(['broken.yaml', 'typo.yaml']);
    expect(results[1]!.messages[0]!.message).toContain('(did you mean "sentence-plan"?)');
    expect(results[0]!.messages[0]!.ruleId).toBe('syntax');
  });

  it('lints HMPPS sentence plan exports found by walking', async () => {
    const dir = scratch({ 'package-scripts.json': '{"build": "tsc"}\n' });
    copyFileSync(join(root, 'examples', 'hmpps', 'sam-good.json'), join(dir, 'export.json'));
    const { stdout } = await planlint(['.', '-f', 'json'], { cwd: dir });
    expect(linted(stdout, dir)).toEqual(['export.json']);
  });

  it('lintFiles marks skipped results and counts them in its summary; the cache keeps walked and named apart', async () => {
    const dir = mixedRepository();
    const cacheLocation = join(dir, '.cache');
    for (let pass = 0; pass < 2; pass++) {
      const run = await lintFiles([dir], { cwd: dir, cacheLocation });
      const results: FileResult[] = [];
      for await (const result of run.results) results.push(result);
      expect(results.filter((r) => r.skipped).map((r) => r.filePath.slice(dir.length + 1))).toEqual(['ci/workflow.yaml', 'docker-compose.yml', 'tsconfig.base.json']);
      expect(results.filter((r) => r.skipped).every((r) => r.findings.length === 0)).toBe(true);
      expect(run.summary.skipped).toBe(3);
    }
    const named = await lintFiles([join(dir, 'docker-compose.yml')], { cwd: dir, cacheLocation });
    for await (const result of named.results) expect(result.skipped).toBeUndefined();
    expect(named.summary).toMatchObject({ errors: 1, skipped: 0 });
  });

  it('a files setting narrows what walking and globs find, as ESLint files does', async () => {
    const dir = mixedRepository({ 'planlint.config.yaml': 'files: ["case-files/**/*.yaml"]\n', 'elsewhere/plan.yaml': PLAN_WITHOUT_VOICE });
    const { stdout } = await planlint(['.', '-f', 'json'], { cwd: dir });
    expect(linted(stdout, dir)).toEqual(['case-files/kate.yaml', 'case-files/plan.yaml']);
    // Named but outside files: left out with the warning an ignored file gets.
    const named = await planlint(['elsewhere/plan.yaml'], { cwd: dir });
    expect(named.stderr).toBe(
      'planlint: warning: elsewhere/plan.yaml is outside the files setting of planlint.config.yaml ("case-files/**/*.yaml"), so it was not linted (add it to files to lint it; --no-warn-ignored hides this warning).\n',
    );
    expect(named.code).toBe(0);
    expect((await planlint(['elsewhere/plan.yaml', '--no-ignore'], { cwd: dir })).stderr).toContain('is outside the files setting');
  });
});

describe('ignores as ESLint users expect', () => {
  const repo = () =>
    scratch({
      'planlint.config.yaml': 'ignores: ["archive/"]\n',
      'archive/old.yaml': PLAN_WITHOUT_VOICE,
      'case-files/kate-poor.yaml': PLAN_WITHOUT_VOICE,
      'case-files/kate-good.yaml': GOOD_PLAN,
    });

  it('skips an ignored file named on the command line, with a warning, so pre-commit respects ignores', async () => {
    const dir = repo();
    const { code, stdout, stderr } = await planlint(['archive/old.yaml'], { cwd: dir });
    expect(stderr).toBe('planlint: warning: archive/old.yaml is ignored by "archive/" in planlint.config.yaml, so it was not linted (--no-ignore lints it; --no-warn-ignored hides this warning).\n');
    expect(stdout).toBe('✔ No problems found (0 files checked).\n');
    expect(code).toBe(0);
  });

  it('treats --stdin-filename naming an ignored file as a named file', async () => {
    const { code, stdout, stderr } = await planlint(['--stdin', '--stdin-filename', 'archive/new.yaml'], { cwd: repo(), input: PLAN_WITHOUT_VOICE });
    expect(stderr).toContain('planlint: warning: archive/new.yaml is ignored by "archive/" in planlint.config.yaml, so it was not linted');
    expect(stdout).toBe('✔ No problems found (0 files checked).\n');
    expect(code).toBe(0);
    expect((await planlint(['--stdin', '--stdin-filename', 'archive/new.yaml', '--no-ignore'], { cwd: repo(), input: PLAN_WITHOUT_VOICE })).code).toBe(1);
  });

  it('--no-warn-ignored says nothing about it', async () => {
    const { code, stderr } = await planlint(['archive/old.yaml', '--no-warn-ignored'], { cwd: repo() });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('--no-ignore lints ignored files, named or found', async () => {
    const dir = repo();
    const { code, stdout, stderr } = await planlint(['.', '--no-ignore', '-f', 'json'], { cwd: dir });
    expect(stderr).toBe('');
    expect(linted(stdout, dir)).toEqual(['archive/old.yaml', 'case-files/kate-good.yaml', 'case-files/kate-poor.yaml']);
    expect(code).toBe(1);
  });

  it('--ignore-pattern ignores more (repeatable), from the working folder', async () => {
    const dir = repo();
    const { stdout } = await planlint(['.', '--ignore-pattern', 'kate-poor.yaml', '--ignore-pattern', 'nothing/', '-f', 'json'], { cwd: dir });
    expect(linted(stdout, dir)).toEqual(['case-files/kate-good.yaml']);
    const named = await planlint(['case-files/kate-poor.yaml', '--ignore-pattern', 'case-files/kate-*.yaml'], { cwd: dir });
    expect(named.stderr).toContain('case-files/kate-poor.yaml is ignored by --ignore-pattern "case-files/kate-*.yaml"');
  });

  it('a negated pattern re-includes a file: in ignores, and through --ignore-pattern', async () => {
    const dir = scratch({
      'planlint.config.yaml': 'ignores: ["case-files/*", "!case-files/kate-poor.yaml"]\n',
      'case-files/kate-poor.yaml': PLAN_WITHOUT_VOICE,
      'case-files/kate-good.yaml': GOOD_PLAN,
    });
    expect(linted((await planlint(['.', '-f', 'json'], { cwd: dir })).stdout, dir)).toEqual(['case-files/kate-poor.yaml']);
    // A later list can re-include what an earlier one ignored, even a whole folder.
    const dirIgnored = repo();
    expect(linted((await planlint(['.', '--ignore-pattern', '!archive/old.yaml', '-f', 'json'], { cwd: dirIgnored })).stdout, dirIgnored)).toEqual([
      'archive/old.yaml',
      'case-files/kate-good.yaml',
      'case-files/kate-poor.yaml',
    ]);
  });

  it('an argument starting with ! leaves files out, as in markdownlint-cli2 and globby', async () => {
    const dir = repo();
    const { code, stdout, stderr } = await planlint(['case-files/', '!case-files/kate-poor.yaml', '-f', 'json'], { cwd: dir });
    expect(stderr).toBe('');
    expect(linted(stdout, dir)).toEqual(['case-files/kate-good.yaml']);
    expect(code).toBe(0);
    const only = await planlint(['!case-files/kate-poor.yaml'], { cwd: dir });
    expect(only.code).toBe(2);
    expect(only.stderr).toBe('planlint: Only exclusions were given ("!case-files/kate-poor.yaml"): give the files, folders or patterns to lint too, for example: planlint . "!case-files/kate-poor.yaml"\n');
  });

  it('--debug lists files left out by ignores when walking', async () => {
    const { stderr } = await planlint(['.', '--debug'], { cwd: repo() });
    expect(stderr).toBe('planlint: debug: left out archive/old.yaml: ignored by "archive/" in planlint.config.yaml.\n');
  });

  it('--print-config says whether a file is ignored, and by what', async () => {
    const dir = repo();
    const ignored = JSON.parse((await planlint(['--print-config', 'archive/old.yaml'], { cwd: dir })).stdout) as Record<string, unknown>;
    expect(ignored.ignored).toBe('ignored by "archive/" in planlint.config.yaml');
    const live = JSON.parse((await planlint(['--print-config', 'case-files/kate-good.yaml'], { cwd: dir })).stdout) as Record<string, unknown>;
    expect(live.ignored).toBe(false);
    const byPattern = JSON.parse((await planlint(['--print-config', 'case-files/kate-good.yaml', '--ignore-pattern', '*-good.yaml'], { cwd: dir })).stdout) as Record<string, unknown>;
    expect(byPattern.ignored).toBe('ignored by --ignore-pattern "*-good.yaml"');
    const withFile = scratch({ '.planlintignore': '# drafts\ndrafts/\n', 'drafts/a.yaml': PLAN_WITHOUT_VOICE });
    const fromFile = JSON.parse((await planlint(['--print-config', 'drafts/a.yaml'], { cwd: withFile })).stdout) as Record<string, unknown>;
    expect(fromFile).toMatchObject({ ignored: 'ignored by "drafts/" in .planlintignore', ignoreFiles: [join(withFile, '.planlintignore')] });
    const noIgnore = JSON.parse((await planlint(['--print-config', 'drafts/a.yaml', '--no-ignore'], { cwd: withFile })).stdout) as Record<string, unknown>;
    expect(noIgnore).toMatchObject({ ignored: false, ignoreFiles: [], noIgnore: true });
  });
});

describe('config files people write', () => {
  const voiceSeverity = async (files: Record<string, string>) => {
    const dir = scratch({ ...files, 'plan.yaml': PLAN_WITHOUT_VOICE });
    const run = await planlint(['plan.yaml', '-f', 'json'], { cwd: dir });
    const messages = (JSON.parse(run.stdout || '[]') as JsonResult).flatMap((r) => r.messages).filter((m) => m.ruleId === 'service-user-voice-recorded');
    return { ...run, severity: messages[0]?.severity ?? 0 };
  };

  it.each([
    ['planlint.config.jsonc', '// the team\'s settings\n{\n  "rules": {\n    /* agreed 2024 */ "service-user-voice-recorded": "warn",\n  },\n}\n'],
    ['planlint.config.js', "module.exports = { rules: { 'service-user-voice-recorded': 'warn' } };\n"],
    ['planlint.config.cjs', "module.exports = { rules: { 'service-user-voice-recorded': 'warn' } };\n"],
    ['planlint.config.mjs', "export default { rules: { 'service-user-voice-recorded': 'warn' } };\n"],
  ])('reads %s', async (name, text) => {
    const { severity, stderr } = await voiceSeverity({ [name]: text });
    expect(stderr).toBe('');
    expect(severity).toBe(1);
  });

  it('a broken .jsonc says where, exit 2', async () => {
    const { code, stderr } = await voiceSeverity({ 'planlint.config.jsonc': '{\n  "rules": {\n    "service-user-voice-recorded" "warn"\n  }\n}\n' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/planlint\.config\.jsonc: the configuration cannot be read \(ColonExpected at line 3, column 35\)\./);
  });

  it('warns of a config file it does not read, naming the names it reads', async () => {
    const dir = scratch({ 'planlint.config.ts': 'export default {};\n', 'plan.yaml': GOOD_PLAN });
    const { code, stderr } = await planlint(['plan.yaml'], { cwd: dir });
    expect(stderr).toBe(`planlint: warning: ${join(dir, 'planlint.config.ts')} is not read: planlint reads planlint.config.yaml, .yml, .json, .jsonc, .js, .mjs or .cjs.\n`);
    expect(code).toBe(0);
  });

  it('warns when a folder has two config files, and says which applies', async () => {
    const { severity, stderr } = await voiceSeverity({ 'planlint.config.yaml': 'rules:\n  service-user-voice-recorded: warn\n', 'planlint.config.js': 'module.exports = {};\n' });
    expect(severity).toBe(1);
    expect(stderr).toMatch(/^planlint: warning: .*planlint\.config\.js is not read: planlint\.config\.yaml in the same folder applies \(one config file per folder\)\.\n$/);
  });

  it('--print-config lists the config files read, the ignore files and any warning', async () => {
    const dir = scratch({ 'planlint.config.jsonc': '{ "extends": ["./base.yaml"], }', 'base.yaml': 'rules: {}\n', '.planlintrc': '{}', '.planlintignore': 'x/\n', 'plan.yaml': GOOD_PLAN });
    const { stdout, stderr } = await planlint(['--print-config', 'plan.yaml'], { cwd: dir });
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({
      configFiles: [join(dir, 'base.yaml'), join(dir, 'planlint.config.jsonc')],
      ignoreFiles: [join(dir, '.planlintignore')],
      configWarnings: [`${join(dir, '.planlintrc')} is not read: planlint reads planlint.config.yaml, .yml, .json, .jsonc, .js, .mjs or .cjs.`],
    });
    expect(stderr).toContain('.planlintrc is not read');
  });
});
