/**
 * A cheap first look at a file's shape, before the YAML parser sees it. The parser recurses once
 * per nesting level (thousands of levels overflow the stack) and spends microseconds on every
 * line, key and list item, so a hostile file of a few megabytes could keep it busy for minutes.
 * One pass over the characters finds such files in milliseconds and they are refused up front.
 *
 * The scan follows YAML's tokens closely enough to skip comments, quoted text and block text
 * (`|`, `>`), so brackets and dashes in prose do not count. It is an estimate: it may count a
 * level or a value more than the parser would, never far fewer, so ordinary files are never near
 * a limit and the exact checks in load-documents.ts still apply afterwards.
 */

import { BACKSLASH, CLOSE_CURLY, CLOSE_SQUARE, COLON, COMMA, CR, DASH, DOT, DOUBLE, GREATER, HASH, OPEN_CURLY, OPEN_SQUARE, PIPE, QUESTION, SINGLE, SPACE, TAB } from './char-codes.js';

export interface StructureLimits {
  maxDepth: number;
  maxValues: number;
  maxLines: number;
}

/** The first limit passed, and the offset in the text where it was passed. */
export interface StructureProblem {
  limit: 'depth' | 'values' | 'lines';
  offset: number;
}

const isBlank = (c: number) => c === SPACE || c === TAB;

/** Index of the quote closing one opened before `from`, or -1 when it is not closed by `to`. */
function closeQuote(text: string, from: number, to: number, quote: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quote === DOUBLE && c === BACKSLASH) i++;
    else if (c === quote) {
      if (quote === SINGLE && text.charCodeAt(i + 1) === SINGLE) i++;
      else return i;
    }
  }
  return -1;
}

/** Whether the line from `from` is an implicit key (`name: …`), so it opens or continues a mapping. */
function looksLikeKey(text: string, from: number, to: number): boolean {
  let i = from;
  const first = text.charCodeAt(i);
  if (first === OPEN_SQUARE || first === OPEN_CURLY || first === HASH || first === PIPE || first === GREATER) return false;
  if (first === DOUBLE || first === SINGLE) {
    const close = closeQuote(text, i + 1, to, first);
    if (close < 0) return false;
    i = close + 1;
  }
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON && (i + 1 >= to || isBlank(text.charCodeAt(i + 1)))) return true;
    if (c === HASH && i > from && isBlank(text.charCodeAt(i - 1))) return false;
  }
  return false;
}

function isMarker(text: string, at: number, to: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== DASH && c !== DOT) return false;
  return text.charCodeAt(at + 1) === c && text.charCodeAt(at + 2) === c && (at + 3 >= to || isBlank(text.charCodeAt(at + 3)));
}

/** Returns the first limit the text passes, or undefined when it is within all of them. */
export function scanStructure(text: string, limits: StructureLimits): StructureProblem | undefined {
  const length = text.length;
  // Block collections open at a column: a list (seq) or a mapping.
  const block: { col: number; seq: boolean }[] = [];
  let flow = 0;
  let values = 0;
  let lines = 0;
  /** The quote character of a quoted scalar left open at the end of the previous line, or 0. */
  let openQuote = 0;
  /** The indentation of the line that began block text (| or >), or -1 outside block text. */
  let blockTextParent = -1;

  const open = (col: number, seq: boolean) => {
    while (block.length > 0 && block[block.length - 1]!.col > col) block.pop();
    const top = block[block.length - 1];
    if (top?.col === col) {
      if (top.seq === seq) return;
      if (top.seq) {
        // A key after a list written at its parent's column: back to that mapping.
        block.pop();
        const under = block[block.length - 1];
        if (under?.col === col && !under.seq) return;
      }
    }
    block.push({ col, seq });
  };

  let start = 0;
  while (start < length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    lines++;
    if (lines > limits.maxLines) return { limit: 'lines', offset: start };

    let p = start;
    while (p < contentEnd && text.charCodeAt(p) === SPACE) p++;
    const indent = p - start;
    let q = p;
    while (q < contentEnd && isBlank(text.charCodeAt(q))) q++;
    const blank = q >= contentEnd;

    if (blockTextParent >= 0) {
      if (blank || indent > blockTextParent) {
        start = end + 1;
        continue;
      }
      blockTextParent = -1;
    }

    let previous = 0; // the last character that was not a space on this line; 0 at its start
    if (openQuote !== 0) {
      const close = closeQuote(text, start, contentEnd, openQuote);
      if (close < 0) {
        start = end + 1;
        continue;
      }
      previous = openQuote;
      openQuote = 0;
      p = close + 1;
    } else if (!blank && indent === 0 && isMarker(text, start, contentEnd)) {
      // A new document starts its block structure afresh.
      block.length = 0;
      values++;
      p = start + 3;
    } else if (!blank && flow === 0) {
      let col = indent;
      for (;;) {
        const c = text.charCodeAt(p);
        if (p < contentEnd && (c === DASH || c === QUESTION || c === COLON) && (p + 1 >= contentEnd || isBlank(text.charCodeAt(p + 1)))) {
          open(col, c === DASH);
          values++;
          p++;
          while (p < contentEnd && isBlank(text.charCodeAt(p))) p++;
          col = p - start;
          if (block.length > limits.maxDepth) return { limit: 'depth', offset: start + col };
          continue;
        }
        break;
      }
      if (p < contentEnd && looksLikeKey(text, p, contentEnd)) {
        open(col, false);
        values++;
      }
      if (block.length + flow > limits.maxDepth) return { limit: 'depth', offset: start + col };
    }
    if (values > limits.maxValues) return { limit: 'values', offset: start };

    for (; p < contentEnd; p++) {
      const c = text.charCodeAt(p);
      if (isBlank(c)) continue;
      const afterSpace = p > start && isBlank(text.charCodeAt(p - 1));
      // Where a new token may begin: start of line, after a flow indicator, or after an indicator and a space.
      const tokenStart =
        previous === 0 || previous === OPEN_SQUARE || previous === OPEN_CURLY || previous === COMMA || (previous === COLON && (afterSpace || flow > 0)) || ((previous === DASH || previous === QUESTION) && afterSpace);
      if (c === HASH && (p === start || afterSpace)) break; // a comment runs to the end of the line
      if ((c === DOUBLE || c === SINGLE) && tokenStart) {
        const close = closeQuote(text, p + 1, contentEnd, c);
        if (close < 0) {
          openQuote = c;
          break;
        }
        p = close;
        previous = c;
        continue;
      }
      if ((c === OPEN_SQUARE || c === OPEN_CURLY) && (flow > 0 || tokenStart)) {
        flow++;
        values++;
        if (block.length + flow > limits.maxDepth) return { limit: 'depth', offset: p };
        if (values > limits.maxValues) return { limit: 'values', offset: p };
      } else if ((c === CLOSE_SQUARE || c === CLOSE_CURLY) && flow > 0) {
        flow--;
      } else if (c === COMMA && flow > 0) {
        values++;
        if (values > limits.maxValues) return { limit: 'values', offset: p };
      } else if ((c === PIPE || c === GREATER) && flow === 0 && tokenStart) {
        blockTextParent = indent; // the lines below that are indented further are text
        break;
      }
      previous = c;
    }
    start = end + 1;
  }
  return undefined;
}
