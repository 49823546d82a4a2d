/**
 * Privacy (README, "Privacy" and "Guarantees on bad input"): findings quote little of a case
 * file, --redact makes a report that can be shared, and the files linted are never written to.
 * That no network connection is made is checked on the built CLI: tests/e2e/no-network.test.ts.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FORMATTER_NAMES } from '../src/formatters/index.js';
import { lintText } from '../src/engine/lint.js';
import { loadBuiltInRules } from '../src/engine/load-rules.js';
import { activateRules } from '../src/engine/rule-settings.js';
import { SCHEMA_KINDS, loadSchema } from '../src/validate/schemas.js';
import { runCli as planlint, root } from './helpers/cli.js';
import { expectNoStackTrace } from './helpers/positions.js';
import type { JsonResult } from './helpers/positions.js';

const builtIns = await loadBuiltInRules();
const rules = activateRules(builtIns, {});
const examplesDir = join(root, 'examples');

/** Every example case file, YAML and JSON, by its path relative to examples/. */
function exampleFiles(dir = examplesDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? exampleFiles(join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : []))
    .sort();
}
const EXAMPLES = exampleFiles();

/** Copies the examples into a fresh folder under neutral names (case-01.yaml …): file paths are not redacted. */
function neutralCopies(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-privacy-'));
  const files = EXAMPLES.map((source, i) => {
    const target = join(dir, `case-${String(i + 1).padStart(2, '0')}${source.endsWith('.json') ? '.json' : '.yaml'}`);
    copyFileSync(source, target);
    return target;
  });
  return { dir, files };
}

/** Every string a file holds: scalar values and keys (comments are not data and are never quoted). */
function stringsIn(text: string): string[] {
  const out: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    visit(doc, {
      Scalar: (_key, node) => {
        if (typeof node.value === 'string') out.push(node.value);
      },
    });
  }
  return out;
}

/** The person's name in each example (case.person.name, or an HMPPS export's forename). */
function personNames(text: string): string[] {
  const names: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    visit(doc, {
      Pair: (_key, pair, path) => {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const parent = path[path.length - 2];
        const parentKey = parent && 'key' in parent && isScalar(parent.key) ? String(parent.key.value) : '';
        const isPersonName = (key === 'name' && parentKey === 'person') || /^(forename|firstName|givenName)$/i.test(key);
        if (isPersonName && isScalar(pair.value) && typeof pair.value.value === 'string') names.push(pair.value.value);
      },
    });
  }
  return names;
}

/** Words the schemas allow as field names and enum values: a closed list, kept in a redacted report. */
function schemaWords(): Set<string> {
  const words = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        words.add(key);
        if (key === 'enum' && Array.isArray(value)) for (const v of value) if (typeof v === 'string') words.add(v);
        // A document's kind (const) is vocabulary too: a report says a rule needs a "case-file".
        if (key === 'const' && typeof value === 'string') words.add(value);
        walk(value);
      }
    }
  };
  for (const kind of SCHEMA_KINDS) walk(loadSchema(kind));
  return words;
}

/** The fixed wording of every rule's messages: text that is planlint's, not the case file's. */
const TEMPLATE_TEXT = builtIns.flatMap((r) => Object.values(r.meta.messages)).join('\n');

const isDateOrTime = (s: string) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$|^\d{2}:\d{2}$/.test(s);

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Content hash and modification time of each file, to show nothing wrote to them. */
function fingerprints(files: string[]): Record<string, { hash: string; mtimeMs: number }> {
  return Object.fromEntries(files.map((f) => [f, { hash: sha(f), mtimeMs: statSync(f).mtimeMs }]));
}

