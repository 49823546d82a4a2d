/**
 * The publications rules are drawn from, and how reports cite them. A rule names a publication and
 * the section it draws on (RuleMeta.guidance); every place a rule is explained (its page, explain,
 * the HTML report, SARIF) cites it the same way, by title and publisher, never by a file name.
 */

export interface Publication {
  /** The title as published. */
  title: string;
  /** Who published it (an organisation), or its author. */
  publisher: string;
  /** The series or journal it appeared in. */
  series?: string;
}

/** The publications planlint's built-in rules come from. */
export const PUBLICATIONS = {
  'hmip-introduction-to-engagement': { title: 'Introduction to engagement in case supervision', publisher: 'HM Inspectorate of Probation', series: 'effective practice guide' },
  'hmip-assessing-for-engagement': { title: 'Assessing for engagement', publisher: 'HM Inspectorate of Probation', series: 'effective practice guide' },
  'hmip-planning-for-engagement': { title: 'Planning for engagement', publisher: 'HM Inspectorate of Probation', series: 'effective practice guide' },
  'hmip-reviewing-for-engagement': { title: 'Reviewing for engagement', publisher: 'HM Inspectorate of Probation', series: 'effective practice guide' },
  'hughes-service-user-engagement': { title: "Service User Engagement – What's the big deal?", publisher: 'William Hughes', series: 'EuroVista' },
} as const satisfies Record<string, Publication>;

export type PublicationId = keyof typeof PUBLICATIONS;

/** Where a rule comes from: a publication and the part of it the rule draws on. */
export interface GuidanceCitation {
  /** One of PUBLICATIONS by id, or (for a team's own rule) any other publication. */
  publication: PublicationId | Publication;
  /** The part of the publication, in words a reader can find it by: a heading, or what it says. */
  section: string;
}

/**
 * A rule's guidance as given in its meta: one citation or several. Plain text (what rules gave
 * before citations) is still accepted from plugins, and shown as written.
 */
export type Guidance = GuidanceCitation | readonly GuidanceCitation[] | string;

/** The citations of a rule's meta.guidance, in order; none for anything else (a plugin written before citations). */
export function citationsOf(guidance: unknown): GuidanceCitation[] {
  const list: unknown[] = Array.isArray(guidance) ? guidance : guidance === undefined ? [] : [guidance];
  return list.filter(isCitation);
}

function isCitation(value: unknown): value is GuidanceCitation {
  if (typeof value !== 'object' || value === null) return false;
  const { publication, section } = value as { publication?: unknown; section?: unknown };
  if (typeof section !== 'string') return false;
  if (typeof publication === 'string') return Object.hasOwn(PUBLICATIONS, publication);
  return typeof publication === 'object' && publication !== null && typeof (publication as Publication).title === 'string' && typeof (publication as Publication).publisher === 'string';
}

/**
 * One citation as people read it: `HM Inspectorate of Probation, *Planning for engagement*
 * (effective practice guide): <section>`. `markdown` puts the title in italics.
 */
export function formatCitation(citation: GuidanceCitation, { markdown = false } = {}): string {
  const publication: Publication = typeof citation.publication === 'string' ? PUBLICATIONS[citation.publication] : citation.publication;
  const title = markdown ? `*${publication.title}*` : publication.title;
  return `${publication.publisher}, ${title}${publication.series ? ` (${publication.series})` : ''}: ${citation.section}`;
}

/** Every citation of a rule's guidance, joined: what a report shows under "Guidance" (empty for none). */
export function formatGuidance(guidance: unknown, options: { markdown?: boolean } = {}): string {
  if (typeof guidance === 'string') return guidance.trim();
  return citationsOf(guidance)
    .map((c) => formatCitation(c, options))
    .join('; ');
}
