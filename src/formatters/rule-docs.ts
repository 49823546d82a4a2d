/** Rule pages as reports show them; the pages themselves are read by the CLI (FormatterContext.ruleDocs). */
import { displayPath } from '../core/paths.js';

export interface RuleDoc {
  /** The page's `## ` sections by heading, as markdown. */
  sections: ReadonlyMap<string, string>;
}

/**
 * A rule's page from the run's pages (FormatterContext.ruleDocs), or undefined when it has none
 * (engine ids, plugin rules). Links to a page come from FormatterContext.ruleDocUrl: the page in
 * the installed package (a file: URL, which works offline), or a plugin rule's own meta.docs.url.
 */
export function ruleDoc(id: string, pages: ReadonlyMap<string, string> | undefined): RuleDoc | undefined {
  const markdown = pages?.get(id);
  return markdown === undefined ? undefined : { sections: splitSections(markdown) };
}

/** A link for a report read away from this machine (a pull request comment): web pages only, as a file: link would lead nowhere there. */
export function webUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\//i.test(url) ? url : undefined;
}

function splitSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | undefined;
  let body: string[] = [];
  const close = () => {
    if (heading !== undefined) sections.set(heading, body.join('\n').trim());
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const match = /^## +(.+?)\s*$/.exec(line);
    if (match) {
      close();
      heading = match[1]!;
      body = [];
    } else {
      body.push(line);
    }
  }
  close();
  return sections;
}

/**
 * Markdown as plain text for consumers that show only text: links, emphasis and code marks go,
 * and lines wrapped at 100 columns are joined again (list items keep their own lines).
 */
export function markdownToText(markdown: string): string {
  const inline = (s: string) =>
    s
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=$|[^\w*])/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1');
  return markdown
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const items: string[] = [];
      for (const line of paragraph.split('\n')) {
        const text = line.trim();
        if (/^([-*+]|\d+[.)])\s/.test(text) || items.length === 0) items.push(text);
        else items[items.length - 1] += ` ${text}`;
      }
      return items.map(inline).join('\n');
    })
    .join('\n\n');
}

/** A file's path as reports show it: relative to the working directory when inside it, with `/`. */
export function reportPath(filePath: string, cwd: string): string {
  return displayPath(filePath, cwd).split('\\').join('/');
}
