/** Custom rules from a local file (JavaScript or TypeScript) or an npm package, via config. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBuiltCli as planlint, root, scratch } from '../helpers/cli.js';

/** A team rule: every plan names the person's GP surgery contact in its contact pattern. */
const pluginSource = (lang: 'js' | 'ts') => `import { defineRule${lang === 'ts' ? ', type CaseModel' : ''} } from 'planlint';

export default defineRule({
  meta: {
    id: 'team/contact-pattern-written',
    description: 'Every plan describes its contact pattern in words.',
    severity: 'warning',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'practitioners should "meaningfully involve the service user"' },
    appliesTo: ['sentence-plan', 'case-file'],
    messages: { missing: 'The plan for {{ref}} does not describe its contact pattern in words.' },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  check(model${lang === 'ts' ? ': CaseModel' : ''}, context) {
    for (const plan of model.plans) {
      if (!plan.contact?.pattern) context.report({ node: plan.contact ?? plan, property: 'pattern', messageId: 'missing', data: { ref: model.ref } });
    }
  },
});
`;

const plan = `kind: sentence-plan
schemaVersion: 1
caseRef: TEAM-1
date: 2024-01-10
participation: { person: in-person }
personView: I want to stay in work and keep my flat this year.
contact:
  frequency: weekly
`;

function project(files: Record<string, string>): string {
  const dir = scratch(files);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'planlint'), 'dir');
  symlinkSync(join(root, 'node_modules', 'typescript'), join(dir, 'node_modules', 'typescript'), 'dir');
  return dir;
}

type JsonResult = { messages: { ruleId: string; severity: number; line: number; column: number; message: string }[] }[];

