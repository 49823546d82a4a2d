/**
 * planlint has no published package: every way to get it starts from this repository's sources,
 * and each must end with a built planlint that runs. Each is done here as its host does it, from
 * the npm cache (which installing this checkout filled), on a copy of this checkout's sources (its
 * files less what .gitignore leaves out: nothing built, nothing installed):
 *
 * - the GitHub Action: GitHub unpacks the repository at the ref into the action's folder and runs
 *   its step (scripts/action-run.sh), which installs and builds planlint there, then lints;
 * - pre-commit (4.6.1 and later) installs a `language: node` hook with
 *   `npm install --allow-git=root --install-links -g git+file://<its clone>` into the hook's own
 *   prefix: npm clones the repository and runs `prepare` (scripts/prepare.mjs) to build it;
 * - the README's `npm install --save-dev git+https://…/planlint.git#v0.1.0`, the same git install
 *   into a project, where the schema line an editor follows must then resolve.
 *
 * Each takes a full install of the build tools and a build, so this file is the slowest here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { runBuiltCli as planlint, root } from '../helpers/cli.js';

const INSTALL_TIMEOUT = 600_000; // a full install from the cache and a build, on a busy machine

let work: string;
/** This checkout's sources, as a fresh clone or GitHub's download of the repository holds them. */
let sources: string;

/** What .gitignore leaves out of the repository (and so of every copy of it). */
const NOT_IN_REPOSITORY = new Set(['node_modules', 'dist', 'coverage', '.git', '.planlintcache']);

/** npm (and git) as a user runs them here: offline, from the npm cache; this test's git settings left out. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  delete env.FORCE_COLOR;
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || (/^npm_/i.test(key) && !/^npm_config_(offline|update_notifier|fund|audit|cache)$/.test(key))) delete env[key];
  return env;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = baseEnv()) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: INSTALL_TIMEOUT, maxBuffer: 64 * 1024 * 1024 });
  const failed = result.error ? `\n[${command}: ${result.error.message}]\n` : '';
  return { code: result.status, stdout: result.stdout, stderr: result.stderr + failed };
}

/**
 * npm, offline first. An install from git resolves planlint's dependencies from their version
 * ranges, which needs the registry's package lists; a cache filled by `npm ci` holds only the
 * packages, so then npm may ask the registry (for those lists alone: the packages are cached).
 */
function npmInstall(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const offline = run('npm', args, cwd, env);
  if (offline.code === 0 || !(offline.stdout + offline.stderr).includes('ENOTCACHED')) return offline;
  const preferOffline: NodeJS.ProcessEnv = { ...env, npm_config_prefer_offline: 'true' };
  delete preferOffline.npm_config_offline;
  return run('npm', args, cwd, preferOffline);
}

const hasGit = spawnSync('git', ['--version']).status === 0;

/** A git repository of the sources, with the README's tag, as npm and pre-commit clone it. */
function gitRepository(): string {
  const repo = join(work, 'planlint-repo');
  cpSync(sources, repo, { recursive: true });
  const git = (...args: string[]) => {
    const result = run('git', ['-c', 'user.name=planlint tests', '-c', 'user.email=tests@planlint.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], repo);
    expect(result.code, result.stderr).toBe(0);
  };
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'planlint');
  git('tag', 'v0.1.0');
  return repo;
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'bundle', 'cli.cjs'))) throw new Error('Build first: npm run build');
  work = mkdtempSync(join(tmpdir(), 'planlint-source-'));
  sources = join(work, 'sources');
  cpSync(root, sources, {
    recursive: true,
    filter: (path) => {
      const name = basename(path);
      return !(NOT_IN_REPOSITORY.has(name) && dirname(path) === root) && !name.endsWith('.tgz');
    },
  });
  expect(existsSync(join(sources, 'src', 'cli', 'cli.ts'))).toBe(true);
  expect(existsSync(join(sources, 'dist'))).toBe(false);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

