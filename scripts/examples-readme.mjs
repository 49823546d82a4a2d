// The table of worked examples in examples/README.md, built from a real run of the built CLI
// (`--format json`) over examples/ and from each file's opening comment. `npm run docs:examples`
// rewrites it; tests/examples-readme.test.ts fails when the committed table is out of date.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const examplesDir = join(root, 'examples');
export const examplesReadme = join(examplesDir, 'README.md');
const SECTION = 'examples-table';

/** The CLI's JSON results for every file in examples/, as a user would get them. */
function lintExamples() {
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [join(root, 'bin', 'planlint.js'), examplesDir, '--format', 'json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // Exit code 1 means some examples have errors, as the poor ones should; anything else is a fault.
    if (error.status !== 1 || !error.stdout) throw error;
    stdout = error.stdout;
  }
  return JSON.parse(stdout);
}

/**
 * What a file teaches: the first paragraph of its opening comment, less the editor's schema line.
 * JSON holds no comments, so an exported plan is described from its name and shape.
 */
export function describeExample(text, file = '') {
  if (file.endsWith('.json')) {
    const stem = basename(file, '.json');
    const who = stem.replace(/-(good|poor)$/, '');
    const name = who.charAt(0).toUpperCase() + who.slice(1);
    let shape = 'a JSON document';
    try {
      const value = JSON.parse(text);
      if (value && typeof value === 'object' && ('goals' in value || 'planType' in value || 'currentVersion' in value)) shape = 'a plan exported from the HMPPS digital sentence plan service, as its API returns it';
    } catch {
      // unreadable JSON: the lint run reports it
    }
    const verdict = stem.endsWith('-good') ? ', done well' : stem.endsWith('-poor') ? ', done poorly' : '';
    return `${name}: ${shape}${verdict}.`;
  }
  const lines = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    if (/^#\s*yaml-language-server:/.test(line)) continue;
    if (/^#\s*$/.test(line)) {
      if (lines.length) break; // a blank comment line ends the first paragraph
      continue;
    }
    lines.push(line.replace(/^#\s?/, '').trim());
  }
  const description = lines.join(' ').replace(/\s+/g, ' ').trim();
  return description || '(No description: add a comment at the top of the file saying what it shows.)';
}

const cell = (text) => text.replace(/\|/g, '\\|');

export function examplesTable() {
  const results = lintExamples();
  const rows = results
    .map((result) => ({ file: relative(examplesDir, result.filePath).split('\\').join('/'), result }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ file, result }) => {
      const counts = new Map();
      // Only errors and warnings: a note (severity 0) says something for information, not a finding.
      for (const message of result.messages) if (message.severity > 0) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
      // The rules that could not judge the file (an export holds no assessment): notRun in the JSON report.
      const notRun = result.notRun?.rules.length ?? 0;
      const rules = [...counts.keys()].sort().map((id) => `[\`${id}\`](../rules/${id}.md)${counts.get(id) > 1 ? ` ×${counts.get(id)}` : ''}`);
      const verdict =
        result.errorCount + result.warningCount === 0
          ? '✔ clean'
          : [result.errorCount ? `✖ ${result.errorCount} error${result.errorCount === 1 ? '' : 's'}` : '', result.warningCount ? `⚠ ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}` : '']
              .filter(Boolean)
              .join(', ');
      const notRunNote = notRun ? `; ${notRun} rule${notRun === 1 ? '' : 's'} could not run` : '';
      const description = describeExample(readFileSync(result.filePath, 'utf8'), file);
      return `| [\`${file}\`](${file}) | ${cell(description)} | ${verdict}${notRunNote} | ${rules.length ? rules.join(', ') : 'none'} |`;
    });
  return ['| Example | What it teaches | Result | Rules it triggers |', '|---|---|---|---|', ...rows].join('\n');
}

export function renderExamplesReadme(text, table = examplesTable()) {
  const pattern = new RegExp(`(<!-- begin:${SECTION} -->)[\\s\\S]*?(<!-- end:${SECTION} -->)`);
  if (!pattern.test(text)) throw new Error(`examples/README.md has no ${SECTION} section markers`);
  return text.replace(pattern, (_, start, end) => `${start}\n${table}\n${end}`);
}

// Run as a script (`npm run docs:examples`): rewrite the table in place.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(examplesReadme, renderExamplesReadme(readFileSync(examplesReadme, 'utf8')));
  console.log('Updated examples/README.md');
}
