// Runs the built CLI over examples/ in every output format (and the other commands that print
// reports) and writes each output to a folder, with the checkout's path replaced by <root>.
// tests/e2e/output-golden.test.ts holds the outputs to the ones recorded in tests/golden/, so a
// refactor that changes what a user sees fails. `node scripts/output-snapshot.mjs --update`
// records them again after a deliberate change.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'planlint.js');

/** name → argv; outputs too large to keep whole (the HTML report) are kept as a SHA-256. */
export const SNAPSHOTS = {
  'stylish.txt': ['examples/', '-f', 'stylish', '--no-color'],
  'json.json': ['examples/', '-f', 'json', '--no-color'],
  'sarif.json': ['examples/', '-f', 'sarif', '--no-color'],
  'junit.xml': ['examples/', '-f', 'junit', '--no-color'],
  'github.txt': ['examples/', '-f', 'github', '--no-color'],
  'markdown.md': ['examples/', '-f', 'markdown', '--no-color'],
  'html.sha256': ['examples/', '-f', 'html', '--no-color'],
  'show-passed.txt': ['examples/kate-good.yaml', 'examples/kate-poor.yaml', '--show-passed', '--no-color'],
  'rules.txt': ['rules'],
  'rules.json': ['rules', '--format', 'json'],
  'explain.txt': ['explain', 'service-user-voice-recorded', '--width', '80'],
  'compare.txt': ['compare', 'examples/lisa-good.yaml', 'examples/lisa-poor.yaml', '--no-color'],
  'compare-html.sha256': ['compare', 'examples/lisa-good.yaml', 'examples/lisa-poor.yaml', '-f', 'html', '--no-color'],
};

/** What the user sees for one snapshot: exit code, stderr and stdout, with <root> for the path. */
export function snapshot(name) {
  const run = spawnSync(process.execPath, [cli, ...SNAPSHOTS[name]], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COLUMNS: '100' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const text = run.stdout.split(root).join('<root>');
  const body = name.endsWith('.sha256') ? `${createHash('sha256').update(text).digest('hex')}\n` : text;
  return `exit ${run.status}\nstderr ${JSON.stringify(run.stderr.split(root).join('<root>'))}\n${body}`;
}

export const GOLDEN = join(root, 'tests', 'golden');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  let changed = 0;
  mkdirSync(GOLDEN, { recursive: true });
  for (const name of Object.keys(SNAPSHOTS)) {
    const file = join(GOLDEN, name);
    const now = snapshot(name);
    let before;
    try {
      before = readFileSync(file, 'utf8');
    } catch {
      before = undefined;
    }
    if (before === now) continue;
    changed++;
    console.log(`${before === undefined ? 'new' : 'changed'}: ${name}`);
    if (update) {
      writeFileSync(`${file}.tmp`, now);
      renameSync(`${file}.tmp`, file);
    }
  }
  console.log(changed ? `${changed} output(s) differ${update ? ' (recorded)' : ''}` : 'all outputs match');
  process.exitCode = changed && !update ? 1 : 0;
}
