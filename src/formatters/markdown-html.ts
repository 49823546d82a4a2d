/**
 * Renders the small subset of markdown that rule pages use (headings, paragraphs, lists, quotes,
 * tables, fenced code, inline code, emphasis, links) as HTML. Every piece of text is escaped before
 * any markup is added, and no HTML in the source is passed through, so a page — or a plugin's page —
 * cannot inject script or markup into a report.
 */

/** Escapes text for use in HTML content and in quoted attribute values. */
/**
 * The cells of a markdown table row, trimmed; undefined for the row under the header (|---|---|),
 * which only marks the header. Shared with the terminal renderer of rule pages.
 */
export function tableCells(raw: string): string[] | undefined {
  if (/^\s*\|?\s*:?-+[\s:|-]*\|?\s*$/.test(raw)) return undefined;
  return raw
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Inline markup on one escaped line: `code`, **bold**, *italic*, [text](link) shown as its text. */
function inline(text: string): string {
  const parts = text.split(/(`[^`]+`)/g);
  return parts
    .map((part) => {
      if (/^`[^`]+`$/.test(part)) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      // Links keep their text only: the report must open offline and send the reader nowhere.
      return escapeHtml(part.replace(/\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)/g, '$1'))
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
    })
    .join('');
}

/**
 * Markdown to HTML. `headingOffset` shifts heading levels so a page's `#` fits under the report's
 * own headings; `skipTitle` leaves out the page's first-level heading (the report shows its own).
 */
export function markdownToHtml(markdown: string, options: { headingOffset?: number; skipTitle?: boolean } = {}): string {
  const offset = options.headingOffset ?? 2;
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  let quote: string[] = [];
  let table: string[][] = [];
  let code: string[] | undefined;

  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (list) {
      const tag = list.ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`);
    }
    list = undefined;
    if (quote.length) out.push(`<blockquote><p>${inline(quote.join(' '))}</p></blockquote>`);
    quote = [];
    if (table.length) {
      const [head, ...body] = table;
      const headHtml = head?.some((c) => c !== '') ? `<thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>` : '';
      out.push(`<table>${headHtml}<tbody>${body.map((row) => `<tr>${row.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    }
    table = [];
  };

  for (const raw of markdown.split(/\r?\n/)) {
    if (code) {
      if (raw.trimStart().startsWith('```')) {
        out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
        code = undefined;
      } else {
        code.push(raw);
      }
      continue;
    }
    if (raw.trimStart().startsWith('```')) {
      flush();
      code = [];
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
    const item = /^\s*([-*]|\d+\.)\s+(.*)$/.exec(raw);
    const quoted = /^>\s?(.*)$/.exec(raw);
    if (heading) {
      flush();
      const level = heading[1]!.length;
      if (level === 1 && options.skipTitle) continue;
      const tag = `h${Math.min(6, level + offset)}`;
      out.push(`<${tag}>${inline(heading[2]!)}</${tag}>`);
    } else if (item) {
      if (paragraph.length || quote.length || table.length) flush();
      const ordered = /\d/.test(item[1]!);
      if (list && list.ordered !== ordered) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[2]!);
    } else if (quoted) {
      if (!quote.length) flush();
      quote.push(quoted[1]!);
    } else if (raw.trim() === '') {
      flush();
    } else if (/^\s*\|/.test(raw)) {
      if (!table.length) flush();
      const cells = tableCells(raw);
      if (cells) table.push(cells);
    } else if (list && /^\s+\S/.test(raw)) {
      list.items[list.items.length - 1] += ` ${raw.trim()}`; // a list item continued on the next line
    } else {
      if (list || quote.length || table.length) flush();
      paragraph.push(raw.trim());
    }
  }
  if (code) out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
  flush();
  return out.join('\n');
}
