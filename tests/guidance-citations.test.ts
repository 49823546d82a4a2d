/**
 * Guidance is cited as publications (title, publisher, section), never by the file names of the
 * folder the project was built from, and rule links lead to the rule's page shipped with planlint,
 * not to a web domain the project does not have. tests/e2e/package.test.ts checks the packed files.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCitation, formatGuidance } from '../src/core/guidance.js';
import { loadBuiltInRules } from '../src/engine/load-rules.js';
import { root } from './helpers/cli.js';
import { GUIDANCE_FILE_NAME, UNOWNED_RULE_LINK } from './helpers/guidance-names.js';

/** Every file of the repository (tracked, or new and not ignored), as text. */
function repositoryFiles(): { path: string; text: string }[] {
  const paths = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  return paths
    .filter((p) => !/\.(png|jpe?g|gif|ico|tgz|woff2?)$/i.test(p))
    .flatMap((path) => {
      try {
        return [{ path, text: readFileSync(join(root, path), 'utf8') }];
      } catch {
        return []; // deleted in the work tree but still tracked
      }
    });
}

describe('guidance is cited by publication', () => {
  it('no file of the repository names a file of the guidance folder, old or new', () => {
    const found = repositoryFiles().flatMap(({ path, text }) => [...text.matchAll(GUIDANCE_FILE_NAME)].map((m) => `${path}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('no rule link points at a web domain the project does not have', () => {
    const found = repositoryFiles().flatMap(({ path, text }) => [...text.matchAll(UNOWNED_RULE_LINK)].map((m) => `${path}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('a citation names the publisher, the title, the series and the section', async () => {
    expect(formatCitation({ publication: 'hmip-planning-for-engagement', section: 'on contact' }, { markdown: true })).toBe(
      'HM Inspectorate of Probation, *Planning for engagement* (effective practice guide): on contact',
    );
    expect(formatCitation({ publication: 'hughes-service-user-engagement', section: 'The service users' })).toBe("William Hughes, Service User Engagement – What's the big deal? (EuroVista): The service users");
    // A team's own publication, and plain text from a plugin written before citations.
    expect(formatGuidance({ publication: { title: 'Local contact standard', publisher: 'Probation Service, Wales' }, section: 'part 2' })).toBe('Probation Service, Wales, Local contact standard: part 2');
    expect(formatGuidance('Local practice note 4')).toBe('Local practice note 4');
    for (const { meta } of await loadBuiltInRules()) expect(formatGuidance(meta.guidance), meta.id).toMatch(/^(HM Inspectorate of Probation|William Hughes), /);
  });
});
