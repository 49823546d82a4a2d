import type { FileResult } from '../core/findings.js';
import type { Formatter, FormatterContext } from './types.js';

/**
 * A formatter that writes each file's part as soon as that file is linted, so a run over tens of
 * thousands of files holds nothing for the whole corpus. `open` starts a report; `file` returns
 * one file's text; `end` returns the closing text (a summary, a bracket).
 */
export interface StreamingFormatter {
  open(context: FormatterContext): {
    file(result: FileResult): string;
    /** A file found by walking a folder that was not a planlint document (FileResult.skipped): never in the report, but it may be counted. */
    skipped?(result: FileResult): void;
    /** The text before a file's entry made beforehand (only the JSON report has them: jsonReportItem). */
    itemPrefix?(): string;
    end(): string;
  };
}

/** The same formatter used on a finished list of results. */
export function batchOf(streaming: StreamingFormatter): Formatter {
  return (results, context) => {
    const report = streaming.open(context);
    let text = '';
    for (const r of results) {
      if (r.skipped) report.skipped?.(r);
      else text += report.file(r);
    }
    return text + report.end();
  };
}

/**
 * A report whose opening depends on the whole run: SARIF lists the rules before the results,
 * JUnit and Markdown give the totals first. The CLI streams it in two passes: `scan` sees each
 * result as it arrives and keeps only what the opening needs (rule ids, counts), while the results
 * go to a scratch file; at the end `header`, then `entry` for each result again in the same order,
 * then `footer` are written. All four are pure: no formatter reads or writes a file.
 */
export interface TwoPassFormatter {
  open(context: FormatterContext): {
    scan(result: FileResult): void;
    header(): string;
    entry(result: FileResult): string;
    footer(): string;
  };
}

/** The same formatter used on a finished list of results. */
export function batchOfTwoPass(twoPass: TwoPassFormatter): Formatter {
  return (results, context) => {
    const report = twoPass.open(context);
    for (const r of results) report.scan(r);
    const parts = [report.header()];
    for (const r of results) parts.push(report.entry(r));
    parts.push(report.footer());
    return parts.join('');
  };
}
