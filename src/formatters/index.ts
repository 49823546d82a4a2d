import type { StreamingFormatter, TwoPassFormatter } from './streaming.js';
import type { Formatter, FormatterNeeds } from './types.js';

/** Formatters by name, loaded only when asked for. */
const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).formatStylish,
  json: async () => (await import('./json.js')).formatJson,
  html: async () => (await import('./html.js')).formatHtml,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  junit: async () => (await import('./junit.js')).formatJunit,
  github: async () => (await import('./github.js')).formatGithub,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
};

export const FORMATTER_NAMES = Object.keys(FORMATTERS);

/** What each format needs beyond the findings (the others need nothing more). */
const NEEDS: Record<string, FormatterNeeds> = {
  // Each file's source lines and case timeline, and each fired rule explained from its page.
  html: { source: true, cases: true, ruleDocs: true },
  sarif: { ruleDocs: true, version: true },
  // Links to the published pages of rules that have one.
  markdown: { ruleDocs: true },
};

/** What a run writing these formats needs, all together. */
export function formatterNeeds(formats: readonly string[]): FormatterNeeds {
  const needs: FormatterNeeds = {};
  for (const format of formats) if (Object.hasOwn(NEEDS, format)) Object.assign(needs, NEEDS[format]);
  return needs;
}

/** Formatters that can write each file's part as it is linted (nothing held for the corpus). */
const STREAMING: Record<string, () => Promise<StreamingFormatter>> = {
  stylish: async () => (await import('./stylish.js')).streamStylish,
  json: async () => (await import('./json.js')).streamJson,
  github: async () => (await import('./github.js')).streamGithub,
};

/** Formatters whose opening needs the whole run, written in two passes (results spooled to a scratch file between them). */
const TWO_PASS: Record<string, () => Promise<TwoPassFormatter>> = {
  sarif: async () => (await import('./sarif.js')).twoPassSarif,
  junit: async () => (await import('./junit.js')).twoPassJunit,
  markdown: async () => (await import('./markdown.js')).twoPassMarkdown,
};

export async function loadTwoPassFormatter(name: string): Promise<TwoPassFormatter | undefined> {
  return Object.hasOwn(TWO_PASS, name) ? TWO_PASS[name]!() : undefined;
}

export async function loadStreamingFormatter(name: string): Promise<StreamingFormatter | undefined> {
  return Object.hasOwn(STREAMING, name) ? STREAMING[name]!() : undefined;
}

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  // Own names only: "toString" and the like are not formats.
  return Object.hasOwn(FORMATTERS, name) ? FORMATTERS[name]!() : undefined;
}
