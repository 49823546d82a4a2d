import { createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { openWholeFile, scratchFile, writeFault } from '../core/write-whole.js';
import type { WholeFile } from '../core/write-whole.js';
import type { FileResult } from '../core/findings.js';
import { FORMATTER_NAMES, loadFormatter, loadStreamingFormatter, loadTwoPassFormatter } from './index.js';
import type { Formatter, FormatterContext } from './types.js';

/** One report of a run: a format, and the file it goes to (none: standard output). */
export interface Output {
  format: string;
  formatter: Formatter;
  path?: string;
  /** The path came from --output-file (else from --format name:path). */
  fromOutputFile?: boolean;
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
  if (outputFile !== undefined) Object.assign(main, { path: outputFile, fromOutputFile: true });
  // Two reports to one file, or a report over a file the run reads, are refused by the CLI's
  // write check (src/cli/output-guard.ts) once the run knows what it reads.
  return outputs;
}

/**
 * The lines of a file, read only as fast as they are taken (readline's iterator reads ahead of a
 * slow consumer, and a million findings' spool then sat in memory), 32 KB at a time: text from
 * larger reads is allocated outside the young generation and piled up until a full collection.
 */
async function* linesOf(path: string): AsyncGenerator<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(32 * 1024);
    let rest = '';
    const decoder = new TextDecoder();
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const lines = (rest + decoder.decode(buffer.subarray(0, bytesRead), { stream: true })).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) yield line;
    }
    rest += decoder.decode();
    if (rest) yield rest;
  } finally {
    await handle.close();
  }
}

