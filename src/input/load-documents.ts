import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq, isPair, visit } from 'yaml';
import type { Alias, CST, Document, Node as YamlNode, YAMLError } from 'yaml';
import { PARSE_OPTIONS, composeCommonYaml, finishRecord, newRecord, readCommonYaml, scanStructure, setField } from './fast-yaml/index.js';
import type { ComposedDocument } from './fast-yaml/index.js';
import type { Finding } from '../core/findings.js';
import { ENGINE_RULE_IDS } from '../core/findings.js';
import { SourceMap } from './source-map.js';
import type { Span } from './source-map.js';
import { quote } from '../core/text.js';

/**
 * Limits that keep hostile input (alias bombs, deep nesting, millions of tiny values) from hanging
 * or crashing a run. Real case files are far inside them: a few levels deep, a few thousand values.
 */
export const LOAD_LIMITS = {
  /** Values (keys, list items, scalars) a document may hold, counting what aliases expand to. */
  maxExpandedNodes: 200_000,
  /** Nesting depth of mappings and sequences. */
  maxDepth: 200,
  /** Lines a file may have: the parser's time grows with every line, blank or comment too. */
  maxLines: 500_000,
  /** Syntax problems listed for one file; beyond them one finding says how many more there are. */
  maxReportedProblems: 100,
};

export interface LoadOptions {
  /** Leave quoted input (tag and anchor names, stray text) out of syntax messages (--redact). */
  redact?: boolean;
  /**
   * Which readers may be used, fastest first (tests compare them): 'text' (the default) tries the
   * plain-shape text reader, then the token-based common-shape composer, then `yaml`'s composer;
   * 'tokens' starts at the second; 'full' uses only `yaml`'s.
   */
  reading?: 'text' | 'tokens' | 'full';
}

export interface LoadedDocument {
  /** 0-based position of the document in its file. */
  index: number;
  /** Plain data: objects without prototypes, arrays, strings, numbers, booleans, null. */
  value: unknown;
  /** Where the document starts, for findings about the document as a whole. */
  span: Span;
  /** Syntax problems that make the document unusable; rules and schema checks are skipped. */
  broken: boolean;
}

export interface LoadedFile {
  documents: LoadedDocument[];
  sourceMap: SourceMap;
  findings: Finding[];
}

