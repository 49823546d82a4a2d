import { Chalk } from 'chalk';
import { displayPath } from '../find-files.js';
import type { Formatter } from './types.js';

/** Human output, grouped by file: `line:col  severity  message  rule-id`, then a summary. */
export const formatStylish: Formatter = (results, { cwd, color, ruleDocUrl }) => {
  const paint = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const result of results) {
    if (result.findings.length === 0) continue;
    lines.push('', paint.underline(displayPath(result.filePath, cwd)));
    const locations = result.findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...locations.map((l) => l.length));
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
  }
  const files = results.length;
  const checked = `${files} file${files === 1 ? '' : 's'} checked`;
  const noteLine = notes > 0 ? ` ${notes} note${notes === 1 ? '' : 's'} for information.` : '';
  if (errors + warnings === 0) return `${lines.length ? `${lines.join('\n')}\n\n` : ''}${paint.green('✔')} No problems found (${checked}).${noteLine}\n`;
  const total = errors + warnings;
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${checked}.${noteLine}`;
  lines.push('', errors > 0 ? paint.red.bold(summary) : paint.yellow.bold(summary), '');
  return `${lines.join('\n')}\n`;
};
