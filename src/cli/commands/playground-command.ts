import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../../core/package-root.js';
import { checkFolderFor, writeFileWhole } from '../../core/write-whole.js';

const DEFAULT_FILE = 'planlint-playground.html';

interface PlaygroundFlags {
  output: string;
  force?: boolean;
}

/**
 * `planlint playground`: a copy of the offline playground page (built by scripts/build-playground.mjs)
 * to open in a browser or hand out; it lints in the page with this planlint's rules, sends nothing anywhere.
 */
export function registerPlaygroundCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('playground')
    .description('write the playground: one HTML page that lints plans in the browser, offline, with the examples (open it, or hand it out)')
    .option('-o, --output <file>', 'where to write the page', DEFAULT_FILE)
    .option('--force', 'replace the -o file if it exists (by default planlint playground never replaces a file)')
    .action((flags: PlaygroundFlags) => setExit(writePlayground(flags)));
}

function writePlayground(flags: PlaygroundFlags): number {
  const page = join(PACKAGE_ROOT, 'dist', 'playground', 'index.html');
  if (!existsSync(page)) throw new UsageError('The playground page has not been built: run npm run build in the planlint folder first.');
  const exists = () => existsSync(flags.output) && statSync(flags.output).isFile();
  const refuse = () => new UsageError(`${flags.output} already exists; planlint playground never overwrites a file. Choose a new name with -o, move the old file first, or give --force to replace it.`);
  if (!flags.force && exists()) throw refuse();
  checkFolderFor(flags.output, 'the playground');
  try {
    writeFileWhole(flags.output, readFileSync(page), 'the playground', { exclusive: !flags.force });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw refuse(); // saved there meanwhile
    throw error;
  }
  process.stdout.write(`Wrote the playground to ${flags.output}. Open it in a browser: it works offline, and nothing typed in it leaves the page.\n`);
  return EXIT.ok;
}
