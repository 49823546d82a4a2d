import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.js';

/** The kinds of planlint's own documents, each with its JSON Schema in schemas/. */
export const SCHEMA_KINDS = ['case-file', 'sentence-plan', 'review'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/**
 * Every kind a case can be built from: planlint's own documents, and plans exported by the HMPPS
 * digital sentence plan service. Exports have no JSON Schema: they are recognised by their shape
 * and checked as they are mapped (src/hmpps/), so a `kind:` field can never name them.
 */
export const DOCUMENT_KINDS = [...SCHEMA_KINDS, 'hmpps-sentence-plan'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type JsonSchema = Record<string, unknown>;

function schemaPath(kind: SchemaKind): string {
  return join(PACKAGE_ROOT, 'schemas', `${kind}.schema.json`);
}

const cache = new Map<SchemaKind, JsonSchema>();

export function loadSchema(kind: SchemaKind): JsonSchema {
  let schema = cache.get(kind);
  if (!schema) {
    schema = JSON.parse(readFileSync(schemaPath(kind), 'utf8')) as JsonSchema;
    cache.set(kind, schema);
  }
  return schema;
}

/** Whether a `kind:` value names one of planlint's own documents. */
export function isDocumentKind(value: unknown): value is SchemaKind {
  return typeof value === 'string' && (SCHEMA_KINDS as readonly string[]).includes(value);
}

/**
 * Follows a `$ref` to the schema it names. planlint's schemas only refer into case-file's $defs,
 * either locally (`#/$defs/x`) or from a sibling file (`case-file.schema.json#/$defs/x`).
 */
const resolved = new WeakMap<JsonSchema, JsonSchema>();
const propertiesOf = new WeakMap<JsonSchema, Record<string, JsonSchema>>();

export function resolveRef(schema: JsonSchema): JsonSchema {
  // Rules walk case files beside the schema, so the same lookups repeat for every node.
  let known = resolved.get(schema);
  if (!known) {
    known = followRef(schema);
    resolved.set(schema, known);
  }
  return known;
}

function followRef(schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; hops < 10 && typeof current.$ref === 'string'; hops++) {
    const name = /#\/\$defs\/([^/]+)$/.exec(current.$ref)?.[1];
    const defs = loadSchema('case-file').$defs as Record<string, JsonSchema>;
    const target = name ? defs[name] : undefined;
    if (!target) break;
    // Sibling keywords (title, description) sit beside $ref; keep them over the target's.
    const { $ref: _ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}

/** The property schemas a schema object allows, following $ref for composed schemas. */
export function allowedProperties(schema: JsonSchema): Record<string, JsonSchema> {
  let known = propertiesOf.get(schema);
  if (!known) {
    const own = (schema.properties ?? {}) as Record<string, JsonSchema>;
    known = typeof schema.$ref !== 'string' ? own : { ...allowedProperties(resolveRef({ $ref: schema.$ref })), ...own };
    propertiesOf.set(schema, known);
  }
  return known;
}
