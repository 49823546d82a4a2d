/** Several formats from one run of the CLI (in-process). Microsoft's SARIF validator: tests/e2e/sarif-validator.test.ts. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { FORMATTER_NAMES } from '../../src/formatters/index.js';
import { PLAN_WITHOUT_VOICE, runCli as planlint, scratch } from '../helpers/cli.js';

const temp = () => mkdtempSync(join(tmpdir(), 'planlint-formats-'));
const readSarif = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Log;

describe('several formats from one run', () => {
  it('writes SARIF and JUnit to files and GitHub annotations to stdout', async () => {
    const dir = temp();
    const { code, stdout, stderr } = await planlint(['examples/', '--format', `sarif:${join(dir, 'x.sarif')}`, '--format', `junit:${join(dir, 'x.xml')}`, '--format', 'github']);
    expect(stderr).toBe('');
    expect(code).toBe(1);

    const log = readSarif(join(dir, 'x.sarif'));
    const shown = log.runs[0]!.results!.filter((r) => !r.suppressions);
    expect(shown.length).toBeGreaterThan(10);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(shown.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=examples\/[\w./-]+\.(yaml|yml|json),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
    expect(stdout).toContain('::error file=examples/lisa-poor.yaml,line=40,col=12,endLine=40,endColumn=28,title=service-user-voice-recorded::"Agrees with plan" records agreement');
    expect(log.runs[0]!.results).toContainEqual(
      expect.objectContaining({
        ruleId: 'service-user-voice-recorded',
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'examples/lisa-poor.yaml', uriBaseId: '%SRCROOT%', index: expect.any(Number) }, region: { startLine: 40, startColumn: 12, endLine: 40, endColumn: 28 } } },
        ],
      }),
    );

    const xml = readFileSync(join(dir, 'x.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testsuite name="examples/lisa-poor.yaml"');
    expect(xml).toMatch(/<testcase name="service-user-voice-recorded" classname="examples\/lisa-poor" file="examples\/lisa-poor.yaml">\n {6}<failure /);
    expect(xml).toContain('examples/lisa-poor.yaml:40:12 error "Agrees with plan" records agreement');
  });

  it('gives the same SARIF on every run, fingerprints included', async () => {
    const dir = temp();
    await planlint(['examples/', '-f', `sarif:${join(dir, 'a.sarif')}`]);
    await planlint(['examples/', '-f', `sarif:${join(dir, 'b.sarif')}`]);
    expect(readFileSync(join(dir, 'a.sarif'), 'utf8')).toBe(readFileSync(join(dir, 'b.sarif'), 'utf8'));
  });

  it('still prints stylish to the terminal when every format goes to a file, and makes folders for them', async () => {
    const dir = temp();
    const { code, stdout } = await planlint(['examples/lisa-poor.yaml', '-f', `markdown:${join(dir, 'reports', 'ci', 'summary.md')}`]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\nexamples\/lisa-poor.yaml\n/);
    expect(readFileSync(join(dir, 'reports', 'ci', 'summary.md'), 'utf8')).toMatch(/^## planlint\n\n✖ \*\*\d+ problems\*\*/);
  });

  it('sends the terminal report to --output-file, alone or beside other formats', async () => {
    const dir = temp();
    const single = await planlint(['examples/kate-poor.yaml', '-f', 'junit', '-o', join(dir, 'one.xml')]);
    expect(single.stdout).toBe('');
    expect(XMLValidator.validate(readFileSync(join(dir, 'one.xml'), 'utf8'))).toBe(true);
    const mixed = await planlint(['examples/kate-poor.yaml', '-f', 'github', '-f', `sarif:${join(dir, 'two.sarif')}`, '-o', join(dir, 'annotations.txt')]);
    expect(mixed.stdout).toBe('');
    expect(readFileSync(join(dir, 'annotations.txt'), 'utf8')).toMatch(/^::error file=examples\/kate-poor.yaml,/);
    expect(existsSync(join(dir, 'two.sarif'))).toBe(true);
  });

  it.each([
    [['-f', 'xml'], `planlint: Unknown format "xml". Available formats: ${FORMATTER_NAMES.join(', ')}.\n`],
    [['-f', 'sarif:'], 'planlint: --format sarif:: give a file after the colon, for example sarif:planlint-report.\n'],
    [['-f', 'toString'], `planlint: Unknown format "toString". Available formats: ${FORMATTER_NAMES.join(', ')}.\n`],
    [['-f', 'json', '-f', 'github'], 'planlint: --format: only one format can go to the terminal (found json and github); write the others to files, for example github:report.github.\n'],
    [['-f', 'sarif:out.txt', '-f', 'junit:./out.txt'], 'planlint: --format junit: ./out.txt is also where --format sarif writes; give each its own file.\n'],
  ])('%j is a usage error, exit 2, with one line', async (args, message) => {
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });
    expect(await planlint(['plan.yaml', ...args], { cwd: dir })).toMatchObject({ code: 2, stdout: '', stderr: message });
  });

  it('never writes a report over a file it lints', async () => {
    const dir = scratch({ 'plan.yaml': PLAN_WITHOUT_VOICE });
    const { code, stderr } = await planlint(['plan.yaml', '-f', 'sarif:plan.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toBe('planlint: --format sarif: plan.yaml is one of the files being linted; planlint never writes to those.\n');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(PLAN_WITHOUT_VOICE);
  });
});
