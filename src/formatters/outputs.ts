import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { FileResult } from '../findings.js';
import { FORMATTER_NAMES, loadFormatter } from './index.js';
import type { Formatter, FormatterContext } from './types.js';

/** One report of a run: a format, and the file it goes to (none: standard output). */
export interface Output {
  format: string;
  formatter: Formatter;
  path?: string;
}

/**
 * Reads the --format values (`name` or `name:path`) and --output-file into the reports to write.
 * One report goes to the terminal — the format given without a path, else stylish — or to
 * --output-file when given, so a CI log still shows the findings while SARIF goes to a file.
 */
export async function parseOutputs(specs: readonly string[], outputFile?: string): Promise<Output[]> {
  const outputs: Output[] = [];
  let main: Output | undefined;
  for (const spec of specs.length ? specs : ['stylish']) {
    const colon = spec.indexOf(':');
    const format = colon === -1 ? spec : spec.slice(0, colon);
    const path = colon === -1 ? undefined : spec.slice(colon + 1);
    const formatter = await loadFormatter(format);
    if (!formatter) throw new UsageError(`Unknown format "${format}". Available formats: ${FORMATTER_NAMES.join(', ')}.`);
    if (path === '') throw new UsageError(`--format ${spec}: give a file after the colon, for example ${format}:planlint-report.`);
    const output = { format, formatter, ...(path !== undefined ? { path } : {}) };
    if (path === undefined) {
      if (main) throw new UsageError(`--format: only one format can go to the terminal (found ${main.format} and ${format}); write the others to files, for example ${format}:report.${format}.`);
      main = output;
    }
    outputs.push(output);
  }
  if (!main) {
    main = { format: 'stylish', formatter: (await loadFormatter('stylish'))! };
    outputs.unshift(main);
  }
  if (outputFile !== undefined) main.path = outputFile;
  const seen = new Set<string>();
  for (const { path } of outputs) {
    if (path === undefined) continue;
    if (seen.has(resolve(path))) throw new UsageError(`--format: two reports would be written to ${path}; give each its own file.`);
    seen.add(resolve(path));
  }
  return outputs;
}

/** Writes each report; files are never coloured, and never one of the files just linted. */
export async function writeOutputs(outputs: readonly Output[], results: FileResult[], context: FormatterContext): Promise<void> {
  const linted = new Set(results.map((r) => resolve(r.filePath)));
  for (const { format, path } of outputs) {
    if (path !== undefined && linted.has(resolve(path))) throw new UsageError(`--format ${format}: ${path} is one of the files being linted; planlint never writes to those.`);
  }
  for (const { format, formatter, path } of outputs) {
    const text = formatter(results, { ...context, color: path === undefined && context.color });
    if (path === undefined) {
      process.stdout.write(text);
      continue;
    }
    try {
      await mkdir(dirname(resolve(path)), { recursive: true });
      await writeFile(path, text);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      throw new UsageError(`Could not write the ${format} report to ${path} (${reason}).`);
    }
  }
}
