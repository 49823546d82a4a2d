import { COLON, DASH, HASH, NL, SPACE } from './char-codes.js';
import type { ComposedDocument } from './compose-common-yaml.js';
import { UNSUPPORTED, plainScalar, unsupported } from './compose-common-yaml.js';
import { finishRecord, newRecord, setField } from './plain-record.js';
import type { SourceMap, Span } from '../source-map.js';

/**
 * The plainest shape of a case file read straight from its text, without `yaml`'s lexer and
 * parser: one document that is a block mapping; keys that are words; values that are one-line
 * plain or quoted text, `|` and `>` blocks, block lists and mappings, and one-line flow lists and
 * mappings of those. That is what exported and hand-written case files are, and reading it
 * directly costs a fraction of the general parser's time.
 *
 * Anything else — a comment or empty value in the body, an anchor, a tag, an escape, text over
 * several lines, a repeated key, a tab, a carriage return, a document marker — returns undefined,
 * and the file is read by the token-based readers (src/compose-common-yaml.ts, then `yaml`'s
 * composer), which also say what is wrong. Values and every recorded position are exactly theirs:
 * tests/compose-common-yaml.test.ts compares the readings on the examples, hand-written shapes and
 * thousands of generated texts.
 */

interface Read {
  value: unknown;
  /** Where the value starts and ends, as the token readers give it. */
  start: number;
  end: number;
  /** Where what belongs to the value ends (its line's newline, for one-line values). */
  after: number;
}

/** Characters the token readers must see for themselves: tabs, other line breaks, controls, a byte-order mark. */
const OUTSIDE_SHAPE = /[\x00-\x09\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]/; // eslint-disable-line no-control-regex -- control characters are what sends a file to the full reader
/** Characters a plain value may not start with here (they begin other kinds of node). */
const NOT_PLAIN_START = new Set(['&', '*', '!', '%', '@', '`', '?', ',', ']', '}', '#', ':', '|', '>', "'", '"', '[', '{']);

/** Where a plain value inside a flow collection ends. */
const FLOW_PLAIN_END = new Set([',', ']', '}', '\n', '[', '{', '#']);

const isKeyChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH;
const isKeyStart = (c: number): boolean => isKeyChar(c) && c !== DASH;

class TextReader {
  private readonly length: number;
  /** Start of the current content line (the text's length at the end), and its indentation. */
  private line = 0;
  private indent = 0;

  constructor(
    private readonly text: string,
    private readonly sourceMap: SourceMap,
  ) {
    this.length = text.length;
  }

