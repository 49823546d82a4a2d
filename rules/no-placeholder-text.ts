import { allowedProperties, defineRule, formatDate, loadSchema, normaliseText, personData, placeholderTest, quote, resolveRef, type CaseModel, type JsonSchema, type Objective } from '../src/rule-kit/index.js';

interface Options {
  /** Field paths not checked here, usually because a more specific rule judges them. */
  ignore: string[];
  /** More placeholder phrases, beyond the built-in ones. */
  extraPlaceholders: string[];
}

/**
 * Fields judged by a more specific rule, which explains better what good looks like there; one
 * placeholder should give one finding. Paths start at the part of the case; `*` matches any part.
 */
const DEFAULT_IGNORE = [
  '*.personView', // service-user-voice-recorded, assessment-involves-person
  '*.participation.absenceReason', // assessment-involves-person, person-involved-in-planning, person-involved-in-review
  'assessment.motivation.analysis', // motivation-analysed
  'assessment.circumstances.effectOnCompliance', // circumstances-analysed
  'assessment.agenciesConsulted.information', // other-agencies-consulted
  'plan.agreement.reason', // agreement-recorded
  'plan.objectives.measure', // objectives-smart (copied measures are still checked here)
  'review.considered', // review-considers-compliance
  'review.contactChange.rationale', // contact-change-rationale
  'contact.enforcement.rationale', // missed-appointment-decision
  'officer.handover.how', // officer-continuity
  'person', // a name or pronouns, not plan text
];

/** Stock fillers the shared placeholder list does not hold; compared after normaliseText. */
const MORE_PLACEHOLDERS = ['as discussed', 'as per oasys', 'see plan', 'see sentence plan', 'see assessment', 'same', 'ditto', 'various', 'etc', 'see below'];

interface Part {
  /** The first segment of field paths, as used in `ignore`. */
  root: string;
  /** How a message names where the text is. */
  label: string;
  value: object;
  schema: JsonSchema | undefined;
}

const defCache = new Map<string, JsonSchema | undefined>();

/** A definition from the case-file schema, resolved once: the schema does not change during a run. */
function caseFileDef(name: string): JsonSchema | undefined {
  if (!defCache.has(name)) {
    const defs = loadSchema('case-file').$defs as Record<string, JsonSchema> | undefined;
    defCache.set(name, defs?.[name] ? resolveRef({ $ref: `#/$defs/${name}` }) : undefined);
  }
  return defCache.get(name);
}

/** The parts of a case that hold free text, each with the schema that describes it. */
function partsOf(model: CaseModel): Part[] {
  const caseProps = allowedProperties(caseFileDef('case') ?? {});
  const agencySchema = resolveRef(caseProps.agencies ?? {}).items as JsonSchema | undefined;
  const parts: Part[] = [];
  const add = (root: string, label: string, value: object | undefined, schema: JsonSchema | undefined) => {
    if (value) parts.push({ root, label, value, schema });
  };
  add('person', 'the person', model.person, caseProps.person ? resolveRef(caseProps.person) : undefined);
  model.officers.forEach((o) => add('officer', `the allocation to ${quote(o.name)}`, o, caseFileDef('officerAllocation')));
  model.agencies.forEach((a) => add('agency', `the agency ${quote(a.name)}`, a, agencySchema));
  add('sentence', 'the sentence', model.sentence, caseFileDef('sentence'));
  add('assessment', 'the assessment', model.assessment, caseFileDef('assessment'));
  model.plans.forEach((p) => add('plan', `the plan of ${formatDate(p.date)}`, p, caseFileDef('planFields')));
  model.contacts.forEach((c) => add('contact', `the contact on ${formatDate(c.date)}`, c, caseFileDef('contact')));
  model.reviews.forEach((r) => add('review', `the review of ${formatDate(r.date)}`, r, caseFileDef('reviewFields')));
  model.events.forEach((e) => add('event', `the event of ${formatDate(e.date)}`, e, caseFileDef('event')));
  return parts;
}

/** Free text is a string the schema leaves open: no fixed values, date, time or identifier pattern. */
function isFreeText(schema: JsonSchema): boolean {
  return schema.type === 'string' && !('enum' in schema) && !('const' in schema) && !('format' in schema) && !('pattern' in schema);
}

