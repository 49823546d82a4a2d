/**
 * What an editor underlines for a finding.
 *
 * The engine locates a finding about a node that spans several lines (a mapping, a list, a block of
 * text) at the first character of that node only (SourceMap.headOf), so that reports stay one line
 * long. An editor would underline that one character: the `d` of `date:` under `assessment:`. Here
 * such a range is widened to what the finding is about: the key the node is the value of
 * (`assessment`), or, for a node with no key (a list item, the document itself), its first line
 * (`title: Attend appointments.`). Every other range is already the value or key and is kept.
 */
import { LineCounter } from 'yaml';
import type { SourceRange } from '../core/findings.js';
import { loadDocuments } from '../input/load-documents.js';
import type { Span } from '../input/source-map.js';

/** A 0-based, end-exclusive range in UTF-16 code units, as LSP has it. */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A value that starts at an offset: where it ends, the key it is the value of, and, for a mapping, where its first key ends. */
interface Located {
  end: number;
  collection: boolean;
  key?: Span;
  firstKeyEnd?: number;
}

const isCollection = (value: unknown): value is object => typeof value === 'object' && value !== null;

/**
 * The values of a text (each document, mapping value and list item) by start offset, read as the
 * engine reads them (loadDocuments, whose fast readers take a fraction of a millisecond on a
 * 10 KB file) and located by the same source map, so offsets agree with the findings'. Made once
 * per lint, and only when a finding needs it.
 */
class TextNodes {
  readonly lines = new LineCounter();
  private readonly byStart = new Map<number, Located>();

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1 || text.length) this.lines.addNewLine(i);
    const { documents, sourceMap } = loadDocuments(text);
    const seen = new Set<object>(); // an alias repeats a node: visit it once
    const visit = (value: unknown, span: Span, key?: Span): void => {
      const collection = isCollection(value);
      const firstKey = collection && !Array.isArray(value) ? Object.keys(value)[0] : undefined;
      const firstKeyEnd = collection && firstKey !== undefined ? sourceMap.spanOf(value, firstKey, 'key')[1] : undefined;
      if (!this.byStart.has(span[0])) this.byStart.set(span[0], { end: span[1], collection, ...(key ? { key } : {}), ...(firstKeyEnd === undefined ? {} : { firstKeyEnd }) });
      if (!collection || seen.has(value)) return;
      seen.add(value);
      const own = sourceMap.spanOf(value);
      if (Array.isArray(value)) {
        value.forEach((item: unknown, i) => {
          const at = sourceMap.spanOf(value, i);
          if (at !== own) visit(item, at);
        });
        return;
      }
      for (const [name, child] of Object.entries(value)) {
        const at = sourceMap.spanOf(value, name);
        const keyAt = sourceMap.spanOf(value, name, 'key');
        if (keyAt !== own) visit(child, at, keyAt);
      }
    };
    for (const doc of documents) if (!doc.broken && isCollection(doc.value)) visit(doc.value, sourceMap.spanOf(doc.value));
  }

  at(offset: number): Located | undefined {
    return this.byStart.get(offset);
  }

  offsetOf(line: number, column: number): number {
    return (this.lines.lineStarts[line - 1] ?? this.text.length) + column - 1;
  }

  toLsp(start: number, end: number): LspRange {
    const s = this.lines.linePos(start);
    const e = this.lines.linePos(end);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  }
}

/** The end of the text from an offset to the end of its line, without a trailing comment or spaces. */
function firstLineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  const line = text.slice(start, newline === -1 ? text.length : newline);
  return start + line.replace(/(^|\s)#.*$/, '').trimEnd().length;
}

function whatItIsAbout(text: string, { end, collection, key, firstKeyEnd }: Located, start: number): [number, number] {
  const value = text.slice(start, Math.max(start, end)).trimEnd();
  // A value on one line (`person: absent`, `- agency: police-dau`, `3`): all of it.
  if (!value.includes('\n')) return [start, start + Math.max(value.length, 1)];
  const lineEnd = firstLineEnd(text, start);
  // A mapping or list over several lines is about its key; so is a block of text whose first line is its `|` or `>`.
  if (key && (collection || lineEnd - start <= 2 || /^[|>]/.test(value))) return [key[0], key[1]];
  // No key (a list item, the document itself): its first line.
  if (lineEnd - start > 1) return [start, lineEnd];
  // A keyless `{` alone on its line (a JSON list item): up to the end of its first key.
  if (firstKeyEnd !== undefined && firstKeyEnd > start) return [start, firstKeyEnd];
  return [start, start + 1];
}

/** Whether the engine located a finding at the first character of a node (see SourceMap.headOf). */
const isHead = (f: SourceRange) => f.endLine === f.line && f.endColumn === f.column + 1;

/**
 * LSP ranges for findings in a text: each as the engine gave it, except a node's first character,
 * which becomes the key or first line of that node. Reads the text only when some finding needs it.
 */
export function diagnosticRanges(text: string, findings: readonly SourceRange[]): LspRange[] {
  let nodes: TextNodes | undefined;
  return findings.map((f) => {
    const given: LspRange = { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } };
    if (!isHead(f)) return given;
    nodes ??= new TextNodes(text);
    const start = nodes.offsetOf(f.line, f.column);
    const located = nodes.at(start);
    if (!located) return given;
    const [from, to] = whatItIsAbout(text, located, start);
    return nodes.toLsp(from, to);
  });
}
