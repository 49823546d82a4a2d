/**
 * A repository is not trusted to reach outside itself: `extends` and `plugins` paths must lead
 * inside the folder of the config in use or the working folder (a config named with --config
 * brings its own folder), and no message quotes more than a short excerpt of a file planlint
 * reads. Paths in messages are made printable.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_WITHOUT_VOICE, runCli as planlint, scratch } from './helpers/cli.js';

const PLUGIN = `export default {
  meta: { id: 'team/nothing', description: 'Says nothing.', severity: 'warning', appliesTo: ['sentence-plan'], messages: { none: 'none' }, optionsSchema: { type: 'object' }, defaultOptions: {} },
  check() {},
};
`;

const SECRET = 'npm_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A folder holding a secret beside a project folder that tries to read it. */
function projectBesideSecret(config: string): { home: string; project: string } {
  const home = scratch({ '.npmrc': `//registry.npmjs.org/:_authToken=${SECRET}\n`, 'plugin.mjs': PLUGIN, 'shared.yaml': 'rules: {}\n' });
  const project = join(home, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'plan.yaml'), PLAN_WITHOUT_VOICE);
  writeFileSync(join(project, 'planlint.config.yaml'), config);
  return { home, project };
}

describe('extends and plugins outside the project are refused: one line, exit 2, nothing read', () => {
  it.each([
    ['extends ../.npmrc', 'extends: ../.npmrc\n', 'extends "../.npmrc"'],
    ['extends /etc/passwd', 'extends: /etc/passwd\n', 'extends "/etc/passwd"'],
    ['a plugin in the folder above', 'plugins: [../plugin.mjs]\n', 'plugins "../plugin.mjs"'],
    ['extends a shared config above', 'extends: ../shared.yaml\n', 'extends "../shared.yaml"'],
  ])('%s', async (_name, config, what) => {
    const { project } = projectBesideSecret(config);
    const { code, stdout, stderr } = await planlint(['plan.yaml'], { cwd: project });
    expect(stderr).toBe(
      `planlint: ${join(project, 'planlint.config.yaml')}: ${what} leads outside the project (the folder of the config in use and the working folder), so it was not read. Name a config elsewhere with --config.\n`,
    );
    expect(stderr).not.toContain(SECRET);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });

  it('a committed symbolic link inside the project that leads outside is refused too', async () => {
    const { home, project } = projectBesideSecret('extends: ./base.yaml\n');
    symlinkSync(join(home, '.npmrc'), join(project, 'base.yaml'));
    const { code, stderr } = await planlint(['plan.yaml'], { cwd: project });
    expect(stderr).toMatch(/: extends "\.\/base\.yaml" leads outside the project \(the folder of the config in use and the working folder\), so it was not read\./);
    expect(stderr).not.toContain(SECRET);
    expect(code).toBe(2);
  });

  it('a config named with --config brings its own folder: what it extends beside it is read', async () => {
    const { home, project } = projectBesideSecret('rules: {}\n');
    writeFileSync(join(home, 'team.yaml'), 'extends: ./shared.yaml\nplugins: [./plugin.mjs]\n');
    const { code, stderr } = await planlint(['plan.yaml', '--config', join(home, 'team.yaml')], { cwd: project });
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it('a config in a subfolder may extend one elsewhere in the working folder', async () => {
    const dir = scratch({ 'base.yaml': 'rules: {}\n', 'team/plan.yaml': PLAN_WITHOUT_VOICE, 'team/planlint.config.yaml': 'extends: ../base.yaml\n' });
    const { code, stderr } = await planlint(['team'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});

describe('no message prints more than a short excerpt of a file planlint reads', () => {
  it('a config that is a secret (linked, or named by mistake) is not quoted', async () => {
    const { home, project } = projectBesideSecret('rules: {}\n');
    const link = join(project, 'planlint.config.yaml');
    const { rmSync } = await import('node:fs');
    rmSync(link);
    symlinkSync(join(home, '.npmrc'), link);
    const { code, stderr } = await planlint(['plan.yaml'], { cwd: project });
    expect(stderr).toBe(`planlint: ${link}: is not a planlint configuration: it holds text, not a mapping of settings.\n`);
    expect(code).toBe(2);
  });

  it.each([
    ['a long value', `rules:\n  service-user-voice-recorded: ${SECRET}\n`],
    ['a long key', `${SECRET}: 1\n`],
    ['a long rule id', `rules:\n  ${SECRET}: error\n`],
    ['a long key path', `rules:\n  ${SECRET}: [error, 1]\n`],
    ['broken JSON', `{"token": ${SECRET}}`],
  ])('%s is cut to 60 characters', async (name, text) => {
    const file = name === 'broken JSON' ? 'planlint.config.json' : 'planlint.config.yaml';
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE, [file]: text });
    const { code, stderr } = await planlint(['plan.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).not.toContain(SECRET);
    expect(stderr.split('\n')).toHaveLength(2); // one line
  });

  it('the printable filter applies to paths in setting errors', async () => {
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });
    const name = 'evil\u001b]0;owned\u0007\u001b[2J.yaml';
    writeFileSync(join(dir, name), 'rules: [1]\n');
    const { code, stderr } = await planlint(['plan.yaml', '--config', name], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/); // eslint-disable-line no-control-regex -- no control character but the line's end
    expect(stderr).toContain('evil\ufffd]0;owned\ufffd\ufffd[2J.yaml');
  });
});
