/** Configuration files, presets, overrides, ignores and command-line settings, end to end. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_WITHOUT_VOICE, runCli as planlint, scratch } from './helpers/cli.js';

type JsonResult = { filePath: string; messages: { ruleId: string; severity: number; line: number }[] }[];
const ruleIds = (stdout: string) => (JSON.parse(stdout) as JsonResult).flatMap((r) => r.messages.map((m) => `${m.ruleId}:${m.severity}`));

describe('config discovery', () => {
  it('uses the nearest planlint.config.yaml above the file', async () => {
    const dir = scratch({
      'planlint.config.yaml': 'rules:\n  service-user-voice-recorded: warn\n',
      'team/plans/plan.yaml': PLAN_WITHOUT_VOICE,
    });
    const { stdout } = await planlint(['team', '-f', 'json'], { cwd: dir });
    expect(ruleIds(stdout)).toContain('service-user-voice-recorded:1');
  });

  it('reads .json and .mjs configs too', async () => {
    const json = scratch({ 'planlint.config.json': '{"rules": {"service-user-voice-recorded": "off"}}', 'plan.yaml': PLAN_WITHOUT_VOICE });
    expect(ruleIds((await planlint(['plan.yaml', '-f', 'json'], { cwd: json })).stdout)).not.toContain('service-user-voice-recorded:2');
    const mjs = scratch({ 'planlint.config.mjs': "export default { rules: { 'service-user-voice-recorded': 'off' } };", 'plan.yaml': PLAN_WITHOUT_VOICE });
    expect(ruleIds((await planlint(['plan.yaml', '-f', 'json'], { cwd: mjs })).stdout)).not.toContain('service-user-voice-recorded:2');
  });

  it('--config replaces discovery', async () => {
    const dir = scratch({ 'planlint.config.yaml': 'rules:\n  service-user-voice-recorded: off\n', 'other.yaml': 'rules:\n  service-user-voice-recorded: warn\n', 'plan.yaml': PLAN_WITHOUT_VOICE });
    expect(ruleIds((await planlint(['plan.yaml', '-f', 'json', '--config', 'other.yaml'], { cwd: dir })).stdout)).toContain('service-user-voice-recorded:1');
  });

  it('extends presets and local files, with options given as [severity, options]', async () => {
    const dir = scratch({
      'base.yaml': 'extends: planlint:strict\nrules:\n  service-user-voice-recorded: [warn, { minWords: 2 }]\n',
      'planlint.config.yaml': 'extends: [./base.yaml]\n',
      'plan.yaml': PLAN_WITHOUT_VOICE,
    });
    const { stdout } = await planlint(['--print-config', 'plan.yaml'], { cwd: dir });
    const printed = JSON.parse(stdout) as { configFiles: string[]; presets: string[]; rules: Record<string, [string, Record<string, unknown>]> };
    expect(printed.configFiles.map((f) => f.split('/').pop())).toEqual(['base.yaml', 'planlint.config.yaml']);
    expect(printed.presets).toEqual(['recommended', 'strict']);
    expect(printed.rules['service-user-voice-recorded']).toEqual(['warn', { minWords: 2, genericPhrases: [] }]);
    expect(
      Object.values(printed.rules)
        .filter(([s]) => s !== 'warn')
        .every(([s]) => s === 'error'),
    ).toBe(true);
  });

  it('overrides apply by glob and --print-config says which applied', async () => {
    const dir = scratch({
      'planlint.config.yaml': 'overrides:\n  - files: ["licence/**/*.yaml"]\n    rules:\n      service-user-voice-recorded: off\n',
      'licence/a/plan.yaml': PLAN_WITHOUT_VOICE,
      'community/plan.yaml': PLAN_WITHOUT_VOICE,
    });
    const results = JSON.parse((await planlint(['.', '-f', 'json'], { cwd: dir })).stdout) as JsonResult;
    const byFile = Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => m.ruleId)]));
    expect(byFile['licence/a/plan.yaml']).not.toContain('service-user-voice-recorded');
    expect(byFile['community/plan.yaml']).toContain('service-user-voice-recorded');
    const printed = JSON.parse((await planlint(['--print-config', 'licence/a/plan.yaml'], { cwd: dir })).stdout) as { overridesApplied: string[] };
    expect(printed.overridesApplied).toEqual([`${join(dir, 'planlint.config.yaml')} overrides[0]`]);
  });

  it('--rule on the command line wins over the config', async () => {
    const dir = scratch({ 'planlint.config.yaml': 'rules:\n  service-user-voice-recorded: off\n', 'plan.yaml': PLAN_WITHOUT_VOICE });
    expect(ruleIds((await planlint(['plan.yaml', '-f', 'json', '--rule', 'service-user-voice-recorded:error'], { cwd: dir })).stdout)).toContain('service-user-voice-recorded:2');
  });
});

