// Writes self-contained copies of the JSON Schemas to dist/schemas/ for editors, at build time.
//
// schemas/sentence-plan.schema.json and review.schema.json $ref into case-file.schema.json by a
// relative URI, which resolves against their https $id, not the folder they were loaded from.
// Measured with yaml-language-server (the engine of redhat.vscode-yaml) loading them from
// node_modules: 1.20.0 tries to download https://planlint.dev/…/case-file.schema.json and gives no
// hover or completion; 2.0.0 falls back to the sibling file; 1.19.2 also drops every property
// that comes through a root $ref that has sibling properties. So the copies here have no
// cross-file $ref at all: the $defs each needs are copied in, and a root $ref to an object's
// fields is merged into the root, which every version reads. planlint itself validates with the
// schemas/ sources (dist/generated/validators.js); these copies are for editors only.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'schemas');
const out = join(root, 'dist', 'schemas');

const read = (file) => JSON.parse(readFileSync(join(source, file), 'utf8'));
const LOCAL = /^#\/\$defs\/([^/]+)$/;

/** A $ref as a [file, def name] pair: file is '' for a reference within the same schema. */
function parseRef(ref) {
  const [file, fragment = ''] = ref.split('#', 2);
  const name = LOCAL.exec(`#${fragment}`)?.[1];
  if (!name) throw new Error(`bundle-schemas: cannot bundle $ref "${ref}" (only #/$defs/<name> references are supported).`);
  return [file, name];
}

function bundle(file, schemas) {
  const schema = schemas.get(file);
  const defs = new Map(); // def name → [source file, def schema]
  const copy = (node, from) => {
    if (Array.isArray(node)) return node.map((n) => copy(n, from));
    if (!node || typeof node !== 'object') return node;
    const result = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$defs' && node === schemas.get(from)) continue; // only the defs used are kept
      if (key === '$ref' && typeof value === 'string') {
        const [refFile, name] = parseRef(value);
        const target = refFile || from;
        const known = defs.get(name);
        if (known && known[0] !== target) throw new Error(`bundle-schemas: $defs/${name} is defined in both ${known[0]} and ${target}.`);
        if (!known) {
          const def = schemas.get(target)?.$defs?.[name];
          if (!def) throw new Error(`bundle-schemas: ${from}: $ref "${value}" names nothing.`);
          defs.set(name, [target, undefined]);
          defs.set(name, [target, copy(def, target)]);
        }
        result.$ref = `#/$defs/${name}`;
        continue;
      }
      result[key] = copy(value, from);
    }
    return result;
  };
  const bundled = copy(schema, file);

  // A root "$ref" beside root "properties" (a document = an object's fields + kind and caseRef)
  // is merged into the root, so that readers without 2020-12 $ref semantics see every property.
  if (typeof bundled.$ref === 'string' && bundled.properties) {
    const [, name] = parseRef(bundled.$ref);
    const target = defs.get(name)[1];
    const mergeable = Object.keys(target).every((k) => ['title', 'description', 'type', 'properties', 'required'].includes(k));
    if (mergeable && target.type === bundled.type) {
      delete bundled.$ref;
      // The document's own fields (kind, schemaVersion, caseRef) first, as completion lists them.
      bundled.properties = { ...bundled.properties, ...Object.fromEntries(Object.entries(target.properties).filter(([k]) => !(k in bundled.properties))) };
      bundled.required = [...new Set([...(target.required ?? []), ...(bundled.required ?? [])])];
      if (!usesRef(bundled, name) && ![...defs.values()].some(([, d]) => usesRef(d, name))) defs.delete(name);
    }
  }
  if (defs.size) bundled.$defs = Object.fromEntries([...defs.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, [, def]]) => [name, def]));
  return bundled;
}

function usesRef(node, name) {
  if (Array.isArray(node)) return node.some((n) => usesRef(n, name));
  if (!node || typeof node !== 'object') return false;
  return Object.entries(node).some(([k, v]) => (k === '$ref' ? v === `#/$defs/${name}` : k !== '$defs' && usesRef(v, name)));
}

const files = readdirSync(source)
  .filter((f) => f.endsWith('.schema.json'))
  .sort();
const schemas = new Map(files.map((f) => [f, read(f)]));
mkdirSync(out, { recursive: true });
for (const file of files) writeFileSync(join(out, file), `${JSON.stringify(bundle(file, schemas), null, 2)}\n`);
