import type { Severity } from '../core/findings.js';
import { reportPath } from './rule-docs.js';
import { batchOf } from './streaming.js';
import type { StreamingFormatter } from './streaming.js';
import type { Formatter } from './types.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line in
 * the pull request. Paths are relative to the working directory, which in a job is the checkout.
 */
export const streamGithub: StreamingFormatter = {
  open({ cwd }) {
    return {
      file(result) {
        const file = reportPath(result.filePath, cwd);
        return result.findings
          .map((f) => {
            const properties = [`file=${property(file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${property(f.ruleId)}`];
            return `::${COMMANDS[f.severity]} ${properties.join(',')}::${data(f.message)}\n`;
          })
          .join('');
      },
      end: () => '',
    };
  },
};

export const formatGithub: Formatter = batchOf(streamGithub);

/** A message: '%' first, so the escapes that follow are not escaped again. */
const data = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value: also ':' and ',', which would otherwise end the value. */
const property = (value: string) => data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
