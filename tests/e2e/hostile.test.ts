/**
 * Hostile input: each of the README's "Guarantees on bad input" (the describe blocks below use its
 * wording) checked on the corpus in tests/hostile/ and on large files generated here, never
 * committed. Every case asserts the exit code, the message and that no stack trace was printed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lintFile, lintText } from '../../src/engine/lint.js';
import { LOAD_LIMITS, loadDocuments } from '../../src/input/load-documents.js';
import { loadBuiltInRules } from '../../src/engine/load-rules.js';
import { activateRules } from '../../src/engine/rule-settings.js';
import { bin, runBuiltCli as planlint, runBuiltCliTimed, root } from '../helpers/cli.js';
import { expectNoStackTrace, expectValidPositions } from '../helpers/positions.js';
import type { JsonResult } from '../helpers/positions.js';

// A seam for a fault a test cannot make for real: the parser overflowing its stack (the scan in
// load-documents refuses deep input before the parser sees it).
const faults = vi.hoisted(() => ({ parserStackOverflow: false }));
vi.mock('yaml', async (importOriginal) => {
  const real = await importOriginal<typeof import('yaml')>();
  return {
    ...real,
    Parser: class extends real.Parser {
      override *parse(source: string, incomplete?: boolean) {
        if (faults.parserStackOverflow) throw new RangeError('Maximum call stack size exceeded');
        yield* super.parse(source, incomplete);
      }
    },
  };
});
const hostile = join(root, 'tests', 'hostile');
const isRoot = process.getuid?.() === 0;
const rules = activateRules(await loadBuiltInRules(), {});

function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'planlint-hostile-'));
}

/**
 * Runs the CLI with JSON output; checks the output is clean and its positions valid. `ms` is the
 * processor time the run used (not the clock, which a busy machine stretches); a run killed for
 * hanging has ms = Infinity.
 */
function lintJson(args: string[], options: { cwd?: string; input?: string; texts?: Record<string, string> } = {}) {
  const { cpuMs: ms, ...run } = runBuiltCliTimed([...args, '-f', 'json'], options);
  expectNoStackTrace(run.stderr);
  expectNoStackTrace(run.stdout);
  const results = run.stdout ? (JSON.parse(run.stdout) as JsonResult) : [];
  for (const r of results) {
    const text = options.texts?.[r.filePath];
    if (text !== undefined) expectValidPositions(r.messages, text, r.filePath);
  }
  return { ...run, results, ms, messages: results.flatMap((r) => r.messages) };
}

/** Lints one generated file, asserting the processor time it took. */
function lintGenerated(name: string, content: string | Buffer, args: string[] = [], maxMs = 10_000) {
  const dir = scratchDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  const run = lintJson([path, ...args], typeof content === 'string' ? { texts: { [path]: content } } : {});
  expect(run.ms, `${name} took ${run.ms} ms of processor time`).toBeLessThan(maxMs);
  rmSync(dir, { recursive: true, force: true });
  return run;
}

interface CorpusCase {
  ruleId: string;
  message: RegExp;
  line?: number;
  severity?: number;
}

