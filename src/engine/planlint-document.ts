/**
 * Whether a file is one planlint judges: the one definition used when walking folders (other
 * YAML and JSON files are skipped) and by the language server (which may be attached to every YAML
 * and JSON file in a workspace). It is decided from the documents the engine has already loaded,
 * so a run never reads or parses a file twice to decide.
 */
import { closestMatch } from '../core/text.js';
import { recogniseExport } from '../hmpps/recognise-export.js';
import type { LoadedDocument } from '../input/load-documents.js';
import { SCHEMA_KINDS } from '../validate/schemas.js';

/** A `kind` planlint knows, or one a slip away from it (so `kind: sentence_plan` still gets its "did you mean"). */
function isPlanlintKind(kind: string): boolean {
  return (SCHEMA_KINDS as readonly string[]).includes(kind) || closestMatch(kind, SCHEMA_KINDS) !== undefined;
}

/** A top-level `kind:` line (YAML) or a `"kind": "…"` member (JSON), for text that could not be read whole. */
const KIND_IN_TEXT = /^["']?kind["']?\s*:\s*["']?([A-Za-z][\w-]*)|"kind"\s*:\s*"([A-Za-z][\w-]*)"/gm;
/** The schema modeline `planlint init` writes, or a JSON "$schema" naming one of planlint's schemas. */
const PLANLINT_SCHEMA = /^#\s*yaml-language-server:\s*\$schema=\S*planlint|"\$schema"\s*:\s*"[^"]*planlint/m;

/** Whether one document's value is a planlint document (its `kind`) or an HMPPS sentence plan export (its shape). */
function isPlanlintValue(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'kind' in value) {
    const kind = value.kind;
    return typeof kind === 'string' && isPlanlintKind(kind);
  }
  return recogniseExport(value) !== undefined;
}

/**
 * Whether a loaded file is for planlint: one of its documents is a planlint document or an HMPPS
 * export, or it names planlint's schema. A file that could not be read whole (broken YAML or JSON: a plan being typed, a merge
 * conflict) is judged by what its text says of itself, so a broken plan still gets its findings.
 */
export function isPlanlintFile(documents: readonly Pick<LoadedDocument, 'value' | 'broken'>[], text: string, hasSyntaxErrors: boolean): boolean {
  if (documents.some((doc) => isPlanlintValue(doc.value))) return true;
  if (PLANLINT_SCHEMA.test(text)) return true; // says it is one, even with its kind left out
  if (!hasSyntaxErrors && !documents.some((doc) => doc.broken)) return false;
  for (const match of text.matchAll(KIND_IN_TEXT)) if (isPlanlintKind((match[1] ?? match[2])!)) return true;
  return false;
}
