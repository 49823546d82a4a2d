import {
  addDays,
  addMonths,
  currentPlan,
  daysBetween,
  defineRule,
  excusedDaysBetween,
  formatDate,
  isRecordedReason,
  latestRecordedDate,
  personData,
  quote,
  sentenceEndDate,
  type CaseModel,
  type Contact,
  type Requirement,
} from '../src/rule-kit/index.js';

type Delivered = 'rehabilitation-activity' | 'unpaid-work' | 'accredited-programme' | 'alcohol-treatment' | 'drug-rehabilitation' | 'mental-health-treatment' | 'other';

interface Options {
  /** Days from sentence (or release) by which each kind of requirement should have started, where the plan sets no startBy. */
  startWithinDays: Partial<Record<Delivered | 'default', number>>;
  /** Days a start may slip past its due date before it is reported: a week's slip is ordinary. */
  lateGraceDays: number;
  /** Share of the expected pace below which delivery is reported as behind (0.5: less than half of what the time gone by implies). */
  behindShare: number;
}

const DEFAULT_START: Record<Delivered | 'default', number> = {
  default: 28,
  'unpaid-work': 14,
  'accredited-programme': 84,
  'rehabilitation-activity': 28,
  'alcohol-treatment': 28,
  'drug-rehabilitation': 28,
  'mental-health-treatment': 42,
  other: 28,
};

/** Requirements delivered through sessions, work or treatment: conditions such as curfew or residence apply from the start. */
const DELIVERED = new Set<string>(['rehabilitation-activity', 'unpaid-work', 'accredited-programme', 'alcohol-treatment', 'drug-rehabilitation', 'mental-health-treatment']);
/** Contact purposes that deliver a requirement written without an id. */
const PURPOSE: Record<string, string> = { 'rehabilitation-activity': 'rar-session', 'unpaid-work': 'unpaid-work', 'accredited-programme': 'programme' };
const UNPAID_WORK_MONTHS = 12;

function label(requirement: Requirement): string {
  if (requirement.type === 'other') return requirement.description ? `requirement "${quote(requirement.description)}"` : 'requirement';
  return `${requirement.type.replace(/-/g, ' ')} requirement`;
}

function delivers(requirement: Requirement, contact: Contact): boolean {
  return requirement.id !== undefined ? contact.requirement === requirement.id : contact.purpose !== undefined && contact.purpose === PURPOSE[requirement.type];
}

/** What the requirement counts, and its total: RAR days, unpaid work hours, or sessions. */
function measure(requirement: Requirement): { total: number; unit: string } | undefined {
  if (requirement.type === 'rehabilitation-activity' && requirement.days) return { total: requirement.days, unit: 'RAR days' };
  if (requirement.type === 'unpaid-work' && requirement.hours) return { total: requirement.hours, unit: 'hours' };
  if (requirement.sessions) return { total: requirement.sessions, unit: 'sessions' };
  if (requirement.days) return { total: requirement.days, unit: 'days' };
  if (requirement.hours) return { total: requirement.hours, unit: 'hours' };
  return undefined;
}

/** The most delivered that the record shows, and as of when: the recorded tally, a review's, or the contact log. */
function delivered(model: CaseModel, requirement: Requirement, attended: Contact[], latest: string): { value: number; asOf: string } | undefined {
  const found: { value: number; asOf: string }[] = [];
  const progress = requirement.progress;
  if (progress?.delivered !== undefined) found.push({ value: progress.delivered, asOf: progress.asOf ?? latest });
  for (const review of model.reviews) {
    for (const entry of review.requirementProgress ?? []) if (entry.requirement === requirement.id && entry.delivered !== undefined) found.push({ value: entry.delivered, asOf: review.date });
  }
  if (attended.length) {
    const asOf = attended[attended.length - 1]!.date;
    if (requirement.type === 'rehabilitation-activity') found.push({ value: new Set(attended.map((c) => c.date)).size, asOf });
    else if (requirement.type === 'unpaid-work') {
      // Hours count only where the log records them: a work day without hours says nothing about how many.
      if (attended.some((c) => c.hours !== undefined)) found.push({ value: attended.reduce((sum, c) => sum + (c.hours ?? 0), 0), asOf });
    } else if (requirement.sessions) found.push({ value: attended.length, asOf });
  }
  return found.sort((a, b) => b.value - a.value)[0];
}

function amount(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(1)));
}

