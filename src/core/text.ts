/** Small text judgements shared by the engine and rules. */

/**
 * Orders text by code unit: ISO dates and times chronologically, rule ids alphabetically. Unlike
 * localeCompare it gives the same order under every locale, and needs no collator (setting one
 * up was a noticeable part of a cold start, and each comparison costs more).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Edit distance, for "did you mean" suggestions on misspelt fields and values. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The candidate closest to `word`, if it is close enough to be a likely slip. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * " Did you mean "x"?" when `word` is a likely slip for one of `candidates`, else "": for
 * messages about a rule id or name someone typed.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, [...candidates]);
  return match !== undefined && match !== word ? ` Did you mean "${match}"?` : '';
}

/**
 * Wraps text to a width at word boundaries; lines after the first start with `indent`, which
 * counts towards the width. A word longer than the width stays whole on a line of its own.
 */
export function wrapWords(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lower case, punctuation and extra spaces removed: for comparing what text says, not how. */
export function normaliseText(text: string): string {
  // Most text is ASCII, where letters and digits are a-z and 0-9: plain patterns are much faster.
  if (ASCII.test(text)) {
    return text
      .toLowerCase()
      .replace(/'/g, '')
      .replace(/[^a-z0-9/]+/g, ' ')
      .trim();
  }
  return text
    .toLowerCase()
    .replace(/[\u2019']/g, '')
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();
}

const ASCII = /^[\x00-\x7f]*$/; // eslint-disable-line no-control-regex -- every ASCII code, control characters included

const PLACEHOLDERS = new Set([
  'tbc',
  'tba',
  'tbd',
  'n/a',
  'n a',
  'na',
  'none',
  'nil',
  'no',
  'yes',
  'x',
  'xx',
  'xxx',
  'todo',
  'to do',
  'to follow',
  'see above',
  'as above',
  'same as above',
  'as before',
  'see previous',
  'see notes',
  'see oasys',
  'see ndelius',
  'not known',
  'unknown',
  'pending',
  'later',
  'ok',
  'fine',
  'test',
  'placeholder',
  'lorem ipsum',
]);

/**
 * A placeholder test (TBC, N/A, as above …) that also knows some phrases of its own, compared
 * after normaliseText. Text is normalised at most once, and long text only when it could
 * normalise to one of the phrases: no built-in placeholder is that long, so the prefix decides.
 */
export function placeholderTest(phrases: Iterable<string>): (text: string | undefined) => boolean {
  const extra = new Set([...phrases].map(normaliseText));
  const longest = Math.max(0, ...[...extra].map((p) => p.length));
  return (text) => {
    if (text === undefined) return true;
    if (text.length > 40 && text.trim().length > 40) {
      return /^[\s"'(]*(tbc|tba|n\/a)\b/i.test(text) || (extra.size > 0 && keepsAtMost(text, longest) && extra.has(normaliseText(text)));
    }
    const normal = normaliseText(text);
    return normal === '' || PLACEHOLDERS.has(normal) || /^(tbc|tba|n\/a)\b/.test(normal) || extra.has(normal);
  };
}

/** Whether text is a placeholder (TBC, N/A, as above …) rather than content. */
export const isPlaceholder: (text: string | undefined) => boolean = placeholderTest([]);

/** Whether text has at most `max` ASCII letters and digits: normaliseText keeps every one of them. */
function keepsAtMost(text: string, max: number): boolean {
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (++kept > max) return false;
    }
  }
  return true;
}

export function wordCount(text: string): number {
  return normaliseText(text).split(' ').filter(Boolean).length;
}

/**
 * Control codes and bidirectional overrides: in a message they would act on the terminal (move
 * the cursor, recolour, hide text) or reorder what is shown, rather than be seen.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g; // eslint-disable-line no-control-regex -- finds control characters to keep them out of terminals

/** Input text made safe to print: unprintable characters become the replacement character (�). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '\ufffd');
}

/** Shortens quoted input for a message: findings quote no more of a case file than they need. */
export function quote(text: string, max = 40): string {
  const flat = printable(text.replace(/\s+/g, ' ').trim());
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Joins words as a sentence does: "a", "a and b", "a, b and c" (or "or"). */
export function listWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]!}`;
}
