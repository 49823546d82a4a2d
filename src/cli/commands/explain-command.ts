import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { docUrlOf, loadBuiltInRules } from '../../engine/load-rules.js';
import type { AnyRule } from '../../engine/load-rules.js';
import { createLintSetup } from '../../engine/lint-files.js';
import { formatGuidance } from '../../core/guidance.js';
import { join } from 'node:path';
import { ruleDocPath } from '../../core/package-root.js';
import { wantsColor } from '../terminal-color.js';
import { renderForTerminal, terminalColumns } from '../terminal-text.js';
import { didYouMean } from '../../core/text.js';

/** `planlint explain <id>`: the rule's page, wrapped for a terminal or a projector. */
export function registerExplainCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description("show a rule's documentation: why it matters, what good looks like, how to fix it")
    .argument('<rule-id>', 'the rule to explain')
    .option('--width <n>', "wrap the text to n columns, for example 60 for a projector (default: COLUMNS or the terminal's width, at most 100)")
    .action(async (id: string, flags: { width?: string }) => setExit(await explain(id, flags)));
}

async function explain(id: string, flags: { width?: string } = {}): Promise<number> {
  // COLUMNS counts even through a pipe (`COLUMNS=60 planlint explain … | less`); lines longer than 100 are hard to read.
  let width = Math.max(30, Math.min(terminalColumns(process.stdout, process.env) ?? 80, 100));
  if (flags.width !== undefined) {
    width = Number(flags.width);
    if (!Number.isInteger(width) || width < 30 || width > 300) throw new UsageError(`--width expects a whole number of columns from 30 to 300; found "${flags.width}".`);
  }
  const rules = await loadBuiltInRules();
  const rule = rules.find((r) => r.meta.id === id) ?? (await pluginRule(id));
  if (!rule)
    throw new UsageError(
      `There is no rule "${id}".${didYouMean(
        id,
        rules.map((r) => r.meta.id),
      )} Run "planlint rules" to list them.`,
    );
  const doc = await readFile(ruleDocPath(id), 'utf8').catch(() => pluginPage(rule.meta));
  process.stdout.write(renderForTerminal(doc, width, wantsColor({}, process.stdout)));
  return EXIT.ok;
}

/** A rule from a plugin the config here loads (a team's `team/…` rule), or undefined. */
async function pluginRule(id: string): Promise<AnyRule | undefined> {
  // Only an id a plugin could have: built-in ids are plain kebab-case and were looked up already.
  if (!id.includes('/')) return undefined;
  const setup = await createLintSetup();
  const { config } = await setup.resolver.settingsFor(join(process.cwd(), 'explain.yaml'));
  return config.pluginRules.find((r) => r.meta.id === id);
}

/** What a rule without a page in the package says about itself: description, guidance and its own page. */
function pluginPage(meta: AnyRule['meta']): string {
  const guidance = formatGuidance(meta.guidance, { markdown: true });
  const url = docUrlOf(meta.id, meta);
  return [`# ${meta.id}`, '', `> ${meta.description}`, '', ...(guidance ? [`Guidance: ${guidance}`, ''] : []), ...(url ? [`The rule's page: ${url}`, ''] : [])].join('\n');
}