describe('ignores', () => {
  it('skips files matched by config ignores and .planlintignore when walking folders', async () => {
    const dir = scratch({
      'planlint.config.yaml': 'ignores: ["archive/**"]\n',
      '.planlintignore': '# drafts are not ready\ndrafts/\n',
      'archive/old.yaml': 'broken: [',
      'drafts/new.yaml': 'broken: [',
      'live/plan.yaml': PLAN_WITHOUT_VOICE,
    });
    const results = JSON.parse((await planlint(['.', '-f', 'json'], { cwd: dir })).stdout) as JsonResult;
    expect(results.map((r) => r.filePath.slice(dir.length + 1))).toEqual(['live/plan.yaml']);
  });
});

describe('config mistakes are clear, exit 2', () => {
  const cases: [string, string, RegExp][] = [
    ['an unknown severity', 'rules:\n  service-user-voice-recorded: sometimes\n', /planlint\.config\.yaml: rules\.service-user-voice-recorded must be off, warn or error, or \[severity, options\]; found "sometimes"\./],
    ['an unknown key', 'rulez: {}\n', /planlint\.config\.yaml: unknown key "rulez"\. Allowed keys: extends, plugins, rules, overrides, ignores, files\./],
    ['an unknown rule', 'rules:\n  no-such-rule: error\n', /planlint\.config\.yaml: there is no rule "no-such-rule"/],
    ['a bad rule option', 'rules:\n  service-user-voice-recorded: [error, { minWords: "four" }]\n', /planlint\.config\.yaml for service-user-voice-recorded: option "minWords" must be integer\./],
    ['an unknown option', 'rules:\n  service-user-voice-recorded: [error, { minWrds: 2 }]\n', /for service-user-voice-recorded: option "minWrds" must NOT have additional properties/],
    ['an unknown preset', 'extends: planlint:lenient\n', /extends "planlint:lenient"; the presets are planlint:recommended and planlint:strict\./],
    ['a missing extended file', 'extends: ./nope.yaml\n', /extends "\.\/nope\.yaml", but .*nope\.yaml does not exist\./],
    ['broken YAML', 'rules: [\n', /planlint\.config\.yaml: the configuration cannot be read/],
  ];
  it.each(cases)('%s', async (_, config, message) => {
    const dir = scratch({ 'planlint.config.yaml': config, 'plan.yaml': PLAN_WITHOUT_VOICE });
    const { code, stdout, stderr } = await planlint(['plan.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('CI controls', () => {
  it('--stdin with --stdin-filename lints standard input under that name', async () => {
    const { code, stdout } = await planlint(['--stdin', '--stdin-filename', 'plans/plan.yaml', '-f', 'json'], { input: PLAN_WITHOUT_VOICE });
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as JsonResult;
    expect(result!.filePath.endsWith('plans/plan.yaml')).toBe(true);
    expect(result!.messages).toContainEqual(expect.objectContaining({ ruleId: 'service-user-voice-recorded', line: 6 }));
  });

  it('glob patterns expand, and an unmatched pattern is an error unless told otherwise', async () => {
    const dir = scratch({ 'a/one.yaml': PLAN_WITHOUT_VOICE, 'b/two.yml': PLAN_WITHOUT_VOICE, 'b/notes.txt': 'x' });
    const results = JSON.parse((await planlint(['**/*.{yaml,yml}', '-f', 'json'], { cwd: dir })).stdout) as JsonResult;
    expect(results.map((r) => r.filePath.slice(dir.length + 1))).toEqual(['a/one.yaml', 'b/two.yml']);
    expect(await planlint(['c/**/*.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'planlint: No .yaml, .yml or .json files match the pattern "c/**/*.yaml"\n' });
    const lenient = await planlint(['c/**/*.yaml', 'a', '--no-error-on-unmatched-pattern', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(lenient.stdout) as JsonResult).map((r) => r.filePath.slice(dir.length + 1))).toEqual(['a/one.yaml']);
  });

  it('--quiet shows errors only', async () => {
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });
    const { stdout } = await planlint(['plan.yaml', '-f', 'json', '--quiet', '--rule', 'service-user-voice-recorded:warn'], { cwd: dir });
    expect(ruleIds(stdout)).not.toContain('service-user-voice-recorded:1');
  });

  it('--cache reuses results, and a changed config invalidates them', async () => {
    const dir = scratch({ 'planlint.config.yaml': 'rules:\n  service-user-voice-recorded: error\n', 'plan.yaml': PLAN_WITHOUT_VOICE });
    const first = await planlint(['plan.yaml', '-f', 'json', '--cache', '--cache-location', 'cache.json'], { cwd: dir });
    const cache = JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(cache.entries)).toEqual([join(dir, 'plan.yaml')]);
    const second = await planlint(['plan.yaml', '-f', 'json', '--cache', '--cache-location', 'cache.json'], { cwd: dir });
    expect(second.stdout).toBe(first.stdout);
    writeFileSync(join(dir, 'planlint.config.yaml'), 'rules:\n  service-user-voice-recorded: off\n');
    const third = await planlint(['plan.yaml', '-f', 'json', '--cache', '--cache-location', 'cache.json'], { cwd: dir });
    expect(ruleIds(third.stdout)).not.toContain('service-user-voice-recorded:2');
  });
});