  document(): ComposedDocument {
    const { text } = this;
    // Comment and blank lines may come before the first key; none may come after it.
    let p = 0;
    for (;;) {
      let i = p;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c === NL) p = i + 1;
      else if (c === HASH) p = text.indexOf('\n', i) + 1;
      else break;
      if (p >= this.length) unsupported();
    }
    if (text.charCodeAt(p) === SPACE) unsupported();
    this.line = p;
    this.indent = 0;
    const map = this.blockMap(0, p, 0);
    if (this.line < this.length) unsupported();
    return { value: map.value as Record<string, unknown>, span: [map.start, map.end], repeatedKeys: [] };
  }

  /** Moves to the next line with content at or after p, skipping blank lines; a comment line leaves the shape. */
  private advance(p: number): void {
    const { text } = this;
    for (;;) {
      if (p >= this.length) {
        this.line = this.length;
        this.indent = -1;
        return;
      }
      let i = p;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c === NL) {
        p = i + 1;
        continue;
      }
      if (c === HASH) unsupported();
      this.line = p;
      this.indent = i - p;
      return;
    }
  }

  /** The end of a key (its colon) when a key starts at i, else -1. */
  private keyEnd(i: number): number {
    const { text } = this;
    if (!isKeyStart(text.charCodeAt(i))) return -1;
    let j = i + 1;
    while (isKeyChar(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== COLON || j - i > 1024) return -1;
    const after = text.charCodeAt(j + 1);
    return after === SPACE || after === NL ? j : -1;
  }

  private isItem(i: number): boolean {
    const next = this.text.charCodeAt(i + 1);
    return this.text.charCodeAt(i) === DASH && (next === SPACE || next === NL);
  }

  /** A mapping or list starting on the current line, at its indentation. */
  private blockNode(depth: number): Read {
    const at = this.line + this.indent;
    return this.isItem(at) ? this.blockSeq(this.indent, depth) : this.blockMap(this.indent, at, depth);
  }

  /** A block mapping whose keys sit at column `indent`; the first key starts at `first`. */
  private blockMap(indent: number, first: number, depth: number): Read {
    if (depth > 200) unsupported();
    const { text } = this;
    const out = newRecord();
    const keys: string[] = [];
    const offsets: number[] = [];
    let k = first;
    let after: number;
    for (;;) {
      const keyEnd = this.keyEnd(k);
      if (keyEnd === -1) unsupported();
      const key = String(plainScalar(text.slice(k, keyEnd), true));
      if (keys.length < 24 ? keys.includes(key) : Object.hasOwn(out, key)) unsupported();
      let i = keyEnd + 1;
      while (text.charCodeAt(i) === SPACE) i++;
      let value: Read;
      if (text.charCodeAt(i) === NL) {
        this.advance(i + 1);
        if (this.indent > indent) value = this.blockNode(depth + 1);
        else if (this.indent === indent && this.isItem(this.line + indent)) value = this.blockSeq(indent, depth + 1);
        else unsupported(); // an empty value
      } else {
        value = this.inline(i, indent, depth + 1);
      }
      setField(out, key, value.value);
      keys.push(key);
      offsets.push(k, keyEnd, value.start, value.end);
      after = value.after;
      if (this.indent < indent) break;
      if (this.indent > indent) unsupported();
      k = this.line + indent;
    }
    return this.record(finishRecord(out), first, after, { keys, offsets });
  }

  /** A block list whose dashes sit at column `indent`, from the current line. */
  private blockSeq(indent: number, depth: number): Read {
    if (depth > 200) unsupported();
    const { text } = this;
    const out: unknown[] = [];
    const items: number[] = [];
    const start = this.line + indent;
    let after: number;
    for (;;) {
      let i = this.line + indent + 1;
      while (text.charCodeAt(i) === SPACE) i++;
      let value: Read;
      if (text.charCodeAt(i) === NL) {
        this.advance(i + 1);
        if (this.indent <= indent) unsupported(); // an empty item
        value = this.blockNode(depth + 1);
      } else if (this.isItem(i)) {
        unsupported(); // a list in a list on one line
      } else if (this.keyEnd(i) !== -1) {
        value = this.blockMap(i - this.line, i, depth + 1);
      } else {
        value = this.inline(i, indent, depth + 1);
      }
      out.push(value.value);
      items.push(value.start, value.end);
      after = value.after;
      if (this.indent < indent) break;
      if (this.indent > indent) unsupported();
      // A key at the list's own column: the list was the value of the key above it, which goes on.
      if (!this.isItem(this.line + indent)) break;
    }
    return this.record(out, start, after, { items });
  }

  /** A value that starts on the line of its key or dash, at i; the parent's entries sit at column `indent`. */
  private inline(i: number, indent: number, depth: number): Read {
    const { text } = this;
    const lineEnd = text.indexOf('\n', i);
    const c = text[i]!;
    let value: unknown;
    let end: number;
    if (c === '|' || c === '>') return this.blockScalar(i, indent);
    if (c === '"' || c === "'") {
      ({ value, end } = this.quoted(i, lineEnd));
    } else if (c === '[' || c === '{') {
      const flow = this.flow(i, depth);
      value = flow.value;
      end = flow.end;
    } else {
      if (NOT_PLAIN_START.has(c) || (c === '-' && this.isItem(i))) unsupported();
      end = lineEnd;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      const source = text.slice(i, end);
      // A comment, or a mapping where a value should be: the token readers say what it is.
      if (source.includes(' #') || source.includes(': ') || source.endsWith(':')) unsupported();
      value = plainScalar(source, false);
    }
    for (let j = end; j < lineEnd; j++) if (text.charCodeAt(j) !== SPACE) unsupported();
    this.advance(lineEnd + 1);
    // A more indented line after it would continue the text (or be a mistake).
    if (this.indent > indent) unsupported();
    return { value, start: i, end, after: lineEnd + 1 };
  }

  /** A quoted value on one line, without escapes; `end` is just past the closing quote. */
  private quoted(i: number, lineEnd: number): { value: string; end: number } {
    const { text } = this;
    const quote = text[i]!;
    let close = text.indexOf(quote, i + 1);
    if (quote === "'") {
      while (close !== -1 && text[close + 1] === "'") close = text.indexOf("'", close + 2);
    }
    if (close === -1 || close > lineEnd) unsupported();
    const inner = text.slice(i + 1, close);
    if (quote === '"') {
      if (inner.includes('\\')) unsupported();
      return { value: inner, end: close + 1 };
    }
    return { value: inner.replaceAll("''", "'"), end: close + 1 };
  }

  /** A `|` or `>` block (clipped or stripped, indentation found from its first line). */
  private blockScalar(i: number, indent: number): Read {
    const { text } = this;
    const literal = text[i] === '|';
    let h = i + 1;
    const strip = text[h] === '-';
    if (strip) h++;
    while (text.charCodeAt(h) === SPACE) h++;
    if (text.charCodeAt(h) !== NL) unsupported(); // a keep or indentation indicator, or a comment
    let p = h + 1;
    let contentIndent = 0;
    while (text.charCodeAt(p + contentIndent) === SPACE) contentIndent++;
    if (contentIndent <= indent || text.charCodeAt(p + contentIndent) === NL) unsupported();
    const lines: string[] = [];
    let blanks = 0;
    let lastEnd = p;
    while (p < this.length) {
      let s = 0;
      while (text.charCodeAt(p + s) === SPACE) s++;
      const e = text.indexOf('\n', p + s);
      if (p + s === e) {
        if (s > contentIndent) unsupported(); // spaces that would be part of the text
        blanks++;
        p = e + 1;
        continue;
      }
      if (s < contentIndent) break;
      if (s > contentIndent && !literal) unsupported(); // more-indented lines fold differently
      for (; blanks > 0; blanks--) lines.push('');
      lines.push(text.slice(p + contentIndent, e));
      lastEnd = e + 1;
      p = e + 1;
    }
    let value: string;
    if (literal) {
      value = lines.join('\n');
    } else {
      value = lines[0]!;
      for (let n = 1; n < lines.length; n++) {
        const line = lines[n]!;
        if (line === '') {
          value += '\n';
          while (lines[n + 1] === '') {
            value += '\n';
            n++;
          }
          value += lines[++n]!;
        } else {
          value += ` ${line}`;
        }
      }
    }
    if (!strip) value += '\n';
    this.advance(lastEnd);
    if (this.indent > indent) unsupported();
    return { value, start: i, end: lastEnd, after: lastEnd };
  }

  /** A flow list or mapping, all on one line, of words, quoted text and flow collections. */
  private flow(i: number, depth: number): { value: unknown; end: number } {
    if (depth > 200) unsupported();
    const { text } = this;
    const isMap = text[i] === '{';
    const close = isMap ? '}' : ']';
    const map = newRecord();
    const keys: string[] = [];
    const offsets: number[] = [];
    const list: unknown[] = [];
    const items: number[] = [];
    let p = i + 1;
    const skip = () => {
      while (text.charCodeAt(p) === SPACE) p++;
    };
    skip();
    if (text[p] !== close) {
      for (;;) {
        let keyStart = -1;
        let keyEnd = -1;
        if (isMap) {
          keyStart = p;
          keyEnd = this.keyEnd(p);
          if (keyEnd === -1 || text.charCodeAt(keyEnd + 1) !== SPACE) unsupported();
          p = keyEnd + 1;
          skip();
        }
        const start = p;
        const c = text[p]!;
        let value: unknown;
        if (c === '[' || c === '{') {
          const inner = this.flow(p, depth + 1);
          value = inner.value;
          p = inner.end;
        } else if (c === '"' || c === "'") {
          const quoted = this.quoted(p, text.indexOf('\n', p));
          value = quoted.value;
          p = quoted.end;
        } else {
          if (NOT_PLAIN_START.has(c) || c === '\n' || (c === '-' && this.isItem(p))) unsupported();
          while (p < this.length && !FLOW_PLAIN_END.has(text[p]!)) p++;
          let end = p;
          while (text.charCodeAt(end - 1) === SPACE) end--;
          const source = text.slice(start, end);
          // A colon is kept only inside a time or the like (17:00); anywhere else it may begin a pair.
          if (/:(?!\d)/.test(source) || source.includes(' #')) unsupported();
          value = plainScalar(source, false);
          p = end;
        }
        const end = p;
        if (isMap) {
          const key = String(plainScalar(text.slice(keyStart, keyEnd), true));
          if (keys.includes(key)) unsupported();
          setField(map, key, value);
          keys.push(key);
          offsets.push(keyStart, keyEnd, start, end);
        } else {
          list.push(value);
          items.push(start, end);
        }
        skip();
        if (text[p] === close) break;
        if (text[p] !== ',') unsupported();
        p++;
        skip();
        if (text[p] === close) unsupported(); // a trailing comma
      }
    }
    const end = p + 1;
    const read = isMap ? this.record(finishRecord(map), i, end, { keys, offsets }) : this.record(list, i, end, { items });
    return { value: read.value, end };
  }

  private record(value: object, start: number, end: number, spans: { keys?: string[]; offsets?: number[]; items?: number[] }): Read {
    this.sourceMap.record(value, { span: [start, end] as Span, ...spans });
    return { value, start, end, after: end };
  }
}

/**
 * Reads a file of the plainest case-file shape straight from its text, or returns undefined when
 * the text is outside that shape (the token readers then read it). Only complete reads are kept.
 */
export function readCommonYaml(text: string, sourceMap: SourceMap): ComposedDocument[] | undefined {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== NL || OUTSIDE_SHAPE.test(text)) return undefined;
  if (/^(?:---|\.\.\.|%)/m.test(text)) return undefined;
  try {
    return [new TextReader(text, sourceMap).document()];
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}
