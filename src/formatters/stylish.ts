import { Chalk } from 'chalk';
import { displayPath } from '../core/paths.js';
import type { FileResult } from '../core/findings.js';
import { describeCounts, ruleOutcomes } from '../core/rule-outcomes.js';
import { batchOf } from './streaming.js';
import type { StreamingFormatter } from './streaming.js';
import type { Formatter, FormatterContext } from './types.js';

/** Human output, grouped by file: `line:col  severity  message  rule-id`, then a summary. */
export const streamStylish: StreamingFormatter = {
  open({ cwd, color, ruleDocUrl, rules, showPassed }) {
    const paint = new Chalk({ level: color ? 1 : 0 });
    let files = 0;
    let errors = 0;
    let warnings = 0;
    let notes = 0;
    let skipped = 0;
    let wroteAny = false;
    return {
      skipped() {
        skipped++;
      },
      file(result) {
        files++;
        const lines: string[] = [];
        if (result.findings.length === 0) {
          // Teaching mode shows clean files too: what good looks like is the point.
          if (showPassed) lines.push('', paint.underline(displayPath(result.filePath, cwd)), ...rulesChecked(result, paint, rules));
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
            lines.push(`  ${paint.dim(locations[i]!.padEnd(width))}  ${severity}  ${f.message}  ${paint.dim(id)}`);
          });
          if (showPassed) lines.push('', ...rulesChecked(result, paint, rules));
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
        if (errors + warnings === 0) return `${wroteAny ? '\n\n' : ''}${paint.green('✔')} No problems found (${checked}).${noteLine}\n`;
        const total = errors + warnings;
        const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${checked}.${noteLine}`;
        return `\n\n${errors > 0 ? paint.red.bold(summary) : paint.yellow.bold(summary)}\n\n`;
      },
    };
  },
};

export const formatStylish: Formatter = batchOf(streamStylish);

/**
 * Teaching mode: every rule that checked the file, failed ones first, each with what it checks,
 * so a trainer can point at what a plan already does well as well as what it lacks.
 */
function rulesChecked(result: FileResult, paint: InstanceType<typeof Chalk>, rules: FormatterContext['rules']): string[] {
  const outcomes = ruleOutcomes(result);
  if (outcomes.length === 0) return ['  No rules could check this file: fix the problems above first, then lint it again.'];
  const failed = outcomes.filter((o) => o.status === 'failed');
  const passed = outcomes.filter((o) => o.status === 'passed');
  const noted = outcomes.filter((o) => o.status === 'noted');
  const describe = (id: string) => rules?.find((r) => r.id === id)?.description ?? '';
  const width = Math.max(...outcomes.map((o) => o.id.length));
  const notJudged = noted.length ? `, ${paint.blue(`${noted.length} could not judge`)}` : '';
  const lines = [`  ${outcomes.length} rule${outcomes.length === 1 ? '' : 's'} checked: ${paint.green(`${passed.length} passed`)}, ${failed.length ? paint.red(`${failed.length} failed`) : '0 failed'}${notJudged}`];
  for (const o of failed) {
    const mark = o.errors > 0 ? paint.red('✖ failed') : paint.yellow('⚠ failed');
    lines.push(`    ${mark}  ${o.id.padEnd(width)}  ${describe(o.id)} ${paint.dim(`(${describeCounts(o)})`)}`);
  }
  for (const o of noted) lines.push(`    ${paint.blue('ℹ note  ')}  ${o.id.padEnd(width)}  ${describe(o.id)} ${paint.dim(`(${describeCounts(o)})`)}`);
  for (const o of passed) {
    const extra = describeCounts(o);
    lines.push(`    ${paint.green('✔ passed')}  ${o.id.padEnd(width)}  ${describe(o.id)}${extra ? ` ${paint.dim(`(${extra})`)}` : ''}`.trimEnd());
  }
  return lines;
}
