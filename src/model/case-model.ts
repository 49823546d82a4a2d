/**
 * The typed case model rules judge. It mirrors schemas/case-file.schema.json; objects are the very
 * objects loaded from the file, so a rule can report against any of them and the finding lands on
 * the right line.
 */
import type { DocumentKind } from '../validate/schemas.js';
import type { SourceMap } from '../input/source-map.js';
import { addDays, addMonths } from '../core/dates.js';
import { compareText } from '../core/text.js';

export type IsoDate = string;
export type Frequency = 'twice-weekly' | 'weekly' | 'fortnightly' | 'four-weekly' | 'monthly';
export type ContactType = 'office' | 'home-visit' | 'phone' | 'video' | 'group' | 'one-to-one' | 'prison-visit' | 'community-venue' | 'other';
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday' | 'weekdays' | 'weekends' | 'every-day';

export interface PersonView {
  words?: string;
  date?: IsoDate;
  reasonNotRecorded?: string;
}

export interface Participant {
  role: string;
  name?: string;
  organisation?: string;
  mode?: 'in-person' | 'phone' | 'video' | 'written';
}

export interface Participation {
  person: 'in-person' | 'phone' | 'video' | 'written' | 'absent';
  absenceReason?: string;
  others?: Participant[];
}

export interface Person {
  name?: string;
  age?: number;
  pronouns?: string;
}

export interface OfficerAllocation {
  name: string;
  from: IsoDate;
  to?: IsoDate;
  reason?: string;
  handover?: { date?: IsoDate; how: string };
}

export interface Agency {
  id?: string;
  name: string;
  role?: string;
  /** When it became involved, if after supervision began. */
  involvedFrom?: IsoDate;
  /** A team of the probation service itself (programmes, unpaid work), not another agency. */
  withinProbation?: boolean;
}

export interface Requirement {
  id?: string;
  type: string;
  days?: number;
  hours?: number;
  sessions?: number;
  description?: string;
  /** How far it has got, as recorded (days, hours or sessions delivered so far). */
  progress?: RequirementProgress;
}

export interface RequirementProgress {
  startedOn?: IsoDate;
  /** In the requirement's own unit: RAR days, unpaid work hours or programme sessions. */
  delivered?: number;
  asOf?: IsoDate;
  notStartedReason?: string;
  extendedTo?: IsoDate;
}

/** A dated period when contact could not happen (hospital, custody, an agreed holiday). */
export interface UnavailablePeriod {
  kind: 'hospital' | 'custody' | 'holiday' | 'other';
  start: IsoDate;
  /** Left out while the period continues. */
  end?: IsoDate;
  note?: string;
}

export interface Mappa {
  category?: 1 | 2 | 3 | 4;
  level?: 1 | 2 | 3;
  arrangements?: string;
  from?: IsoDate;
  nextReview?: IsoDate;
}

export interface SexOffenderRegistration {
  registered: boolean;
  from?: IsoDate;
  until?: IsoDate;
  note?: string;
}

export interface HouseholdMember {
  relationship: string;
  age?: number;
  child?: boolean;
  childPlan?: 'child-protection' | 'child-in-need' | 'looked-after' | 'none';
  note?: string;
}

export interface Household {
  asOf?: IsoDate;
  members?: HouseholdMember[];
  safeguardingConcerns?: { concern: string; date?: IsoDate; agency?: string }[];
}

/** A strength or protective factor with an id that objectives can refer to in buildsOn. */
export interface Strength {
  id?: string;
  strength: string;
  kind?: 'strength' | 'protective-factor';
}

/** How risk is managed between contacts: who monitors what, and what would lead to more contact. */
export interface RiskManagement {
  summary?: string;
  monitoring?: { by: string; what: string; how?: string }[];
  triggers?: { sign: string; response?: string }[];
}

export interface Sentence {
  type: 'community-order' | 'suspended-sentence-order' | 'licence' | 'post-sentence-supervision';
  offence?: string;
  startDate: IsoDate;
  endDate?: IsoDate;
  lengthMonths?: number;
  riskOfSeriousHarm?: 'low' | 'medium' | 'high' | 'very-high';
  requirements?: Requirement[];
}

export interface Circumstance {
  id?: string;
  type: string;
  detail: string;
  effectOnCompliance?: string;
}

export interface Assessment {
  date: IsoDate;
  tool?: string;
  participation?: Participation;
  motivation?: { analysis?: string; readiness?: string };
  circumstances?: Circumstance[];
  /** Words alone, or with an id (see Strength). */
  strengths?: (string | Strength)[];
  personView?: PersonView;
  agenciesConsulted?: { agency: string; date?: IsoDate; information?: string }[];
}