export default defineRule<Options>()({
  meta: {
    id: 'requirements-started',
    description: 'Each requirement of the sentence starts on time and is delivered at a pace that completes it in time, or the record says why not.',
    severity: 'warning',
    standard: 'implementation-and-delivery',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'practitioners should "set out how all the requirements of the sentence … will be delivered within the available timescales"' },
    appliesTo: ['case-file'],
    needs: ['sentence', 'contacts'],
    messages: {
      notStarted:
        'The {{requirement}} was due to start by {{due}} ({{dueFrom}}), but by {{latest}} the record shows no start: no session attended and no progress.startedOn. Start it, or record in progress.notStartedReason why it has not started and what is being done, so {{name}} is not left unable to complete it.',
      startedLate:
        "The {{requirement}} started on {{started}}, {{late}} after it was due ({{due}}), and the record does not say why. Record in progress.notStartedReason what held it up, so the delay is seen as the service's or explained.",
      behind:
        'By {{asOf}}, {{delivered}} of the {{total}} {{unit}} of the {{requirement}} are done, with {{share}} of the time to {{deadline}} gone. At this pace {{name}} will not finish in time: plan how to catch up, and record at a review (requirementProgress.note) what is holding it back.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        startWithinDays: {
          type: 'object',
          description: 'Days from sentence (or release) by which each kind of requirement should have started, where the plan sets no startBy.',
          properties: Object.fromEntries(Object.keys(DEFAULT_START).map((k) => [k, { type: 'integer', minimum: 0 }])),
          additionalProperties: false,
        },
        lateGraceDays: { type: 'integer', minimum: 0, description: 'Days a start may slip past its due date before it is reported.' },
        behindShare: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Share of the expected pace below which delivery is reported as behind.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { startWithinDays: DEFAULT_START, lateGraceDays: 14, behindShare: 0.5 },
  },

  check(model, context) {
    const sentence = model.sentence;
    const latest = latestRecordedDate(model);
    if (!sentence || !latest) return;
    const person = personData(model);
    const startWithin = { ...DEFAULT_START, ...context.options.startWithinDays };
    const deliveries = currentPlan(model)?.requirementDelivery ?? [];
    const end = sentenceEndDate(sentence);

    for (const requirement of sentence.requirements ?? []) {
      if (!DELIVERED.has(requirement.type) && !(requirement.type === 'other' && measure(requirement))) continue;
      const progress = requirement.progress;
      const reasonGiven = isRecordedReason(progress?.notStartedReason);
      const delivery = deliveries.find((d) => d.requirement === (requirement.id ?? requirement.type));
      const planned = delivery?.startBy;
      // A plan that says how and by when, but not from when ("once the RAR work is done"), has set its own
      // timing: the start is judged against that deadline, not the default for its kind.
      const sequenced = !planned && delivery?.completeBy !== undefined && isRecordedReason(delivery.how);
      // Time the person could not be seen moves the start date on by as long.
      const nominal = planned ?? (sequenced ? delivery.completeBy! : addDays(sentence.startDate, startWithin[requirement.type as Delivered] ?? startWithin.default));
      const due = addDays(nominal, excusedDaysBetween(model, sentence.startDate, nominal));
      const attended = model.contacts.filter((c) => c.outcome === 'attended' && delivers(requirement, c));
      const reviewed = model.reviews.flatMap((r) => (r.requirementProgress ?? []).filter((e) => e.requirement === requirement.id && e.startedOn).map((e) => e.startedOn!));
      const started = [progress?.startedOn, attended[0]?.date, ...reviewed].filter((d): d is string => d !== undefined).sort()[0];
      // Where the date comes from: the plan's own, or the local default this check is set to (not a national standard).
      const dueFrom = planned
        ? 'the date the plan set'
        : sequenced
          ? "the plan's own completion date"
          : `${startWithin[requirement.type as Delivered] ?? startWithin.default} days from sentence, the time set for this check`;
      const data = { ...person, requirement: label(requirement), due: formatDate(due), dueFrom };
      const node = progress ?? requirement;
      const property = progress ? 'startedOn' : 'type';

      if (!started) {
        const tally = delivered(model, requirement, attended, latest);
        if (tally && tally.value > 0) continue; // a tally shows it started, though not when
        if (latest > addDays(due, context.options.lateGraceDays) && !reasonGiven) context.report({ node, property, messageId: 'notStarted', data: { ...data, latest: formatDate(latest) } });
        continue;
      }
      if (started > addDays(due, context.options.lateGraceDays) && !reasonGiven) {
        const days = daysBetween(due, started);
        context.report({ node, property, messageId: 'startedLate', data: { ...data, started: formatDate(started), late: days >= 14 ? `${Math.floor(days / 7)} weeks` : `${days} day${days === 1 ? '' : 's'}` } });
      }

      const counted = measure(requirement);
      const twelveMonths = requirement.type === 'unpaid-work' ? addDays(addMonths(sentence.startDate, UNPAID_WORK_MONTHS), -1) : undefined;
      const deadline = progress?.extendedTo ?? (twelveMonths && (!end || twelveMonths < end) ? twelveMonths : end);
      const tally = delivered(model, requirement, attended, latest);
      if (!counted || !deadline || !tally || tally.value >= counted.total) continue;
      const from = started < due ? started : due;
      const available = daysBetween(from, deadline) - excusedDaysBetween(model, from, deadline);
      const gone = Math.min(available, daysBetween(from, tally.asOf) - excusedDaysBetween(model, from, tally.asOf));
      if (available <= 0 || gone / available < 0.25) continue; // too early to judge pace
      if (tally.value >= counted.total * (gone / available) * context.options.behindShare) continue;
      // A review that weighed the pace and recorded why it is behind is a judgement the rule accepts.
      const lastReview = model.reviews.flatMap((r) => (r.requirementProgress ?? []).filter((e) => e.requirement === requirement.id)).at(-1);
      if (isRecordedReason(lastReview?.note)) continue;
      context.report({
        node: requirement,
        property: 'type',
        messageId: 'behind',
        data: { ...data, asOf: formatDate(tally.asOf), delivered: amount(tally.value), total: counted.total, unit: counted.unit, share: `${Math.round((100 * gone) / available)}%`, deadline: formatDate(deadline) },
      });
    }
  },
});