describe('plugins', () => {
  it.each(['js', 'ts'] as const)('loads a rule written in %s from a local file', (lang) => {
    const dir = project({
      [`rules/contact-pattern.${lang === 'js' ? 'mjs' : 'ts'}`]: pluginSource(lang),
      'planlint.config.yaml': `plugins: [./rules/contact-pattern.${lang === 'js' ? 'mjs' : 'ts'}]\n`,
      'plan.yaml': plan,
    });
    const { stdout, stderr } = planlint(['plan.yaml', '-f', 'json'], { cwd: dir });
    expect(stderr).toBe('');
    const [result] = JSON.parse(stdout) as JsonResult;
    expect(result!.messages).toContainEqual({
      ruleId: 'team/contact-pattern-written',
      messageId: 'missing',
      severity: 1,
      message: 'The plan for TEAM-1 does not describe its contact pattern in words.',
      line: 8,
      column: 3,
      endLine: 8,
      endColumn: 4,
    });
  });

  it('loads a plugin package by name, and its rules can be configured', () => {
    const dir = project({
      'node_modules/planlint-plugin-team/package.json': '{"name":"planlint-plugin-team","type":"module","main":"index.js"}',
      'node_modules/planlint-plugin-team/index.js': pluginSource('js')
        .replace('export default defineRule(', 'export const rules = [defineRule(')
        .replace(/\}\);\n$/, '})];\n'),
      'planlint.config.yaml': 'plugins: [planlint-plugin-team]\nrules:\n  team/contact-pattern-written: error\n',
      'plan.yaml': plan,
    });
    const [result] = JSON.parse(planlint(['plan.yaml', '-f', 'json'], { cwd: dir }).stdout) as JsonResult;
    expect(result!.messages.find((m) => m.ruleId === 'team/contact-pattern-written')?.severity).toBe(2);
  });

  it('a plugin that exports no rules is a clear error, exit 2', () => {
    const dir = project({ 'bad.mjs': 'export default { hello: 1 };', 'planlint.config.yaml': 'plugins: [./bad.mjs]\n', 'plan.yaml': plan });
    const { code, stderr } = planlint(['plan.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/plugin "\.\/bad\.mjs" must export rules made with defineRule/);
  });

  it("links a plugin rule's meta.docs.url from the output, and built-in rules to their own pages", () => {
    const url = 'https://example.org/planlint/contact-pattern-written';
    const dir = project({
      'team.mjs': pluginSource('js').replace('defaultOptions: {},', `defaultOptions: {},\n    docs: { url: '${url}' },`),
      'planlint.config.yaml': 'plugins: [./team.mjs]\n',
      'plan.yaml': plan.replace('personView: I want to stay in work and keep my flat this year.', 'personView: TBC'),
    });
    const { stdout, stderr } = planlint(['plan.yaml', '--color'], { cwd: dir });
    expect(stderr).toBe('');
    // OSC 8 links around the rule ids.
    expect(stdout).toContain(`\u001b]8;;${url}\u0007team/contact-pattern-written\u001b]8;;\u0007`);
    expect(stdout).toContain(`\u001b]8;;${pathToFileURL(join(root, 'rules', 'service-user-voice-recorded.md')).href}\u0007service-user-voice-recorded\u001b]8;;\u0007`);
  });

  it('a plugin rule whose meta.docs.url is not a web or file address is a clear error, exit 2', () => {
    const dir = project({
      'team.mjs': pluginSource('js').replace('defaultOptions: {},', "defaultOptions: {},\n    docs: { url: 'javascript:alert(1)' },"),
      'planlint.config.yaml': 'plugins: [./team.mjs]\n',
      'plan.yaml': plan,
    });
    const { code, stderr } = planlint(['plan.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('planlint.config.yaml: plugin rule "team/contact-pattern-written": meta.docs.url must be an https:, http: or file: URL; found "javascript:alert(1)".');
  });

  it('a rule that throws becomes a finding naming it, the other rules still run, exit 2', () => {
    const dir = project({
      'boom.mjs': pluginSource('js').replace('for (const plan of model.plans) {', "throw new Error('boom'); for (const plan of model.plans) {"),
      'planlint.config.yaml': 'plugins: [./boom.mjs]\n',
      'plan.yaml': plan.replace('personView: I want to stay in work and keep my flat this year.', 'personView: TBC'),
    });
    const { code, stdout } = planlint(['plan.yaml', '-f', 'json'], { cwd: dir });
    expect(code).toBe(2);
    const [result] = JSON.parse(stdout) as JsonResult;
    expect(result!.messages).toContainEqual(
      expect.objectContaining({ ruleId: 'team/contact-pattern-written', severity: 2, message: expect.stringMatching(/^Rule "team\/contact-pattern-written" failed while checking this file and was skipped \(boom\)/) }),
    );
    expect(result!.messages.map((m) => m.ruleId)).toContain('service-user-voice-recorded');
  });
});

describe('the worked example in docs/writing-a-rule.md', () => {
  it('runs as written: the module through the CLI, and its test through planlint/testing', () => {
    const guide = readFileSync(join(root, 'docs', 'writing-a-rule.md'), 'utf8');
    const blocks = [...guide.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2]! }));
    const module = blocks.find((b) => b.lang === 'ts' && b.code.includes('defineRule<Options>'))!.code;
    const config = blocks.find((b) => b.lang === 'yaml' && b.code.includes('plugins:'))!.code;
    const test = blocks.find((b) => b.lang === 'ts' && b.code.includes('testRule('))!.code;
    const invalid = test.slice(test.indexOf('invalid:'));
    const caseFile = /yaml: `([\s\S]*?)`/.exec(invalid)![1]!;
    const expected = /message: '([^']+)'/.exec(invalid)![1]!;
    const dir = project({ 'rules/home-visit-recorded.ts': module, 'planlint.config.yaml': config, 'case.yaml': caseFile, 'tests/home-visit-recorded.test.ts': test });
    const { stdout, stderr } = planlint(['case.yaml', '-f', 'json'], { cwd: dir });
    expect(stderr).toBe('');
    const [result] = JSON.parse(stdout) as JsonResult;
    expect(result!.messages).toContainEqual(expect.objectContaining({ ruleId: 'team/home-visit-recorded', line: 8, column: 12, message: expected }));

    // The guide's test file, run by vitest in the team's project (planlint/testing from the build).
    symlinkSync(join(root, 'node_modules', 'vitest'), join(dir, 'node_modules', 'vitest'), 'dir');
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', dir], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
    expect(run.stdout + run.stderr).toMatch(/Tests\s+4 passed \(4\)/);
    expect(run.status).toBe(0);
  }, 60_000);
});
