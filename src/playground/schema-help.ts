/**
 * Help for fields from the JSON Schemas, for the playground's completion and hover: where the
 * cursor is in a block-style YAML document (which keys and list items lead to it, walked by
 * indentation), and what the schema says is allowed there. A simple walker, not a parser: it reads
 * the lines above the cursor, so it works on a half-typed document that does not parse yet.
 */
import { SCHEMA_KINDS, allowedProperties, isDocumentKind, loadSchema, resolveRef } from '../validate/schemas.js';
import type { JsonSchema } from '../validate/schemas.js';

/** A step from a mapping to a key's value, or from a sequence to one of its items. */
type Step = { key: string } | { item: true };

export interface FieldHelp {
  name: string;
  title?: string;
  description?: string;
  /** The kind of value, in words: "text", "date (YYYY-MM-DD)", "one of: a, b", "list". */
  type?: string;
}

export interface CompletionHelp {
  /** Where the word being completed starts. */
  from: number;
  /** Field names (at a key) or values (after "key: "). */
  options: { label: string; detail?: string; info?: string; isKey: boolean }[];
}

interface Line {
  from: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  for (const text_ of text.split('\n')) {
    lines.push({ from, text: text_ });
    from += text_.length + 1;
  }
  return lines;
}

/** A line's list dashes (their columns), and its key and the key's column, if it has one. */
function shapeOf(line: string): { dashes: number[]; keyColumn: number; key?: string } {
  const dashes: number[] = [];
  let column = 0;
  for (;;) {
    while (line[column] === ' ') column++;
    if (line[column] === '-' && (line[column + 1] === ' ' || column + 1 === line.length)) {
      dashes.push(column);
      column++;
    } else break;
  }
  const key = /^("[^"]*"|'[^']*'|[^\s#:'"][^:#]*?)\s*:(\s|$)/.exec(line.slice(column))?.[1];
  return { dashes, keyColumn: column, ...(key !== undefined ? { key: key.replace(/^["']|["']$/g, '') } : {}) };
}

/** The index of the line holding `offset`. */
function lineAt(lines: Line[], offset: number): number {
  let index = 0;
  while (index + 1 < lines.length && lines[index + 1]!.from <= offset) index++;
  return index;
}

const isBlankOrComment = (line: string) => /^\s*(#.*)?$/.test(line);

/** The document (between "---" lines) the line is in, as line indexes. */
function documentAround(lines: Line[], index: number): [number, number] {
  let start = index;
  while (start > 0 && !/^---(\s|$)/.test(lines[start - 1]!.text) && !/^---(\s|$)/.test(lines[start]!.text)) start--;
  if (/^---(\s|$)/.test(lines[start]!.text)) start++;
  let end = index;
  while (end + 1 < lines.length && !/^(---|\.\.\.)(\s|$)/.test(lines[end + 1]!.text)) end++;
  return [start, end];
}

/** The steps from the document's root to the mapping whose keys sit at `column` on line `index`. */
function stepsTo(lines: Line[], start: number, index: number, column: number, ownDashes: number[]): Step[] {
  const steps: Step[] = [];
  let limit = column;
  // Dashes on the cursor's own line, before it: the cursor is in a list item's mapping.
  for (const dash of [...ownDashes].reverse()) {
    if (dash < limit) {
      steps.unshift({ item: true });
      limit = dash;
    }
  }
  for (let i = index - 1; i >= start && limit > 0; i--) {
    const text = lines[i]!.text;
    if (isBlankOrComment(text)) continue;
    const shape = shapeOf(text);
    if (shape.key !== undefined && shape.keyColumn < limit) {
      steps.unshift({ key: shape.key });
      limit = shape.keyColumn;
    } else if (shape.key === undefined && shape.keyColumn < limit && shape.dashes.length === 0) {
      limit = shape.keyColumn; // a continuation line of text: not a parent
      continue;
    }
    for (const dash of [...shape.dashes].reverse()) {
      if (dash < limit) {
        steps.unshift({ item: true });
        limit = dash;
      }
    }
  }
  return steps;
}

/** The document's kind (its root "kind:" line), if it names one of planlint's schemas. */
function kindOf(lines: Line[], start: number, end: number): string | undefined {
  for (let i = start; i <= end; i++) {
    const m = /^kind:\s*["']?([\w-]+)/.exec(lines[i]!.text);
    if (m) return m[1];
  }
  return undefined;
}

/** Every alternative a schema allows, each with its $ref followed. */
function alternatives(schema: JsonSchema): JsonSchema[] {
  const resolved = resolveRef(schema);
  const branches = [...((resolved.anyOf as JsonSchema[] | undefined) ?? []), ...((resolved.oneOf as JsonSchema[] | undefined) ?? [])];
  return [resolved, ...branches.flatMap(alternatives)];
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  // The schema itself first: a document's root has its own fields beside a $ref to the rest.
  return Object.assign({}, ...alternatives(schema).map((s) => allowedProperties(s)), allowedProperties(schema)) as Record<string, JsonSchema>;
}

function follow(schema: JsonSchema | undefined, steps: Step[]): JsonSchema | undefined {
  let current = schema;
  for (const step of steps) {
    if (!current) return undefined;
    if ('key' in step) current = propertiesOf(current)[step.key];
    else current = alternatives(current).find((s) => s.items)?.items as JsonSchema | undefined;
  }
  return current;
}

function rootSchema(kind: string | undefined): JsonSchema | undefined {
  return isDocumentKind(kind) ? loadSchema(kind) : undefined;
}

/** The kind of value a schema wants, in words. */
function typeWords(schema: JsonSchema): string | undefined {
  const all = alternatives(schema);
  const values = enumValues(schema);
  if (values.length) return `one of: ${values.join(', ')}`;
  const s = all.find((x) => x.type !== undefined) ?? schema;
  if (s.format === 'date') return 'date (YYYY-MM-DD)';
  const type = Array.isArray(s.type) ? (s.type as string[]).join(' or ') : (s.type as string | undefined);
  return type === 'array' ? 'list' : type === 'object' ? 'fields' : type === 'string' ? 'text' : type;
}

function enumValues(schema: JsonSchema): string[] {
  const values = alternatives(schema).flatMap((s) => [...((s.enum as unknown[] | undefined) ?? []), ...('const' in s ? [s.const] : [])]);
  return [...new Set(values.map(String))];
}

function describe(name: string, schema: JsonSchema): FieldHelp {
  const resolved = resolveRef(schema);
  const type = typeWords(schema);
  return {
    name,
    ...(typeof resolved.title === 'string' ? { title: resolved.title } : {}),
    ...(typeof resolved.description === 'string' ? { description: resolved.description } : {}),
    ...(type ? { type } : {}),
  };
}

/** The schema's help for the field whose key is under `offset`, if the cursor is on a key. */
export function fieldAt(text: string, offset: number): FieldHelp | undefined {
  const lines = linesOf(text);
  const index = lineAt(lines, offset);
  const line = lines[index]!;
  const shape = shapeOf(line.text);
  if (shape.key === undefined) return undefined;
  const column = offset - line.from;
  // Only over the key itself (and its colon).
  if (column < shape.keyColumn || column > shape.keyColumn + line.text.slice(shape.keyColumn).indexOf(':') + 1) return undefined;
  const [start, end] = documentAround(lines, index);
  const steps = stepsTo(lines, start, index, shape.keyColumn, shape.dashes);
  if (steps.length === 0 && shape.key === 'kind')
    return { name: 'kind', title: 'Document kind', description: "What this document is: planlint's schema for it checks its fields.", type: `one of: ${SCHEMA_KINDS.join(', ')}` };
  const holder = follow(rootSchema(kindOf(lines, start, end)), steps);
  const schema = holder && propertiesOf(holder)[shape.key];
  return schema ? describe(shape.key, schema) : undefined;
}

/** What may be typed at `offset`: field names at a key, values after "key: ". */
export function completionAt(text: string, offset: number): CompletionHelp | undefined {
  const lines = linesOf(text);
  const index = lineAt(lines, offset);
  const line = lines[index]!;
  const before = line.text.slice(0, offset - line.from);
  const [start, end] = documentAround(lines, index);
  const kind = kindOf(lines, start, end);
  const shape = shapeOf(before);
  const valueMatch = /^(\s*(?:-\s+)*)([\w-]+):\s+(["']?)([\w-]*)$/.exec(before);
  if (valueMatch) {
    const key = valueMatch[2]!;
    const steps = stepsTo(lines, start, index, shape.keyColumn, shape.dashes);
    const word = valueMatch[4]!;
    if (steps.length === 0 && key === 'kind') return { from: offset - word.length, options: SCHEMA_KINDS.map((k) => ({ label: k, isKey: false })) };
    const holder = follow(rootSchema(kind), steps);
    const schema = holder && propertiesOf(holder)[key];
    if (!schema) return undefined;
    const values = enumValues(schema);
    const type = alternatives(schema).find((s) => s.type !== undefined)?.type;
    const options = values.length ? values : type === 'boolean' ? ['true', 'false'] : [];
    return options.length ? { from: offset - word.length, options: options.map((label) => ({ label, isKey: false })) } : undefined;
  }
  const keyMatch = /^(\s*(?:-\s+)*)([\w-]*)$/.exec(before);
  if (!keyMatch) return undefined;
  const word = keyMatch[2]!;
  const column = before.length - word.length;
  const steps = stepsTo(lines, start, index, column, shape.dashes);
  const holder = steps.length === 0 && !kind ? undefined : follow(rootSchema(kind), steps);
  if (!holder) {
    return steps.length === 0 ? { from: offset - word.length, options: [{ label: 'kind', detail: 'Document kind', info: SCHEMA_KINDS.join(', '), isKey: true }] } : undefined;
  }
  const present = keysPresent(lines, start, end, index, column);
  const options = Object.entries(propertiesOf(holder))
    .filter(([name]) => !present.has(name))
    .map(([name, schema]) => {
      const help = describe(name, schema);
      return { label: name, isKey: true, ...(help.title ? { detail: help.title } : {}), info: [help.description, help.type && `Value: ${help.type}.`].filter(Boolean).join(' ') };
    });
  return options.length ? { from: offset - word.length, options } : undefined;
}

/** Keys already written in the mapping the cursor is in (same column, same block), so completion offers the rest. */
function keysPresent(lines: Line[], start: number, end: number, index: number, column: number): Set<string> {
  const present = new Set<string>();
  const scan = (from: number, step: 1 | -1) => {
    for (let i = from; i >= start && i <= end; i += step) {
      const text = lines[i]!.text;
      if (isBlankOrComment(text)) continue;
      const shape = shapeOf(text);
      if (shape.keyColumn < column) return;
      if (shape.keyColumn > column) continue; // deeper: a field of a field
      const startsItem = shape.dashes.length > 0;
      // Going down, the next list item starts another mapping; going up, this item's first line ends this one.
      if (startsItem && step === 1) return;
      if (shape.key !== undefined) present.add(shape.key);
      if (startsItem) return;
    }
  };
  scan(index - 1, -1);
  scan(index + 1, 1);
  return present;
}
