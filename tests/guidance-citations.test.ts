/**
 * Guidance is cited as publications (title, publisher, section), never by the file names of the
 * folder the project was built from, and rule links lead to the rule's page shipped with planlint,
 * not to a web domain the project does not have. tests/e2e/package.test.ts checks the packed files.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readRuleDocs, ruleDocUrlFor } from '../src/cli/report-context.js';
import { formatHtml } from '../src/formatters/html.js';
import { describe, expect, it } from 'vitest';
import { formatCitation, formatGuidance } from '../src/core/guidance.js';
import { loadBuiltInRules } from '../src/engine/load-rules.js';
import { root, runCli as planlint, scratch } from './helpers/cli.js';
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

describe('explain', () => {
  it("cites a built-in rule's guidance from its page", async () => {
    const { code, stdout } = await planlint(['explain', 'requirements-deliverable', '--width', '200']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nGuidance {4}HM Inspectorate of Probation, Planning for engagement \(effective practice guide\): practitioners should "set out how all the requirements/);
  });

  it('explains a plugin rule from its meta: description, guidance and its own docs.url', async () => {
    const plugin = `export default {
  meta: {
    id: 'team/home-visit', description: 'Plans that rely on home visits show one in the contact log.', severity: 'warning', standard: 'implementation-and-delivery',
    guidance: { publication: { title: 'Local contact standard', publisher: 'Probation Service, Wales' }, section: 'part 2, home visits' },
    appliesTo: ['case-file'], messages: {}, optionsSchema: { type: 'object' }, defaultOptions: {},
    docs: { url: 'https://example.org/rules/home-visit' },
  },
  check() {},
};
`;
    const cwd = scratch({ 'planlint.config.yaml': 'plugins:\n  - ./home-visit.mjs\n', 'home-visit.mjs': plugin });
    const { code, stdout, stderr } = await planlint(['explain', 'team/home-visit', '--width', '200'], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('team/home-visit');
    expect(stdout).toContain('Plans that rely on home visits show one in the contact log.');
    expect(stdout).toContain('Guidance: Probation Service, Wales, Local contact standard: part 2, home visits');
    expect(stdout).toContain("The rule's page: https://example.org/rules/home-visit");
  });
});

describe('the HTML report', () => {
  it("links each rule that fired to its page (the package's, or a plugin's docs.url) and cites a plugin rule's guidance", async () => {
    const metas = (await loadBuiltInRules()).map((r) => r.meta);
    const plugin = {
      id: 'team/home-visit',
      description: 'A home visit is recorded.',
      standard: 'planning',
      guidance: { publication: { title: 'Local contact standard', publisher: 'Probation Service, Wales' }, section: 'part 2' },
      docs: { url: 'https://example.org/rules/home-visit' },
    };
    const rules = [...metas, plugin];
    const finding = { severity: 'error' as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const html = formatHtml(
      [
        {
          filePath: join(root, 'p.yaml'),
          findings: [
            { ...finding, ruleId: 'objectives-smart' },
            { ...finding, ruleId: 'team/home-visit' },
          ],
        },
      ],
      {
        cwd: root,
        color: false,
        rules,
        ruleDocUrl: ruleDocUrlFor(rules),
        ruleDocs: readRuleDocs(['objectives-smart']),
      },
    );
    expect(html).toContain(`<p class="rule-page"><a href="${pathToFileURL(join(root, 'rules', 'objectives-smart.md')).href}">The rule's page</a></p>`);
    expect(html).toContain('HM Inspectorate of Probation, <em>Planning for engagement</em> (effective practice guide)');
    expect(html).toContain('<p class="rule-source">Guidance: Probation Service, Wales, <em>Local contact standard</em>: part 2</p><p class="rule-page"><a href="https://example.org/rules/home-visit">');
  });
});
