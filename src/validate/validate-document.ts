import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject } from 'ajv';
import { bundled } from '../runtime/bundled-modules.js';
import { importModule } from '../runtime/import-module.js';
import { loadAjv } from './lazy-ajv.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { AJV_OPTIONS, exportName } from './validator-options.js';
import type { Finding, SourceRange } from '../core/findings.js';
import { ENGINE_RULE_IDS } from '../core/findings.js';
import type { LoadedDocument } from '../input/load-documents.js';
import type { SourceMap } from '../input/source-map.js';
import { SCHEMA_KINDS, allowedProperties, isDocumentKind, loadSchema, resolveRef } from './schemas.js';
import type { DocumentKind, JsonSchema, SchemaKind } from './schemas.js';
import { closestMatch, printable, quote } from '../core/text.js';

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validators: Map<SchemaKind, Validate> | undefined;

function compileValidators(): Map<SchemaKind, Validate> {
  const ajv = new (loadAjv().Ajv2020)(AJV_OPTIONS);
  loadAjv().addFormats(ajv, ['date']);
  for (const k of SCHEMA_KINDS) ajv.addSchema(loadSchema(k));
  return new Map(SCHEMA_KINDS.map((k) => [k, ajv.getSchema(loadSchema(k).$id as string) as Validate]));
}

/**
 * Loads the validators precompiled at build time (dist/generated/validators.js, written by
 * scripts/compile-validators.mjs), so a run does not compile schemas at start-up. Running from
 * source (the tests), or without the generated file, they are compiled on first use instead.
 */
export async function prepareValidators(): Promise<void> {
  if (validators) return;
  if (bundled) {
    const inBundle = bundled.validators as Record<string, Validate>;
    validators = new Map(SCHEMA_KINDS.map((k) => [k, inBundle[exportName(k)]!]));
    return;
  }
  const generated = join(PACKAGE_ROOT, 'dist', 'generated', 'validators.js');
  if (import.meta.url.endsWith('.js') && existsSync(generated)) {
    const module = (await importModule(pathToFileURL(generated).href)) as Record<string, Validate>;
    validators = new Map(SCHEMA_KINDS.map((k) => [k, module[exportName(k)]!]));
  }
}

function getValidator(kind: SchemaKind): Validate {
  validators ??= compileValidators();
  return validators.get(kind)!;
}

type Path = (string | number)[];

/** `; found "…"` for a message, or nothing in a redacted report. */
const foundClause = (value: unknown, redact: boolean) => (redact ? '' : `; found ${describeValue(value, redact)}`);

/** Schema problems listed for one document; a file with thousands says so once rather than list them all. */
const MAX_SCHEMA_FINDINGS = 100;

/**
 * Checks one document against the schema for its kind and says what is wrong in plain words, at
 * the node it is about. Returns the kind when the document names a known one.
 */
