/** `npm run new-rule <id>`, run into a scratch copy of the layout (--root), never into the repository. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, scratch } from './helpers/cli.js';

const dir = scratch({ 'package.json': '{ "type": "module" }\n', 'rules/.keep': '', 'tests/rules/.keep': '' });
// The scaffold imports src/ and vitest as a rule in the repository does.
symlinkSync(join(root, 'src'), join(dir, 'src'), 'dir');
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const newRule = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'new-rule.mjs'), ...args, '--root', dir], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('npm run new-rule', () => {
  it('writes the rule, its page and its test, and says what to do next', () => {
    const { code, stdout, stderr } = newRule('home-visit-recorded');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('rules/home-visit-recorded.ts');
    expect(stdout).toContain('npx vitest run tests/rules/home-visit-recorded.test.ts');
    expect(stdout).toContain('npm run docs');
    const page = readFileSync(join(dir, 'rules', 'home-visit-recorded.md'), 'utf8');
    expect(page.startsWith('# home-visit-recorded\n')).toBe(true);
    for (const heading of ['## Why it matters', '## What it checks', '## Poor', '## Good', '## Options', '## Recording a professional judgement']) expect(page).toContain(heading);
    expect(readFileSync(join(dir, 'rules', 'home-visit-recorded.ts'), 'utf8')).toContain("id: 'home-visit-recorded',");
    expect(readFileSync(join(dir, 'tests', 'rules', 'home-visit-recorded.test.ts'), 'utf8')).toContain("import rule from '../../rules/home-visit-recorded.js';");
    expect(existsSync(join(root, 'rules', 'home-visit-recorded.ts'))).toBe(false);
  });

  it('writes a rule and a test that type-check as the repository would', () => {
    copyFileSync(join(root, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    mkdirSync(join(dir, 'check'), { recursive: true });
    writeFileSync(join(dir, 'check', 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', compilerOptions: { noEmit: true, rootDir: '..' }, include: ['../rules/*.ts', '../tests/rules/*.ts'] }));
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'check')], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  it('refuses an id that is not kebab-case, or one a rule already has, and writes nothing', () => {
    for (const bad of ['HomeVisit', 'home_visit', 'home--visit', '-home', 'home-visit-2', '../escape']) {
      const { code, stderr } = newRule(bad);
      expect(code, bad).toBe(2);
      expect(stderr).toContain(`new-rule: "${bad}" is not a rule id: use kebab-case`);
    }
    const before = readFileSync(join(dir, 'rules', 'home-visit-recorded.md'), 'utf8');
    const again = newRule('home-visit-recorded');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('new-rule: there is already a rule "home-visit-recorded"');
    expect(readFileSync(join(dir, 'rules', 'home-visit-recorded.md'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'rules', 'escape.ts'))).toBe(false);
  });
});
