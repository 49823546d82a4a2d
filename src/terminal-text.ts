import { Chalk } from 'chalk';

/** Wraps text to a width at word boundaries, keeping a hanging indent. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Renders a rule's markdown doc for reading in a terminal or on a projector: headings stand out,
 * paragraphs and list items wrap to the width, code blocks are kept as written.
 */
export function renderForTerminal(markdown: string, width: number, color: boolean): string {
  const paint = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  let inCode = false;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push(...wrap(paragraph.join(' '), width));
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    if (raw.startsWith('```')) {
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
    if (heading) {
      flush();
      const title = heading[2]!.replace(/`/g, '');
      out.push('', heading[1]!.length === 1 ? paint.bold.underline(title) : paint.bold(title));
    } else if (item) {
      flush();
      const bullet = `${item[1]}${item[2] === '-' || item[2] === '*' ? '•' : item[2]} `;
      out.push(...wrap(`${bullet}${item[3]}`, width, ' '.repeat(bullet.length)));
    } else if (raw.trim() === '') {
      flush();
      if (out[out.length - 1] !== '') out.push('');
    } else if (/^\|/.test(raw)) {
      flush();
      out.push(raw);
    } else {
      paragraph.push(raw.trim());
    }
  }
  flush();
  return `${out.join('\n').replace(/^\n+/, '')}\n`;
}
