import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { loadBuiltInRules } from '../load-rules.js';
import { ruleDocPath } from '../package-root.js';
import { wantsColor } from '../terminal-color.js';
import { renderForTerminal } from '../terminal-text.js';

/** `planlint explain <id>`: the rule's page, wrapped for a terminal or a projector. */
export function registerExplainCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description("show a rule's documentation: why it matters, what good looks like, how to fix it")
    .argument('<rule-id>', 'the rule to explain')
    .action(async (id: string) => setExit(await explain(id)));
}

async function explain(id: string): Promise<number> {
  const rules = await loadBuiltInRules();
  const rule = rules.find((r) => r.meta.id === id);
  if (!rule) throw new UsageError(`There is no rule "${id}". Run "planlint rules" to list them.`);
  const doc = await readFile(ruleDocPath(id), 'utf8').catch(() => `# ${id}\n\n${rule.meta.description}\n`);
  const width = Math.min(process.stdout.columns ?? 80, 100);
  process.stdout.write(renderForTerminal(doc, width, wantsColor({}, process.stdout)));
  return EXIT.ok;
}
