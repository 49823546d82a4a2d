import { LineCounter, parseAllDocuments, isAlias, isMap, isScalar, isSeq, isPair } from 'yaml';
import type { Document, Node as YamlNode, YAMLError } from 'yaml';
import type { Finding } from './findings.js';
import { ENGINE_RULE_IDS } from './findings.js';
import { SourceMap } from './source-map.js';
import type { Span } from './source-map.js';

/** Limits that keep hostile input (alias bombs, deep nesting) from hanging a run. */
export const LOAD_LIMITS = {
  /** Nodes a document may expand to once aliases are followed. */
  maxExpandedNodes: 200_000,
  /** Nesting depth of mappings and sequences. */
  maxDepth: 200,
};

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
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

/** Parses YAML (and JSON, which YAML 1.2 reads too) into plain data with positions. */
export function loadDocuments(text: string): LoadedFile {
  const lineCounter = new LineCounter();
  const sourceMap = new SourceMap(lineCounter, text.length);
  const findings: Finding[] = [];
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, stringKeys: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents: LoadedDocument[] = [];

  docs.forEach((doc, index) => {
    const errors = doc.errors.map((e) => yamlProblem(e, 'error', sourceMap));
    findings.push(...errors);
    for (const w of doc.warnings) findings.push(yamlProblem(w, 'warning', sourceMap));
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
      value = toPlainData(doc, sourceMap);
    } catch (error) {
      if (!(error instanceof LoadLimitExceeded)) throw error;
      broken = true;
      findings.push({ ruleId: ENGINE_RULE_IDS.syntax, severity: 'error', fatal: true, message: error.message, ...sourceMap.toRange(error.span) });
    }
    documents.push({ index, value, span, broken });
  });

  if (documents.length === 0 && findings.length === 0) {
    // An empty file, or one holding only comments: say so once rather than report nothing.
    documents.push({ index: 0, value: null, span: [0, 0], broken: false });
  }
  return { documents, sourceMap, findings };
}

function yamlProblem(error: YAMLError, severity: 'error' | 'warning', sourceMap: SourceMap): Finding {
  const [start, end] = error.pos;
  return {
    ruleId: ENGINE_RULE_IDS.syntax,
    severity,
    fatal: severity === 'error',
    message: plainYamlMessage(error),
    ...sourceMap.toRange([start, Math.max(end, start + 1)]),
  };
}

/** YAML's own messages are written for programmers; say the same thing for an officer. */
function plainYamlMessage(error: YAMLError): string {
  const detail = error.message.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return 'This field is given twice in the same section; keep one (the second would silently replace the first).';
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
      return `The YAML cannot be read here: ${detail}.`;
  }
}

/**
 * Converts a parsed document into plain data, recording where every object and array came from.
 * Mappings become prototype-less objects so keys such as __proto__ are ordinary data.
 */
function toPlainData(doc: Document.Parsed, sourceMap: SourceMap): unknown {
  const converted = new Map<YamlNode, unknown>();
  const sizes = new Map<YamlNode, number>();
  let expanded = 0;

  const spanOf = (node: YamlNode | null | undefined, fallback: Span): Span =>
    node?.range ? [node.range[0], node.range[1]] : fallback;

  const expandedSize = (node: YamlNode): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      size = target ? expandedSize(target) : 1;
    } else if (isMap(node)) {
      for (const pair of node.items) {
        size += (isPair(pair) && pair.value ? expandedSize(pair.value as YamlNode) : 0) + 1;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) size += item ? expandedSize(item as YamlNode) : 1;
    }
    sizes.set(node, size);
    return size;
  };

  const convert = (node: YamlNode | null | undefined, depth: number, fallback: Span): unknown => {
    if (node === null || node === undefined) return null;
    if (depth > LOAD_LIMITS.maxDepth) {
      throw new LoadLimitExceeded(`The document is nested more than ${LOAD_LIMITS.maxDepth} levels deep; planlint stops reading here.`, spanOf(node, fallback));
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return null;
      expanded += expandedSize(target);
      if (expanded > LOAD_LIMITS.maxExpandedNodes) {
        throw new LoadLimitExceeded(
          `Aliases (*name) here expand the document past ${LOAD_LIMITS.maxExpandedNodes.toLocaleString('en-GB')} values; planlint stops reading it to stay safe.`,
          spanOf(node, fallback),
        );
      }
      return converted.has(target) ? converted.get(target) : convert(target, depth, fallback);
    }
    if (isScalar(node)) return node.value ?? null;
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      converted.set(node, out);
      const entries = new Map<string, { key: Span; value: Span }>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? '' : String(keyNode);
        const keySpan = spanOf(keyNode, spanOf(node, fallback));
        const valueSpan = pair.value ? spanOf(pair.value as YamlNode, keySpan) : keySpan;
        out[key] = convert(pair.value as YamlNode | null, depth + 1, valueSpan);
        entries.set(key, { key: keySpan, value: valueSpan });
      }
      sourceMap.record(out, { span: spanOf(node, fallback), entries });
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      converted.set(node, out);
      const items: Span[] = [];
      for (const item of node.items) {
        const itemSpan = spanOf(item as YamlNode, spanOf(node, fallback));
        items.push(itemSpan);
        out.push(convert(item as YamlNode, depth + 1, itemSpan));
      }
      sourceMap.record(out, { span: spanOf(node, fallback), items });
      return out;
    }
    return null;
  };

  const contents = doc.contents as YamlNode | null;
  return convert(contents, 0, spanOf(contents, [0, 0]));
}
