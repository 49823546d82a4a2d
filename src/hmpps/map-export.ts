/**
 * Maps an HMPPS digital sentence plan export onto planlint's case model, so the rules that judge
 * plans judge it as they judge a case file. Checking the export's shape happens here too: it has
 * no JSON Schema, and real exports vary (missing fields, nulls, three date forms, new fields).
 *
 * Every model object made here is registered in the source map against the JSON it came from, so
 * a finding about, say, an objective's target date points at the goal's `targetDate` in the file.
 */
import type { Action, CaseModel, Objective, ObjectiveNote, Participation, Plan, PersonView } from '../model/case-model.js';
import type { Finding } from '../core/findings.js';
import { ENGINE_RULE_IDS } from '../core/findings.js';
import type { MappedFrom, SourceMap } from '../input/source-map.js';
import { describeValue } from '../validate/validate-document.js';
import { isRecord, looksLikePlan, looksLikePlanVersion } from './export-shape.js';
import type { ExportShape, ReadExport } from './export-shape.js';
import { compareText } from '../core/text.js';

type Raw = Record<string, unknown>;
type Agreement = NonNullable<Plan['agreement']>;

const PLAN_TYPES: Record<string, Plan['version'] | null> = {
  INITIAL: 'initial',
  REVIEW: 'review',
  TRANSFER: 'transfer',
  TERMINATE: 'termination',
  OTHER: null, // a version the model has no word for: left unset rather than guessed
};

const AGREEMENT_STATUSES: Record<string, Agreement['status'] | null> = {
  DRAFT: null, // not yet put to the person: no agreement to record
  AGREED: 'agreed',
  UPDATED_AGREED: 'agreed',
  DO_NOT_AGREE: 'did-not-agree',
  UPDATED_DO_NOT_AGREE: 'did-not-agree',
  COULD_NOT_ANSWER: 'could-not-answer',
};

const GOAL_STATUSES: Record<string, Objective['status']> = { ACTIVE: 'active', FUTURE: 'future', ACHIEVED: 'achieved', REMOVED: 'removed' };

const STEP_STATUSES: Record<string, string> = {
  NOT_STARTED: 'not-started',
  IN_PROGRESS: 'in-progress',
  COMPLETED: 'completed',
  CANNOT_BE_DONE_YET: 'cannot-be-done-yet',
  NO_LONGER_NEEDED: 'no-longer-needed',
};

const NOTE_TYPES: Record<string, ObjectiveNote['type']> = { PROGRESS: 'progress', ACHIEVED: 'achieved', REMOVED: 'removed', READDED: 'readded' };

/** The service's areas of need by name, with the shorter names older exports use. */
const AREAS_OF_NEED: Record<string, string> = {
  accommodation: 'accommodation',
  'employment and education': 'employment-and-education',
  'education training and employment': 'employment-and-education',
  finances: 'finances',
  finance: 'finances',
  'drug use': 'drug-use',
  drugs: 'drug-use',
  'alcohol use': 'alcohol-use',
  alcohol: 'alcohol-use',
  'health and wellbeing': 'health-and-wellbeing',
  'personal relationships and community': 'personal-relationships-and-community',
  'thinking behaviours and attitudes': 'thinking-behaviours-and-attitudes',
};

type Owner = NonNullable<Action['by']>;

/**
 * Who does a step: the service stores free text (the person's first name, a role from its list,
 * or whoever "someone else" is). Roles are matched by their words, in the list's labels or codes.
 */
const ROLES: { owner: Owner; pattern: RegExp; label: string }[] = [
  { owner: 'person', pattern: /^(person on probation|the person|service user|pop|themselves|themself|self)$/, label: 'person on probation' },
  { owner: 'probation-practitioner', pattern: /\b(probation practitioner|probation officer|offender manager|practitioner|pom)\b/, label: 'probation practitioner' },
  { owner: 'programme-staff', pattern: /\b(programmes? staff|programs? staff)\b/, label: 'programme staff' },
  { owner: 'partnership-agency', pattern: /\bpartnership agency\b/, label: 'partnership agency' },
  { owner: 'crs-provider', pattern: /\b(crs|commissioned rehabilitative services?)\b/, label: 'commissioned rehabilitative services crs provider' },
  { owner: 'other', pattern: /^someone else$/, label: 'someone else' },
];

