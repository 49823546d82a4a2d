/** The CI recipes in the README work as written: their planlint commands run and produce the reports they upload. */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli as planlint, root } from './helpers/cli.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = /\n## Use in CI\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
const blocks = [...section.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!);

interface Recipe {
  block: string;
  args: string[];
}

const recipes: Recipe[] = blocks.flatMap((block) =>
  [...block.matchAll(/npx planlint (.+)$/gm)].map((m) => {
    // The recipes are kept to plain words, so splitting on spaces is what a shell would do.
    expect(m[1], 'quote-free command').not.toMatch(/["'`$\\|;&<>]/);
    return { block, args: m[1]!.trim().split(/\s+/) };
  }),
);

/** The --format specs and the paths of a command line. */
function parse(args: string[]): { formats: { name: string; file?: string }[]; paths: string[] } {
  const formats: { name: string; file?: string }[] = [];
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format' || arg === '-f') {
      const [name, file] = args[++i]!.split(/:(.*)/s) as [string, string?];
      formats.push({ name, ...(file ? { file } : {}) });
    } else if (!arg.startsWith('-')) {
      paths.push(arg);
    }
  }
  return { formats, paths };
}

function checkReport(name: string, text: string): void {
  if (name === 'sarif') {
    const log = JSON.parse(text) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
  } else if (name === 'junit') {
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toMatch(/<testsuites [^>]*failures="[1-9]/);
  } else if (name === 'markdown') {
    expect(text).toMatch(/^## planlint\n/);
  } else if (name === 'json') {
    expect(JSON.parse(text)).toBeInstanceOf(Array);
  } else {
    expect(text.length).toBeGreaterThan(0);
  }
}

describe('README "Use in CI"', () => {
  it('has a GitHub Actions workflow that uploads SARIF and a GitLab job with a JUnit report', () => {
    expect(section).toContain('github/codeql-action/upload-sarif');
    expect(section).toMatch(/artifacts:\n\s+when: always\n\s+reports:\n\s+junit: /);
    expect(recipes.length).toBeGreaterThanOrEqual(2);
  });

  it.each(recipes.map((r) => [r.args.join(' '), r] as const))('npx planlint %s runs on the examples and writes every report', async (_, { block, args }) => {
    const { formats, paths } = parse(args);
    const dir = mkdtempSync(join(tmpdir(), 'planlint-ci-'));
    // The recipe's case-file folders, filled with the worked examples.
    for (const path of paths) cpSync(join(root, 'examples'), join(dir, path), { recursive: true });
    const { code, stderr, stdout } = await planlint(args, { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(1); // the examples include poor plans, so the lint step fails as it should

    for (const { name, file } of formats) {
      if (file === undefined) {
        checkReport(name, stdout);
        continue;
      }
      expect(existsSync(join(dir, file)), `${file} written`).toBe(true);
      checkReport(name, readFileSync(join(dir, file), 'utf8'));
    }
    // Every report the recipe goes on to upload or print is one the command wrote.
    const written = formats.flatMap((f) => (f.file ? [f.file] : []));
    const used = [...block.matchAll(/(?:sarif_file|junit):\s*(\S+)|\bcat (\S+)/g)].map((m) => m[1] ?? m[2]!);
    expect(used.length).toBeGreaterThan(0);
    for (const file of used) expect(written).toContain(file);
  });
});
