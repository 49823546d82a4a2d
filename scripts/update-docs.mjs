// Rewrites the generated parts of README.md, docs/schema.md and the rule pages. Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReadme, renderRulePages, root, schemaReference } from './readme-sections.mjs';

const readmePath = join(root, 'README.md');
writeFileSync(readmePath, await renderReadme(readFileSync(readmePath, 'utf8')));
writeFileSync(join(root, 'docs', 'schema.md'), schemaReference());
for (const [path, page] of await renderRulePages()) writeFileSync(path, page);
console.log('Updated README.md, docs/schema.md and the Guidance row of each rule page');