/** For a schema that allows several shapes (personView: words, or an object), the one a value of this kind has. */
function shapeFor(schema: JsonSchema, kind: string): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(options)) return schema;
  const match = (options as JsonSchema[]).map(resolveRef).find((o) => o.type === kind);
  return match ?? schema;
}

/** Whether a path such as review.considered.barriers is covered by an ignore entry such as review.considered. */
function matches(entry: string, path: string[]): boolean {
  const segments = entry.split('.').filter(Boolean);
  return segments.length > 0 && segments.length <= path.length && segments.every((s, i) => s === '*' || s === path[i]);
}

/**
 * What the walk needs to know at one field path: its schema, whether it is ignored, and (per kind
 * of value found there) its shape. The same paths recur in every contact, review and file, so each
 * is worked out once per options object and reused for the whole run.
 */
class FieldPlan {
  private readonly kinds = new Map<string, { freeText: boolean; properties: Record<string, JsonSchema>; items: JsonSchema | undefined }>();
  private readonly children = new Map<string, FieldPlan>();
  private itemPlan: FieldPlan | undefined;
  private textFields: string[] | undefined;
  private holdsText: boolean | undefined;
  readonly ignored: boolean;

  constructor(
    readonly path: string[],
    readonly schema: JsonSchema | undefined,
    private readonly ignore: string[],
  ) {
    this.ignored = !schema || ignore.some((entry) => matches(entry, path));
  }

  shape(kind: string) {
    let known = this.kinds.get(kind);
    if (!known) {
      const shape = shapeFor(resolveRef(this.schema ?? {}), kind);
      known = { freeText: isFreeText(shape), properties: allowedProperties(shape), items: shape.items as JsonSchema | undefined };
      this.kinds.set(kind, known);
    }
    return known;
  }

  child(name: string): FieldPlan {
    let plan = this.children.get(name);
    if (!plan) this.children.set(name, (plan = new FieldPlan([...this.path, name], this.shape('object').properties[name], this.ignore)));
    return plan;
  }

  items(): FieldPlan {
    return (this.itemPlan ??= new FieldPlan(this.path, this.shape('array').items, this.ignore));
  }

  /**
   * The fields of an object here that can hold free text somewhere below them: the walk visits
   * only these (dates, codes and fixed values make up most of a case file and need no look).
   */
  fieldsWithText(): string[] {
    return (this.textFields ??= Object.keys(this.shape('object').properties).filter((name) => this.child(name).mayHoldText()));
  }

  /** Whether free text can be found at or below this path. A schema that refers to itself counts as yes. */
  mayHoldText(): boolean {
    if (this.holdsText === undefined) {
      if (this.ignored) return (this.holdsText = false);
      // Deep paths (a schema that refers to itself) are simply walked, as is this one while deciding.
      this.holdsText = true;
      if (this.path.length > 16) return true;
      this.holdsText = this.shape('string').freeText || this.fieldsWithText().length > 0 || this.items().mayHoldText();
    }
    return this.holdsText;
  }
}

type Visit = (holder: object, key: string | number, text: string, field: () => string) => void;

/** Where a value sits: its field name and its parent's, so the path is only spelt out when reported. */
interface At {
  parent: At | undefined;
  name: string | number;
}

function fieldOf(at: At | undefined): string {
  const names: (string | number)[] = [];
  for (let node = at; node; node = node.parent) names.unshift(node.name);
  return names.reduce<string>((field, name) => (typeof name === 'number' ? `${field}[${name}]` : field ? `${field}.${name}` : name), '');
}

/** Walks a value beside its schema, calling visit for each free-text string not ignored. */
function walk(holder: object, key: string | number, value: unknown, plan: FieldPlan, at: At | undefined, visit: Visit, seen: Set<object>): void {
  if (plan.ignored) return;
  if (typeof value === 'string') {
    if (plan.shape('string').freeText) visit(holder, key, value, () => fieldOf(at));
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value) || !plan.mayHoldText()) return;
  seen.add(value); // aliases can repeat a node; report it once
  if (Array.isArray(value)) {
    const items = plan.items();
    value.forEach((item: unknown, i) => walk(value, i, item, items, { parent: at, name: i }, visit, seen));
    return;
  }
  const record = value as Record<string, unknown>;
  for (const name of plan.fieldsWithText()) {
    if (name in record) walk(value, name, record[name], plan.child(name), { parent: at, name }, visit, seen);
  }
}

