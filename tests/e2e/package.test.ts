/**
 * The package as a user gets it: `npm pack`, installed into an empty project from the tarball
 * (offline, from the npm cache), then run with npx and imported from TypeScript.
 * Needs a build first (`npm test` builds); packing here does not build, so other test files
 * reading dist/ are never raced.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { GUIDANCE_FILE_NAME, UNOWNED_RULE_LINK } from '../helpers/guidance-names.js';
import { runBuiltCli as planlint, root } from '../helpers/cli.js';

const SETUP_TIMEOUT = 300_000; // npm pack and an offline install; a busy machine stretches both
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
delete env.FORCE_COLOR; // beside NO_COLOR, Node warns on stderr

let work: string;
let project: string;
let tarball: string;
let packed: string[];
let installLog: string;

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env, timeout: 150_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A strict TypeScript project over the consumer's *.ts files. */
function writeTsconfig() {
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(root, 'node_modules', '@types')] },
      include: ['*.ts'],
    }),
  );
}

function npx(args: string[]) {
  const result = spawnSync('npx', ['--offline', '--no-install', ...args], { cwd: project, encoding: 'utf8', env, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'src', 'cli', 'cli.js'))) throw new Error('Build first: npm run build');
  work = mkdtempSync(join(tmpdir(), 'planlint-package-'));
  const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packed = info!.files.map((f) => f.path);

  project = join(work, 'consumer');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
  // Offline first: every dependency is in the npm cache once planlint itself was installed.
  let install = npm(['install', tarball, '--offline', '--foreground-scripts'], project);
  if (install.code !== 0) install = npm(['install', tarball, '--prefer-offline', '--foreground-scripts'], project);
  expect(install.code, install.stderr).toBe(0);
  installLog = install.stdout + install.stderr;
  copyFileSync(join(root, 'examples', 'lisa-poor.yaml'), join(project, 'lisa-poor.yaml'));
  copyFileSync(join(root, 'examples', 'lisa-good.yaml'), join(project, 'lisa-good.yaml'));
}, SETUP_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the built code, the schemas and the rule pages, and no tests, fixtures or sources', () => {
    for (const required of [
      'bin/planlint.js',
      'dist/src/cli/cli.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/testing/index.js',
      'dist/src/testing/index.d.ts',
      'dist/generated/validators.js',
      'dist/playground/index.html', // planlint playground copies it
      'scripts/action-run.sh', // the GitHub Action's step, so an installed copy can run it too
      'README.md',
      'package.json',
    ]) {
      expect(packed, required).toContain(required);
    }
    const under = (folder: string) => packed.filter((p) => p.startsWith(folder));
    expect(under('dist/rules/').length).toBeGreaterThan(20);
    for (const kind of ['case-file', 'sentence-plan', 'review', 'config']) {
      expect(packed).toContain(`schemas/${kind}.schema.json`);
      expect(packed).toContain(`dist/schemas/${kind}.schema.json`);
    }
    const rulePages = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.md'));
    for (const page of rulePages) expect(packed).toContain(`rules/${page}`);
    expect(packed.filter((p) => /^(tests|examples|scripts|src|node_modules|coverage|\.ci|docs)\//.test(p))).toEqual(['docs/text-judgement.md', 'scripts/action-run.sh']);
    expect(packed.filter((p) => /(^|\/)(fixtures|node_modules)\//.test(p) || /\.test\.[jt]s$/.test(p))).toEqual([]);
    // TypeScript sources stay out; declarations ship beside the compiled code.
    expect(packed.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    expect(packed.filter((p) => p.endsWith('.tgz') || p.includes('.planlintcache'))).toEqual([]);
  });

  it('names no file of the guidance folder and links no rule to a web domain the project does not have', () => {
    const installed = join(project, 'node_modules', 'planlint');
    const found: string[] = [];
    for (const path of packed) {
      if (/\.(png|jpe?g|gif|ico)$/i.test(path)) continue;
      const text = readFileSync(join(installed, path), 'utf8');
      for (const m of text.matchAll(GUIDANCE_FILE_NAME)) found.push(`${path}: ${m[0]}`);
      for (const m of text.matchAll(UNOWNED_RULE_LINK)) found.push(`${path}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('installs from the tarball without building: no TypeScript, no prepare script run', () => {
    const installed = join(project, 'node_modules', 'planlint');
    expect(existsSync(join(installed, 'dist', 'src', 'cli', 'cli.js'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'typescript'))).toBe(false);
    // npm runs prepare for git and folder dependencies, never for a packed tarball; with
    // --foreground-scripts a build would show here.
    expect(installLog).not.toMatch(/> planlint@[\d.]+ (prepare|build)/);
    expect(installLog).not.toContain('tsc -p');
    // The installed files are the packed ones, byte for byte.
    expect(readFileSync(join(installed, 'dist', 'src', 'cli', 'cli.js'), 'utf8')).toBe(readFileSync(join(root, 'dist', 'src', 'cli', 'cli.js'), 'utf8'));
  });

  it('declares Node 20.19 or later, which every installed dependency supports', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'planlint', 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(manifest.engines.node).toBe('>=20.19');
    // npm's own semver decides, as npm would when installing with engine-strict.
    const npmRoot = execFileSync('npm', ['root', '-g'], { encoding: 'utf8', env }).trim();
    const semverPath = join(npmRoot, 'npm', 'node_modules', 'semver');
    if (!existsSync(semverPath)) return;
    const semver = createRequire(join(npmRoot, 'npm', 'package.json'))('semver') as { satisfies(version: string, range: string): boolean };
    const tooNew: string[] = [];
    const visit = (dir: string) => {
      for (const name of existsSync(dir) ? readdirSync(dir) : []) {
        if (name.startsWith('.')) continue;
        if (name.startsWith('@')) {
          visit(join(dir, name));
          continue;
        }
        const pkg = join(dir, name, 'package.json');
        if (!existsSync(pkg)) continue;
        const { engines } = JSON.parse(readFileSync(pkg, 'utf8')) as { engines?: { node?: string } };
        if (engines?.node && !semver.satisfies('20.19.0', engines.node)) tooNew.push(`${name} (${engines.node})`);
        visit(join(dir, name, 'node_modules'));
      }
    };
    visit(join(project, 'node_modules'));
    expect(tooNew).toEqual([]);
  });

  it('runs with npx: the same findings as from the source tree, and the rule list', () => {
    const poor = npx(['planlint', 'lisa-poor.yaml']);
    expect(poor.code).toBe(1);
    expect(poor.stdout).toBe(planlint(['lisa-poor.yaml'], { cwd: project }).stdout);
    expect(poor.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings\) in 1 file checked\./);
    const good = npx(['planlint', 'lisa-good.yaml']);
    expect(good.stdout).toBe('✔ No problems found (1 file checked).\n');
    expect(good.code).toBe(0);

    const rules = npx(['planlint', 'rules']);
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/^service-user-voice-recorded +error +planning +/m);
    const explained = npx(['planlint', 'explain', 'service-user-voice-recorded']);
    expect(explained.code).toBe(0);
    expect(explained.stdout.length).toBeGreaterThan(200);
  });

  it('starts its language server from the installed package', async () => {
    // Content-Length framed JSON-RPC, as an editor sends it; the pipe stays open until exit, as an editor's does.
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const server = spawn(join(project, 'node_modules', '.bin', 'planlint'), ['lsp', '--stdio'], { cwd: project, env });
    let received = Buffer.alloc(0);
    const replies: { id?: number; result?: { serverInfo?: { name: string }; capabilities?: object } }[] = [];
    server.stdout.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (;;) {
        const headerEnd = received.indexOf('\r\n\r\n');
        const length = Number(/Content-Length: (\d+)/.exec(received.subarray(0, Math.max(headerEnd, 0)).toString())?.[1]);
        if (headerEnd < 0 || !(received.length >= headerEnd + 4 + length)) break;
        replies.push(JSON.parse(received.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as (typeof replies)[number]);
        received = received.subarray(headerEnd + 4 + length);
      }
    });
    const reply = async (id: number) => {
      for (const deadline = Date.now() + 60_000; !replies.some((r) => r.id === id); await new Promise((resolve) => setTimeout(resolve, 20))) {
        if (Date.now() > deadline) throw new Error(`no reply to request ${id}`);
      }
    };
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await reply(1);
    server.stdin.write(frame({ method: 'initialized', params: {} }));
    server.stdin.write(frame({ id: 2, method: 'shutdown' }));
    await reply(2);
    server.stdin.write(frame({ method: 'exit' }));
    expect(await exited).toBe(0);
    const init = replies.find((r) => r.id === 1)!;
    expect(init.result!.serverInfo!.name).toBe('planlint');
    expect(init.result!.capabilities).toMatchObject({ codeActionProvider: { codeActionKinds: ['quickfix'] } });
  });

  it("runs the GitHub Action's lint step there: the installed copy lints the project, with nothing installed or fetched", () => {
    // The project as the action's workspace, and the installed package as the folder the action
    // was checked out to: built, so the step goes straight to linting.
    const actionPath = join(project, 'node_modules', 'planlint');
    const { lint, outputs, summary, npxArgs } = runAction({ workspace: project, actionPath, inputs: { paths: 'lisa-poor.yaml lisa-good.yaml', 'sarif-file': 'reports/planlint.sarif' } });
    expect(lint.stderr).toBe('');
    expect(lint.stdout).not.toContain('::group::');
    expect(npxArgs).toEqual([]);
    expect(lint.code).toBe(0); // the findings fail the action's last step, after the upload
    expect(outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'reports/planlint.sarif' });
    expect(lint.stdout).toMatch(/^::error file=lisa-poor\.yaml,line=40,col=12,/m);
    expect(lint.stdout).not.toContain('lisa-good.yaml');
    expect(summary).toMatch(/^## planlint\n/);
    const sarif = JSON.parse(readFileSync(join(project, 'reports', 'planlint.sarif'), 'utf8')) as { runs: { tool: { driver: { name: string; version?: string } }; results: unknown[] }[] };
    expect(sarif.runs[0]!.tool.driver.name).toBe('planlint');
    const json = JSON.parse(planlint(['lisa-poor.yaml', '--format', 'json'], { cwd: project }).stdout) as { messages: unknown[] }[];
    expect(sarif.runs[0]!.results).toHaveLength(json[0]!.messages.length);
    // The step ran the installed copy: nothing was added to it or to the project.
    expect(existsSync(join(actionPath, 'node_modules'))).toBe(false);
    expect(existsSync(join(project, 'package-lock.json'))).toBe(true);
  });

  it('writes starters whose schema line an editor can follow inside node_modules', () => {
    for (const kind of ['sentence-plan', 'review', 'case-file']) {
      const file = `${kind}-draft.yaml`;
      expect(npx(['planlint', 'init', file, '--kind', kind]).code).toBe(0);
      const first = readFileSync(join(project, file), 'utf8').split('\n')[0]!;
      expect(first).toBe(`# yaml-language-server: $schema=./node_modules/planlint/dist/schemas/${kind}.schema.json`);
      const schemaFile = join(project, 'node_modules', 'planlint', 'dist', 'schemas', `${kind}.schema.json`);
      expect(statSync(schemaFile).isFile()).toBe(true);
      // Self-contained: nothing for an editor to fetch.
      const refs = readFileSync(schemaFile, 'utf8').match(/"\$ref": "[^"]*"/g) ?? [];
      expect(refs.filter((r) => !r.startsWith('"$ref": "#/'))).toEqual([]);
    }
  });

  it('exports its API with types: defineRule and lintText type-check and run from the installed package', () => {
    writeTsconfig();
    writeFileSync(
      join(project, 'home-visit-recorded.ts'),
      `import { defineRule, lintText, loadBuiltInRules, activateRules } from 'planlint';
import type { FileResult, Rule } from 'planlint';

export const homeVisitRecorded = defineRule({
  meta: {
    id: 'team/home-visit-recorded',
    description: 'A home visit is recorded within the first month.',
    severity: 'warning',
    standard: 'implementation-and-delivery',
    guidance: 'local-practice.md',
    appliesTo: ['case-file'],
    messages: { none: 'No home visit is recorded for {{name}}.' },
    optionsSchema: { type: 'object' },
    defaultOptions: {},
  },
  check(model, context) {
    if (!model.contacts.some((c) => c.type === 'home-visit')) context.report({ node: model.root, messageId: 'none', data: { name: model.person?.name ?? 'the person' } });
  },
});

export async function lintWithTeamRules(text: string): Promise<FileResult> {
  const rules = activateRules([...(await loadBuiltInRules()), homeVisitRecorded]);
  return lintText(text, 'plan.yaml', { rules });
}

export const typo = defineRule({
  meta: { ...homeVisitRecorded.meta, id: 'team/typo' },
  check(model, context) {
    // @ts-expect-error a message id the rule does not have
    context.report({ node: model.root, messageId: 'nnoe' });
  },
});

// @ts-expect-error a rule's severity is error or warning
export const wrong: Rule = { ...homeVisitRecorded, meta: { ...homeVisitRecorded.meta, severity: 'fatal' } };
`,
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    // And at run time, from plain JavaScript in the consumer project.
    writeFileSync(
      join(project, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { activateRules, lintText, loadBuiltInRules } from 'planlint';
const rules = activateRules(await loadBuiltInRules());
const { findings } = lintText(readFileSync('lisa-poor.yaml', 'utf8'), 'lisa-poor.yaml', { rules });
console.log(JSON.stringify(findings.map((f) => f.ruleId)));
`,
    );
    const used = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8', env, timeout: 120_000 });
    expect(used.stderr).toBe('');
    const ids = JSON.parse(used.stdout) as string[];
    const cli = JSON.parse(planlint(['lisa-poor.yaml', '--format', 'json'], { cwd: project }).stdout) as { messages: { ruleId: string }[] }[];
    expect(ids).toEqual(cli[0]!.messages.map((m) => m.ruleId));
    expect(dirname(createRequire(join(project, 'package.json')).resolve('planlint/package.json'))).toBe(join(project, 'node_modules', 'planlint'));
  });

  it('exports planlint/testing: its rule tester type-checks, and runs under node:test with no vitest installed', () => {
    // An ES module export (no "require" condition), so resolved as an import from the project.
    const resolved = spawnSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('planlint/testing'))"], { cwd: project, encoding: 'utf8', env });
    expect(resolved.stdout.trim()).toBe(pathToFileURL(join(realpathSync(project), 'node_modules', 'planlint', 'dist', 'src', 'testing', 'index.js')).href);
    expect(existsSync(join(project, 'node_modules', 'vitest'))).toBe(false);
    const rule = `defineRule({
  meta: {
    id: 'team/plan-has-objectives',
    description: 'Every plan sets at least one objective.',
    severity: 'warning',
    standard: 'planning',
    guidance: 'local-practice.md',
    appliesTo: ['sentence-plan'],
    messages: { none: 'The plan sets no objectives.' },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  check(model, context) {
    for (const plan of model.plans) if (!plan.objectives?.length) context.report({ node: plan, property: 'objectives', messageId: 'none' });
  },
})`;
    const cases = `{
  valid: [{ name: 'an objective', yaml: 'kind: sentence-plan\\nschemaVersion: 1\\ncaseRef: C1\\ndate: 2024-01-10\\nobjectives:\\n  - { title: Keep my flat }\\n' }],
  invalid: [{ name: 'none', yaml: 'kind: sentence-plan\\nschemaVersion: 1\\ncaseRef: C1\\ndate: 2024-01-10\\n', errors: [{ messageId: 'none', line: 1, column: 1, message: 'The plan sets no objectives.' }] }],
}`;
    writeFileSync(
      join(project, 'tested-rule.ts'),
      `import { defineRule } from 'planlint';
import { RuleTester, testRule, type RuleTests } from 'planlint/testing';
import { describe, it } from 'node:test';
RuleTester.describe = describe;
RuleTester.it = it;
const cases: RuleTests = ${cases};
testRule(${rule}, cases);
`,
    );
    writeTsconfig();
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    writeFileSync(
      join(project, 'rule.test.mjs'),
      `import { defineRule } from 'planlint';
import { RuleTester, testRule } from 'planlint/testing';
import { describe, it } from 'node:test';
RuleTester.describe = describe;
RuleTester.it = it;
testRule(${rule}, ${cases});
`,
    );
    const run = spawnSync(process.execPath, ['--test', 'rule.test.mjs'], { cwd: project, encoding: 'utf8', env, timeout: 120_000 });
    expect(run.stdout).toMatch(/^# pass 4$/m);
    expect(run.stdout).toMatch(/^# fail 0$/m);
    expect(run.status).toBe(0);
  });
});
