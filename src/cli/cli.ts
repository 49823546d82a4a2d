import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { registerCompareCommand } from './commands/compare-command.js';
import { registerConvertCommand } from './commands/convert-command.js';
import { registerExplainCommand } from './commands/explain-command.js';
import { registerInitCommand } from './commands/init-command.js';
import { registerLintCommand } from './commands/lint-command.js';
import { registerLspCommand } from './commands/lsp-command.js';
import { registerPlaygroundCommand } from './commands/playground-command.js';
import { registerRulesCommand } from './commands/rules-command.js';
import { EXIT, UsageError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { SettingsError } from '../engine/rule-settings.js';
import { removeUnfinishedFiles } from '../core/write-whole.js';
import { printable } from '../core/text.js';

export { EXIT } from '../core/errors.js';

/** Runs planlint with the given argv and returns the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const { version } = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const program = new Command('planlint')
    .description('Lint probation sentence plans, reviews and case files against HMIP engagement guidance.')
    .version(version)
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(`planlint: ${message.replace(/^error: /, '')}`) });

  // Each command lives in src/commands/; the lint command is the default.
  registerLintCommand(program, setExit);
  registerRulesCommand(program, setExit);
  registerExplainCommand(program, setExit);
  registerConvertCommand(program, setExit);
  registerCompareCommand(program, setExit);
  registerInitCommand(program, setExit);
  registerLspCommand(program, setExit);
  registerPlaygroundCommand(program, setExit);

  // An interrupted run removes the temporary files of what it was writing (the previous reports,
  // baseline and cache stay as they were) and exits as a shell reports a signal: 130, 143. A
  // command with its own handler (--watch) still runs it: then only the clean-up is done here.
  const onSignal = (signal: NodeJS.Signals) => {
    removeUnfinishedFiles();
    if (process.listenerCount(signal) <= 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      process.stderr.write('Run "planlint --help" for usage.\n');
      return EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof SettingsError) {
      // Messages name files by their paths, which can hold any character: made printable line by
      // line, so a name cannot move the cursor, recolour the terminal or forge a line.
      process.stderr.write(`planlint: ${error.message.split('\n').map(printable).join('\n')}\n`);
      return EXIT.usage;
    }
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`planlint: internal error: ${reason}\nThis is a fault in planlint, not in your files; please report it.\n`);
    return EXIT.usage;
  } finally {
    // A run that failed part-way leaves no temporary file behind.
    removeUnfinishedFiles();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