/** Fields each part of an export may have; others are new or unknown and are noted once. */
const KNOWN_FIELDS = {
  plan: ['id', 'uuid', 'crn', 'publishedState', 'status', 'createdDate', 'creationDate', 'createdBy', 'lastUpdatedDate', 'lastUpdatedBy', 'updatedDate', 'currentVersion', 'versions'],
  version: [
    'id',
    'uuid',
    'version',
    'planId',
    'planType',
    'status',
    'agreementStatus',
    'createdDate',
    'createdBy',
    'updatedDate',
    'updatedBy',
    'agreementDate',
    'readOnly',
    'checksum',
    'agreementNotes',
    'agreementNote',
    'planProgressNotes',
    'goals',
    'softDeleted',
    'mostRecentUpdateDate',
    'mostRecentUpdateByName',
    'crn',
  ],
  goal: [
    'id',
    'uuid',
    'title',
    'areaOfNeed',
    'relatedAreasOfNeed',
    'targetDate',
    'reminderDate',
    'status',
    'statusDate',
    'goalOrder',
    'steps',
    'notes',
    'createdDate',
    'createdBy',
    'updatedDate',
    'updatedBy',
    'planVersion',
  ],
  step: ['id', 'uuid', 'relatedGoalId', 'description', 'status', 'actor', 'createdDate', 'creationDate', 'createdBy', 'updatedDate', 'updatedBy'],
  agreementNote: ['id', 'uuid', 'agreementStatus', 'agreementStatusNote', 'optionalNote', 'practitionerName', 'personName', 'createdDate', 'creationDate', 'createdBy'],
  progressNote: ['id', 'uuid', 'note', 'isSupportNeeded', 'isSupportNeededNote', 'isInvolved', 'isInvolvedNote', 'personName', 'practitionerName', 'createdDate', 'creationDate', 'createdBy'],
  goalNote: ['id', 'uuid', 'note', 'type', 'createdDate', 'createdBy', 'practitionerName'],
} as const;

/** Timestamps with a literal Z, plain dates, and date-times with no zone and microseconds. */
const DATE_FORMS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads one export, collecting in plain words what in it cannot be used. */
class ExportReader {
  readonly findings: Finding[] = [];
  /** The export object each plan and objective was made from, for convert to say more than the model holds. */
  readonly sources = new WeakMap<object, Raw>();
  private readonly unknownFields: { name: string; where: string; node: object }[] = [];

  constructor(
    private readonly sourceMap: SourceMap,
    /** --redact: messages quote no text from the export. */
    private readonly redact: boolean,
  ) {}

  /** A value as a message quotes it (not quoted at all when redacting). */
  describe(value: unknown): string {
    return describeValue(value, this.redact);
  }

  problem(node: object, property: string | number | undefined, message: string, severity: 'error' | 'info' = 'error'): void {
    this.findings.push({ ruleId: ENGINE_RULE_IDS.schema, severity, message, ...this.sourceMap.headOf(node, property) });
  }

  /** The field as text, or undefined when absent, null or not text (reported). */
  text(node: Raw, field: string, where: string): string | undefined {
    const value = node[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    this.problem(node, field, `${at(where, field)} must be text; found ${this.describe(value)}. It is left out.`);
    return undefined;
  }

  /** The field as a YYYY-MM-DD date, from any of the three forms the service writes. */
  date(node: Raw, field: string, where: string): string | undefined {
    const value = node[field];
    if (value === undefined || value === null) return undefined;
    const match = typeof value === 'string' ? DATE_FORMS.exec(value.trim()) : null;
    const date = match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
    // The time is server local time, not UTC (see the design notes): the date part is the date.
    if (date && isRealDate(date)) return date;
    this.problem(node, field, `${at(where, field)} must be a date such as 2025-12-31 or 2025-12-09T08:58:36Z; found ${this.describe(value)}. It is left out.`);
    return undefined;
  }

  /** The field as a list of records; anything else in it is reported and skipped. */
  records(node: Raw, field: string, where: string): { item: Raw; index: number }[] {
    const value = node[field];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem(node, field, `${at(where, field)} must be a list; found ${this.describe(value)}. It is left out.`);
      return [];
    }
    const out: { item: Raw; index: number }[] = [];
    value.forEach((item: unknown, index) => {
      if (isRecord(item)) out.push({ item, index });
      else this.problem(value, index, `${at(where, `${field}[${index}]`)} must be a set of fields; found ${this.describe(item)}. It is left out.`);
    });
    return out;
  }

