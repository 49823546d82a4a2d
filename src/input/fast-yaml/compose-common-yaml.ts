import { CST, Schema, isScalar } from 'yaml';
import type { ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';
import { finishRecord, newRecord, setField } from './plain-record.js';
import type { NodeSpans, SourceMap, Span } from '../source-map.js';

/**
 * The common shape of a case file — block mappings and sequences, flow collections on a line,
 * plain, quoted and block scalars, comments — composed straight from the parser's tokens into
 * plain data with positions. It follows the `yaml` package's own composer step by step (same
 * values, same ranges, same scalar types from the core schema) but builds no node objects, which
 * is most of the cost of reading a file beyond parsing it.
 *
 * Anything outside that shape (anchors, aliases, tags, directives, explicit keys, tabs, an empty
 * or non-mapping document) and anything the composer would report as a problem returns
 * `undefined`: the full composer then reads the same tokens and says what is wrong in its words.
 * tests/compose-common-yaml.test.ts checks that both give the same result wherever this one answers.
 */
export interface ComposedDocument {
  value: Record<string, unknown>;
  span: Span;
  repeatedKeys: Span[];
}

/**
 * Options the full composer is run with; the common-shape one must read scalars the same way.
 * uniqueKeys is off because the composer's own check takes time in the square of a mapping's
 * size; both readings find repeated keys with a hash map instead.
 */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { prettyErrors: false, uniqueKeys: false, strict: true, stringKeys: false };

type Range3 = [number, number, number];
interface Spans {
  keys: string[];
  offsets: number[];
}
interface Composed {
  value: unknown;
  range: Range3;
}
interface Props {
  found: CST.SourceToken | null;
  comma: CST.SourceToken | null;
  comment: boolean;
  hasNewline: boolean;
  end: number;
}

/** Thrown (and caught by the readers) when the input leaves the common shape. */
class Unsupported {}
export const UNSUPPORTED = new Unsupported();
export function unsupported(): never {
  // A shared sentinel rather than an Error: no stack is captured on this hot path, and the readers catch it.
  throw UNSUPPORTED; // eslint-disable-line @typescript-eslint/only-throw-error
}
const bail = (): void => unsupported();

// The core schema's own tags (YAML 1.2, what the full composer uses with PARSE_OPTIONS), so plain
// scalars resolve exactly as it resolves them; intAsBigInt is off there too.
let coreTags: { default?: boolean | 'key'; test?: RegExp; resolve: (s: string, e: (m: string) => void, o: object) => unknown }[] | undefined;
const TAG_OPTIONS = { intAsBigInt: false };
function tags() {
  coreTags ??= new Schema({ schema: 'core' }).tags.filter((t) => !('collection' in t && t.collection)) as NonNullable<typeof coreTags>;
  return coreTags;
}

/** First characters a core-schema null, boolean or number can have; any other plain scalar is text. */
const MAYBE_NOT_TEXT = new Set(['', '~', 'n', 'N', 't', 'T', 'f', 'F', '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
/** First characters a plain scalar may not have (the composer reports them). */
const BAD_PLAIN_START = new Set(['\t', ',', '%', '|', '>', '@', '`']);

export function plainScalar(source: string, atKey: boolean): unknown {
  if (!MAYBE_NOT_TEXT.has(source.charAt(0))) return source;
  const tag = tags().find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source));
  if (!tag) return source;
  const resolved = tag.resolve(source, bail, TAG_OPTIONS);
  return isScalar(resolved) ? resolved.value : resolved;
}

/** resolve-props.js, for tokens without anchors, tags or tabs. */
function props(tokens: CST.SourceToken[], indicator: 'doc-start' | 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind', flow: boolean, startOnNewline: boolean, offset: number): Props {
  let hasSpace = startOnNewline;
  let comment = false;
  let hasNewline = false;
  let comma: CST.SourceToken | null = null;
  let found: CST.SourceToken | null = null;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (token.source.includes('\t')) unsupported();
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) unsupported();
        comment = true;
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      case indicator:
        if (found) unsupported();
        found = token;
        hasSpace = false;
        break;
      case 'comma':
        if (!flow || comma) unsupported();
        comma = token;
        hasSpace = false;
        break;
      default:
        unsupported();
    }
  }
  const last = tokens[tokens.length - 1];
  return { found, comma, comment, hasNewline, end: last ? last.offset + last.source.length : offset };
}

/** resolve-end.js */
function endOf(end: CST.SourceToken[] | undefined, offset: number, reqSpace: boolean): number {
  if (!end) return offset;
  let hasSpace = false;
  for (const token of end) {
    if (token.type === 'space' || token.type === 'newline') {
      if (token.source.includes('\t')) unsupported();
      hasSpace = true;
    } else if (token.type === 'comment') {
      if (reqSpace && !hasSpace) unsupported();
    } else unsupported();
    offset += token.source.length;
  }
  return offset;
}

