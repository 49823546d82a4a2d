/** `planlint --watch` as an officer uses it: the CLI left running beside an editor that saves files. */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, runBuiltCli as planlint, root, scratch } from '../helpers/cli.js';

const lisa = readFileSync(join(root, 'examples', 'lisa-poor.yaml'), 'utf8');
const kate = readFileSync(join(root, 'examples', 'kate-good.yaml'), 'utf8');

class Watching {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, [bin, ...args, '--watch'], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
    this.child.stdout.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Waits until the status line has been printed `count` times: the first run, then once per pass that printed. */
  async passes(count: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.stderr.match(/Watching \d+ files?/g) ?? []).length < count) {
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`expected ${count} passes; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

let running: Watching | undefined;
afterEach(() => {
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
});

describe('planlint --watch', () => {
  it('prints the first run, then only the files that changed, until Ctrl-C (exit 0)', async () => {
    const dir = scratch({ 'cases/lisa.yaml': lisa, 'cases/kate.yaml': kate });
    const watch = (running = new Watching(['cases/'], dir));
    await watch.passes(1);
    // The first run is the normal report.
    expect(watch.stdout).toBe(planlint(['cases/'], { cwd: dir }).stdout);
    expect(watch.stderr).toMatch(/Watching 2 files \(\d+ errors, \d+ warnings\)\. Press Ctrl-C to stop\./);

    // An edit that breaks Kate's file: only her findings are printed.
    let mark = watch.stdout.length;
    writeFileSync(join(dir, 'cases/kate.yaml'), kate.replace('schemaVersion: 1\n', 'schemaVersion: 1\ncheckedBy: me\n'));
    await watch.passes(2);
    let printed = watch.stdout.slice(mark);
    expect(printed).toMatch(/^\ncases\/kate\.yaml\n {2}\d+:1 +error +Unknown field "checkedBy" in a case-file document.* {2}schema\n$/);
    expect(printed).not.toContain('lisa.yaml');

    // Fixed again: a plain confirmation.
    mark = watch.stdout.length;
    writeFileSync(join(dir, 'cases/kate.yaml'), kate);
    await watch.passes(3);
    expect(watch.stdout.slice(mark)).toBe('\n✔ cases/kate.yaml: no problems\n');

    // Lisa's plan now quotes her: her file is printed again without that finding, and Kate's is not.
    mark = watch.stdout.length;
    writeFileSync(join(dir, 'cases/lisa.yaml'), lisa.replace('    words: Agrees with plan', '    words: "I want to stop drinking before my son starts school."'));
    await watch.passes(4);
    printed = watch.stdout.slice(mark);
    expect(printed.startsWith('\ncases/lisa.yaml\n')).toBe(true);
    expect(printed).not.toContain('"Agrees with plan"');
    expect(printed).toContain('65:14');
    expect(printed).not.toContain('kate.yaml');
    expect(printed.split('\n').filter((l) => /^ {2}\d+:\d+ +error/.test(l))).toHaveLength(planlint(['cases/lisa.yaml', '--format', 'json'], { cwd: dir }).stdout.match(/"severity": 2/g)!.length);

    // A save that changes nothing (the editor touches the file) prints nothing.
    mark = watch.stdout.length;
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'cases/lisa.yaml'), later, later);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(watch.stdout.slice(mark)).toBe('');

    // A new file in the folder is linted; a deleted one is said to be gone.
    mark = watch.stdout.length;
    writeFileSync(join(dir, 'cases/kate-copy.yaml'), kate);
    await watch.passes(5);
    expect(watch.stdout.slice(mark)).toBe('\n✔ cases/kate-copy.yaml: no problems\n');
    expect(watch.stderr).toMatch(/Watching 3 files/);

    watch.child.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('keeps skipping YAML files in the folder that are not planlint documents', async () => {
    const dir = scratch({ 'repo/docker-compose.yml': 'services: {}\n', 'repo/kate.yaml': kate });
    const watch = (running = new Watching(['repo/'], dir));
    await watch.passes(1);
    expect(watch.stdout).toContain('1 other YAML/JSON file skipped');
    const mark = watch.stdout.length;
    writeFileSync(join(dir, 'repo/docker-compose.yml'), 'services:\n  web: {}\n');
    writeFileSync(join(dir, 'repo/kate.yaml'), kate.replace('schemaVersion: 1\n', 'schemaVersion: 1\ncheckedBy: me\n'));
    await watch.passes(2);
    const printed = watch.stdout.slice(mark);
    expect(printed).toContain('repo/kate.yaml');
    expect(printed).not.toContain('docker-compose');
    expect(watch.stderr).toMatch(/Watching 1 file \(1 error/);
    watch.child.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('lints again when the config that applies changes', async () => {
    const dir = scratch({ 'lisa.yaml': lisa, 'planlint.config.yaml': 'rules: {}\n' });
    const watch = (running = new Watching(['lisa.yaml'], dir));
    await watch.passes(1);
    expect(watch.stdout).toContain('service-user-voice-recorded');
    const mark = watch.stdout.length;
    writeFileSync(join(dir, 'planlint.config.yaml'), 'rules:\n  service-user-voice-recorded: off\n');
    await watch.passes(2);
    const printed = watch.stdout.slice(mark);
    expect(printed).toContain('lisa.yaml');
    expect(printed).not.toContain('service-user-voice-recorded');
    watch.child.kill('SIGINT');
    expect(await watch.exited).toBe(0);
  });

  it('refuses formats it cannot update in place', () => {
    const { code, stderr } = planlint(['examples/lisa-poor.yaml', '--watch', '--format', 'json']);
    expect(code).toBe(2);
    expect(stderr).toContain('--watch prints what changed in the stylish format');
  });
});