  /** A value from one of the service's lists; an unknown one is noted (the service may have added it) and left out. */
  choice<T>(node: Raw, field: string, where: string, table: Record<string, T>): T | undefined {
    const value = this.text(node, field, where);
    if (value === undefined || value.trim() === '') return undefined;
    const key = value
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_');
    if (Object.hasOwn(table, key)) return table[key];
    this.problem(node, field, `${at(where, field)} is ${this.describe(value)}, which planlint does not know (expected ${Object.keys(table).join(', ')}); it is left out.`, 'info');
    return undefined;
  }

  noteUnknownFields(node: Raw, known: readonly string[], where: string): void {
    for (const name of Object.keys(node)) if (!known.includes(name)) this.unknownFields.push({ name, where, node });
  }

  /** One note for all the fields planlint does not read: they are not wrong, only unused. */
  reportUnknownFields(): void {
    const first = this.unknownFields[0];
    if (!first) return;
    const names = [...new Set(this.unknownFields.map((f) => f.name))];
    const shown =
      names
        .slice(0, 5)
        .map((n) => this.describe(n))
        .join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
    const where = first.where ? ` (first in ${first.where})` : '';
    this.findings.push({
      ruleId: ENGINE_RULE_IDS.schema,
      severity: 'info',
      message: `planlint does not read ${names.length === 1 ? 'the field' : 'the fields'} ${shown} of this export${where}; ${names.length === 1 ? 'it is' : 'they are'} left out of the checks.`,
      ...this.sourceMap.toRange(this.sourceMap.spanOf(first.node, first.name, 'key')),
    });
  }

  /** Registers a model object as coming from `source`; fields name where each property came from. */
  mapped<T extends object>(target: T, source: object, fields: Record<string, MappedFrom> = {}, atField?: string): T {
    this.sourceMap.recordMapped(target, source, fields, atField);
    return target;
  }
}

function at(where: string, field: string): string {
  return where ? `${where}.${field}` : field;
}

function isRealDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}

/** Leaves out fields with no value, so the model holds only what the export says. */
function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Maps a step's free-text actor onto who does it, keeping a name the role list does not hold in
 * agency. Without the person's name (a draft has no agreement notes) a name could be theirs or
 * anyone's, so who does the step is left unknown rather than guessed.
 */
export function ownerOf(actor: string, personNames: readonly string[]): { by?: Owner; agency?: string } | undefined {
  // Codes such as probation_practitioner read as their words once punctuation is gone.
  const words = normalise(actor);
  if (words === '') return undefined;
  if (personNames.some((name) => words === normalise(name) || words === normalise(name).split(' ')[0])) return { by: 'person' };
  const role = ROLES.find((r) => r.pattern.test(words));
  if (!role) return personNames.length > 0 ? { by: 'other', agency: actor.trim() } : { agency: actor.trim() };
  if (role.owner === 'person' || words === role.label || words === role.owner.replace(/-/g, ' ')) return { by: role.owner };
  return { by: role.owner, agency: actor.trim() };
}

interface PlanSource {
  /** The plan (list entry) the versions belong to, when the export holds one. */
  plan?: Raw;
  versions: { version: Raw; where: string }[];
  root: object;
  where: string;
}

