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
import { LineCounter, isCollection, isNode, isPair, isScalar, parseAllDocuments, visit } from 'yaml';
import type { Node } from 'yaml';
import type { SourceRange } from '../core/findings.js';

/** A 0-based, end-exclusive range in UTF-16 code units, as LSP has it. */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A node that starts at an offset, and the key it is the value of. */
interface Located {
  node: Node;
  key?: readonly [number, number];
}

/** The value nodes of a text (every document, mapping value and list item), by start offset; made once per lint, and only when needed. */
class TextNodes {
  readonly lines = new LineCounter();
  private readonly byStart = new Map<number, Located>();

  constructor(readonly text: string) {
    // Half-typed documents are normal in an editor: errors are kept in the documents, not thrown.
    for (const doc of parseAllDocuments(text, { lineCounter: this.lines, uniqueKeys: false })) {
      if (isNode(doc.contents)) this.add(doc.contents);
      visit(doc, {
        Pair: (_, pair) => {
          if (isNode(pair.value) && isNode(pair.key) && pair.key.range) this.add(pair.value, [pair.key.range[0], pair.key.range[1]]);
        },
        Seq: (_, seq) => seq.items.forEach((item) => isNode(item) && this.add(item)),
      });
    }
  }

  private add(node: Node, key?: readonly [number, number]): void {
    const start = node.range?.[0];
    if (start !== undefined && !this.byStart.has(start)) this.byStart.set(start, key ? { node, key } : { node });
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

function whatItIsAbout(text: string, { node, key }: Located, start: number): [number, number] {
  const value = text.slice(start, Math.max(start, node.range?.[1] ?? start)).trimEnd();
  // A value on one line (`person: absent`, `- agency: police-dau`, `3`): all of it.
  if (!value.includes('\n')) return [start, start + Math.max(value.length, 1)];
  const lineEnd = firstLineEnd(text, start);
  // A mapping or list over several lines is about its key; so is a block of text whose first line is its `|` or `>`.
  if (key && (isCollection(node) || lineEnd - start <= 2 || (isScalar(node) && /^[|>]/.test(value)))) return [key[0], key[1]];
  // No key (a list item, the document itself): its first line.
  if (lineEnd - start > 1) return [start, lineEnd];
  // A keyless `{` or `[` alone on its line (a JSON list item): up to the end of its first key.
  if (isCollection(node)) {
    const first = node.items[0];
    const firstKey = isPair(first) && isNode(first.key) ? first.key.range : undefined;
    if (firstKey) return [start, firstKey[1]];
  }
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
