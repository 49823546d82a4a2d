import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { writeFileWhole } from '../../core/write-whole.js';
import { refuseWritingOverReads } from '../output-guard.js';
import { displayPath } from '../../core/paths.js';
import type { Finding } from '../../core/findings.js';
import { mapExport } from '../../hmpps/map-export.js';
import { recogniseExport } from '../../hmpps/recognise-export.js';
import { writeCaseFile } from '../../hmpps/write-case-file.js';
import { lintText } from '../../engine/lint.js';
import { loadDocuments } from '../../input/load-documents.js';
import { DEFAULT_MAX_FILE_BYTES, readSource } from '../../input/read-source.js';

interface ConvertFlags {
  output?: string;
  force?: boolean;
}

/** `planlint convert <export.json>`: an HMPPS export as a case file for the officer to complete. */
export function registerConvertCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('convert')
    .description('write an HMPPS sentence plan export as a planlint case file (YAML) to complete')
    .argument('<export>', 'the JSON the HMPPS sentence plan service exported (a plan version or a list of plans)')
    .option('-o, --output <file>', 'write the case file here instead of to standard output (never over the export)')
    .option('--force', 'replace the -o file if it exists (by default planlint convert never replaces a file)')
    .action(async (input: string, flags: ConvertFlags) => setExit(await convert(input, flags)));
}

async function convert(input: string, flags: ConvertFlags): Promise<number> {
  if (flags.output !== undefined) refuseWritingOverReads([{ option: '-o', path: flags.output }], { reads: [{ path: input, what: 'the export being converted' }] });
  // Said before the export is read: a finished case file is never replaced by accident.
  if (flags.output !== undefined && !flags.force && existsSync(flags.output) && statSync(flags.output).isFile()) {
    throw new UsageError(`${flags.output} already exists; planlint convert never overwrites a file. Choose a new name, move the old file first, or give --force to replace it.`);
  }
  const source = await readSource(input, DEFAULT_MAX_FILE_BYTES);
  if ('problem' in source) throw new UsageError(`${input}: ${source.problem.message}`);
  const loaded = loadDocuments(source.text);
  const broken = loaded.findings.filter((f) => f.severity === 'error');
  if (broken.length > 0) throw new UsageError(`${input} cannot be read:\n${broken.map((f) => located(input, f)).join('\n')}`);
  const doc = loaded.documents[0];
  const shape = doc ? recogniseExport(doc.value) : undefined;
  if (!doc || !shape || loaded.documents.length > 1) {
    throw new UsageError(`${input} is not an HMPPS sentence plan export. Expected the JSON of a plan version (GET /plans/{uuid}) or a list of plans (GET /plans/crn/{crn}).`);
  }

  const read = mapExport(doc.value as Record<string, unknown> | unknown[], shape, loaded.sourceMap);
  const text = writeCaseFile(read, displayPath(input));
  // The case file must be one planlint reads without complaint; if not, that is planlint's fault.
  const problems = lintText(text, 'converted.yaml', { rules: [], inputFormat: 'planlint' }).findings.filter((f) => f.severity === 'error');
  if (problems.length > 0) throw new Error(`the case file written for ${input} does not pass schema validation (${problems[0]!.message})`);

  if (flags.output !== undefined) {
    // Whole or not at all: with --force the old file is replaced only once the new one is complete.
    try {
      writeFileWhole(flags.output, text, 'the case file', { exclusive: !flags.force });
    } catch (error) {
      // A file saved there while the export was read.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST')
        throw new UsageError(`${flags.output} already exists; planlint convert never overwrites a file. Choose a new name, move the old file first, or give --force to replace it.`);
      throw error;
    }
    const plans = read.cases.reduce((n, c) => n + c.plans.length, 0);
    process.stderr.write(`planlint: wrote ${flags.output} (${read.cases.length} case${read.cases.length === 1 ? '' : 's'}, ${plans} plan version${plans === 1 ? '' : 's'}).\n`);
  } else {
    process.stdout.write(text);
  }
  // What could not be read was left out of the case file: say where, so it can be added by hand.
  for (const finding of read.findings) process.stderr.write(`${located(input, finding)}\n`);
  return read.findings.some((f) => f.severity === 'error') ? EXIT.errors : EXIT.ok;
}

function located(file: string, finding: Finding): string {
  const label = finding.severity === 'info' ? 'note' : finding.severity;
  return `${displayPath(file)}:${finding.line}:${finding.column}: ${label}: ${finding.message}`;
}