describe('quotes no more of the input in a finding than it needs', () => {
  /** The longest run of characters a message shares with the file's data, whitespace flattened. */
  function longestQuote(message: string, values: string[]): number {
    const haystack = values.map((v) => v.replace(/\s+/g, ' '));
    let longest = 0;
    for (let length = 8; length <= message.length; length++) {
      let found = false;
      for (let i = 0; i + length <= message.length && !found; i++) {
        const piece = message.slice(i, i + length);
        found = haystack.some((v) => v.includes(piece));
      }
      if (!found) break;
      longest = length;
    }
    return longest;
  }

  /** Makes every piece of free text in a file long, so a rule that quotes too much shows it. */
  function lengthened(text: string): string {
    let n = 0;
    return parseAllDocuments(text)
      .map((doc) => {
        visit(doc, {
          Scalar: (key, node) => {
            if (key !== 'value' || typeof node.value !== 'string' || node.value.length < 3 || isDateOrTime(node.value) || !/[ A-Z]/.test(node.value)) return;
            node.value = `${node.value} and then a long run of words that no rule needs to quote whole, number ${n++}`;
          },
        });
        return doc.toString();
      })
      .join('');
  }

  it.each(EXAMPLES.map((f) => relative(root, f)))('%s, as written and with every text made long: at most 60 characters of any one value', (file) => {
    const original = readFileSync(join(root, file), 'utf8');
    let checked = 0;
    for (const text of [original, lengthened(original)]) {
      const values = stringsIn(text);
      for (const f of lintText(text, file, { rules }).findings) {
        expect(longestQuote(f.message, values), f.message).toBeLessThanOrEqual(60);
        checked++;
      }
    }
    if (file.includes('poor')) expect(checked).toBeGreaterThan(0);
  });

  it('schema and syntax findings on long input: at most 60 characters of it', () => {
    const long = 'Lisa told me about her week and her plans in great detail, '.repeat(10).trim();
    const texts = [
      `kind: "${long}"\n`,
      `kind: review\nschemaVersion: 1\n"${long}": 1\n`,
      `kind: !${long.replace(/\W/g, '')} case-file\n`,
      `kind: *${long.replace(/\W/g, '')}\n`,
      `kind: review\nschemaVersion: 1\ncaseRef: A\ndate: "${long}"\n`,
      `note: |${long}\n  text\n`,
      `case:\n  person: {name: "${long}"}\n`,
    ];
    for (const text of texts) {
      const values = [text];
      for (const f of lintText(text, 'long.yaml', { rules }).findings) expect(longestQuote(f.message, values), f.message).toBeLessThanOrEqual(60);
    }
  });
});

