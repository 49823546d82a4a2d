// Compiles the JSON Schemas to standalone validator code at build time (ajv standalone), so
// planlint does not compile schemas at every start. Output: dist/generated/validators.js.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { SCHEMA_KINDS } from '../dist/src/validate/schemas.js';
import { AJV_OPTIONS, exportName } from '../dist/src/validate/validator-options.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ajv = new Ajv2020.default({ ...AJV_OPTIONS, code: { source: true, esm: true } });
addFormats.default(ajv, ['date']);
const ids = {};
for (const kind of SCHEMA_KINDS) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', `${kind}.schema.json`), 'utf8'));
  ajv.addSchema(schema);
  ids[exportName(kind)] = schema.$id;
}
const code = standaloneCode.default(ajv, ids);
const out = join(root, 'dist', 'generated', 'validators.js');
mkdirSync(dirname(out), { recursive: true });
// The generated code calls require() for two runtime helpers; give it one in ESM.
writeFileSync(out, `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${code}`);
