/**
 * A case told in date order, for people: sentence or release, assessment, plans, each contact with
 * its outcome, reviews, officer changes and changes in contact level. Each entry knows where it was
 * written, so findings can be shown against the moment in the case they are about.
 */
import type { CaseModel, Contact, ContactOutcome, Frequency, Participation } from './case-model.js';
import { sentenceEndDate } from './case-model.js';
import type { SourceRange } from '../core/findings.js';
import type { SourceMap } from '../input/source-map.js';
import { compareText } from '../core/text.js';

type TimelineKind = 'sentence' | 'release' | 'assessment' | 'plan' | 'contact' | 'review' | 'officer' | 'contact-level' | 'event' | 'end';

export interface TimelineEntry {
  date: string;
  time?: string;
  kind: TimelineKind;
  /** A short heading: "Office appointment (induction)". */
  title: string;
  /** Facts worth seeing at a glance, each a short phrase: "attended", "Lisa took part in person". */
  details: string[];
  /** For contacts: how it went, so it can be shown in colour and in words. */
  outcome?: ContactOutcome;
  /** Where the entry was written in the file; findings inside it belong to it. */
  range: SourceRange;
}

/** A case as a report draws it: the model and its timeline. */
export interface CaseView {
  model: CaseModel;
  timeline: TimelineEntry[];
}

// The engine attaches each file's cases to its result for the HTML report (see FileAttachments).
declare module '../core/findings.js' {
  interface FileAttachments {
    /** The cases the file's documents built, each with its timeline. */
    cases?: CaseView[];
  }
}

/** Sort order for entries on the same day: what happens first in a case comes first. */
const KIND_ORDER: TimelineKind[] = ['sentence', 'release', 'officer', 'event', 'assessment', 'contact', 'plan', 'review', 'contact-level', 'end'];

const SENTENCE_NAMES: Record<string, string> = {
  'community-order': 'Community order',
  'suspended-sentence-order': 'Suspended sentence order',
  licence: 'Licence',
  'post-sentence-supervision': 'Post-sentence supervision',
};

const OUTCOME_WORDS: Record<ContactOutcome, string> = {
  attended: 'attended',
  'failed-to-attend': 'failed to attend',
  'acceptable-absence': 'acceptable absence',
  rescheduled: 'rescheduled',
  'cancelled-by-service': 'cancelled by the service',
  planned: 'planned',
};

const CONTACT_TYPES: Record<string, string> = {
  office: 'Office appointment',
  'home-visit': 'Home visit',
  phone: 'Phone call',
  video: 'Video call',
  group: 'Group session',
  'one-to-one': 'One-to-one session',
  'prison-visit': 'Prison visit',
  'community-venue': 'Appointment at a community venue',
  other: 'Contact',
};

const PURPOSES: Record<string, string> = { 'rar-session': 'RAR session', 'pre-release': 'pre-release' };

const words = (value: string) => value.replace(/-/g, ' ');

function requirementSummary(model: CaseModel): string | undefined {
  const list = (model.sentence?.requirements ?? []).map((r) => {
    const amount = r.days ? `, ${r.days} days` : r.hours ? `, ${r.hours} hours` : r.sessions ? `, ${r.sessions} sessions` : '';
    const described = r.description?.trim().replace(/\.$/, '');
    const name = r.type === 'rehabilitation-activity' ? 'RAR' : r.type === 'other' || r.type === 'licence-condition' ? described || words(r.type) : words(r.type);
    return `${name}${amount}`;
  });
  return list.length ? `Requirements: ${list.join('; ')}` : undefined;
}

function participationPhrase(name: string, participation: Participation | undefined): string {
  if (!participation) return `${name}'s part not recorded`;
  const how = participation.person === 'absent' ? `${name} absent` : `${name} took part (${words(participation.person)})`;
  const others = (participation.others ?? []).map((o) => o.name ?? o.organisation ?? words(o.role));
  return others.length ? `${how}; with ${others.join(', ')}` : how;
}

function contactDetails(contact: Contact): string[] {
  const details: string[] = [OUTCOME_WORDS[contact.outcome]];
  const enforcement = contact.enforcement;
  if (enforcement) {
    const action = enforcement.action && enforcement.action !== 'none' ? enforcement.action : undefined;
    // "acceptable absence, judged acceptable" says one thing twice.
    const redundant = contact.outcome === 'acceptable-absence' && enforcement.decision === 'acceptable' && !action;
    if (!redundant) details.push(`absence judged ${enforcement.decision}${action ? `: ${action}` : ''}`);
  }
  if (contact.officer) details.push(`with ${contact.officer}`);
  if (contact.note) details.push(contact.note);
  return details;
}

const frequencyWords = (f: Frequency) => words(f);