/** util-empty-scalar-position.js */
function emptyPosition(offset: number, before: CST.SourceToken[] | undefined): number {
  if (before) {
    for (let i = before.length - 1; i >= 0; --i) {
      let st = before[i]!;
      if (st.type === 'space' || st.type === 'comment' || st.type === 'newline') {
        offset -= st.source.length;
        continue;
      }
      st = before[++i]!;
      while (st?.type === 'space') {
        offset += st.source.length;
        st = before[++i]!;
      }
      break;
    }
  }
  return offset;
}

/** composeEmptyNode: a missing value is null, placed after the whitespace before it. */
function empty(offset: number, before: CST.SourceToken[] | undefined, p: Props): Composed {
  const at = emptyPosition(offset, before);
  return { value: null, range: [at, at, p.comment ? p.end : at] };
}

/** util-contains-newline.js, for scalar keys (collections as keys are not in the common shape). */
function keyHasNewline(key: CST.Token): boolean {
  if (!('source' in key) || key.source.includes('\n')) return true;
  return 'end' in key && Array.isArray(key.end) && key.end.some((t) => t.type === 'newline');
}

const isBlock = (token: CST.Token | undefined): boolean => token?.type === 'block-map' || token?.type === 'block-seq';

class CommonComposer {
  readonly repeatedKeys: Span[] = [];

  constructor(private readonly sourceMap: SourceMap) {}

