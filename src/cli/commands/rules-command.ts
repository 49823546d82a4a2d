import { Option } from 'commander';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { loadBuiltInRules } from '../../engine/load-rules.js';
import { PRESET_NAMES } from '../../engine/presets.js';
import { ruleSettings } from './rule-flags.js';
import { PUBLICATIONS, citationsOf, formatGuidance } from '../../core/guidance.js';

/** `planlint rules`: every rule with its severity in the chosen preset, standard and description. */
export function registerRulesCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description('list every rule with its severity, standard and description')
    .addOption(new Option('-f, --format <name>', 'table or json').default('table'))
    .addOption(new Option('--preset <name>', `show severities in this preset: ${PRESET_NAMES.join(', ')}`).default('recommended'))
    .action(async (flags: { format: string; preset: string }) => setExit(await listRules(flags)));
}

async function listRules(flags: { format: string; preset: string }): Promise<number> {
  const rules = await loadBuiltInRules();
  const settings = ruleSettings(rules, flags.preset);
  const severityOf = (id: string) => {
    const setting = settings[id];
    return String(Array.isArray(setting) ? setting[0] : setting);
  };
  if (flags.format === 'json') {
    const list = rules.map(({ meta }) => ({
      id: meta.id,
      severity: severityOf(meta.id),
      standard: meta.standard,
      // The publication and section each rule comes from, as text and as fields.
      guidance: formatGuidance(meta.guidance),
      citations: citationsOf(meta.guidance).map((c) => ({ ...c, publication: typeof c.publication === 'string' ? { id: c.publication, ...PUBLICATIONS[c.publication] } : c.publication })),
      appliesTo: meta.appliesTo,
      description: meta.description,
      defaultOptions: meta.defaultOptions as unknown,
    }));
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return EXIT.ok;
  }
  if (flags.format !== 'table') throw new UsageError(`Unknown format "${flags.format}" for planlint rules: use table or json.`);
  const idWidth = Math.max(...rules.map((r) => r.meta.id.length));
  const standardWidth = Math.max(...rules.map((r) => r.meta.standard.length));
  for (const { meta } of rules) {
    process.stdout.write(`${meta.id.padEnd(idWidth)}  ${severityOf(meta.id).padEnd(7)}  ${meta.standard.padEnd(standardWidth)}  ${meta.description}\n`);
  }
  return EXIT.ok;
}