/** What each file in tests/hostile/ must produce (all exit 1: every bad-input finding is an error). */
const CORPUS: Record<string, CorpusCase> = {
  'unclosed-flow-sequence.yaml': { ruleId: 'syntax', message: /^The YAML cannot be read here \(Flow sequence .* end with a \]\)/ },
  'unclosed-flow-mapping.yaml': { ruleId: 'syntax', message: /^The YAML cannot be read here \(Flow map .* end with a \}\)/ },
  'unclosed-double-quote.yaml': { ruleId: 'syntax', message: /Missing closing "quote/ },
  'unclosed-single-quote.yaml': { ruleId: 'syntax', message: /Missing closing 'quote/ },
  'bad-indentation.yaml': { ruleId: 'syntax', message: /All mapping items must start at the same column/, line: 5 },
  'tab-indentation.yaml': { ruleId: 'syntax', message: /^A tab is used for indentation; YAML needs spaces\.$/, line: 4 },
  'multiline-key.yaml': { ruleId: 'syntax', message: /Implicit keys need to be on a single line/, line: 3 },
  'stray-bracket.yaml': { ruleId: 'syntax', message: /^The YAML cannot be read here/, line: 3 },
  'bad-escape.yaml': { ruleId: 'syntax', message: /Invalid escape sequence/, line: 2 },
  'block-text-bad-header.yaml': { ruleId: 'syntax', message: /Block scalar header includes extra characters/, line: 3 },
  'truncated-json.yaml': { ruleId: 'syntax', message: /Flow map must end with a \}/ },
  'list-beside-fields.yaml': { ruleId: 'syntax', message: /^The YAML cannot be read here/, line: 3 },
  'unknown-directive.yaml': { ruleId: 'syntax', message: /Unknown directive %FOO/, severity: 1 },
  'undefined-alias.yaml': { ruleId: 'syntax', message: /^This alias \(\*nothing\) refers to no anchor/, line: 2 },
  'self-referencing-alias.yaml': { ruleId: 'syntax', message: /^This alias \(\*c\) refers to a section it is itself inside/, line: 5 },
  'control-characters.yaml': { ruleId: 'schema', message: /^kind must be one of case-file, sentence-plan, review; found "case-file\uFFFD\[2J/ },
  'alias-bomb.yaml': { ruleId: 'syntax', message: /^Aliases \(\*name\) here expand the document past 200,000 values/, line: 8 },
  'duplicate-keys.yaml': { ruleId: 'syntax', message: /^This field is given twice in the same section/, line: 6 },
  'prototype-keys.yaml': { ruleId: 'schema', message: /^Unknown field "__proto__" in a case-file document/, line: 4 },
  'tags.yaml': { ruleId: 'syntax', message: /^The tag here is not understood and is ignored/, severity: 1, line: 2 },
  'empty.yaml': { ruleId: 'schema', message: /^The document is empty/, line: 1 },
  'comments-only.yaml': { ruleId: 'schema', message: /^The document is empty/, line: 1 },
  'document-markers-only.yaml': { ruleId: 'schema', message: /^The document is empty/ },
};

describe('Every bad input gets a clear finding, never a crash or a stack trace', () => {
  it('the corpus in tests/hostile/ is the one this test knows', () => {
    expect(
      readdirSync(hostile)
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(Object.keys(CORPUS).sort());
  });

  it.each(Object.entries(CORPUS))('%s', (file, expected) => {
    const path = join(hostile, file);
    const run = lintJson([path], { texts: { [path]: readFileSync(path, 'utf8') } });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.ms).toBeLessThan(10_000);
    expect(run.messages).toContainEqual(
      expect.objectContaining({
        ruleId: expected.ruleId,
        message: expect.stringMatching(expected.message),
        severity: expected.severity ?? 2,
        ...(expected.line !== undefined ? { line: expected.line } : {}),
      }),
    );
    expect(run.messages.some((m) => m.severity === 2)).toBe(true);
  });

  it('the whole corpus in one run: every file reported, in order, exit 1', () => {
    const files = Object.keys(CORPUS)
      .sort()
      .map((f) => join(hostile, f));
    // Named, every file is judged; walking the folder skips those that say nothing of being a plan.
    const run = lintJson([...files].reverse());
    expect(run.code).toBe(1);
    expect(run.results.map((r) => r.filePath)).toEqual(files);
    const walked = lintJson([hostile]);
    expect(walked.code).toBe(1);
    const skipped = ['comments-only', 'control-characters', 'document-markers-only', 'empty', 'tags', 'undefined-alias'].map((f) => join(hostile, `${f}.yaml`));
    expect(walked.results.map((r) => r.filePath)).toEqual(files.filter((f) => !skipped.includes(f)));
  });

  it('a parser that overflows its stack becomes a finding about nesting, not a crash', () => {
    faults.parserStackOverflow = true;
    try {
      // Through the parser: the text reader would read this file without it.
      const loaded = loadDocuments('kind: case-file\n', { reading: 'tokens' });
      expect(loaded.findings).toEqual([expect.objectContaining({ ruleId: 'syntax', message: `The document is nested more than ${LOAD_LIMITS.maxDepth} levels deep; planlint stops reading here.`, line: 1, column: 1 })]);
      expect(loaded.documents).toEqual([]);
    } finally {
      faults.parserStackOverflow = false;
    }
  });
});

describe('Every file is finished quickly', () => {
  // Each is near or past a limit, within the default 10 MB; times are asserted in lintGenerated.
  it('4,000 levels of block nesting (8 MB of indentation)', () => {
    const text = Array.from({ length: 4_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    const run = lintGenerated('deep-block.yaml', `${text}\n`);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'syntax', line: 201, message: expect.stringMatching(/^The document is nested more than 200 levels deep/) })]);
  });

  it('100,000 nested list items on one line', () => {
    const run = lintGenerated('deep-list.yaml', `${'- '.repeat(100_000)}x\n`);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'syntax', line: 1, message: expect.stringMatching(/^The document is nested more than 200 levels deep/) })]);
  });

  it('a million open brackets', () => {
    const run = lintGenerated('deep-flow.yaml', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'syntax', message: expect.stringMatching(/nested more than 200 levels deep/), line: 1, column: 201 })]);
  });

  it('JSON nested 100,000 objects deep', () => {
    const run = lintGenerated('deep.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'syntax', message: expect.stringMatching(/nested more than 200 levels deep/) })]);
  });

  it('199,000 fields in one mapping (just inside the values limit)', () => {
    const text = Array.from({ length: 199_000 }, (_, i) => `field${i}: ${i}`).join('\n');
    const run = lintGenerated('wide.yaml', `kind: case-file\n${text}\n`, [], 20_000);
    expect(run.code).toBe(1);
    expect(run.messages.filter((m) => m.ruleId === 'schema')).toHaveLength(101); // 100 listed, then how many more
  });

  it('199,000 aliases to one anchor', () => {
    const run = lintGenerated('aliases.yaml', `- &a x\n${'- *a\n'.repeat(199_000)}`, [], 20_000);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'schema', message: expect.stringMatching(/^Expected a planlint document/) })]);
  });
});