  node(token: CST.Token, depth: number, atKey = false): Composed {
    if (depth > 200) unsupported();
    switch (token.type) {
      case 'scalar':
        // One line of plain text is its own value (resolve-flow-scalar.js folds only across lines).
        if (!token.source.includes('\n') && !BAD_PLAIN_START.has(token.source.charAt(0))) {
          const valueEnd = token.offset + token.source.length;
          return { value: plainScalar(token.source, atKey), range: [token.offset, valueEnd, endOf(token.end, valueEnd, true)] };
        }
      // falls through
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar': {
        const resolved = CST.resolveAsScalar(token, true, bail);
        if (!resolved) unsupported();
        const value = token.type === 'scalar' ? plainScalar(resolved.value, atKey) : resolved.value;
        return { value: value ?? null, range: resolved.range };
      }
      case 'block-map':
        return this.blockMap(token, depth);
      case 'block-seq':
        return this.blockSeq(token, depth);
      case 'flow-collection':
        return this.flowCollection(token, depth);
      default:
        return unsupported();
    }
  }

  /** A key is read as text, as the full reading does with String(key.value). */
  key(token: CST.Token | null | undefined, before: CST.SourceToken[], p: Props, depth: number): { key: string; range: Range3 } {
    if (token && (isBlock(token) || token.type === 'flow-collection')) unsupported();
    const composed = token ? this.node(token, depth, true) : empty(p.end, before, p);
    return { key: String(composed.value), range: composed.range };
  }

  /** resolve-block-map.js */
  blockMap(bm: CST.BlockMap, depth: number): Composed {
    const out = newRecord();
    const spans: Spans = { keys: [], offsets: [] };
    let offset = bm.offset;
    let commentEnd: number | null = null;
    for (const { start, key, sep, value } of bm.items) {
      const keyProps = props(start, 'explicit-key-ind', false, true, offset);
      if (keyProps.found) unsupported();
      if (key) {
        if (key.type === 'block-seq' || ('indent' in key && key.indent !== bm.indent)) unsupported();
      }
      if (!sep) {
        if (key) unsupported();
        commentEnd = keyProps.end;
        continue;
      }
      if (key && keyHasNewline(key)) unsupported();
      const k = this.key(key, start, keyProps, depth + 1);
      this.checkRepeated(out, spans, k);
      const valueProps = props(sep, 'map-value-ind', false, !key || key.type === 'block-scalar', k.range[2]);
      offset = valueProps.end;
      if (!valueProps.found) unsupported();
      if (value?.type === 'block-map' && !valueProps.hasNewline) unsupported();
      if (keyProps.end < valueProps.found.offset - 1024) unsupported();
      const v = value ? this.node(value, depth + 1) : empty(offset, sep, valueProps);
      offset = v.range[2];
      this.entry(out, spans, k, v);
    }
    if (commentEnd !== null && commentEnd < offset) unsupported();
    return this.record(finishRecord(out), [bm.offset, offset, commentEnd ?? offset], spans);
  }

  /** resolve-block-seq.js */
  blockSeq(bs: CST.BlockSequence, depth: number): Composed {
    const out: unknown[] = [];
    const items: number[] = [];
    let offset = bs.offset;
    let commentEnd: number | null = null;
    for (const { start, value } of bs.items) {
      const p = props(start, 'seq-item-ind', false, true, offset);
      if (!p.found) {
        if (value) unsupported();
        commentEnd = p.end;
        continue;
      }
      const item = value ? this.node(value, depth + 1) : empty(p.end, start, p);
      offset = item.range[2];
      out.push(item.value);
      items.push(item.range[0], item.range[1]);
    }
    return this.record(out, [bs.offset, offset, commentEnd ?? offset], { items });
  }

  /** resolve-flow-collection.js, without explicit keys or pairs inside flow sequences. */
  flowCollection(fc: CST.FlowCollection, depth: number): Composed {
    const isMap = fc.start.source === '{';
    const map = newRecord();
    const spans: Spans = { keys: [], offsets: [] };
    const list: unknown[] = [];
    const items: number[] = [];
    let offset = fc.offset + fc.start.source.length;
    fc.items.forEach(({ start, key, sep, value }, i) => {
      const p = props(start, 'explicit-key-ind', true, false, offset);
      if (p.found) unsupported();
      if (!sep && !value) {
        if (i === 0 && p.comma) unsupported();
        if (i < fc.items.length - 1) unsupported();
        offset = p.end;
        return;
      }
      if (i === 0 ? p.comma : !p.comma) unsupported();
      if (!isMap) {
        if (sep || isBlock(value) || key) unsupported();
        const item = value ? this.node(value, depth + 1) : empty(p.end, sep, p);
        list.push(item.value);
        items.push(item.range[0], item.range[1]);
        offset = item.range[2];
        return;
      }
      if (isBlock(value)) unsupported();
      const k = this.key(key, start, p, depth + 1);
      this.checkRepeated(map, spans, k);
      const valueProps = props(sep ?? [], 'map-value-ind', true, false, k.range[2]);
      if (!valueProps.found && value) unsupported();
      const v = value ? this.node(value, depth + 1) : valueProps.found ? empty(valueProps.end, sep, valueProps) : undefined;
      this.entry(map, spans, k, v ?? { value: null, range: k.range });
      offset = v ? v.range[2] : valueProps.end;
    });
    const [close, ...rest] = fc.end;
    if (close?.source !== (isMap ? '}' : ']')) unsupported();
    const closed = close.offset + close.source.length;
    const range: Range3 = [fc.offset, closed, rest.length > 0 ? endOf(rest, closed, true) : closed];
    return isMap ? this.record(finishRecord(map), range, spans) : this.record(list, range, { items });
  }

  /** Notes a key given twice; called before its value is read, so findings come in document order. */
  private checkRepeated(out: Record<string, unknown>, spans: Spans, k: { key: string; range: Range3 }): void {
    // A case file's mappings are small: comparing a few short keys beats hashing a fresh string.
    // Large ones (hostile files have thousands of keys) are looked up by hash.
    const repeated = spans.keys.length < 24 ? spans.keys.includes(k.key) : Object.hasOwn(out, k.key);
    if (repeated) this.repeatedKeys.push([k.range[0], k.range[1]]);
  }

  private entry(out: Record<string, unknown>, spans: Spans, k: { key: string; range: Range3 }, v: Composed): void {
    setField(out, k.key, v.value);
    spans.keys.push(k.key);
    spans.offsets.push(k.range[0], k.range[1], v.range[0], v.range[1]);
  }

  private record(value: object, range: Range3, spans: Omit<NodeSpans, 'span'>): Composed {
    this.sourceMap.record(value, { span: [range[0], range[1]], ...spans });
    return { value, range };
  }
}

/**
 * Composes every document of a token stream, or returns undefined when any part of it is outside
 * the common shape or has a problem to report.
 */
export function composeCommonYaml(tokens: readonly CST.Token[], sourceMap: SourceMap): ComposedDocument[] | undefined {
  const documents: ComposedDocument[] = [];
  try {
    for (const token of tokens) {
      switch (token.type) {
        case 'byte-order-mark':
        case 'space':
        case 'comment':
        case 'newline':
          break;
        case 'document': {
          // compose-doc.js, for a document that is a block mapping.
          const { start, value, end, offset } = token;
          if (value?.type !== 'block-map') unsupported();
          const p = props(start, 'doc-start', false, true, offset);
          if (p.found && !p.hasNewline) unsupported();
          const composer = new CommonComposer(sourceMap);
          const contents = composer.blockMap(value, 0);
          endOf(end, contents.range[2], false);
          documents.push({ value: contents.value as Record<string, unknown>, span: [contents.range[0], contents.range[1]], repeatedKeys: composer.repeatedKeys });
          break;
        }
        case 'doc-end':
          if (documents.length === 0) unsupported();
          endOf(token.end, token.offset + token.source.length, true);
          break;
        default:
          unsupported();
      }
    }
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
  return documents.length > 0 ? documents : undefined;
}