export interface Action {
  description: string;
  by?: 'person' | 'probation-practitioner' | 'programme-staff' | 'partnership-agency' | 'crs-provider' | 'other';
  agency?: string;
  status?: string;
  requirement?: string;
}

export interface Objective {
  id?: string;
  title: string;
  areaOfNeed?: string;
  measure?: string;
  targetDate?: IsoDate;
  status?: 'active' | 'future' | 'achieved' | 'removed';
  dependsOn?: string[];
  /** Ids of strengths in assessment.strengths this objective builds on. */
  buildsOn?: string[];
  actions?: Action[];
  /** Dated notes: progress, and why it was achieved, removed or re-added (goal notes in the HMPPS service). */
  notes?: ObjectiveNote[];
}

export interface ObjectiveNote {
  date: IsoDate;
  type?: 'progress' | 'achieved' | 'removed' | 'readded';
  note: string;
}

export interface Unavailability {
  days: Weekday[];
  from?: string;
  to?: string;
  startDate?: IsoDate;
  endDate?: IsoDate;
  reason: string;
  circumstance?: string;
}

export interface ContactArrangements {
  frequency: Frequency;
  types?: ContactType[];
  pattern?: string;
  unavailable?: Unavailability[];
  adjustments?: { circumstance: string; how: string }[];
  rationale?: string;
}

export interface Plan {
  date: IsoDate;
  version?: 'initial' | 'review' | 'transfer' | 'termination';
  participation?: Participation;
  personView?: PersonView;
  agreement?: { status: 'agreed' | 'did-not-agree' | 'could-not-answer'; date?: IsoDate; reason?: string };
  objectives?: Objective[];
  requirementDelivery?: { requirement: string; how: string; startBy?: IsoDate; completeBy?: IsoDate; daysPerMonth?: number; hoursPerWeek?: number }[];
  contact?: ContactArrangements;
  /** Why the plan was completed after the expected timescale (or, on licence, after release). */
  lateReason?: string;
  revisit?: { when: 'after-first-attendance' | 'by-date' | 'not-needed'; by?: IsoDate; reason: string };
  riskManagement?: RiskManagement;
}

export type ContactOutcome = 'attended' | 'failed-to-attend' | 'acceptable-absence' | 'rescheduled' | 'cancelled-by-service' | 'planned';

export interface Enforcement {
  decision: 'acceptable' | 'unacceptable';
  action?: 'none' | 'warning' | 'breach' | 'recall';
  rationale?: string;
  date?: IsoDate;
  /** What the person said about the absence and when it was sought, or why no account could be had. */
  personAccount?: { words?: string; soughtOn?: IsoDate; notGivenReason?: string };
  /** For a breach: the warnings it relies on, by contact id or date. */
  reliesOn?: string[];
  sequenceDeparture?: string;
  breachOutcome?: { result: 'pending' | 'order-continued' | 'requirements-varied' | 'fine' | 'order-revoked' | 'custody' | 'not-proven' | 'withdrawn'; date?: IsoDate; note?: string };
}

export interface Contact {
  id?: string;
  date: IsoDate;
  time?: string;
  type?: ContactType;
  purpose?: string;
  requirement?: string;
  officer?: string;
  outcome: ContactOutcome;
  enforcement?: Enforcement;
  /** Hours of a requirement delivered at this contact (unpaid work). */
  hours?: number;
  rationale?: string;
  note?: string;
}

export interface Review {
  date: IsoDate;
  trigger?: string;
  participation?: Participation;
  personView?: PersonView;
  considered?: { compliance?: string; engagement?: string; barriers?: string };
  progress?: { objective?: string; note: string }[];
  planChanges?: { objective?: string; change: string; rationale?: string }[];
  contactChange?: { from: Frequency; to: Frequency; effectiveFrom?: IsoDate; rationale?: string };
  recordedIn?: string[];
  nextReview?: IsoDate;
  requirementProgress?: { requirement: string; startedOn?: IsoDate; delivered?: number; note?: string }[];
  /** The person's agreement to the plan as the review revised it. */
  agreement?: Plan['agreement'];
  riskReassessment?: { summary: string; riskOfSeriousHarm?: 'low' | 'medium' | 'high' | 'very-high' };
}

export interface CaseEvent {
  date: IsoDate;
  type: 'change-of-circumstances' | 'compliance-concern' | 'other';
  detail: string;
  reviewNotNeeded?: string;
  change?: 'new-offence' | 'address' | 'household' | 'relationship' | 'employment' | 'health' | 'bereavement' | 'other';
  reassessmentNotNeeded?: string;
}