describe('--redact makes a report you can share', () => {
  const { dir, files } = neutralCopies();
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const allowed = schemaWords();
  const names = [...new Set(texts.flatMap(personNames))];
  // Every piece of text the examples hold that could identify someone or quote a record.
  const secrets = [...new Set(texts.flatMap(stringsIn))].filter((s) => s.trim().length > 3 && !allowed.has(s) && !isDateOrTime(s) && !TEMPLATE_TEXT.includes(s) && !/^\d+$/.test(s));

  const leaks = (output: string) => [...secrets.filter((s) => output.includes(s)), ...names.filter((n) => new RegExp(`\\b${n}\\b`).test(output))];

  it('the examples hold text to hide, and without --redact it shows', async () => {
    expect(names.length).toBeGreaterThan(5);
    expect(secrets.length).toBeGreaterThan(100);
    const { stdout } = await planlint([dir, '-f', 'json']);
    expect(leaks(stdout).length).toBeGreaterThan(10);
  });

  it.each(['json', 'stylish'])('no name, quote or free text in %s output', async (format) => {
    const { code, stdout, stderr } = await planlint([dir, '-f', format, '--redact']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(leaks(stdout)).toEqual([]);
    expect(stdout).toContain('the person');
    expect(stdout).toContain('[redacted]');
  });

  it('the same findings, at the same places, as without --redact', async () => {
    const plain = JSON.parse((await planlint([dir, '-f', 'json'])).stdout) as JsonResult;
    const redacted = JSON.parse((await planlint([dir, '-f', 'json', '--redact'])).stdout) as JsonResult;
    const where = (results: JsonResult) => results.map((r) => r.messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn })));
    expect(where(redacted)).toEqual(where(plain));
  });

  // The HTML report shows source and case details, and must honour FormatterContext.redact itself.
  it.each(FORMATTER_NAMES.filter((f) => !['json', 'stylish', 'html'].includes(f)))('no name, quote or free text in %s output', async (format) => {
    const out = join(mkdtempSync(join(tmpdir(), 'planlint-redact-')), `report.${format}`);
    const { code, stderr } = await planlint([dir, '-f', `${format}:${out}`, '--redact']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    let report = readFileSync(out, 'utf8');
    // SARIF also describes each rule from its documentation, which tells the worked examples'
    // stories by name: planlint's own text, not the linted files'. Only the results come from them.
    if (format === 'sarif') report = JSON.stringify((JSON.parse(report) as { runs: { results: unknown }[] }).runs.map((r) => r.results));
    expect(leaks(report)).toEqual([]);
  });

  it('the HTML report, redacted, leaves out the source, the timeline and every free text', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'planlint-redact-html-'));
    const secrets = ['Zebedee', 'Quartermaine Lane 99', 'my sister Morwenna'];
    writeFileSync(
      join(scratch, 'case.yaml'),
      `kind: case-file\nschemaVersion: 1\ncase:\n  ref: ZQ-1\n  person: { name: ${secrets[0]} }\nplan:\n  date: 2024-01-10\n  personView: I stay at ${secrets[1]} with ${secrets[2]} now.\ncontacts:\n  - { date: 2024-01-17, outcome: failed-to-attend, note: Went to ${secrets[1]} }\n`,
    );
    const out = join(scratch, 'report.html');
    const plain = await planlint(['case.yaml', '-f', `html:${out}`], { cwd: scratch });
    expect(plain.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain(secrets[1]); // shown when not redacted: the test can fail
    await planlint(['case.yaml', '-f', `html:${out}`, '--redact'], { cwd: scratch });
    const html = readFileSync(out, 'utf8');
    for (const secret of secrets) expect(html).not.toContain(secret);
    expect(html).toContain('redacted for sharing');
  });

  it('SARIF, redacted, carries no fingerprints of the text of lines', async () => {
    const { stdout } = await planlint([dir, '-f', 'sarif', '--redact']);
    expect(stdout).not.toContain('partialFingerprints');
    expect((await planlint([dir, '-f', 'sarif'])).stdout).toContain('partialFingerprints');
  });

  it.each([
    ['a wrong value', 'kind: review\nschemaVersion: 1\ncaseRef: A\ndate: "Lisa\'s birthday"\n', /^date must be a real date written YYYY-MM-DD, such as 2024-03-01\.$/],
    ['an unknown kind', 'kind: Lisa Smith\n', /^kind must be one of case-file, sentence-plan, review\.$/],
    ['not a document', '"Lisa Smith, 12 Acacia Avenue"\n', /^Expected a planlint document \(fields such as "kind: case-file"\)\.$/],
    ['an unknown field', 'kind: review\nschemaVersion: 1\ncaseRef: A\ndate: 2024-01-01\nLisa notes: x\n', /^Unknown field in a review document/],
    ['an unknown tag', 'kind: !LisaSmith review\n', /^The tag here is not understood and is ignored \(Unresolved tag\)/],
    ['an alias to no anchor', 'kind: *LisaSmith\n', /^This alias refers to no anchor/],
    ['stray text after a block header', 'kind: review\nnote: |Lisa Smith\n  x\n', /^The YAML cannot be read here \(Block scalar header includes extra characters\)/],
  ])('schema and syntax findings leave out what they found: %s', (_name, text, expected) => {
    const redacted = lintText(text, 'r.yaml', { rules, redact: true });
    expect(redacted.redacted).toBe(true);
    const messages = redacted.findings.map((f) => f.message);
    expect(messages.join('\n')).not.toMatch(/Lisa|Acacia/);
    expect(messages).toContainEqual(expect.stringMatching(expected));
    expect(
      lintText(text, 'r.yaml', { rules })
        .findings.map((f) => f.message)
        .join('\n'),
    ).toMatch(/Lisa/);
  });

  it('reasons in suppression comments are redacted', async () => {
    const text = `kind: sentence-plan
schemaVersion: 1
caseRef: C1
date: 2024-01-10
participation: { person: in-person }
# planlint-disable-next-line service-user-voice-recorded -- Lisa was on Ward 7B with her son that week
personView: TBC
`;
    const suppressed = lintText(text, 'p.yaml', { rules, redact: true }).suppressedFindings ?? [];
    expect(suppressed.length).toBeGreaterThan(0);
    for (const f of suppressed) expect(f.suppression?.justification).toBe('[redacted]');
    const scratch = mkdtempSync(join(tmpdir(), 'planlint-redact-'));
    writeFileSync(join(scratch, 'plan.yaml'), text);
    const { stdout } = await planlint(['plan.yaml', '-f', 'sarif', '--redact'], { cwd: scratch });
    // A phrase no rule page uses: the pages (in SARIF's rule help) speak of hospital stays.
    expect(stdout).not.toContain('Ward 7B');
  });

  it('a rule is told the report is redacted', () => {
    let seen: boolean | undefined;
    const probe = activateRules([{ ...builtIns[0]!, check: (_model, context) => void (seen = context.redact) }], {});
    lintText(readFileSync(files[0]!, 'utf8'), 'p.yaml', { rules: probe, redact: true });
    expect(seen).toBe(true);
  });
});