describe('Files past a limit are refused with one finding', () => {
  it('a 50 MB file: over the 10 MB default, not read', () => {
    const dir = scratchDir();
    const path = join(dir, 'huge.yaml');
    // Written in pieces so the test never holds 50 MB of text at once.
    writeFileSync(path, 'kind: case-file\nnote: ');
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    for (let i = 0; i < 50; i++) writeFileSync(path, chunk, { flag: 'a' });
    const run = lintJson([path]);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.messages).toEqual([
      expect.objectContaining({ ruleId: 'input', line: 1, column: 1, fatal: true, message: 'The file is 50.0 MB, over the 10.0 MB limit; it was not linted. Use --max-file-size to raise the limit.' }),
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a very long line (9 MB) is linted; --max-file-size 1MB refuses it', () => {
    const text = `kind: case-file\nschemaVersion: 1\nnote: ${'word '.repeat(1_800_000)}\n`;
    const linted = lintGenerated('long-line.yaml', text);
    expect(linted.code).toBe(1);
    expect(linted.messages).toContainEqual(expect.objectContaining({ ruleId: 'schema', message: expect.stringMatching(/^Unknown field "note"/), line: 3 }));
    const refused = lintGenerated('long-line.yaml', text, ['--max-file-size', '1MB']);
    expect(refused.code).toBe(1);
    expect(refused.messages).toEqual([expect.objectContaining({ ruleId: 'input', message: expect.stringMatching(/^The file is 8\.6 MB, over the 1\.0 MB limit/) })]);
  });

  it.each([
    ['2048', 2048],
    ['500KB', 500 * 1024],
    ['1.5 mb', 1.5 * 1024 * 1024],
  ])('--max-file-size %s sets the limit in bytes', (setting, bytes) => {
    const run = lintGenerated('sized.yaml', `kind: case-file\nnote: ${'x'.repeat(bytes)}\n`, ['--max-file-size', setting]);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'input', message: expect.stringMatching(/over the .* limit; it was not linted/) })]);
  });

  it.each(['ten', '0', '10TB', '1GB', '12 parsecs'])('--max-file-size %s is a usage error, exit 2', (setting) => {
    const { code, stdout, stderr } = planlint(['examples/kate-good.yaml', '--max-file-size', setting]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^planlint: --max-file-size (expects a size such as 10MB, 500KB or 1048576 \(bytes\)|can be at most 500\.0 MB); found "/);
    expectNoStackTrace(stderr);
  });

  it('standard input past --max-file-size is refused too', () => {
    const run = lintJson(['--stdin', '--max-file-size', '1KB'], { input: `kind: case-file\nnote: ${'x'.repeat(4096)}\n` });
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'input', message: 'The input is more than 1 KB, the limit; it was not linted. Use --max-file-size to raise the limit.' })]);
  });

  it(`more than ${LOAD_LIMITS.maxLines.toLocaleString('en-GB')} lines`, () => {
    const run = lintGenerated('tall.yaml', `kind: case-file\n${'# a comment\n'.repeat(600_000)}`);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([
      expect.objectContaining({ ruleId: 'input', line: 500_001, column: 1, message: 'The file has more than 500,000 lines; planlint stops reading here to stay fast. Split it into smaller files.' }),
    ]);
  });

  it(`more than ${LOAD_LIMITS.maxExpandedNodes.toLocaleString('en-GB')} values`, () => {
    const run = lintGenerated('many.yaml', `kind: case-file\nnumbers: [${'1, '.repeat(300_000)}1]\n`);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'input', line: 2, message: expect.stringMatching(/^The file has more than 200,000 values; planlint stops reading here/) })]);
  });

  it('an alias bomb ("billion laughs") is stopped', () => {
    const run = lintJson([join(hostile, 'alias-bomb.yaml')]);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'syntax', message: expect.stringMatching(/^Aliases \(\*name\) here expand the document past 200,000 values/) })]);
  });

  it('201 levels of nesting are refused, 150 are read', () => {
    const nested = (levels: number) => `kind: case-file\nx: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
    const deep = lintText(nested(201), 'deep.yaml', { rules }).findings;
    expect(deep).toEqual([expect.objectContaining({ ruleId: 'syntax', message: expect.stringMatching(/nested more than 200 levels deep/) })]);
    const fine = lintText(nested(150), 'fine.yaml', { rules }).findings;
    expect(fine.some((f) => f.message.includes('nested'))).toBe(false);
  });

  it('syntax problems past 100 are counted, not listed', () => {
    const text = `kind: case-file\n${Array.from({ length: 300 }, (_, i) => `f${i}: a: b\n`).join('')}`;
    const findings = lintText(text, 'broken.yaml', { rules }).findings;
    expect(findings.length).toBeLessThanOrEqual(101);
    expect(findings[findings.length - 1]!.message).toMatch(/^[\d,]+ more problems? from here on (is|are) not listed; fix the ones above and lint the file again\.$/);
  });

  it('schema problems past 100 in a document are counted, not listed', () => {
    const text = `kind: review\nschemaVersion: 1\n${Array.from({ length: 300 }, (_, i) => `unknown${i}: 1\n`).join('')}`;
    const findings = lintText(text, 'wide.yaml', { rules }).findings;
    expect(findings).toHaveLength(101);
    expect(findings.filter((f) => f.message.includes('more schema problems from here on are not listed'))).toHaveLength(1);
  });
});

describe('Text is read in any encoding planlint can be sure of', () => {
  const poor = readFileSync(join(root, 'examples', 'lisa-poor.yaml'), 'utf8');
  const reference = lintText(poor, 'lisa-poor.yaml', { rules }).findings.map(({ ruleId, message, line, column, endLine, endColumn }) => ({ ruleId, message, line, column, endLine, endColumn }));

  const swap16 = (buffer: Buffer) => {
    const out = Buffer.from(buffer);
    out.swap16();
    return out;
  };
  it.each([
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(poor)])],
    ['UTF-16 little-endian with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(poor, 'utf16le')])],
    ['UTF-16 big-endian with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), swap16(Buffer.from(poor, 'utf16le'))])],
    ['CRLF line ends', Buffer.from(poor.replace(/\n/g, '\r\n'))],
  ])('%s: the same findings at the same positions', (_name, bytes) => {
    const run = lintGenerated('lisa-poor.yaml', bytes);
    expect(run.code).toBe(1);
    expect(run.messages.map(({ ruleId, message, line, column, endLine, endColumn }) => ({ ruleId, message, line, column, endLine, endColumn }))).toEqual(reference);
  });

  it('Latin-1 text: one finding at the first byte that is not UTF-8', () => {
    const line3 = '  person: {name: Zoë}';
    const run = lintGenerated('latin1.yaml', Buffer.from(`kind: case-file\ncase:\n${line3}\n`, 'latin1'));
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'input', line: 3, column: line3.indexOf('ë') + 1, message: 'The file is not valid UTF-8 text; save it as UTF-8 and lint it again.' })]);
  });

  it('Windows-1252 curly quotes: one finding at the first of them', () => {
    const run = lintGenerated('cp1252.yaml', Buffer.from([...Buffer.from('kind: case-file\nnote: '), 0x93, ...Buffer.from('hello'), 0x94, 0x0a]));
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'input', line: 2, column: 7, message: expect.stringMatching(/not valid UTF-8/) })]);
  });

  it('UTF-16 without a byte-order mark: says so', () => {
    const run = lintGenerated('utf16-nobom.yaml', Buffer.from(poor, 'utf16le'));
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'input', message: expect.stringMatching(/^The file looks like UTF-16 text without a byte-order mark/) })]);
  });

  it('binary data: one finding', () => {
    const run = lintGenerated('binary.yaml', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'input', message: 'The file holds binary data (a NUL byte), not YAML or JSON text; it was not linted.' })]);
  });
});

describe('A file is data, never code or instructions', () => {
  it('tags are ignored with a warning, and no tag runs', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const findings = lintText(readFileSync(join(hostile, 'tags.yaml'), 'utf8'), 'tags.yaml', { rules }).findings;
    expect(findings.filter((f) => f.ruleId === 'syntax' && f.severity === 'warning').map((f) => f.line)).toEqual([2, 3, 4]);
    expect('polluted' in globalThis).toBe(false);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('__proto__, constructor and prototype keys are unknown fields and leave Object.prototype untouched', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const text = readFileSync(join(hostile, 'prototype-keys.yaml'), 'utf8');
    const findings = lintText(text, 'prototype-keys.yaml', { rules }).findings;
    expect(findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Unknown field "__proto__" in a case-file document/),
        expect.stringMatching(/^Unknown field "constructor" in a case-file document/),
        expect.stringMatching(/^Unknown field "prototype" in a case-file document/),
        expect.stringMatching(/^Unknown field "__proto__" in case/),
      ]),
    );
    const loaded = loadDocuments(text).documents[0]!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(loaded)).toBe(null);
    expect(Object.keys(loaded)).toContain('__proto__');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('terminal control codes in a value are not printed', () => {
    const { code, stdout, stderr } = planlint([join(hostile, 'control-characters.yaml')]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toContain('found "case-file\uFFFD[2J\uFFFD]8;;');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/); // eslint-disable-line no-control-regex
  });

  it('an alias to no anchor, or to the section it is in, is a syntax finding', () => {
    for (const file of ['undefined-alias.yaml', 'self-referencing-alias.yaml']) {
      const findings = lintText(readFileSync(join(hostile, file), 'utf8'), file, { rules }).findings;
      expect(findings).toEqual([expect.objectContaining({ ruleId: 'syntax', severity: 'error', message: expect.stringMatching(/^This alias/) })]);
    }
  });
});

describe('Duplicate keys are reported', () => {
  it('at the second, as a syntax error', () => {
    const run = lintJson([join(hostile, 'duplicate-keys.yaml')]);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'syntax', line: 6, column: 3, message: 'This field is given twice in the same section; keep one (the second would silently replace the first).' })]);
  });

  it('in a flow mapping and in JSON too', () => {
    for (const text of ['kind: review\ncase: {ref: A, ref: B}\n', '{"kind": "review", "kind": "case-file"}']) {
      expect(lintText(text, 'dup.yaml', { rules }).findings).toContainEqual(expect.objectContaining({ ruleId: 'syntax', message: expect.stringMatching(/given twice/) }));
    }
  });
});

describe('An empty file, or one of comments only, is reported', () => {
  it.each(['empty.yaml', 'comments-only.yaml'])('%s', (file) => {
    const run = lintJson([join(hostile, file)]);
    expect(run.code).toBe(1);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'schema', line: 1, column: 1, message: expect.stringMatching(/^The document is empty\. Expected a planlint document starting with "kind:"/) })]);
  });
});

describe('Paths that are not plain files are handled', () => {
  const good = join(root, 'examples', 'kate-good.yaml');

  it('a folder named x.yaml is walked as a folder', () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'x.yaml'));
    copyFileSync(good, join(dir, 'x.yaml', 'inside.yaml'));
    copyFileSync(good, join(dir, 'plan.yaml'));
    const run = lintJson([dir]);
    expect(run.code).toBe(0);
    expect(run.results.map((r) => r.filePath)).toEqual([join(dir, 'plan.yaml'), join(dir, 'x.yaml', 'inside.yaml')]);
    mkdirSync(join(dir, 'empty.yaml'));
    const named = planlint([join(dir, 'empty.yaml')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(`planlint: No .yaml, .yml or .json files found in ${join(dir, 'empty.yaml')}\n`);
  });

  it('a folder reached as a file (found, then replaced) is an input finding', async () => {
    const dir = scratchDir();
    const result = await lintFile(dir, { rules });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'input', message: 'This path is a directory, not a file.' })]);
  });

  it('a named pipe is not read (no hang), an input finding', () => {
    const dir = scratchDir();
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const run = lintJson([fifo]);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(5_000);
    expect(run.messages).toEqual([expect.objectContaining({ ruleId: 'input', message: 'This path is a named pipe, not a file; it was not read. To lint piped text, use --stdin.' })]);
  });

  it('a symbolic link loop inside a folder is skipped; named on the command line, a usage error', async () => {
    const dir = scratchDir();
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    symlinkSync('.', join(dir, 'again')); // a folder loop as well
    copyFileSync(good, join(dir, 'plan.yaml'));
    const run = lintJson([dir]);
    expect(run.code).toBe(0);
    expect(run.results.map((r) => r.filePath)).toEqual([join(dir, 'plan.yaml')]);
    const named = planlint([join(dir, 'loop.yaml')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(`planlint: ${join(dir, 'loop.yaml')} is a symbolic link loop (it leads back to itself), so there is nothing to lint there.\n`);
    const read = await lintFile(join(dir, 'loop.yaml'), { rules });
    expect(read.findings).toEqual([expect.objectContaining({ ruleId: 'input', message: 'The file could not be read: it is a symbolic link loop.' })]);
  });

  it('an unreadable file (permission denied) is an input finding', () => {
    const dir = scratchDir();
    chmodSync(dir, 0o755);
    const locked = join(dir, 'locked.yaml');
    copyFileSync(good, locked);
    chmodSync(locked, 0o000);
    const denied = (run: { code: number | null; stdout: string; stderr: string }) => {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      expect((JSON.parse(run.stdout) as JsonResult)[0]!.messages).toEqual([expect.objectContaining({ ruleId: 'input', line: 1, column: 1, message: 'The file could not be read: permission was denied.' })]);
    };
    if (!isRoot) {
      denied(planlint([locked, '-f', 'json']));
      return;
    }
    // Root may read any file whatever its mode, so chmod 000 alone proves nothing here. Checked
    // instead: planlint run without root's power to override file modes, and on a file the kernel
    // refuses to let even root read (a write-only /proc/sys setting). At least one must run.
    // Without that power, first as root with the capabilities that override modes dropped (it
    // still owns, so reads, its own checkout wherever that is), else as the user "nobody" (who
    // can reach the CLI only if every folder above it lets others in: not in a clone under
    // /root or a private temporary folder). Each is tried first on a readable copy, so a way
    // that cannot run planlint at all is passed over, with the reason, rather than failed.
    const checks: string[] = [];
    const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
    const ways = [
      { name: 'as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH', args: ['--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search'] },
      { name: 'as user nobody', args: ['--reuid=65534', '--regid=65534', '--clear-groups'] },
    ];
    const readable = join(dir, 'readable.yaml');
    copyFileSync(good, readable);
    chmodSync(readable, 0o644);
    const unprivileged = (args: string[], file: string) => {
      const run = spawnSync(setpriv!, [...args, process.execPath, bin, file, '-f', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: 120_000 });
      return { code: run.status, stdout: run.stdout, stderr: run.stderr || (run.error ? String(run.error) : '') };
    };
    const passedOver: string[] = [];
    for (const way of setpriv ? ways : []) {
      const control = unprivileged(way.args, readable);
      if (control.code !== 0) {
        passedOver.push(`${way.name}: planlint could not run on a readable file (exit ${control.code}: ${control.stderr.trim().split('\n')[0]})`);
        continue;
      }
      denied(unprivileged(way.args, locked));
      checks.push(`on a chmod 000 file ${way.name}`);
      break;
    }
    const writeOnly = '/proc/sys/vm/compact_memory';
    if (existsSync(writeOnly)) {
      denied(planlint([writeOnly, '-f', 'json']));
      checks.push(`on ${writeOnly} (write-only)`);
    }
    console.info(`planlint tests run as root, which chmod 000 does not stop: "permission denied" checked ${checks.join(' and ') || 'no way'}.${passedOver.length ? ` Passed over: ${passedOver.join('; ')}.` : ''}`);
    expect(checks.length, `running as root, the permission-denied path could not be exercised (no setpriv that can run planlint, no /proc/sys). ${passedOver.join('; ')}`).toBeGreaterThan(0);
  });

  it('a file that vanishes between being found and being read is an input finding', async () => {
    const dir = scratchDir();
    const path = join(dir, 'gone.yaml');
    copyFileSync(good, path);
    rmSync(path); // found by the walk a moment ago, deleted before it is read
    const result = await lintFile(path, { rules });
    expect(result.findings).toEqual([expect.objectContaining({ ruleId: 'input', severity: 'error', line: 1, column: 1, message: 'The file could not be read: the file no longer exists.' })]);
  });
});
