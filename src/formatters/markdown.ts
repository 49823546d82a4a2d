import { reportPath, webUrl } from './rule-docs.js';
import { batchOfTwoPass } from './streaming.js';
import type { TwoPassFormatter } from './streaming.js';
import type { Formatter } from './types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A summary for a pull request comment or a job summary ($GITHUB_STEP_SUMMARY): the totals, then a
 * table per file with findings. The reader is not on the machine that ran the lint, so a rule id
 * links only to a web page (a plugin rule's meta.docs.url); `planlint explain <id>` shows the rest. The totals come first, so it is written in two passes
 * (TwoPassFormatter): the first counts, the second writes each file's table.
 */
export const twoPassMarkdown: TwoPassFormatter = {
  open({ cwd, ruleDocUrl }) {
    let files = 0;
    let errors = 0;
    let warnings = 0;
    let notes = 0;
    let suppressed = 0;
    return {
      scan(result) {
        files++;
        suppressed += result.suppressedFindings?.length ?? 0;
        for (const f of result.findings) {
          if (f.severity === 'error') errors++;
          else if (f.severity === 'warning') warnings++;
          else notes++;
        }
      },
      header() {
        const checked = `${plural(files, 'file')} checked`;
        const extras = [notes > 0 ? `${plural(notes, 'note')} for information` : '', suppressed > 0 ? `${plural(suppressed, 'finding')} suppressed` : ''].filter(Boolean);
        const tail = extras.length ? ` ${extras.join('; ')}.` : '';
        const total = errors + warnings;
        const summary = total === 0 ? `✔ No problems found (${checked}).${tail}` : `✖ **${plural(total, 'problem')}** (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${checked}.${tail}`;
        return `## planlint\n\n${summary}\n`;
      },
      entry(result) {
        if (result.findings.length === 0) return '';
        const rows = result.findings.map((f) => {
          const url = webUrl(ruleDocUrl?.(f.ruleId));
          const rule = url ? `[\`${f.ruleId}\`](${url})` : `\`${f.ruleId}\``;
          return `| ${f.line}:${f.column} | ${f.severity} | ${rule} | ${escapeMarkdown(f.message)} |`;
        });
        return `\n### ${escapeMarkdown(reportPath(result.filePath, cwd))}\n\n| Line | Severity | Rule | Message |\n|---:|---|---|---|\n${rows.join('\n')}\n`;
      },
      footer: () => '',
    };
  },
};

export const formatMarkdown: Formatter = batchOfTwoPass(twoPassMarkdown);

/**
 * Makes text literal in a table cell or heading: the characters that act inline (emphasis, code,
 * links, HTML, strikethrough, GitHub's $ maths, and | which ends a cell) are backslash-escaped, `&`
 * cannot start an entity, and line breaks (which would end the table row) become spaces.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~$]/g, '\\$&')
    .replace(/&/g, '&amp;');
}
