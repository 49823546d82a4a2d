// Rewrites the generated parts of README.md and docs/schema.md. Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReadme, root, schemaReference } from './readme-sections.mjs';

const readmePath = join(root, 'README.md');
writeFileSync(readmePath, await renderReadme(readFileSync(readmePath, 'utf8')));
writeFileSync(join(root, 'docs', 'schema.md'), schemaReference());
console.log('Updated README.md and docs/schema.md');