/** Maps a recognised export onto one case per plan it holds. */
export function mapExport(value: Raw | unknown[], shape: ExportShape, sourceMap: SourceMap, { redact = false }: { redact?: boolean } = {}): ReadExport {
  const reader = new ExportReader(sourceMap, redact);
  const sources: PlanSource[] = [];
  if (shape === 'plan-version') sources.push({ versions: [{ version: value as Raw, where: '' }], root: value, where: '' });
  else if (shape === 'plan') sources.push(planSource(reader, value as Raw, ''));
  else {
    (value as unknown[]).forEach((item, index) => {
      const where = `[${index}]`;
      if (looksLikePlan(item)) sources.push(planSource(reader, item, where));
      else if (looksLikePlanVersion(item)) sources.push({ versions: [{ version: item, where }], root: item, where });
      else
        reader.problem(value, index, `Entry ${where} of the list is not a plan (no currentVersion or versions) or a plan version (no planType, agreementStatus or goals); found ${reader.describe(item)}. It is left out.`);
    });
  }

  const refs = new Map<string, number>();
  const cases = sources.map((source) => {
    const model = mapPlan(reader, source);
    // Separate plans of one person stay separate cases: each has its own history.
    const seen = refs.get(model.ref) ?? 0;
    refs.set(model.ref, seen + 1);
    if (seen > 0) model.ref = `${model.ref} (plan ${seen + 1})`;
    return model;
  });
  reader.reportUnknownFields();
  return { cases, findings: reader.findings, sources: reader.sources };
}

function planSource(reader: ExportReader, plan: Raw, where: string): PlanSource {
  reader.noteUnknownFields(plan, KNOWN_FIELDS.plan, where);
  const versions: { version: Raw; where: string }[] = [];
  const current = plan.currentVersion;
  if (isRecord(current)) versions.push({ version: current, where: at(where, 'currentVersion') });
  else if (current !== undefined && current !== null) {
    reader.problem(plan, 'currentVersion', `${at(where, 'currentVersion')} must be a plan version (a set of fields); found ${reader.describe(current)}. It is left out.`);
  }
  const sameVersion = (a: Raw, b: Raw) => (a.uuid !== undefined ? a.uuid === b.uuid : a.version !== undefined && a.version === b.version);
  for (const { item, index } of reader.records(plan, 'versions', where)) {
    // The current version is usually listed among the versions too: judge it once.
    if (isRecord(current) && sameVersion(item, current)) continue;
    versions.push({ version: item, where: at(where, `versions[${index}]`) });
  }
  return { plan, versions, root: plan, where };
}

function mapPlan(reader: ExportReader, source: PlanSource): CaseModel {
  const names = personNames(source.versions.map((v) => v.version));
  const plans: { plan: Plan; order: number }[] = [];
  for (const { version, where } of source.versions) {
    const plan = mapVersion(reader, version, where, names);
    if (plan) plans.push({ plan, order: typeof version.version === 'number' ? version.version : plans.length });
  }
  plans.sort((a, b) => compareText(a.plan.date, b.plan.date) || a.order - b.order);
  const first = source.versions[0]?.version;
  const crn = [source.plan?.crn, first?.crn].find((c): c is string => typeof c === 'string' && c.trim() !== '');
  const uuid = [source.plan?.uuid, first?.uuid].find((u): u is string => typeof u === 'string');
  const name = names[0]?.trim().split(/\s+/)[0];
  return {
    ref: crn ?? uuid ?? 'hmpps-export',
    kinds: new Set(['hmpps-sentence-plan']),
    root: source.root,
    ...(name ? { person: { name } } : {}),
    officers: [],
    agencies: [],
    plans: plans.map((p) => p.plan),
    contacts: [],
    reviews: [],
    events: [],
    unavailablePeriods: [],
  };
}

/**
 * The person's names as the service recorded them on agreement and progress notes, latest first.
 * Steps the person does name them as their actor, so these tell the person's steps from others'.
 */