class LoadLimitExceeded extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/** Parses YAML (and JSON, which YAML 1.2 reads too) into plain data with positions. */
export function loadDocuments(text: string, options: LoadOptions = {}): LoadedFile {
  const lineCounter = new LineCounter();
  const sourceMap = new SourceMap(lineCounter, text.length);
  const findings: Finding[] = [];
  const documents: LoadedDocument[] = [];
  /** Refuses the whole file with one finding; the parser has not (fully) read it, so lines are counted here. */
  const stop = (ruleId: string, message: string, offset: number): LoadedFile => {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const column = Math.min(offset, text.length) - lineStart + 1;
    findings.push({ ruleId, severity: 'error', fatal: true, message, line, column, endLine: line, endColumn: column + 1 });
    return { documents, sourceMap, findings };
  };

  const tooMuch = scanStructure(text, { maxDepth: LOAD_LIMITS.maxDepth, maxValues: LOAD_LIMITS.maxExpandedNodes, maxLines: LOAD_LIMITS.maxLines });
  if (tooMuch) {
    const at = tooMuch.offset;
    if (tooMuch.limit === 'depth') return stop(ENGINE_RULE_IDS.syntax, tooDeep(), at);
    const what = tooMuch.limit === 'lines' ? `${LOAD_LIMITS.maxLines.toLocaleString('en-GB')} lines` : `${LOAD_LIMITS.maxExpandedNodes.toLocaleString('en-GB')} values`;
    return stop(ENGINE_RULE_IDS.input, `The file has more than ${what}; planlint stops reading here to stay fast. Split it into smaller files.`, at);
  }

  let docs: Document.Parsed[] = [];
  let common: ComposedDocument[] | undefined;
  try {
    const reading = options.reading ?? 'text';
    common = reading === 'text' ? readCommonYaml(text, sourceMap) : undefined;
    if (common) {
      // The lines the parser would have counted: the first, and one after every line break.
      lineCounter.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    } else {
      const tokens: CST.Token[] = Array.from(new Parser(lineCounter.addNewLine).parse(text));
      common = reading === 'full' ? undefined : composeCommonYaml(tokens, sourceMap);
      if (!common) docs = Array.from(new Composer(PARSE_OPTIONS).compose(tokens));
    }
  } catch (error) {
    // The parser recurses per level; should nesting the scan missed still overflow the stack, say so plainly.
    if (error instanceof RangeError) return stop(ENGINE_RULE_IDS.syntax, tooDeep(), 0);
    throw error;
  }
  // A garbled file can make the parser report a problem on every line; list the first ones only.
  let listed = 0;
  let unlisted = 0;
  let unlistedErrors = false;
  let summary: Finding | undefined;
  const report = (finding: Finding) => {
    if (listed < LOAD_LIMITS.maxReportedProblems) {
      listed++;
      findings.push(finding);
      return;
    }
    unlisted++;
    unlistedErrors ||= finding.severity === 'error';
    if (!summary) {
      summary = { ...finding };
      findings.push(summary);
    }
  };

  common?.forEach(({ value, span, repeatedKeys }, index) => {
    for (const repeated of repeatedKeys) report(duplicateKey(repeated, sourceMap));
    documents.push({ index, value, span, broken: repeatedKeys.length > 0 });
  });
  docs.forEach((doc, index) => {
    const errors = doc.errors.map((e) => yamlProblem(e, 'error', sourceMap, options));
    errors.forEach(report);
    for (const w of doc.warnings) report(yamlProblem(w, 'warning', sourceMap, options));
    const span: Span = doc.contents ? [doc.contents.range[0], doc.contents.range[1]] : [doc.range[0], doc.range[0]];
    if (doc.contents === null) {
      // An empty document between `---` markers carries nothing to lint.
      if (docs.length > 1) return;
      documents.push({ index, value: null, span, broken: errors.length > 0 });
      return;
    }
    let value: unknown = null;
    let broken = errors.length > 0;
    try {
      const plain = toPlainData(doc, sourceMap, options.redact ?? false);
      value = plain.value;
      for (const repeated of plain.repeatedKeys) {
        broken = true;
        report(duplicateKey(repeated, sourceMap));
      }
      for (const alias of plain.unknownAliases) {
        broken = true;
        const name = options.redact ? '' : ` (*${quote(alias.name, 30)})`;
        report({ ruleId: ENGINE_RULE_IDS.syntax, severity: 'error', fatal: true, message: `This alias${name} refers to no anchor: an alias must name an anchor (&name) set before it.`, ...sourceMap.toRange(alias.span) });
      }
    } catch (error) {
      broken = true;
      if (error instanceof LoadLimitExceeded) {
        report({ ruleId: ENGINE_RULE_IDS.syntax, severity: 'error', fatal: true, message: error.message, ...sourceMap.toRange(error.span) });
      } else if (error instanceof RangeError) {
        report({ ruleId: ENGINE_RULE_IDS.syntax, severity: 'error', fatal: true, message: tooDeep(), ...sourceMap.toRange(span) });
      } else {
        throw error;
      }
    }
    documents.push({ index, value, span, broken });
  });

  if (summary) {
    summary.severity = unlistedErrors ? 'error' : 'warning';
    if (!unlistedErrors) delete summary.fatal;
    summary.message = `${unlisted.toLocaleString('en-GB')} more problem${unlisted === 1 ? '' : 's'} from here on ${unlisted === 1 ? 'is' : 'are'} not listed; fix the ones above and lint the file again.`;
  }
  if (documents.length === 0 && findings.length === 0) {
    // An empty file, or one holding only comments: say so once rather than report nothing.
    documents.push({ index: 0, value: null, span: [0, 0], broken: false });
  }
  return { documents, sourceMap, findings };
}

const DUPLICATE_KEY_MESSAGE = 'This field is given twice in the same section; keep one (the second would silently replace the first).';

const duplicateKey = (span: Span, sourceMap: SourceMap): Finding => ({ ruleId: ENGINE_RULE_IDS.syntax, severity: 'error', fatal: true, message: DUPLICATE_KEY_MESSAGE, ...sourceMap.toRange(span) });

const tooDeep = () => `The document is nested more than ${LOAD_LIMITS.maxDepth} levels deep; planlint stops reading here.`;

function yamlProblem(error: YAMLError, severity: 'error' | 'warning', sourceMap: SourceMap, options: LoadOptions): Finding {
  const [start, end] = error.pos;
  return {
    ruleId: ENGINE_RULE_IDS.syntax,
    severity,
    fatal: severity === 'error',
    message: plainYamlMessage(error, options),
    ...sourceMap.toRange([start, Math.max(end, start + 1)]),
  };
}

/** YAML's own messages are written for programmers; say the same thing for an officer. */
function plainYamlMessage(error: YAMLError, options: LoadOptions): string {
  let detail = error.message.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
  // The parser names what it found (a tag, an anchor, stray text) after a colon: that is input,
  // so it is shortened like any quote, and left out altogether in a redacted report.
  const named = /^(.*\w:\s)(.*)$/s.exec(detail); // "Unresolved tag: !foo"
  if (named) detail = options.redact ? named[1]!.replace(/:\s$/, '') : named[1]! + quote(named[2]!, 40);
  detail = quote(detail, 200);
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return DUPLICATE_KEY_MESSAGE;
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `The YAML cannot be read here (${detail}). Check the indentation and that each field is written "name: value".`;
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation; YAML needs spaces.';
    case 'TAG_RESOLVE_FAILED':
      return `The tag here is not understood and is ignored (${detail}); plain values need no tags.`;
    case 'BAD_ALIAS':
      return `An alias (*name) refers to an anchor (&name) that is not defined before it (${detail}).`;
    default:
      // The parser turns its own stack overflow into an error; say what it means.
      if (/call stack/i.test(detail)) return tooDeep();
      return `The YAML cannot be read here: ${detail}.`;
  }
}

