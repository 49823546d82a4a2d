import { Chalk } from 'chalk';
import { displayPath } from '../core/paths.js';
import type { FileResult } from '../core/findings.js';
import { allRuleOutcomes, describeCounts, describeNeeds, notRunSummary } from '../core/rule-outcomes.js';
import { wrapWords } from '../core/text.js';
import { batchOf } from './streaming.js';
import type { StreamingFormatter } from './streaming.js';
import type { Formatter, FormatterContext } from './types.js';

/**
 * Human output, grouped by file: `line:col  severity  message  rule-id`, then a summary.
 *
 * Given a terminal's width, a finding too long for it wraps: the location and severity keep
 * their columns, the message wraps under its own first word, and the rule id ends the finding
 * on a line of its own under the message. Only locations stand in the left-hand columns, so
 * the eye runs down them from finding to finding, and the rule id is where it is on one line,
 * after the message. A right-aligned id would leave a 60-column terminal about a dozen
 * characters for the message's first line. Without a width (a pipe or a file) each finding
 * stays on one line, for grep.
 */
export const streamStylish: StreamingFormatter = {
  open({ cwd, color, ruleDocUrl, rules, showPassed, width: columns }) {
    const paint = new Chalk({ level: color ? 1 : 0 });
    let files = 0;
    let errors = 0;
    let warnings = 0;
    let notes = 0;
    let heldBack = 0;
    let skipped = 0;
    let wroteAny = false;
    return {
      skipped() {
        skipped++;
      },
      file(result) {
        files++;
        for (const f of result.suppressedFindings ?? []) if (f.suppression?.kind === 'baseline') heldBack++;
        const lines: string[] = [];
        if (result.findings.length === 0) {
          // Teaching mode shows clean files too: what good looks like is the point. A file some rules
          // could not judge is shown too, so a clean result never hides what was not checked.
          if (showPassed) lines.push('', paint.underline(displayPath(result.filePath, cwd)), ...rulesChecked(result, paint, rules, columns));
          else if (result.notRun) lines.push('', paint.underline(displayPath(result.filePath, cwd)), ...notRunLine(result, paint, columns));
        } else {
          lines.push('', paint.underline(displayPath(result.filePath, cwd)));
          const locations = result.findings.map((f) => `${f.line}:${f.column}`);
          const width = locations.reduce((most, l) => Math.max(most, l.length), 0);
          result.findings.forEach((f, i) => {
            if (f.severity === 'error') errors++;
            else if (f.severity === 'warning') warnings++;
            else notes++;
            const severity = f.severity === 'error' ? paint.red('error  ') : f.severity === 'warning' ? paint.yellow('warning') : paint.blue('info   ');
            const url = color ? ruleDocUrl?.(f.ruleId) : undefined;
            // OSC 8 makes the rule id a clickable link in terminals that support it; others show the id.
            const id = url ? `\u001b]8;;${url}\u0007${f.ruleId}\u001b]8;;\u0007` : f.ruleId;
            const location = locations[i]!.padEnd(width);
            const lead = { text: `  ${paint.dim(location)}  ${severity}  `, width: 2 + location.length + 2 + 7 + 2 };
            lines.push(...hanging(lead, f.message, { text: paint.dim(id), width: f.ruleId.length, gap: 2, ownLine: true }, columns));
          });
          // After the findings, so the real findings come first.
          if (showPassed) lines.push('', ...rulesChecked(result, paint, rules, columns));
          else if (result.notRun) lines.push('', ...notRunLine(result, paint, columns));
        }
        if (!lines.length) return '';
        // A blank line between files, as in one report written at once.
        const text = `${wroteAny ? '\n' : ''}${lines.join('\n')}`;
        wroteAny = true;
        return text;
      },
      end() {
        const checked = `${files} file${files === 1 ? '' : 's'} checked`;
        const noteLine =
          (notes > 0 ? ` ${notes} note${notes === 1 ? '' : 's'} for information.` : '') +
          (skipped > 0 ? ` ${skipped} other YAML/JSON file${skipped === 1 ? '' : 's'} skipped (not planlint documents; --debug lists them).` : '');
        // Said even when nothing else is, so a clean run does not hide what the baseline holds.
        const heldLine = heldBack > 0 ? ` ${heldBack} known finding${heldBack === 1 ? '' : 's'} held back by the baseline.` : '';
        // The summary wraps too, each line painted on its own so no colour runs across a line end.
        const fit = (text: string) => (columns ? wrapWords(text, columns) : [text]);
        if (errors + warnings === 0) {
          const [first = '', ...rest] = fit(`✔ No problems found (${checked}).${noteLine}${heldLine}`);
          return `${wroteAny ? '\n\n' : ''}${[paint.green('✔') + first.slice(1), ...rest].join('\n')}\n`;
        }
        const total = errors + warnings;
        const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${checked}.${noteLine}${heldLine}`;
        const style = errors > 0 ? paint.red.bold : paint.yellow.bold;
        return `\n\n${fit(summary)
          .map((line) => style(line))
          .join('\n')}\n\n`;
      },
    };
  },
};

export const formatStylish: Formatter = batchOf(streamStylish);

/**
 * Teaching mode: every rule that checked the file, failed ones first, each with what it checks,
 * so a trainer can point at what a plan already does well as well as what it lacks.
 */
function rulesChecked(result: FileResult, paint: InstanceType<typeof Chalk>, rules: FormatterContext['rules'], columns: number | undefined): string[] {
  const outcomes = allRuleOutcomes(result);
  const notRun = outcomes.filter((o) => o.status === 'not-run');
  const judged = outcomes.filter((o) => o.status !== 'not-run');
  if (judged.length === 0 && notRun.length === 0) return ['  No rules could check this file: fix the problems above first, then lint it again.'];
  const failed = judged.filter((o) => o.status === 'failed');
  const passed = judged.filter((o) => o.status === 'passed');
  const noted = judged.filter((o) => o.status === 'noted');
  const describe = (id: string) => rules?.find((r) => r.id === id)?.description ?? '';
  const width = Math.max(...outcomes.map((o) => o.id.length));
  const notJudged = noted.length ? `, ${paint.blue(`${noted.length} could not judge`)}` : '';
  const lines = [`  ${judged.length} rule${judged.length === 1 ? '' : 's'} checked: ${paint.green(`${passed.length} passed`)}, ${failed.length ? paint.red(`${failed.length} failed`) : '0 failed'}${notJudged}`];
  // Said beside the count, so "14 rules checked: 14 passed" is never read as every rule.
  if (result.notRun) lines.push(...wrapIndented(`${notRunSummary(result.notRun)} ${result.notRun.remedy}`, '  ', columns).map((l) => paint.blue(l)));
  // Each line: mark, rule id, what it checks, then its counts; the description wraps under itself.
  // Marks take 8 columns ("✔ passed"), or 9 when "– not run" is among them.
  const markWidth = notRun.length ? 9 : 8;
  const line = (mark: string, tint: (text: string) => string, id: string, counts: string) => {
    const lead = { text: `    ${tint(mark)}${' '.repeat(markWidth - mark.length)}  ${id.padEnd(width)}  `, width: 4 + markWidth + 2 + width + 2 };
    const tail = counts ? { text: paint.dim(`(${counts})`), width: counts.length + 2, gap: 1, ownLine: false } : undefined;
    return hanging(lead, describe(id), tail, columns).map((l) => l.trimEnd());
  };
  for (const o of failed) lines.push(...line(o.errors > 0 ? '✖ failed' : '⚠ failed', o.errors > 0 ? paint.red : paint.yellow, o.id, describeCounts(o)));
  for (const o of noted) lines.push(...line('ℹ note', paint.blue, o.id, describeCounts(o)));
  for (const o of passed) lines.push(...line('✔ passed', paint.green, o.id, describeCounts(o)));
  for (const o of notRun) lines.push(...line('– not run', paint.blue, o.id, `needs ${describeNeeds(o.needs ?? [])}`));
  return lines;
}

/** The rules that could not judge a file, said once after its findings: the first few by name. */
function notRunLine(result: FileResult, paint: InstanceType<typeof Chalk>, columns: number | undefined): string[] {
  const notRun = result.notRun!;
  const ids = notRun.rules.map((r) => r.ruleId);
  const named = ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more (--show-passed lists them)`;
  const text = `${notRunSummary(notRun).slice(0, -1)}: ${named}. ${notRun.remedy}`;
  // Hangs under its first word, after the mark.
  return wrapIndented(text, '    ', columns).map((l, i) => paint.blue(i === 0 ? `  ℹ ${l.slice(4)}` : l));
}

/** Text wrapped to the terminal (when there is one), each line indented. */
function wrapIndented(text: string, indent: string, columns: number | undefined): string[] {
  return (columns ? wrapWords(text, Math.max(20, columns - indent.length)) : [text]).map((l) => `${indent}${l}`);
}

/** Text already painted, and how many columns it takes on screen (colour codes take none). */
interface Painted {
  text: string;
  width: number;
}

/** Below this many columns for the message, the message goes under the lead instead of beside it. */
const NARROWEST_MESSAGE = 24;

/**
 * `lead`, then `text`, then `tail` (after `gap` spaces) on one line; given a width they do not
 * fit in, `text` wraps with a hanging indent under its first word, and `tail` takes a line of its
 * own (`ownLine`, so a wrapped finding always ends with its rule id alone, easy to find) or follows
 * the last line where it fits. When the lead leaves too little room, the lines go under it,
 * indented a little further, so a message is never squeezed into a column a few words wide.
 */
function hanging(lead: Painted, text: string, tail: (Painted & { gap: number; ownLine: boolean }) | undefined, columns: number | undefined): string[] {
  const after = tail ? `${' '.repeat(tail.gap)}${tail.text}` : '';
  if (!columns || lead.width + text.length + (tail ? tail.gap + tail.width : 0) <= columns) return [`${lead.text}${text}${after}`];
  const beside = columns - lead.width >= NARROWEST_MESSAGE;
  // Under the lead, two spaces further in than it starts, so the lines read as its own.
  const indent = beside ? lead.width : /^ */.exec(lead.text)![0].length + 2;
  const words = wrapWords(text, columns - indent);
  const lines = beside ? [`${lead.text}${words[0] ?? ''}`, ...words.slice(1).map((w) => ' '.repeat(indent) + w)] : [lead.text.trimEnd(), ...words.map((w) => ' '.repeat(indent) + w)];
  if (tail) {
    const last = words[words.length - 1];
    if (!tail.ownLine && last !== undefined && indent + last.length + tail.gap + tail.width <= columns) lines[lines.length - 1] += after;
    else lines.push(' '.repeat(indent) + tail.text);
  }
  return lines;
}