describe('the GitHub Action, from the repository as GitHub unpacks it', () => {
  it(
    'installs and builds its own copy, keeps only the production dependencies, then lints the workspace',
    () => {
      const actionPath = join(work, 'action');
      cpSync(sources, actionPath, { recursive: true });
      const workspace = join(work, 'workspace');
      mkdirSync(join(workspace, 'case-files'), { recursive: true });
      writeFileSync(join(workspace, 'case-files', 'lisa-poor.yaml'), example('lisa-poor.yaml'));
      writeFileSync(join(workspace, 'case-files', 'tom-good.yaml'), example('tom-good.yaml'));

      const env = Object.fromEntries(Object.entries(baseEnv()).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const { lint, outputs, summary, npxArgs } = runAction({ workspace, actionPath, inputs: { paths: 'case-files/' }, env, timeout: INSTALL_TIMEOUT });
      expect(lint.stdout).toContain("::group::Install and build planlint (the action's own copy)");
      expect(npxArgs).toEqual([]);
      expect(outputs, lint.stderr).toEqual({ 'exit-code': '1', 'sarif-file': 'planlint.sarif' });
      expect(lint.code).toBe(0);
      // The annotations come after the install's log, and are the same as from this checkout.
      const annotations = lint.stdout
        .slice(lint.stdout.indexOf('::endgroup::'))
        .split('\n')
        .filter((line) => line.startsWith('::error '));
      expect(annotations.join('\n')).toBe(
        planlint(['case-files/', '--format', 'github'], { cwd: workspace })
          .stdout.split('\n')
          .filter((line) => line.startsWith('::error '))
          .join('\n'),
      );
      expect(annotations.length).toBeGreaterThan(5);
      expect(summary).toContain('lisa-poor.yaml');
      expect(existsSync(join(workspace, 'planlint.sarif'))).toBe(true);

      // Built in place; the build tools gone again, so it ran on what a user's install has.
      expect(existsSync(join(actionPath, 'dist', 'bundle', 'cli.cjs'))).toBe(true);
      expect(existsSync(join(actionPath, 'node_modules', 'typescript'))).toBe(false);
      expect(existsSync(join(actionPath, 'node_modules', 'esbuild'))).toBe(false);
      expect(existsSync(join(actionPath, 'node_modules', 'yaml'))).toBe(true);
      // The workspace is left as it was, but for the report.
      expect(readdirSync(workspace).sort()).toEqual(['case-files', 'planlint.sarif']);

      // A second use in the same job finds it built: straight to linting.
      const again = runAction({ workspace, actionPath, inputs: { paths: 'case-files/tom-good.yaml' }, env });
      expect(again.lint.stdout).not.toContain('::group::');
      expect(again.outputs['exit-code']).toBe('0');
    },
    INSTALL_TIMEOUT,
  );
});

describe('the GitHub Action, from a copy that holds the built files', () => {
  it(
    'installs only the production dependencies, then lints',
    () => {
      const actionPath = join(work, 'built-action');
      cpSync(sources, actionPath, { recursive: true });
      cpSync(join(root, 'dist'), join(actionPath, 'dist'), { recursive: true });
      const workspace = join(work, 'built-action-workspace');
      mkdirSync(workspace);
      writeFileSync(join(workspace, 'lisa-poor.yaml'), example('lisa-poor.yaml'));
      const env = Object.fromEntries(Object.entries(baseEnv()).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const { lint, outputs } = runAction({ workspace, actionPath, env, timeout: INSTALL_TIMEOUT });
      expect(lint.stdout).toContain("::group::Install planlint's production dependencies");
      expect(lint.stdout).not.toContain('Install and build');
      expect(outputs, lint.stderr).toEqual({ 'exit-code': '1', 'sarif-file': 'planlint.sarif' });
      expect(lint.stdout).toMatch(/^::error file=lisa-poor\.yaml,line=40,col=12,/m);
      expect(existsSync(join(actionPath, 'node_modules', 'yaml'))).toBe(true);
      expect(existsSync(join(actionPath, 'node_modules', 'typescript'))).toBe(false);
    },
    INSTALL_TIMEOUT,
  );
});

describe('installs from git', () => {
  let repo: string;
  beforeAll(() => {
    if (hasGit) repo = gitRepository();
  });

  it(
    'as pre-commit installs the hook: a global install from the clone builds, and the hook runs',
    ({ skip }) => {
      if (!hasGit) skip('needs git, which npm uses to install from a repository; install git to run it');
      // pre-commit's node environment: its own prefix, and no user npm config.
      let prefix = '';
      let env: NodeJS.ProcessEnv = {};
      let install: ReturnType<typeof run> | undefined;
      // npm/cli#8440 again: npm's own install in the clone (which it runs to prepare a git
      // dependency) inherits --global, so it writes planlint's dependencies into the global folder
      // while the outer install extracts the same ones there. The two sometimes collide (ENOTEMPTY,
      // TAR_ENTRY_ERROR) and the install fails; pre-commit then installs afresh on its next run,
      // as this does, in a fresh folder, up to three times.
      for (let attempt = 1; attempt <= 3; attempt++) {
        prefix = join(work, `pre-commit-env-${attempt}`);
        env = { ...baseEnv(), NPM_CONFIG_PREFIX: prefix, npm_config_prefix: prefix };
        delete env.NPM_CONFIG_USERCONFIG;
        delete env.npm_config_userconfig;
        install = npmInstall(['install', '--allow-git=root', '--install-links', '-g', `git+file://${repo}`], repo, env);
        const log = install.stdout + install.stderr;
        if (install.code === 0 || !(log.includes('git dep preparation failed') && /ENOTEMPTY|TAR_ENTRY_ERROR|ENOENT/.test(log))) break;
      }
      expect(install!.code, install!.stdout + install!.stderr).toBe(0);
      const installed = join(prefix, 'lib', 'node_modules', 'planlint');
      expect(existsSync(join(installed, 'dist', 'bundle', 'cli.cjs'))).toBe(true);
      // Production dependencies only, as from any install.
      expect(existsSync(join(installed, 'node_modules', 'typescript'))).toBe(false);

      // The hook's entry, with the staged files, on PATH as pre-commit puts it.
      const project = join(work, 'committed');
      mkdirSync(join(project, 'case-files'), { recursive: true });
      writeFileSync(join(project, 'case-files', 'lisa.yaml'), example('lisa-good.yaml'));
      writeFileSync(join(project, 'case-files', 'lisa-poor.yaml'), example('lisa-poor.yaml'));
      const hook = run('planlint', ['case-files/lisa.yaml', 'case-files/lisa-poor.yaml'], project, { ...env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}` });
      expect(hook.stderr).toBe('');
      expect(hook.stdout).toBe(planlint(['case-files/lisa.yaml', 'case-files/lisa-poor.yaml'], { cwd: project }).stdout);
      expect(hook.code).toBe(1);
    },
    INSTALL_TIMEOUT,
  );

  it(
    'as the README says (npm install --save-dev git+…#v0.1.0): built in node_modules, with the schema files editors follow',
    ({ skip }) => {
      if (!hasGit) skip('needs git, which npm uses to install from a repository; install git to run it');
      const project = join(work, 'team-project');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'team-project', version: '1.0.0', private: true }, null, 2));
      const url = `git+file://${repo}#v0.1.0`;
      const install = npmInstall(['install', '--save-dev', url], project, baseEnv());
      expect(install.code, install.stdout + install.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
      expect(manifest.devDependencies).toEqual({ planlint: url });
      const installed = join(project, 'node_modules', 'planlint');
      expect(existsSync(join(installed, 'dist', 'bundle', 'cli.cjs'))).toBe(true);
      expect(existsSync(join(project, 'node_modules', 'typescript'))).toBe(false);

      // `planlint init` writes the schema line, and it resolves to the installed schema.
      mkdirSync(join(project, 'plans'));
      const init = run('npx', ['--no-install', 'planlint', 'init', 'plans/kate.yaml', '--kind', 'case-file'], project);
      expect(init.code, init.stderr).toBe(0);
      const first = readFileSync(join(project, 'plans', 'kate.yaml'), 'utf8').split('\n')[0]!;
      const target = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(target).toBe('../node_modules/planlint/dist/schemas/case-file.schema.json');
      expect(relative(project, join(project, 'plans', target!))).toBe(join('node_modules', 'planlint', 'dist', 'schemas', 'case-file.schema.json'));
      expect((JSON.parse(readFileSync(join(project, 'plans', target!), 'utf8')) as { $id: string }).$id).toBe('https://planlint.dev/schemas/1/case-file.schema.json');

      writeFileSync(join(project, 'lisa.yaml'), example('lisa-good.yaml'));
      const lint = run('npx', ['--no-install', 'planlint', 'lisa.yaml'], project);
      expect(lint.stdout).toBe('✔ No problems found (1 file checked).\n');
      expect(lint.code).toBe(0);
    },
    INSTALL_TIMEOUT,
  );
});