/** The case's story in date order. Entries on one day keep a natural order (see KIND_ORDER). */
export function caseTimeline(model: CaseModel, sourceMap: SourceMap): TimelineEntry[] {
  const name = model.person?.name?.trim() || 'The person';
  const entries: TimelineEntry[] = [];
  const add = (entry: Omit<TimelineEntry, 'range'>, node: object, property?: string) => entries.push({ ...entry, range: sourceMap.rangeOf(node, property) });

  const sentence = model.sentence;
  if (sentence) {
    const released = sentence.type === 'licence' || sentence.type === 'post-sentence-supervision';
    const length = sentence.lengthMonths ? `, ${sentence.lengthMonths} months` : '';
    const details = [
      ...(sentence.offence ? [sentence.offence] : []),
      ...(sentence.riskOfSeriousHarm ? [`${words(sentence.riskOfSeriousHarm)} risk of serious harm`] : []),
      ...(requirementSummary(model) ? [requirementSummary(model)!] : []),
    ];
    add(
      {
        date: sentence.startDate,
        kind: released ? 'release' : 'sentence',
        title: released ? `Released: ${SENTENCE_NAMES[sentence.type]?.toLowerCase()}${length}` : `Sentenced: ${SENTENCE_NAMES[sentence.type]?.toLowerCase()}${length}`,
        details,
      },
      sentence,
    );
    const end = sentenceEndDate(sentence);
    if (end) add({ date: end, kind: 'end', title: released ? 'Supervision ends' : 'Order ends', details: [] }, sentence, sentence.endDate ? 'endDate' : 'lengthMonths');
  }

  model.officers.forEach((officer, i) => {
    const details: string[] = [];
    if (i > 0) details.push(officer.handover ? `handover: ${officer.handover.how}` : 'no handover recorded');
    if (officer.reason) details.push(officer.reason);
    add({ date: officer.from, kind: 'officer', title: i === 0 ? `Allocated to ${officer.name}` : `Case moves to ${officer.name}`, details }, officer);
  });

  if (model.assessment) {
    const a = model.assessment;
    add({ date: a.date, kind: 'assessment', title: a.tool ? `Assessment (${a.tool})` : 'Assessment', details: [participationPhrase(name, a.participation)] }, a);
  }

  for (const plan of model.plans) {
    const details = [participationPhrase(name, plan.participation)];
    if (plan.agreement) details.push(`agreement: ${words(plan.agreement.status)}`);
    if (plan.contact) details.push(`contact ${frequencyWords(plan.contact.frequency)}`);
    add({ date: plan.date, kind: 'plan', title: plan.version ? `Sentence plan (${plan.version})` : 'Sentence plan', details }, plan);
  }

  for (const contact of model.contacts) {
    const type = CONTACT_TYPES[contact.type ?? 'other'] ?? 'Contact';
    const purposeWords = contact.purpose ? (PURPOSES[contact.purpose] ?? words(contact.purpose)) : undefined;
    // "Home visit (home visit)" says it twice.
    const purpose = purposeWords && !type.toLowerCase().includes(purposeWords) ? ` (${purposeWords})` : '';
    add({ date: contact.date, ...(contact.time ? { time: contact.time } : {}), kind: 'contact', title: `${type}${purpose}`, details: contactDetails(contact), outcome: contact.outcome }, contact);
  }

  for (const review of model.reviews) {
    const trigger = review.trigger ? ` (${words(review.trigger)})` : '';
    const details = [participationPhrase(name, review.participation)];
    const changes = review.planChanges?.length ?? 0;
    if (changes) details.push(`${changes} change${changes === 1 ? '' : 's'} to the plan`);
    add({ date: review.date, kind: 'review', title: `Review${trigger}`, details }, review);
    if (review.contactChange) {
      const change = review.contactChange;
      add(
        {
          date: change.effectiveFrom ?? review.date,
          kind: 'contact-level',
          title: `Contact changes from ${frequencyWords(change.from)} to ${frequencyWords(change.to)}`,
          details: [change.rationale ? 'reason recorded' : 'no reason recorded'],
        },
        change,
      );
    }
  }

  for (const event of model.events) {
    const title = event.type === 'compliance-concern' ? 'Compliance concern' : event.type === 'change-of-circumstances' ? 'Change of circumstances' : 'Event';
    add({ date: event.date, kind: 'event', title, details: [event.detail] }, event);
  }

  return entries.sort((a, b) => compareText(a.date, b.date) || compareText(a.time ?? '', b.time ?? '') || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/**
 * The entry a finding belongs to: the narrowest entry whose lines hold the finding's line. Findings
 * outside every entry (about the file as a whole) belong to none.
 */
export function entryForLine(entries: readonly TimelineEntry[], line: number): number | undefined {
  let best: number | undefined;
  let bestSpan = Infinity;
  entries.forEach((entry, i) => {
    const { line: start, endLine } = entry.range;
    // A mapping's range ends at the start of the next line; that line is not part of it.
    const end = entry.range.endColumn === 1 && endLine > start ? endLine - 1 : endLine;
    if (line >= start && line <= end && end - start < bestSpan) {
      best = i;
      bestSpan = end - start;
    }
  });
  return best;
}