/** An open set of reports: streaming ones are written file by file, the others at the end. */
export interface OpenReports {
  add(result: FileResult): Promise<void>;
  /** Adds a file's entry made beforehand, as UTF-8, for a run whose only report is JSON (jsonReportItem). */
  addItem(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

interface Sink {
  add(result: FileResult): Promise<void>;
  addItem?(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens each report for a run whose results arrive one file at a time. Formats that can stream
 * (stylish, json, github) write each file's part at once. Those whose opening needs the whole run
 * (sarif, junit, markdown) note what it needs as each result arrives and spool the results to a
 * private scratch file; at the end they write the opening, then each file's part from the spool,
 * so a run of a million findings never holds them all. Only html keeps the results in memory.
 */
export async function openOutputs(outputs: readonly Output[], context: FormatterContext): Promise<OpenReports> {
  const sinks: Sink[] = [];
  const opened: WholeFile[] = [];
  const spools: { remove(): void }[] = [];
  try {
    for (const { format, formatter, path } of outputs) {
      // Colour and the terminal's width are for the report on the terminal, not those written to files.
      const { width, ...rest } = context;
      const ctx: FormatterContext = { ...rest, color: path === undefined && context.color, ...(path === undefined && width !== undefined ? { width } : {}) };
      const streaming = await loadStreamingFormatter(format);
      let target: NodeJS.WritableStream = process.stdout;
      // A report file is written beside its target and renamed into place at the end (commit), so
      // an interrupted or failed run leaves the previous report, never part of one.
      let file: WholeFile | undefined;
      if (path !== undefined) {
        try {
          await mkdir(dirname(resolve(path)), { recursive: true });
        } catch {
          // a file in the way or no permission: opening the report says which, in one line
        }
        file = await openWholeFile(path, `the ${format} report`);
        opened.push(file);
        target = file.stream;
      }
      const fault = (error: Error) => {
        // Marked, so bin/planlint.js does not say it a second time for standard output.
        Object.assign(error, { reported: true });
        return writeFault(`the ${format} report`, path ?? 'standard output', error);
      };
      const write = (parts: readonly (string | Uint8Array)[]) =>
        new Promise<void>((done, fail) => {
          // Several parts go out in one system call where the stream can (a file or a pipe).
          const stream = target as NodeJS.WritableStream & { cork?: () => void; uncork?: () => void };
          stream.cork?.();
          let flowing = true;
          for (const part of parts) if (part.length > 0) flowing = target.write(part);
          stream.uncork?.();
          // Wait for the stream to drain, so a slow reader cannot make output pile up in memory.
          if (flowing) return done();
          const onError = (error: Error) => {
            target.off('drain', onDrain);
            fail(fault(error));
          };
          // A stream that already failed (a full disk) never drains: say why now.
          const errored = (target as { errored?: Error | null }).errored;
          if (errored) return fail(fault(errored));
          const onDrain = () => {
            target.off('error', onError);
            done();
          };
          target.once('drain', onDrain).once('error', onError);
        });
      const finish = () => file?.commit() ?? Promise.resolve();
      // A file or pipe gets the text in blocks of about 64 KB (one write per file cost the main
      // thread more than formatting); a terminal gets each file's part as soon as it is linted.
      const immediate = (target as { isTTY?: boolean }).isTTY === true;
      // Text, and entries that come as UTF-8 from the workers (written as they are, never made text here).
      let pending: (string | Uint8Array)[] = [];
      let size = 0;
      const take = (): (string | Uint8Array)[] => {
        const parts = pending;
        pending = [];
        size = 0;
        // Runs of text are joined: one write each, rather than one per file.
        const joined: (string | Uint8Array)[] = [];
        let text = '';
        for (const part of parts) {
          if (typeof part === 'string') text += part;
          else {
            if (text) joined.push(text);
            text = '';
            joined.push(part);
          }
        }
        if (text) joined.push(text);
        return joined;
      };
      const append = (part: string | Uint8Array) => {
        pending.push(part);
        size += part.length;
        return !immediate && size < 65_536 ? Promise.resolve() : write(take());
      };
      const twoPass = streaming ? undefined : await loadTwoPassFormatter(format);
      if (streaming) {
        const report = streaming.open(ctx);
        const itemPrefix = report.itemPrefix?.bind(report);
        sinks.push({
          // A skipped file (not a planlint document) is not part of any report; a formatter may count it.
          add: (r) => (r.skipped ? (report.skipped?.(r), Promise.resolve()) : append(report.file(r))),
          ...(itemPrefix ? { addItem: (bytes: Uint8Array) => (pending.push(itemPrefix()), append(bytes)) } : {}),
          close: async () => {
            pending.push(report.end());
            await write(take());
            await finish();
          },
        });
      } else if (twoPass) {
        const report = twoPass.open(ctx);
        const spool = scratchFile(`planlint-${format}`);
        spools.push(spool);
        const spooled = createWriteStream(spool.path, { flags: 'w' });
        let spoolFault: Error | undefined;
        spooled.on('error', (error: Error) => (spoolFault ??= error));
        const spoolError = (error: Error) => writeFault(`the ${format} report's scratch file`, spool.path, error);
        const toSpool = (line: string) =>
          new Promise<void>((done, fail) => {
            if (spoolFault) return fail(spoolError(spoolFault));
            if (spooled.write(line)) return done();
            // Wait for the disk, so results cannot pile up in memory ahead of it; a fault ends the wait.
            const onError = (error: Error) => {
              spooled.off('drain', onDrain);
              fail(spoolError(error));
            };
            const onDrain = () => {
              spooled.off('error', onError);
              done();
            };
            spooled.once('drain', onDrain).once('error', onError);
          });
        sinks.push({
          add: (r) => {
            if (r.skipped) return Promise.resolve();
            report.scan(r);
            // What was attached for other formats (source text, case models) is not needed by these.
            const { attachments: _attachments, ...kept } = r;
            return toSpool(`${JSON.stringify(kept)}\n`);
          },
          close: async () => {
            await new Promise<void>((done, fail) => spooled.end((error?: Error | null) => ((error ?? spoolFault) ? fail(spoolError((error ?? spoolFault)!)) : done())));
            pending.push(report.header());
            // JSON text holds no raw line break (JSON.stringify escapes them), so each line is one result.
            for await (const line of linesOf(spool.path)) await append(report.entry(JSON.parse(line) as FileResult));
            pending.push(report.footer());
            await write(take());
            await finish();
            spool.remove();
          },
        });
      } else {
        const results: FileResult[] = [];
        sinks.push({
          add: (r) => {
            if (!r.skipped) results.push(r);
            return Promise.resolve();
          },
          close: async () => {
            await write([formatter(results, ctx)]);
            await finish();
          },
        });
      }
    }
  } catch (error) {
    // One report could not be opened: the others opened before it leave nothing behind.
    for (const file of opened) file.abort();
    for (const spool of spools) spool.remove();
    throw error;
  }
  return {
    add: async (result) => {
      for (const sink of sinks) await sink.add(result);
    },
    addItem: async (bytes) => {
      if (sinks.length !== 1 || !sinks[0]!.addItem) throw new Error('A ready-made report entry needs a JSON report as the only output.');
      await sinks[0]!.addItem(bytes);
    },
    close: async () => {
      for (const sink of sinks) await sink.close();
    },
  };
}