/** The placeholder test per options object, with its extra phrases. */
const testsFor = new WeakMap<Options, (text: string | undefined) => boolean>();

/** Field plans per options object (one per run and config), by part of the case. */
const plansFor = new WeakMap<Options, Map<string, FieldPlan>>();

export default defineRule<Options>()({
  meta: {
    id: 'no-placeholder-text',
    description: 'Free text says something: no placeholders such as "TBC" or "as above", and no objectives copied from one another.',
    severity: 'error',
    standard: 'hygiene',
    guidance: { publication: 'hughes-service-user-engagement', section: 'The practitioners: "So that the inspectors can see what you are doing" (plans written to satisfy a process)' },
    appliesTo: ['case-file', 'sentence-plan', 'review', 'hmpps-sentence-plan'],
    messages: {
      placeholder: '"{{text}}" is a placeholder in {{where}} ({{field}}), not a record. Write out what it stands for, so that anyone picking up {{name}}\'s case can follow it; if the field does not apply, leave it out.',
      duplicateTitle:
        'Objective {{index}} has the same title as objective {{other}} ("{{text}}"). Copied objectives suggest the plan was not written with {{name}}; say what {{name}} will achieve in each, or merge them.',
      duplicateMeasure: 'Objective {{index}} is measured exactly as objective {{other}} is ("{{text}}"). Say how progress on this objective in particular will be seen.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description: 'Field paths not checked (part.field.subfield; * for any part), replacing the default list.',
        },
        extraPlaceholders: { type: 'array', items: { type: 'string' }, description: 'More phrases that count as placeholders.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ignore: DEFAULT_IGNORE, extraPlaceholders: [] },
  },

  check(model, context) {
    const person = personData(model);
    let placeholder = testsFor.get(context.options);
    if (!placeholder) testsFor.set(context.options, (placeholder = placeholderTest([...MORE_PLACEHOLDERS, ...context.options.extraPlaceholders])));
    let plans = plansFor.get(context.options);
    if (!plans) plansFor.set(context.options, (plans = new Map<string, FieldPlan>()));
    const seen = new Set<object>();

    for (const part of partsOf(model)) {
      let plan = plans.get(part.root);
      if (!plan || plan.schema !== part.schema) plans.set(part.root, (plan = new FieldPlan([part.root], part.schema, context.options.ignore)));
      walk(
        part,
        part.root,
        part.value,
        plan,
        undefined,
        (holder, key, text, field) => {
          if (placeholder(text)) context.report({ node: holder, property: key, messageId: 'placeholder', data: { ...person, where: part.label, field: field(), text: quote(text) } });
        },
        seen,
      );
    }

    for (const plan of model.plans) {
      checkCopies(plan.objectives ?? [], 'title', 'duplicateTitle', placeholder, (r) => context.report({ ...r, data: { ...r.data, ...person } }));
      checkCopies(plan.objectives ?? [], 'measure', 'duplicateMeasure', placeholder, (r) => context.report({ ...r, data: { ...r.data, ...person } }));
    }
  },
});

/** Reports each objective whose title (or measure) repeats an earlier one's word for word. */
function checkCopies(
  objectives: Objective[],
  field: 'title' | 'measure',
  messageId: 'duplicateTitle' | 'duplicateMeasure',
  placeholder: (text: string) => boolean,
  report: (r: { node: object; property: string; messageId: 'duplicateTitle' | 'duplicateMeasure'; data: Record<string, string | number> }) => void,
): void {
  const first = new Map<string, number>();
  objectives.forEach((objective, i) => {
    const text = objective[field];
    if (text === undefined || placeholder(text)) return; // a placeholder is reported as one already
    const key = normaliseText(text);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else report({ node: objective, property: field, messageId, data: { index: i + 1, other: earlier + 1, text: quote(text) } });
  });
}