function personNames(versions: Raw[]): string[] {
  const dated: { name: string; date: string }[] = [];
  for (const version of versions) {
    for (const field of ['agreementNotes', 'planProgressNotes']) {
      const notes = Array.isArray(version[field]) ? (version[field] as unknown[]) : [];
      for (const note of notes) {
        if (isRecord(note) && typeof note.personName === 'string' && note.personName.trim()) {
          dated.push({ name: note.personName.trim(), date: typeof note.createdDate === 'string' ? note.createdDate : '' });
        }
      }
    }
    if (isRecord(version.agreementNote) && typeof version.agreementNote.personName === 'string') dated.push({ name: version.agreementNote.personName.trim(), date: '' });
  }
  return [
    ...new Set(
      dated
        .sort((a, b) => compareText(b.date, a.date))
        .map((d) => d.name)
        .filter(Boolean),
    ),
  ];
}

/** The notes of a kind in a version, latest first, each with where it is. */
function notesOf(reader: ExportReader, version: Raw, field: string, where: string, known: readonly string[]): { note: Raw; date?: string; where: string }[] {
  const list = reader.records(version, field, where).map(({ item, index }) => ({ note: item, where: at(where, `${field}[${index}]`) }));
  // Some endpoints give the agreement as one object rather than a list.
  if (field === 'agreementNotes' && isRecord(version.agreementNote)) list.push({ note: version.agreementNote, where: at(where, 'agreementNote') });
  return list
    .map((n) => {
      reader.noteUnknownFields(n.note, known, n.where);
      const date = reader.date(n.note, 'createdDate', n.where) ?? reader.date(n.note, 'creationDate', n.where);
      return { ...n, ...(date ? { date } : {}) };
    })
    .sort((a, b) => compareText(b.date ?? '', a.date ?? ''));
}

function mapVersion(reader: ExportReader, version: Raw, where: string, names: readonly string[]): Plan | undefined {
  reader.noteUnknownFields(version, KNOWN_FIELDS.version, where);
  const what = where ? `The plan version at ${where}` : 'The plan version';
  // The plan dates from its agreement; a draft from when it was made. A bad date falls back to the next.
  let date: string | undefined;
  let dateField: string | undefined;
  for (const field of ['agreementDate', 'createdDate', 'updatedDate']) {
    date = version[field] === undefined || version[field] === null ? undefined : reader.date(version, field, where);
    if (date) {
      dateField = field;
      break;
    }
  }
  if (!date || !dateField) {
    reader.problem(version, undefined, `${what} has no readable createdDate, so it cannot be placed in the plan's history; it is left out.`);
    return undefined;
  }

  const agreementNotes = notesOf(reader, version, 'agreementNotes', where, KNOWN_FIELDS.agreementNote);
  const progressNotes = notesOf(reader, version, 'planProgressNotes', where, KNOWN_FIELDS.progressNote);
  const planType = reader.choice(version, 'planType', where, PLAN_TYPES);
  const plan: Plan = defined({
    date,
    version: planType ?? undefined,
    participation: participationOf(reader, progressNotes[0]),
    personView: personViewOf(reader, agreementNotes[0]),
    agreement: agreementOf(reader, version, where, agreementNotes),
    objectives: objectivesOf(reader, version, where, names),
  });
  reader.sources.set(plan, version);
  return reader.mapped(plan, version, {
    date: dateField,
    version: 'planType',
    participation: progressNotes[0] ? { node: progressNotes[0].note } : 'planProgressNotes',
    agreement: 'agreementStatus',
    objectives: 'goals',
    personView: agreementNotes[0] ? { node: agreementNotes[0].note, property: 'optionalNote' } : 'agreementNotes',
  });
}

/**
 * Who took part: the latest progress note says whether the person was involved. The service does
 * not record how, so involvement is read as in person (convert says so, for the officer to correct).
 */
function participationOf(reader: ExportReader, latest: { note: Raw; where: string } | undefined): Participation | undefined {
  if (!latest) return undefined;
  const involved = latest.note.isInvolved;
  if (typeof involved !== 'boolean') {
    if (involved !== undefined && involved !== null) reader.problem(latest.note, 'isInvolved', `${at(latest.where, 'isInvolved')} must be true or false; found ${reader.describe(involved)}. It is left out.`);
    return undefined;
  }
  const reason = reader.text(latest.note, 'isInvolvedNote', latest.where);
  const participation: Participation = involved ? { person: 'in-person' } : defined({ person: 'absent', absenceReason: reason?.trim() ? reason : undefined });
  return reader.mapped(participation, latest.note, { person: 'isInvolved', absenceReason: 'isInvolvedNote' });
}

