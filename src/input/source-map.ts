import type { LineCounter } from 'yaml';
import type { SourceRange } from '../core/findings.js';

/** Byte-offset span [start, end) in the source text. */
export type Span = readonly [number, number];

/**
 * Where a node and its parts are. Offsets are kept flat, in plain number arrays, because a file
 * records one of these for every mapping and list it has, and most are never looked up (only
 * where there is a finding); objects per field made work for the garbage collector on every file.
 */
export interface NodeSpans {
  span: Span;
  /** For mappings: each key in order (a repeated key appears again; the last one counts)… */
  keys?: string[];
  /** …and for each key four offsets: key start, key end, value start, value end. */
  offsets?: number[];
  /** For sequences: two offsets per item, start and end (missing items fall back to the node). */
  items?: number[];
}

interface Entry {
  key: Span;
  value: Span;
}

function entryOf(info: NodeSpans, name: string): Entry | undefined {
  const i = info.keys?.lastIndexOf(name) ?? -1;
  if (i < 0) return undefined;
  const o = info.offsets!;
  return { key: [o[4 * i]!, o[4 * i + 1]!], value: [o[4 * i + 2]!, o[4 * i + 3]!] };
}

function itemOf(info: NodeSpans, index: number): Span | undefined {
  const start = info.items?.[2 * index];
  return start === undefined ? undefined : [start, info.items![2 * index + 1]!];
}

/** Where a mapped property came from: a field of the mapped object's source, or a loaded node (or its field). */
export type MappedFrom = string | number | { node: object; property?: string | number };

/**
 * Remembers where each object and array of a loaded file came from, so that schema errors and
 * rule findings can point at the exact line and column of the node they are about.
 * Rules report against model objects; this turns (object, property) into a range.
 */
export class SourceMap {
  // A Map, not a WeakMap: the map lives exactly as long as the file's data, and weak keys (one per
  // mapping and list) cost the garbage collector extra work on every collection.
  private readonly spans = new Map<object, NodeSpans>();

  constructor(
    private readonly lines: LineCounter,
    private readonly textLength: number,
  ) {}

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
    const keys: string[] = [];
    const offsets: number[] = [];
    const items: number[] = [];
    for (const [property, from] of Object.entries(fields)) {
      const [node, field] = typeof from === 'object' ? [from.node, from.property] : [source, from];
      const info = this.spans.get(node);
      if (!info) continue;
      const item = typeof field === 'number' ? itemOf(info, field) : undefined;
      const whole = { key: info.span, value: info.span };
      const found = field === undefined ? whole : item ? { key: item, value: item } : (entryOf(info, String(field)) ?? (node === source ? undefined : whole));
      if (!found) continue;
      if (Array.isArray(target) && /^\d+$/.test(property)) {
        items[2 * Number(property)] = found.value[0];
        items[2 * Number(property) + 1] = found.value[1];
      } else {
        keys.push(property);
        offsets.push(found.key[0], found.key[1], found.value[0], found.value[1]);
      }
    }
    this.spans.set(target, { span: this.spanOf(source, at), keys, offsets, items });
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
    if (typeof property === 'number' && info.items) return itemOf(info, property) ?? info.span;
    const entry = entryOf(info, String(property));
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