export function validateDocument(doc: LoadedDocument, sourceMap: SourceMap, { redact = false }: { redact?: boolean } = {}): { kind?: DocumentKind; findings: Finding[] } {
  const value = doc.value;
  const at = (range: SourceRange, message: string): Finding => ({ ruleId: ENGINE_RULE_IDS.schema, severity: 'error', message, ...range });
  const docRange = sourceMap.toRange(doc.span);
  const docHead = { ...docRange, endLine: docRange.line, endColumn: docRange.line === docRange.endLine ? docRange.endColumn : docRange.column + 1 };
  const kinds = SCHEMA_KINDS.join(', ');

  if (value === null || value === undefined) {
    return { findings: [at(docHead, `The document is empty. Expected a planlint document starting with "kind:" (one of ${kinds}).`)] };
  }
  if (!isRecord(value)) {
    return { findings: [at(docHead, `Expected a planlint document (fields such as "kind: case-file")${foundClause(value, redact)}.`)] };
  }
  if (!('kind' in value)) {
    return { findings: [at(docHead, `The document does not say what it is: add "kind:" with one of ${kinds}.`)] };
  }
  const kind = value.kind;
  if (!isDocumentKind(kind)) {
    const suggestion = typeof kind === 'string' ? closestMatch(kind, SCHEMA_KINDS) : undefined;
    return {
      findings: [at(sourceMap.rangeOf(value, 'kind'), `kind must be one of ${kinds}${foundClause(kind, redact)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`)],
    };
  }

  const validate = getValidator(kind);
  if (validate(value)) return { kind, findings: [] };
  const errors = dropMissingExplainedByTypos(collapseAlternatives(validate.errors ?? []));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  let unlisted = 0;
  let firstUnlisted: SourceRange | undefined;
  const unlistedKeys = new Set<string>();
  for (const error of errors) {
    if (findings.length >= MAX_SCHEMA_FINDINGS && firstUnlisted) {
      // Past the cap only a count is needed: skip the wording (and its "did you mean" search).
      const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
      if (!unlistedKeys.has(key)) unlisted++;
      unlistedKeys.add(key);
      continue;
    }
    const described = describeError(error, value, sourceMap, redact);
    if (!described) continue;
    const key = `${described.range.line}:${described.range.column}:${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (findings.length < MAX_SCHEMA_FINDINGS) findings.push(at(described.range, described.message));
    else if (unlisted++ === 0) firstUnlisted = described.range;
  }
  if (firstUnlisted) {
    findings.push(
      at(firstUnlisted, `${unlisted.toLocaleString('en-GB')} more schema problem${unlisted === 1 ? '' : 's'} from here on ${unlisted === 1 ? 'is' : 'are'} not listed; fix the ones above and lint the file again.`),
    );
  }
  return { kind, findings };
}

/**
 * `frequncy: weekly` is both an unknown field and a missing `frequency`; the "did you mean" on the
 * unknown field says it all, so the missing-field complaint it explains is left out.
 */
function dropMissingExplainedByTypos(errors: ErrorObject[]): ErrorObject[] {
  const typos = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties' && e.keyword !== 'unevaluatedProperties') continue;
    const params = e.params as { additionalProperty?: string; unevaluatedProperty?: string };
    const key = params.additionalProperty ?? params.unevaluatedProperty;
    if (!key) continue;
    const list = typos.get(e.instancePath);
    if (list) list.push(key);
    else typos.set(e.instancePath, [key]);
  }
  if (typos.size === 0) return errors;
  return errors.filter((e) => {
    if (e.keyword !== 'required') return true;
    const missing = String((e.params as { missingProperty?: string }).missingProperty);
    const candidates = typos.get(e.instancePath) ?? [];
    // A handful of unknown fields can be slips; thousands (hostile input) are not worth comparing.
    return candidates.length > 20 || !candidates.some((typo) => closestMatch(typo, [missing]) === missing);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsePointer(pointer: string, root: unknown): Path {
  if (pointer === '') return [];
  const path: Path = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(node) ? Number(segment) : segment;
    path.push(step);
    node = (node as Record<string | number, unknown> | undefined)?.[step];
  }
  return path;
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const step of path) node = (node as Record<string | number, unknown> | null | undefined)?.[step];
  return node;
}

function displayPath(path: Path): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out ? `.${step}` : step;
  return out || 'the document';
}

/** The range of the value at `path`, or of its key when `at` is 'key'. */
function rangeAt(root: object, path: Path, sourceMap: SourceMap, at: 'value' | 'key' = 'value'): SourceRange {
  if (path.length === 0) return sourceMap.headOf(root);
  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (typeof parent !== 'object' || parent === null) return sourceMap.headOf(root);
  const range = sourceMap.rangeOf(parent, last, at);
  // A whole mapping spans many lines; point at its first line so editors underline something readable.
  return range.endLine > range.line ? { ...range, endLine: range.line, endColumn: range.column + 1 } : range;
}

/**
 * Where anyOf/oneOf fails, ajv reports every branch's complaints. Keep only the branch the data
 * was evidently meant for (its type matched, fewest complaints), or one message naming the types.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let remaining = errors;
  const unions = errors.filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !(e.params as { passingSchemas?: unknown }).passingSchemas).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (!remaining.includes(union)) continue;
    const prefix = `${union.schemaPath}/`;
    const branches = new Map<number, ErrorObject[]>();
    for (const e of remaining) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const index = Number(e.schemaPath.slice(prefix.length).split('/')[0]);
      branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    const typeMismatch = (list: ErrorObject[]) => list.some((e) => e.keyword === 'type' && e.instancePath === union.instancePath);
    const candidates = [...branches.values()].filter((list) => !typeMismatch(list)).sort((a, b) => a.length - b.length);
    const drop = new Set<ErrorObject>([...branches.values()].flat());
    const chosen = candidates[0];
    if (chosen) {
      drop.add(union);
      for (const e of chosen) drop.delete(e);
    }
    remaining = remaining.filter((e) => !drop.has(e));
  }
  return remaining;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  null: 'empty',
};

/** A value as a message quotes it; with `redact` (--redact), text is not quoted. */
export function describeValue(value: unknown, redact = false): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (redact) return '[redacted]';
    const flat = printable(value.replace(/\s+/g, ' ')); // a quote stays on one line of the report
    return `"${flat.length > 40 ? `${flat.slice(0, 37)}…` : flat}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a set of fields';
}

const PATTERN_WORDS: Record<string, string> = {
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': 'a time on the 24-hour clock written HH:MM, such as 09:30',
  '^[A-Za-z0-9][A-Za-z0-9_-]*$': 'a short identifier of letters, digits and hyphens, such as rar or childcare',
};

function describeError(error: ErrorObject, root: Record<string, unknown>, sourceMap: SourceMap, redact: boolean): { range: SourceRange; message: string } | undefined {
  const path = parsePointer(error.instancePath, root);
  const name = displayPath(path);
  const value = valueAt(root, path);
  const schema = (error.parentSchema ?? {}) as JsonSchema;
  const params = error.params as Record<string, unknown>;
  const found = foundClause(value, redact);

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const field = resolveRef(allowedProperties(schema)[missing] ?? {});
      const what = typeof field.title === 'string' ? ` (${field.title.toLowerCase()})` : '';
      const where = path.length === 0 ? 'The document' : name;
      return { range: rangeAt(root, path, sourceMap, 'key'), message: `${where} is missing "${missing}"${what}.` };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const unknown = String(params.additionalProperty ?? params.unevaluatedProperty);
      const allowed = Object.keys(allowedProperties(schema));
      const suggestion = closestMatch(unknown, allowed);
      const where = path.length === 0 ? `a ${String(root.kind)} document` : name;
      return {
        range: rangeAt(root, [...path, unknown], sourceMap, 'key'),
        message: `Unknown field ${redact ? '' : `"${quote(unknown, 40)}" `}in ${where}${suggestion ? `; did you mean "${suggestion}"?` : `. Allowed here: ${allowed.join(', ')}.`}`,
      };
    }
    case 'enum': {
      const options = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? closestMatch(value, options) : undefined;
      return {
        range: rangeAt(root, path, sourceMap),
        message: `${name} must be one of ${options.join(', ')}${found}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
      };
    }
    case 'const':
      return { range: rangeAt(root, path, sourceMap), message: `${name} must be ${JSON.stringify(params.allowedValue)}${found}.` };
    case 'type': {
      const wanted = String(params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      return { range: rangeAt(root, path, sourceMap), message: `${name} must be ${wanted}${found}.` };
    }
    case 'anyOf':
    case 'oneOf': {
      const branches = ((schema[error.keyword] ?? []) as JsonSchema[]).map(resolveRef);
      const kinds = [...new Set(branches.map((b) => TYPE_WORDS[String(b.type)] ?? 'another form'))];
      return { range: rangeAt(root, path, sourceMap), message: `${name} must be ${kinds.join(' or ')}${found}.` };
    }
    case 'format':
      return {
        range: rangeAt(root, path, sourceMap),
        message: params.format === 'date' ? `${name} must be a real date written YYYY-MM-DD, such as 2024-03-01${found}.` : `${name} must be a valid ${String(params.format)}${found}.`,
      };
    case 'pattern':
      return { range: rangeAt(root, path, sourceMap), message: `${name} must be ${PATTERN_WORDS[String(params.pattern)] ?? `in the form ${String(params.pattern)}`}${found}.` };
    case 'minLength':
      return { range: rangeAt(root, path, sourceMap), message: `${name} must not be empty.` };
    case 'minItems':
      return { range: rangeAt(root, path, sourceMap), message: `${name} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.` };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
      return {
        range: rangeAt(root, path, sourceMap),
        message: `${name} must be ${error.keyword === 'minimum' ? 'at least' : error.keyword === 'maximum' ? 'at most' : 'more than'} ${String(params.limit)}${found}.`,
      };
    default:
      return { range: rangeAt(root, path, sourceMap), message: `${name} ${error.message ?? 'is not valid'}.` };
  }
}
