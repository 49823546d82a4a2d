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

/** Where a mapped property came from: a field of the mapped object's source, or a loaded node (or its field). */
export type MappedFrom = string | number | { node: object; property?: string | number };

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

  /**
   * Lets an object built from loaded data of another shape (an HMPPS export mapped onto the case
   * model) be located where its data came from: the object at `source` (or at `source[at]`), and
   * each listed property at the source field it was taken from — a property of `source`, or of
   * another loaded object. For a mapped list, numeric keys give where each item came from.
   * A field missing from another object falls back to that object (where it should be written);
   * one missing from the source, to the mapped object, as unknown properties do.
   */
  recordMapped(target: object, source: object, fields: Record<string, MappedFrom> = {}, at?: string | number): void {
    const entries = new Map<string, { key: Span; value: Span }>();
    const items: Span[] = [];
    for (const [property, from] of Object.entries(fields)) {
      const [node, field] = typeof from === 'object' ? [from.node, from.property] : [source, from];
      const info = this.spans.get(node);
      if (!info) continue;
      const item = typeof field === 'number' ? info.items?.[field] : undefined;
      const whole = { key: info.span, value: info.span };
      const found = field === undefined ? whole : item ? { key: item, value: item } : (info.entries?.get(String(field)) ?? (node === source ? undefined : whole));
      if (!found) continue;
      if (Array.isArray(target) && /^\d+$/.test(property)) items[Number(property)] = found.value;
      else entries.set(property, found);
    }
    this.spans.set(target, { span: this.spanOf(source, at), entries, items });
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
