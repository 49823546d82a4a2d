/**
 * Report data as a finding's message shows it in a report to be shared (--redact): no text from
 * the case file. (Rules keep quotes short themselves, with quote(); tests/privacy.test.ts checks.)
 */
import type { Report } from '../rule-kit/rule-api.js';
import { NEUTRAL_PRONOUN_DATA } from '../rule-kit/pronouns.js';
import { SCHEMA_KINDS, loadSchema } from '../validate/schemas.js';
const PERSON_PLACEHOLDER = 'the person';
const REDACTED = '[redacted]';

let vocabulary: Set<string> | undefined;

/**
 * Words a schema allows as enum values (childcare, mental-health, in-person …), as rules print
 * them (with or without hyphens). A closed list cannot carry anyone's details, so a redacted
 * report may keep them and stay readable.
 */
function schemaVocabulary(): Set<string> {
  if (vocabulary) return vocabulary;
  const words = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'enum' && Array.isArray(value)) {
          for (const word of value) if (typeof word === 'string') words.add(word.toLowerCase()).add(word.toLowerCase().replace(/-/g, ' '));
        } else {
          walk(value);
        }
      }
    }
  };
  for (const kind of SCHEMA_KINDS) walk(loadSchema(kind));
  vocabulary = words;
  return words;
}

/** Dates as rules print them (3 Mar 2025) and clock times: no one's details, and a finding needs them. */
const DATE_OR_TIME = /^(\d{1,2} [A-Z][a-z]{2} \d{4}|\d{2}:\d{2})$/;

function keepsWhenRedacted(value: string): boolean {
  if (DATE_OR_TIME.test(value)) return true;
  const words = schemaVocabulary();
  return value.split(', ').every((part) => words.has(part.toLowerCase()));
}

/**
 * Report data with its text replaced for a shared report: the person's name (`personName`) by
 * "the person", schema enum words, dates and times kept, everything else by
 * "[redacted]". Numbers are kept.
 */
export function redactData(data: Report['data'], personName: string): Report['data'] {
  if (!data) return data;
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') out[key] = value;
    // Pronouns become "they": with the name left out, a shared report says nothing of the person's gender.
    else if (key in NEUTRAL_PRONOUN_DATA) out[key] = NEUTRAL_PRONOUN_DATA[key]!;
    else if (value === personName || value === PERSON_PLACEHOLDER) out[key] = PERSON_PLACEHOLDER;
    else out[key] = keepsWhenRedacted(value) ? value : REDACTED;
  }
  return out;
}

/** Where the person's name began a sentence, "the person" now does: capitalise it. */
export function sentenceCase(message: string): string {
  return message.replace(/(^|[.!?]\s+)the person\b/g, (_whole, before: string) => `${before}The person`);
}