/**
 * The person's own words: the export has no field for them. The agreement's optional note is
 * where an officer can quote the person, so it is read as their view (rules then judge whether
 * it is in their words or a summary about them).
 */
function personViewOf(reader: ExportReader, latest: { note: Raw; where: string } | undefined): PersonView | undefined {
  if (!latest) return undefined;
  const words = reader.text(latest.note, 'optionalNote', latest.where);
  if (!words?.trim()) return undefined;
  return reader.mapped({ words }, latest.note, { words: 'optionalNote' }, 'optionalNote');
}

function agreementOf(reader: ExportReader, version: Raw, where: string, notes: { note: Raw; date?: string; where: string }[]): Agreement | undefined {
  const fromVersion = reader.choice(version, 'agreementStatus', where, AGREEMENT_STATUSES);
  const latest = notes[0];
  // With no status on the version, the latest agreement note says how the person answered.
  const status = fromVersion === undefined && latest ? reader.choice(latest.note, 'agreementStatus', latest.where, AGREEMENT_STATUSES) : fromVersion;
  if (!status) return undefined;
  const note = notes.find((n) => AGREEMENT_STATUSES[String(n.note.agreementStatus)] === status) ?? latest;
  const reason = note ? reader.text(note.note, 'agreementStatusNote', note.where) : undefined;
  const date = version.agreementDate !== undefined && version.agreementDate !== null ? reader.date(version, 'agreementDate', where) : note?.date;
  const agreement: Agreement = defined({
    status,
    date,
    // An agreement needs no reason; for the others an empty one is kept so a finding points at it.
    reason: status === 'agreed' && !reason?.trim() ? undefined : reason,
  });
  const statusSource: MappedFrom = fromVersion !== undefined ? 'agreementStatus' : { node: latest!.note, property: 'agreementStatus' };
  const dateSource: MappedFrom = version.agreementDate ? 'agreementDate' : note ? { node: note.note, property: 'createdDate' } : 'agreementDate';
  return reader.mapped(agreement, version, { status: statusSource, date: dateSource, ...(note ? { reason: { node: note.note, property: 'agreementStatusNote' } } : {}) }, 'agreementStatus');
}

function objectivesOf(reader: ExportReader, version: Raw, where: string, names: readonly string[]): Objective[] | undefined {
  if (version.goals === undefined || version.goals === null) return undefined;
  const goals = reader.records(version, 'goals', where);
  // The service shows goals in goalOrder; the file's order breaks ties.
  const ordered = [...goals].sort((a, b) => orderOf(a.item) - orderOf(b.item) || a.index - b.index);
  const objectives: Objective[] = [];
  const sources: Record<string, MappedFrom> = {};
  for (const { item: goal, index } of ordered) {
    const objective = objectiveOf(reader, goal, at(where, `goals[${index}]`), names);
    if (!objective) continue;
    sources[objectives.length] = { node: goal };
    objectives.push(objective);
  }
  if (!Array.isArray(version.goals)) return undefined;
  return reader.mapped(objectives, version, sources, 'goals');
}

const orderOf = (goal: Raw) => (typeof goal.goalOrder === 'number' ? goal.goalOrder : Number.MAX_SAFE_INTEGER);

function objectiveOf(reader: ExportReader, goal: Raw, where: string, names: readonly string[]): Objective | undefined {
  reader.noteUnknownFields(goal, KNOWN_FIELDS.goal, where);
  const title = reader.text(goal, 'title', where);
  if (!title?.trim()) {
    reader.problem(goal, goal.title === undefined ? undefined : 'title', `The goal at ${where} has no title, so it cannot be judged; it is left out.`);
    return undefined;
  }
  const area = areaOf(reader, goal, where);
  const objective: Objective = defined({
    title,
    areaOfNeed: area?.value,
    targetDate: reader.date(goal, 'targetDate', where),
    status: reader.choice(goal, 'status', where, GOAL_STATUSES),
    actions: stepsOf(reader, goal, where, names),
    notes: goalNotesOf(reader, goal, where),
  });
  reader.sources.set(objective, goal);
  return reader.mapped(objective, goal, { title: 'title', areaOfNeed: area?.source ?? 'areaOfNeed', targetDate: 'targetDate', status: 'status', actions: 'steps', notes: 'notes' });
}

