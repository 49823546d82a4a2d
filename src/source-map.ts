import type { LineCounter } from 'yaml';
import type { SourceRange } from './findings.js';

/** Byte-offset span [start, end) in the source text. */
export type Span = readonly [number, number];

interface NodeSpans {
  span: Span;
  /** For mappings: where each key and its value are. */
  entries?: Map<string, { key: Span; value: Span }>;
  /** For sequences: where each item is. */
  items?: Span[];
}

/**
 * Remembers where each object and array of a loaded file came from, so that schema errors and
 * rule findings can point at the exact line and column of the node they are about.
 * Rules report against model objects; this turns (object, property) into a range.
 */
export class SourceMap {
  private readonly spans = new WeakMap<object, NodeSpans>();

  constructor(private readonly lines: LineCounter, private readonly textLength: number) {}

  record(node: object, spans: NodeSpans): void {
    this.spans.set(node, spans);
  }

  /** Lets a value derived from a source node (a normalised shorthand) be located like it. */
  recordDerived(derived: object, span: Span): void {
    this.spans.set(derived, { span });
  }

  has(node: object): boolean {
    return this.spans.has(node);
  }

  /**
   * The range of `node[property]` when given (the value, or the key when `at` is 'key'), else of
   * the node itself. Unknown nodes and properties fall back to the nearest known range.
   */
  rangeOf(node: object, property?: string | number, at: 'value' | 'key' = 'value'): SourceRange {
    return this.toRange(this.spanOf(node, property, at));
  }

  spanOf(node: object, property?: string | number, at: 'value' | 'key' = 'value'): Span {
    const info = this.spans.get(node);
    if (!info) return [0, 0];
    if (property === undefined) return info.span;
    if (typeof property === 'number' && info.items) return info.items[property] ?? info.span;
    const entry = info.entries?.get(String(property));
    if (!entry) return info.span;
    return at === 'key' ? entry.key : entry.value;
  }

  /** The range of the first line of a node: a whole mapping would otherwise span many lines. */
  headOf(node: object, property?: string | number): SourceRange {
    const range = this.rangeOf(node, property);
    if (range.endLine === range.line) return range;
    return { ...range, endLine: range.line, endColumn: range.column + 1 };
  }

  toRange([start, end]: Span): SourceRange {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  }

  private position(offset: number): { line: number; col: number } {
    return this.lines.linePos(Math.min(Math.max(offset, 0), this.textLength));
  }
}
