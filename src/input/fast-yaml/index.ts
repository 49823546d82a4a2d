/**
 * The fast readers, behind one entry: load-documents tries the text reader, then the token
 * composer, and falls back to yaml's own composer for everything they step aside from.
 */
export { PARSE_OPTIONS, composeCommonYaml } from './compose-common-yaml.js';
export type { ComposedDocument } from './compose-common-yaml.js';
export { readCommonYaml } from './read-common-yaml.js';
export { scanStructure } from './scan-structure.js';
export { finishRecord, newRecord, setField } from './plain-record.js';
