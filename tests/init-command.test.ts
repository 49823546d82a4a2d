/** `planlint init`: a starter that is valid, explains itself, and fails only on what the officer must write. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from './helpers/cli.js';

const planlint = (args: string[], cwd = root) => runCli(args, { cwd });

interface JsonResult {
  messages: { ruleId: string; line: number; message: string }[];
}

const ruleIds = (JSON.parse((await planlint(['rules', '--format', 'json'])).stdout) as { id: string }[]).map((r) => r.id);
const KINDS = ['sentence-plan', 'review', 'case-file'] as const;

describe('planlint init', () => {
  it.each(KINDS)("a starter %s is schema-valid and fails only rules that need the officer's own content", async (kind) => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-init-'));
    const file = join(dir, `${kind}.yaml`);
    const made = await planlint(['init', file, '--kind', kind]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`Wrote a starter`);
    expect(existsSync(file)).toBe(true);

    const { code, stdout } = await planlint([file, '--format', 'json']);
    expect(code).toBe(1);
    const [result] = JSON.parse(stdout) as JsonResult[];
    const fired = result!.messages.map((m) => m.ruleId);
    // No schema, syntax or input problem: the starter is a valid document of its kind.
    expect(fired.filter((id) => ['schema', 'syntax', 'input'].includes(id))).toEqual([]);
    // Only real rules fire, and at least the person's voice is asked for.
    expect(fired.length).toBeGreaterThan(0);
    for (const id of fired) expect(ruleIds).toContain(id);
    expect(fired).toContain('service-user-voice-recorded');
    // Every placeholder the officer must replace is found, on its own line.
    const lines = readFileSync(file, 'utf8').split('\n');
    const tbcLines = lines.flatMap((text, i) => (/^\s*[^#\s].*"TBC:/.test(text) ? [i + 1] : []));
    const flaggedLines = new Set(result!.messages.map((m) => m.line));
    for (const line of tbcLines) expect(flaggedLines, `line ${line}: ${lines[line - 1]}`).toContain(line);
  });

  it.each(KINDS)('a starter %s starts with a schema line that points at the installed schema', async (kind) => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-init-'));
    const file = join(dir, 'draft.yaml');
    await planlint(['init', file, '--kind', kind]);
    const text = readFileSync(file, 'utf8');
    const first = text.split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const schema = resolve(dirname(file), match![1]!);
    expect(schema).toBe(join(root, 'dist', 'schemas', `${kind}.schema.json`));
    // The build writes it there (from schemas/); tests/e2e/package.test.ts checks the package holds it.
    expect(existsSync(join(root, 'schemas', `${kind}.schema.json`))).toBe(true);
    expect(text).toContain(`kind: ${kind}`);
    // Comments say what each section is for and what inspectors look for.
    expect(text).toMatch(/Inspectors/);
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBeGreaterThan(15);
  });

  it('prints a sentence plan to standard output by default', async () => {
    const { code, stdout } = await planlint(['init']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# yaml-language-server: \$schema=\.\/dist\/schemas\/sentence-plan\.schema\.json\n/);
    expect(stdout).toContain('kind: sentence-plan');
  });

  it('refuses to overwrite an existing file, and leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-init-'));
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'my own work\n');
    const { code, stderr } = await planlint(['init', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('already exists; planlint init never overwrites a file');
    expect(readFileSync(file, 'utf8')).toBe('my own work\n');
  });

  it('says so when the folder does not exist, or the kind is unknown', async () => {
    expect(await planlint(['init', '/no/such/folder/plan.yaml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('does not exist') });
    expect(await planlint(['init', '--kind', 'letter'])).toMatchObject({ code: 2, stderr: expect.stringContaining('letter') });
  });
});