describe('The files linted are never written to', () => {
  it('with reports, -o, --cache, --baseline and every format written elsewhere', async () => {
    const { dir, files } = neutralCopies();
    const before = fingerprints(files);
    const out = mkdtempSync(join(tmpdir(), 'planlint-out-'));
    const runs: string[][] = [
      [dir],
      [dir, '-o', join(out, 'report.txt')],
      [dir, ...FORMATTER_NAMES.flatMap((f) => ['-f', `${f}:${join(out, `all.${f}`)}`])],
      [dir, '--cache', '--cache-location', join(out, 'cache')],
      [dir, '--cache', '--cache-location', join(out, 'cache')],
      [dir, '--baseline', join(out, 'baseline.json'), '--update-baseline'],
      [dir, '--baseline', join(out, 'baseline.json')],
      [dir, '--baseline', join(out, 'baseline.json'), '--prune-baseline'],
      [dir, '--redact', '-f', 'json'],
    ];
    for (const args of runs) {
      const { code, stderr } = await planlint(args, { cwd: out });
      expectNoStackTrace(stderr);
      expect([0, 1], args.join(' ')).toContain(code);
    }
    expect(fingerprints(files)).toEqual(before);
  });

  it.each([
    ['-o', (input: string) => ['-o', input], '--output-file'],
    ['--format json:<input>', (input: string) => ['-f', `json:${input}`], '--format json'],
    ['--cache-location', (input: string) => ['--cache', '--cache-location', input], '--cache-location'],
    ['--baseline with --update-baseline', (input: string) => ['--baseline', input, '--update-baseline'], '--baseline'],
  ])('%s naming one of the input files is refused, exit 2', async (_name, flags, option) => {
    const { dir, files } = neutralCopies();
    const input = files[3]!;
    const before = fingerprints(files);
    const { code, stdout, stderr } = await planlint([dir, ...flags(input)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`planlint: ${option}: ${input} is one of the files being linted; planlint never writes to those.\n`);
    expect(fingerprints(files)).toEqual(before);
  });

  it('a symbolic or hard link to an input is refused too', async () => {
    const { dir, files } = neutralCopies();
    const before = fingerprints(files);
    const links = mkdtempSync(join(tmpdir(), 'planlint-links-'));
    symlinkSync(files[0]!, join(links, 'soft.json'));
    linkSync(files[1]!, join(links, 'hard.json'));
    for (const target of ['soft.json', 'hard.json']) {
      const { code, stderr } = await planlint([dir, '-o', join(links, target)]);
      expect(code, target).toBe(2);
      expect(stderr).toMatch(/is one of the files being linted; planlint never writes to those\.\n$/);
    }
    expect(fingerprints(files)).toEqual(before);
  });
});
