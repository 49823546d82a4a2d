import { Chalk } from 'chalk';
import { wrapWords as wrap } from '../core/text.js';
import { tableCells } from '../formatters/markdown-html.js';

// Commands that lay out text for a terminal (compare) wrap with the same helper.
export { wrap };

/**
 * Renders a rule's markdown doc for reading in a terminal or on a projector: headings stand out,
 * paragraphs, quotes, list items and table cells wrap to the width, code blocks are kept as written.
 */
export function renderForTerminal(markdown: string, width: number, color: boolean): string {
  const paint = new Chalk({ level: color ? 1 : 0 });
  // Code is coloured after wrapping, so colour codes never count towards the width.
  const inline = (line: string) => (color ? line.replace(/`([^`]+)`/g, (_, code: string) => paint.cyan(code)) : line);
  // Emphasis markers go and links show their text: a reader on a projector cannot follow them.
  const plain = (text: string) =>
    text
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2');
  const out: string[] = [];
  const blank = () => {
    if (out.length && out[out.length - 1] !== '') out.push('');
  };
  let inCode = false;
  let block: { text: string[]; first: string; rest: string } | undefined;
  let table: string[][] = [];
  const flush = () => {
    if (block) out.push(...wrap(plain(block.text.join(' ')), width - block.rest.length).map((l, i) => inline(`${i === 0 ? block!.first : block!.rest}${l}`)));
    block = undefined;
    if (table.length) out.push(...renderTable(table, width, paint, inline));
    table = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    if (raw.trimStart().startsWith('```')) {
      flush();
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      out.push(paint.cyan(`    ${raw}`));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(raw);
    const quoted = /^>\s?(.*)$/.exec(raw);
    if (heading) {
      flush();
      blank();
      const title = plain(heading[2]!.replace(/`/g, ''));
      out.push(heading[1]!.length === 1 ? paint.bold.underline(title) : paint.bold(title));
      blank();
    } else if (item) {
      flush();
      const bullet = `${item[1]}${item[2] === '-' || item[2] === '*' ? '•' : item[2]} `;
      block = { text: [item[3]!], first: bullet, rest: ' '.repeat(bullet.length) };
    } else if (quoted) {
      if (block?.first !== '│ ') {
        flush();
        block = { text: [], first: '│ ', rest: '│ ' };
      }
      block.text.push(quoted[1]!);
    } else if (raw.trim() === '') {
      flush();
      blank();
    } else if (/^\s*\|/.test(raw)) {
      if (block) flush();
      const cells = tableCells(raw); // the row under the header is not shown
      if (cells) table.push(cells.map(plain));
    } else if (block && /^\s+\S/.test(raw)) {
      block.text.push(raw.trim()); // a list item or quote continued on the next line
    } else {
      if (block?.first !== '') {
        flush();
        block = { text: [], first: '', rest: '' };
      }
      block.text.push(raw.trim());
    }
  }
  flush();
  return `${out.join('\n').replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
}

/**
 * A markdown table as aligned columns; the last column wraps under itself when the table is
 * wider than the screen. A header row with no text (a key–value table) is left out.
 */
function renderTable(rows: string[][], width: number, paint: InstanceType<typeof Chalk>, inline: (line: string) => string): string[] {
  const [header, ...body] = rows;
  const shownHeader = header?.some((c) => c !== '') ? header : undefined;
  const all = shownHeader ? [shownHeader, ...body] : body;
  const columns = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const lead = widths.slice(0, -1).reduce((n, w) => n + w + 2, 0);
  const lines: string[] = [];
  // Too narrow for columns: each row becomes its first cell, then "heading: value" lines under it.
  if (shownHeader && columns > 1 && lead + 20 > width) {
    for (const row of body) {
      lines.push(inline(row[0] ?? ''));
      for (let i = 1; i < columns; i++) {
        const wrapped = wrap(`${shownHeader[i] ?? ''}: ${row[i] ?? ''}`, Math.max(10, width - 2));
        for (const part of wrapped) lines.push(inline(`  ${part}`));
      }
    }
    return lines;
  }
  const lastWidth = Math.max(20, width - lead);
  for (const row of all) {
    const cells = Array.from({ length: columns }, (_, i) => row[i] ?? '');
    const prefix = cells
      .slice(0, -1)
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ');
    const wrapped = wrap(cells[columns - 1]!, lastWidth);
    const first = `${prefix}${columns > 1 ? '  ' : ''}${wrapped[0] ?? ''}`.trimEnd();
    lines.push(row === shownHeader ? paint.bold(first) : inline(first));
    for (const more of wrapped.slice(1)) lines.push(inline(`${' '.repeat(lead)}${more}`));
  }
  return lines;
}

/**
 * The width of the terminal text goes to, in columns: COLUMNS when set (as `ls` and Python
 * read it, so `COLUMNS=60 planlint …` can narrow the output), else the terminal's own width.
 * With `terminalOnly`, output that is not a terminal has no width (a pipe or file keeps one
 * finding per line, for grep), whatever COLUMNS says.
 */
export function terminalColumns(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv, { terminalOnly = false } = {}): number | undefined {
  if (terminalOnly && stream.isTTY !== true) return undefined;
  const fromEnv = /^\s*\d+\s*$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  if (fromEnv > 0) return fromEnv;
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : undefined;
}
