/**
 * No write lands on a file the run reads or uses: its inputs, the config in use and the files it
 * extends, plugins, the ignore file, the baseline being read, the cache, and the run's other
 * outputs; `convert` never writes over its export, `compare` never over what it compares. Each
 * refusal is one line and exit 2, before anything is written, and the file is left as it was.
 */
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_WITHOUT_VOICE, runCli as planlint, scratch } from './helpers/cli.js';

/** A plugin rule in plain JavaScript (no import needed): enough for the config to load it. */
const PLUGIN = `export default {
  meta: { id: 'team/nothing', description: 'Says nothing.', severity: 'warning', appliesTo: ['sentence-plan'], messages: { none: 'none' }, optionsSchema: { type: 'object' }, defaultOptions: {} },
  check() {},
};
`;

const BASELINE = '{\n  "planlintBaseline": 1,\n  "entries": []\n}\n';

/** Every file of the folder with its content, to show nothing changed (no temporary file left either). */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false })
      .sort()
      .flatMap((name) => {
        try {
          return [[name, readFileSync(join(dir, name), 'utf8')]];
        } catch {
          return []; // a folder
        }
      }),
  );
}

describe('a report, cache or baseline over a file the run reads is refused: one line, exit 2, nothing written', () => {
  const files = {
    'plans/plan.yaml': PLAN_WITHOUT_VOICE,
    'planlint.config.yaml': 'extends: ./shared/base.yaml\nplugins: [./team-plugin.mjs]\n',
    'shared/base.yaml': 'rules:\n  service-user-voice-recorded: warn\n',
    'team-plugin.mjs': PLUGIN,
    '.planlintignore': 'archive/\n',
    'baseline.json': BASELINE,
    '.planlintcache': '{}',
  };

  it.each([
    ['the config in use', ['-o', 'planlint.config.yaml'], '--output-file: planlint.config.yaml is the config file in use'],
    ['the config in use, as the cache', ['--cache', '--cache-location', 'planlint.config.yaml'], '--cache-location: planlint.config.yaml is the config file in use'],
    ['a config reached through extends', ['-f', 'sarif:shared/base.yaml'], '--format sarif: shared/base.yaml is a config file the config in use extends'],
    ['a plugin', ['-f', 'junit:team-plugin.mjs'], '--format junit: team-plugin.mjs is a plugin the config in use loads'],
    ['the ignore file', ['-o', '.planlintignore'], '--output-file: .planlintignore is the ignore file'],
    ['the baseline being read', ['--baseline', 'baseline.json', '-f', 'json:baseline.json'], '--format json: baseline.json is the baseline being read'],
    ['the cache', ['--cache', '-o', '.planlintcache'], '--output-file: .planlintcache is the cache'],
    ['the baseline, as the cache', ['--baseline', 'baseline.json', '--cache', '--cache-location', 'baseline.json'], '--cache-location: baseline.json is the baseline being read'],
    ['the cache, as the baseline written', ['--cache', '--baseline', '.planlintcache', '--update-baseline'], '--baseline: .planlintcache is the cache'],
  ])('%s', async (_name, args, message) => {
    const dir = scratch(files);
    const before = contents(dir);
    const { code, stdout, stderr } = await planlint(['plans', ...args], { cwd: dir });
    expect(stderr).toBe(`planlint: ${message}; planlint never writes over a file it reads.\n`);
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(contents(dir)).toEqual(before);
  });

  it('a symbolic link to the config is the config', async () => {
    const dir = scratch(files);
    symlinkSync(join(dir, 'planlint.config.yaml'), join(dir, 'report.txt'));
    const { code, stderr } = await planlint(['plans', '-o', 'report.txt'], { cwd: dir });
    expect(stderr).toBe('planlint: --output-file: report.txt is the config file in use; planlint never writes over a file it reads.\n');
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'planlint.config.yaml'), 'utf8')).toBe(files['planlint.config.yaml']);
  });

  it('the baseline it updates and the cache it keeps are written as usual', async () => {
    const dir = scratch(files);
    const { code, stderr } = await planlint(['plans', '--cache', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir });
    expect(stderr).toMatch(/^planlint: recorded \d+ findings? in baseline\.json\.\n$/);
    expect(code).toBe(0);
  });
});

describe('two outputs of one run never go to one file', () => {
  it.each([
    [['-f', 'sarif:out.txt', '-f', 'junit:./out.txt'], '--format junit: ./out.txt is also where --format sarif writes'],
    [['-o', 'out.txt', '-f', 'sarif:out.txt'], '--format sarif: out.txt is also where --output-file writes'],
    [['-f', 'json:out.json', '--baseline', 'out.json', '--update-baseline'], '--baseline: out.json is also where --format json writes'],
  ])('%j', async (args, message) => {
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });
    const { code, stdout, stderr } = await planlint(['plan.yaml', ...args], { cwd: dir });
    expect(stderr).toBe(`planlint: ${message}; give each its own file.\n`);
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(readdirSync(dir)).toEqual(['plan.yaml']);
  });

  it('a hard or symbolic link to another output is the same file', async () => {
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE, 'a.sarif': 'old' });
    symlinkSync(join(dir, 'a.sarif'), join(dir, 'b.xml'));
    const { code, stderr } = await planlint(['plan.yaml', '-f', 'sarif:a.sarif', '-f', 'junit:b.xml'], { cwd: dir });
    expect(stderr).toBe('planlint: --format junit: b.xml is also where --format sarif writes; give each its own file.\n');
    expect(code).toBe(2);
    expect(readFileSync(join(dir, 'a.sarif'), 'utf8')).toBe('old');
  });
});

describe('compare never writes over what it reads', () => {
  it.each([
    ['one of the plans compared', 'a.yaml', 'a.yaml is one of the files being linted; planlint never writes to those'],
    ['the config', 'planlint.config.yaml', 'planlint.config.yaml is the config file in use; planlint never writes over a file it reads'],
  ])('%s', async (_name, target, message) => {
    const dir = scratch({ 'a.yaml': PLAN_WITHOUT_VOICE, 'b.yaml': PLAN_WITHOUT_VOICE, 'planlint.config.yaml': 'rules: {}\n' });
    const before = contents(dir);
    const { code, stderr } = await planlint(['compare', 'a.yaml', 'b.yaml', '-o', target], { cwd: dir });
    expect(stderr).toBe(`planlint: --output-file: ${message}.\n`);
    expect(code).toBe(2);
    expect(contents(dir)).toEqual(before);
  });
});

describe('the write check', () => {
  it('writes nothing of the config before refusing, even when the report would be written first', () => {
    // A run refused for its second output leaves its first one unmade too.
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE, 'planlint.config.yaml': 'rules: {}\n' });
    return planlint(['plan.yaml', '-f', 'sarif:report.sarif', '-f', 'junit:planlint.config.yaml'], { cwd: dir }).then(({ code }) => {
      expect(code).toBe(2);
      expect(readdirSync(dir).sort()).toEqual(['plan.yaml', 'planlint.config.yaml']);
      writeFileSync(join(dir, 'unused'), ''); // the folder is still writable: the refusal was the check's
    });
  });
});
