import type { Severity } from '../findings.js';
import { reportPath } from './rule-docs.js';
import type { Formatter } from './types.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line in
 * the pull request. Paths are relative to the working directory, which in a job is the checkout.
 */
export const formatGithub: Formatter = (results, { cwd }) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = reportPath(result.filePath, cwd);
    for (const f of result.findings) {
      const properties = [`file=${property(file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`, `title=${property(f.ruleId)}`];
      lines.push(`::${COMMANDS[f.severity]} ${properties.join(',')}::${data(f.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

/** A message: '%' first, so the escapes that follow are not escaped again. */
const data = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value: also ':' and ',', which would otherwise end the value. */
const property = (value: string) => data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