/**
 * Converts a parsed document into plain data, recording where every object and array came from.
 * Mappings become prototype-less objects so keys such as __proto__ are ordinary data.
 */
function toPlainData(doc: Document.Parsed, sourceMap: SourceMap, redact: boolean): { value: unknown; repeatedKeys: Span[]; unknownAliases: { name: string; span: Span }[] } {
  const converted = new Map<YamlNode, unknown>();
  const repeatedKeys: Span[] = [];
  const unknownAliases: { name: string; span: Span }[] = [];
  const sizes = new Map<YamlNode, number>();
  let expanded = 0;

  const spanOf = (node: YamlNode | null | undefined, fallback: Span): Span => (node?.range ? [node.range[0], node.range[1]] : fallback);

  // An alias stands for the last node before it with that anchor. The parser's own lookup
  // (Alias.resolve) walks the whole document for every alias, which takes time in the square of
  // the document's size; one walk in document order resolves them all.
  const targets = new Map<Alias, YamlNode | undefined>();
  const anchors = new Map<string, YamlNode>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  /** Collections being converted or measured: an alias to one of them would make data that contains itself. */
  const inside = new Set<YamlNode>();
  const targetOf = (alias: Alias): YamlNode | undefined => {
    const target = targets.get(alias);
    if (target && inside.has(target)) {
      throw new LoadLimitExceeded(
        `This alias${redact ? '' : ` (*${quote(alias.source, 30)})`} refers to a section it is itself inside, so the value would contain itself; planlint cannot read it.`,
        spanOf(alias, [0, 0]),
      );
    }
    return target;
  };

  const expandedSize = (node: YamlNode): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (isAlias(node)) {
      const target = targetOf(node);
      size = target ? expandedSize(target) : 1;
    } else if (isMap(node)) {
      inside.add(node);
      for (const pair of node.items) {
        size += (isPair(pair) && pair.value ? expandedSize(pair.value as YamlNode) : 0) + 1;
      }
      inside.delete(node);
    } else if (isSeq(node)) {
      inside.add(node);
      for (const item of node.items) size += item ? expandedSize(item as YamlNode) : 1;
      inside.delete(node);
    }
    sizes.set(node, size);
    return size;
  };

  const convert = (node: YamlNode | null | undefined, depth: number, fallback: Span): unknown => {
    if (node === null || node === undefined) return null;
    if (depth > LOAD_LIMITS.maxDepth) {
      throw new LoadLimitExceeded(tooDeep(), spanOf(node, fallback));
    }
    if (isAlias(node)) {
      const target = targetOf(node);
      if (!target) {
        unknownAliases.push({ name: node.source, span: spanOf(node, fallback) });
        return null;
      }
      expanded += expandedSize(target);
      if (expanded > LOAD_LIMITS.maxExpandedNodes) {
        throw new LoadLimitExceeded(`Aliases (*name) here expand the document past ${LOAD_LIMITS.maxExpandedNodes.toLocaleString('en-GB')} values; planlint stops reading it to stay safe.`, spanOf(node, fallback));
      }
      return converted.has(target) ? converted.get(target) : convert(target, depth, fallback);
    }
    if (isScalar(node)) return node.value ?? null;
    if (isMap(node)) {
      const out = newRecord();
      converted.set(node, out);
      inside.add(node);
      const keys: string[] = [];
      const offsets: number[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? '' : String(keyNode);
        const keySpan = spanOf(keyNode, spanOf(node, fallback));
        const valueSpan = pair.value ? spanOf(pair.value as YamlNode, keySpan) : keySpan;
        if (Object.hasOwn(out, key)) repeatedKeys.push(keySpan);
        setField(out, key, convert(pair.value as YamlNode | null, depth + 1, valueSpan));
        keys.push(key);
        offsets.push(keySpan[0], keySpan[1], valueSpan[0], valueSpan[1]);
      }
      inside.delete(node);
      sourceMap.record(finishRecord(out), { span: spanOf(node, fallback), keys, offsets });
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      converted.set(node, out);
      inside.add(node);
      const items: number[] = [];
      for (const item of node.items) {
        const itemSpan = spanOf(item as YamlNode, spanOf(node, fallback));
        items.push(itemSpan[0], itemSpan[1]);
        out.push(convert(item as YamlNode, depth + 1, itemSpan));
      }
      inside.delete(node);
      sourceMap.record(out, { span: spanOf(node, fallback), items });
      return out;
    }
    return null;
  };

  const contents = doc.contents as YamlNode | null;
  const value = convert(contents, 0, spanOf(contents, [0, 0]));
  return { value, repeatedKeys, unknownAliases };
}