function areaOf(reader: ExportReader, goal: Raw, where: string): { value: string; source: MappedFrom } | undefined {
  const area = goal.areaOfNeed;
  if (area === undefined || area === null) return undefined;
  // The service gives {uuid, name}; a plain name is accepted too.
  const [holder, field] = isRecord(area) ? [area, 'name'] : [goal, 'areaOfNeed'];
  const name = reader.text(holder, field, isRecord(area) ? at(where, 'areaOfNeed') : where);
  if (name === undefined) return undefined;
  const value = AREAS_OF_NEED[normalise(name)];
  if (!value) {
    reader.problem(holder, field, `The area of need ${reader.describe(name)} at ${where} is not one planlint knows (expected one of the service's eight areas, such as Accommodation); it is left out.`, 'info');
    return undefined;
  }
  return { value, source: { node: holder, property: field } };
}

function stepsOf(reader: ExportReader, goal: Raw, where: string, names: readonly string[]): Action[] | undefined {
  if (goal.steps === undefined || goal.steps === null) return undefined;
  const actions: Action[] = [];
  const sources: Record<string, MappedFrom> = {};
  for (const { item: step, index } of reader.records(goal, 'steps', where)) {
    const stepWhere = at(where, `steps[${index}]`);
    reader.noteUnknownFields(step, KNOWN_FIELDS.step, stepWhere);
    const description = reader.text(step, 'description', stepWhere);
    if (!description?.trim()) {
      reader.problem(step, step.description === undefined ? undefined : 'description', `The step at ${stepWhere} has no description, so it cannot be judged; it is left out.`);
      continue;
    }
    const actor = reader.text(step, 'actor', stepWhere);
    const owner = actor === undefined ? undefined : ownerOf(actor, names);
    const action: Action = defined({ description, by: owner?.by, agency: owner?.agency, status: reader.choice(step, 'status', stepWhere, STEP_STATUSES) });
    sources[actions.length] = { node: step };
    actions.push(reader.mapped(action, step, { description: 'description', by: 'actor', agency: 'actor', status: 'status' }));
  }
  if (!Array.isArray(goal.steps)) return undefined;
  return reader.mapped(actions, goal, sources, 'steps');
}

function goalNotesOf(reader: ExportReader, goal: Raw, where: string): ObjectiveNote[] | undefined {
  if (goal.notes === undefined || goal.notes === null) return undefined;
  const records = reader.records(goal, 'notes', where);
  if (!Array.isArray(goal.notes)) return undefined;
  const notes: { note: ObjectiveNote; source: Raw }[] = [];
  for (const { item, index } of records) {
    const noteWhere = at(where, `notes[${index}]`);
    reader.noteUnknownFields(item, KNOWN_FIELDS.goalNote, noteWhere);
    const text = reader.text(item, 'note', noteWhere);
    const date = reader.date(item, 'createdDate', noteWhere);
    // A note with nothing in it records nothing; one with no date cannot show when it was written.
    if (!text?.trim()) continue;
    if (!date) {
      if (item.createdDate === undefined || item.createdDate === null) reader.problem(item, undefined, `The goal note at ${noteWhere} has no createdDate, so it cannot show when progress was recorded; it is left out.`);
      continue;
    }
    const note: ObjectiveNote = defined({ date, type: reader.choice(item, 'type', noteWhere, NOTE_TYPES), note: text });
    notes.push({ note: reader.mapped(note, item, { date: 'createdDate', type: 'type', note: 'note' }), source: item });
  }
  if (notes.length === 0) return undefined;
  notes.sort((a, b) => compareText(a.note.date, b.note.date));
  const list = notes.map((n) => n.note);
  return reader.mapped(list, goal, Object.fromEntries(notes.map((n, i) => [i, { node: n.source }])), 'notes');
}
