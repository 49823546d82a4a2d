// npm's "prepare": builds planlint wherever it is installed from its sources: after `npm install` or
// `npm ci` in a checkout, before `npm pack`, and in the temporary clone npm makes when planlint is
// installed from git (`npm install git+https://…`), which npm then packs and installs.
//
// The build needs the devDependencies (TypeScript, esbuild). npm installs them in that clone first,
// except for a global install from git (`npm install -g git+…`, which is how pre-commit installs a
// `language: node` hook): the clone's install inherits --global and puts the dependencies in the
// global folder instead, so the build finds no TypeScript (npm/cli#8440). Then they are installed
// into the clone here, exactly as the lockfile says and without their install scripts, and the
// build goes on as anywhere else.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs npm as the npm that runs this script (npm_execpath), else the one on PATH; stops on failure. */
function npm(args, env = process.env) {
  const cli = process.env.npm_execpath;
  const result =
    cli && /\.[cm]?js$/.test(cli) ? spawnSync(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' }) : spawnSync('npm', args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(join(root, 'node_modules', 'typescript', 'package.json'))) {
  console.error('planlint: the build tools are not installed here (a global install from git); installing them from package-lock.json first.');
  // The global install's settings reach this process through npm_config_* variables: this install is local.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|location|prefix)$/i.test(key)));
  npm(['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--global=false'], env);
}
npm(['run', 'build']);