/** Everything known about one case from the documents of one file that share its reference. */
export interface CaseModel {
  ref: string;
  /** The kinds of the documents this case was built from. */
  kinds: ReadonlySet<DocumentKind>;
  /** The first document of the case: findings about the case as a whole are reported here. */
  root: object;
  person?: Person;
  officers: OfficerAllocation[];
  agencies: Agency[];
  sentence?: Sentence;
  assessment?: Assessment;
  /** Plans in date order: a case file holds one, separate plan documents may add more. */
  plans: Plan[];
  /** The contact log in date and time order. */
  contacts: Contact[];
  /** Reviews in date order. */
  reviews: Review[];
  /** Changes of circumstances, compliance concerns and other dated events, in date order. */
  events: CaseEvent[];
  /** Periods when the person could not attend (hospital, custody, an agreed holiday), by start date. */
  unavailablePeriods: UnavailablePeriod[];
  mappa?: Mappa;
  sexOffenderRegistration?: SexOffenderRegistration;
  household?: Household;
}

type Raw = Record<string, unknown>;

export interface ValidDocument {
  kind: DocumentKind;
  value: Raw;
}

/**
 * Groups the valid documents of one file into cases by their case reference and builds the
 * typed model. Shorthand forms (personView written as plain words) are normalised here.
 */
export function buildCases(documents: ValidDocument[], sourceMap: SourceMap): CaseModel[] {
  const cases = new Map<string, CaseModel & { kinds: Set<DocumentKind> }>();
  const caseFor = (ref: string, root: object) => {
    let model = cases.get(ref);
    if (!model) {
      model = { ref, kinds: new Set(), root, officers: [], agencies: [], plans: [], contacts: [], reviews: [], events: [], unavailablePeriods: [] };
      cases.set(ref, model);
    }
    return model;
  };

  for (const { kind, value } of documents) {
    if (kind === 'case-file') {
      const caseInfo = value.case as Raw;
      const model = caseFor(String(caseInfo.ref), value);
      model.kinds.add(kind);
      model.person ??= caseInfo.person as Person | undefined;
      model.officers.push(...((caseInfo.officers as OfficerAllocation[] | undefined) ?? []));
      model.agencies.push(...((caseInfo.agencies as Agency[] | undefined) ?? []));
      model.sentence ??= value.sentence as Sentence | undefined;
      model.assessment ??= value.assessment as Assessment | undefined;
      if (value.plan) model.plans.push(value.plan as unknown as Plan);
      model.contacts.push(...((value.contacts as Contact[] | undefined) ?? []));
      model.reviews.push(...((value.reviews as Review[] | undefined) ?? []));
      model.events.push(...((value.events as CaseEvent[] | undefined) ?? []));
      model.unavailablePeriods.push(...((value.unavailablePeriods as UnavailablePeriod[] | undefined) ?? []));
      model.mappa ??= value.mappa as Mappa | undefined;
      model.sexOffenderRegistration ??= value.sexOffenderRegistration as SexOffenderRegistration | undefined;
      model.household ??= value.household as Household | undefined;
    } else {
      const model = caseFor(String(value.caseRef), value);
      model.kinds.add(kind);
      // A standalone plan or review may name the person and their pronouns; a case file's record comes first.
      model.person ??= value.person as Person | undefined;
      if (kind === 'sentence-plan') model.plans.push(value as unknown as Plan);
      else model.reviews.push(value as unknown as Review);
    }
  }

  for (const model of cases.values()) {
    for (const holder of [model.assessment, ...model.plans, ...model.reviews]) {
      if (holder) normalisePersonView(holder as unknown as Raw, sourceMap);
    }
    model.plans.sort((a, b) => compareText(a.date, b.date));
    model.reviews.sort((a, b) => compareText(a.date, b.date));
    model.events.sort((a, b) => compareText(a.date, b.date));
    model.unavailablePeriods.sort((a, b) => compareText(a.start, b.start));
    model.contacts.sort((a, b) => compareText(a.date, b.date) || compareText(a.time ?? '', b.time ?? ''));
  }
  return [...cases.values()];
}

function normalisePersonView(holder: Raw, sourceMap: SourceMap): void {
  if (typeof holder.personView !== 'string') return;
  const view: PersonView = Object.assign(Object.create(null) as PersonView, { words: holder.personView });
  sourceMap.recordDerived(view, sourceMap.spanOf(holder, 'personView'));
  holder.personView = view;
}

/** The last day of the order or licence, from endDate or startDate + lengthMonths. */
export function sentenceEndDate(sentence: Sentence | undefined): string | undefined {
  if (!sentence) return undefined;
  if (sentence.endDate) return sentence.endDate;
  if (sentence.lengthMonths) return addDays(addMonths(sentence.startDate, sentence.lengthMonths), -1);
  return undefined;
}
