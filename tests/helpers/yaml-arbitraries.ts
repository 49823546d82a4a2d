/** Random YAML-ish text and random edits of real files, shared by the fuzz and composer tests. */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Pieces of YAML syntax, so random text often gets far into the parser. */
const yamlPiece = fc.constantFrom(
  'kind',
  ': ',
  'case-file',
  'sentence-plan',
  'review',
  'schemaVersion: 1',
  'case',
  'person',
  'name',
  'plan',
  'contacts',
  'date',
  '2024-01-31',
  '09:30',
  ':',
  '-',
  '- ',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '#',
  ' # note',
  '&a',
  '*a',
  '&b ',
  '*b',
  '!!str ',
  '!!js/function ',
  '!custom ',
  '!<tag:x> ',
  '|',
  '>-',
  '---',
  '...',
  '%YAML 1.2',
  '%TAG ! tag:x,',
  '\n',
  '\r\n',
  '\r',
  '  ',
  '    ',
  '\t',
  ' ',
  'x',
  'Zoë',
  '\u0000',
  '\u202e',
  '\uFEFF',
  '\\',
  '~',
  'null',
  'true',
  '.inf',
  '0x1F',
  '<<',
  '__proto__',
  'constructor',
  '@',
  '`',
  '\u{1F600}',
);

export const yamlText = fc.oneof(
  fc.array(yamlPiece, { maxLength: 120 }).map((pieces) => pieces.join('')),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 6 }).map((value) => stringify(value)),
  fc.jsonValue({ maxDepth: 6 }).map((value) => JSON.stringify(value)),
);

interface Mutation {
  op: 'delete' | 'duplicate' | 'swap' | 'indent' | 'insert' | 'truncate';
  at: number;
  other: number;
  by: number;
  text: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'insert', 'truncate'),
  at: fc.nat(),
  other: fc.nat(),
  by: fc.integer({ min: -6, max: 6 }),
  text: fc.array(yamlPiece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')),
});

function mutate(source: string, m: Mutation): string {
  const lines = source.split('\n');
  const i = m.at % lines.length;
  const j = m.other % lines.length;
  switch (m.op) {
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'duplicate':
      lines.splice(i, 0, lines[i]!);
      break;
    case 'swap':
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      break;
    case 'indent':
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i]! : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    case 'insert': {
      const offset = m.other % (source.length + 1);
      return source.slice(0, offset) + m.text + source.slice(offset);
    }
    case 'truncate':
      return source.slice(0, m.at % (source.length + 1));
  }
  return lines.join('\n');
}

/** Each source, edited one to five times. */
export const mutatedText = (sources: string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([source, mutations]) => mutations.reduce(mutate, source));
