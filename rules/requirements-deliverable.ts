import { addDays, addMonths, compareText, daysBetween, defineRule, formatDate, personData, quote, sentenceEndDate, type CaseModel, type Plan, type Requirement, type Sentence } from '../src/rule-kit/index.js';

type Options = Record<string, never>;
type Delivery = NonNullable<Plan['requirementDelivery']>[number];

/** Unpaid work must be completed within 12 months of sentence unless the court extends it. */
const UNPAID_WORK_MONTHS = 12;
const DAYS_PER_MONTH = 30.4375;
const MAX_MONTHS = 1200;

function describeRequirement(requirement: Requirement, onLicence: boolean): string {
  if (requirement.type === 'other') return requirement.description ? `requirement "${quote(requirement.description)}"` : 'requirement';
  // On licence the requirements are licence conditions.
  const noun = onLicence ? 'condition' : 'requirement';
  const kind = requirement.type === 'licence-condition' ? 'licence condition' : `${requirement.type.replace(/-/g, ' ')} ${noun}`;
  // RAR days are a maximum the court sets, not a quota to fill.
  const days = requirement.type === 'rehabilitation-activity' ? `up to ${requirement.days} days` : `${requirement.days} days`;
  const amount = requirement.days ? ` (${days})` : requirement.hours ? ` (${requirement.hours} hours)` : requirement.sessions ? ` (${requirement.sessions} sessions)` : '';
  return `${kind}${amount}`;
}

/** What the sentence is called when saying it ends. */
function periodName(sentence: Sentence): string {
  if (sentence.type === 'licence') return 'licence';
  if (sentence.type === 'post-sentence-supervision') return 'supervision period';
  return 'order';
}

/** A date a fractional number of months after another: whole calendar months, then the rest in days. */
function addFractionalMonths(date: string, months: number): string {
  const whole = Math.floor(months);
  return addDays(addMonths(date, whole), Math.round((months - whole) * DAYS_PER_MONTH));
}

/** Numbers as an officer writes them: 15, 7.5. */
function amount(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Small rates keep two significant figures rather than rounding to 0.
  return String(value >= 0.1 ? Number(value.toFixed(1)) : Number(value.toPrecision(2)));
}

/** RAR days delivered so far (and as of when), and booked still to come, by the deadline. */
interface RarCount {
  delivered: number;
  deliveredAsOf?: string;
  booked: number;
}

/**
 * What the record shows of a RAR's days: one day per date with an attended session for it, or the
 * recorded count (progress.delivered) with sessions attended since; planned sessions are booked.
 */
function rarDays(model: CaseModel, requirement: Requirement, deadline: string): RarCount {
  const forThis = model.contacts.filter((c) => c.date <= deadline).filter((c) => (requirement.id !== undefined && c.requirement === requirement.id) || (c.requirement === undefined && c.purpose === 'rar-session'));
  const attended = [...new Set(forThis.filter((c) => c.outcome === 'attended').map((c) => c.date))].sort(compareText);
  const planned = new Set(forThis.filter((c) => c.outcome === 'planned').map((c) => c.date)).size;
  const progress = requirement.progress;
  let delivered = attended.length;
  let deliveredAsOf = attended.at(-1);
  if (progress?.delivered !== undefined) {
    const asOf = progress.asOf;
    // A recorded count as of a date, plus sessions attended after it; without a date, the larger of the two.
    const since = asOf ? attended.filter((d) => d > asOf) : [];
    const counted = progress.delivered + since.length;
    if (counted >= delivered) {
      delivered = counted;
      deliveredAsOf = since.at(-1) ?? asOf ?? deliveredAsOf;
    }
  }
  return { delivered, deliveredAsOf, booked: delivered + planned };
}

export default defineRule<Options>()({
  meta: {
    id: 'requirements-deliverable',
    description: 'The plan sets out how every requirement of the sentence will be delivered, at a pace that fits within the order.',
    severity: 'error',
    standard: 'planning',
    guidance: {
      publication: 'hmip-planning-for-engagement',
      section: 'practitioners should "set out how all the requirements of the sentence or licence/post-sentence supervision will be delivered within the available timescales"',
    },
    appliesTo: ['case-file'],
    needs: ['sentence'],
    messages: {
      noDelivery: 'The plan does not say how the {{requirement}} will be delivered. Add a requirementDelivery entry (requirement: {{ref}}) saying {{ask}}.',
      completeAfterEnd: 'The plan completes the {{requirement}} by {{completeBy}}, but {{limit}}. Plan to finish it in time, so {{name}} is not left in breach through no fault of {{their}} own.',
      rarTooSlow:
        'The sentence allows up to {{days}} RAR days; {{todo}} at {{rate}} a month from {{from}} would take {{months}} months, and the {{period}} ends {{end}}. Raise the pace, set a completeBy date inside the {{period}}, or book the sessions, so {{name}} can have the days {{they}} need{{s}} in time.',
      rarNoPace:
        'The plan gives no pace for the RAR days (up to {{days}}), and {{booked}} delivered or booked before the {{period}} ends on {{end}}. Set daysPerMonth or a completeBy date inside the {{period}} in requirementDelivery, or book the sessions, so {{name}} can have the days {{they}} need{{s}} in time.',
      unpaidWorkTooSlow:
        "{{hours}} hours of unpaid work at {{rate}} hours a week from {{from}} need {{weeks}} weeks, but {{limit}}, which leaves {{available}} weeks. Plan more hours a week, fitted around {{name}}'s work and other commitments, so all the hours fit.",
      unpaidWorkNoPace:
        "The plan gives no weekly hours for the {{hours}} hours of unpaid work, so it cannot show they will be done in time ({{limit}}). Set hoursPerWeek in requirementDelivery, fitted around {{name}}'s work and other commitments.",
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    const sentence = model.sentence;
    const plan = model.plans[model.plans.length - 1]; // the plan in force
    if (!sentence || !plan) return;
    const person = personData(model);
    const name = person.name;
    const end = sentenceEndDate(sentence);
    const period = periodName(sentence);
    const onLicence = sentence.type === 'licence' || sentence.type === 'post-sentence-supervision';
    const deliveries = plan.requirementDelivery ?? [];

    for (const requirement of sentence.requirements ?? []) {
      const label = describeRequirement(requirement, onLicence);
      const ref = requirement.id ?? requirement.type;
      // Matched by id; a requirement written without an id may be matched by its type.
      const delivery: Delivery | undefined = requirement.id !== undefined ? deliveries.find((d) => d.requirement === requirement.id) : deliveries.find((d) => d.requirement === requirement.type);

      // The last day it can be delivered on, and how to say so.
      let deadline = end;
      let limit = end ? `the ${period} ends on ${formatDate(end)}` : undefined;
      if (requirement.type === 'unpaid-work') {
        const twelveMonths = addDays(addMonths(sentence.startDate, UNPAID_WORK_MONTHS), -1);
        if (!end || twelveMonths < end) {
          deadline = twelveMonths;
          limit = `unpaid work must be finished within ${UNPAID_WORK_MONTHS} months, by ${formatDate(twelveMonths)}`;
        }
      }

      if (!delivery) {
        // Something to complete (days, hours, sessions) needs a pace; a condition such as residence needs checking.
        const counted = requirement.days !== undefined || requirement.hours !== undefined || requirement.sessions !== undefined;
        // RAR days are a maximum: the person has the days they need, not a quota to complete.
        const goal = requirement.type === 'rehabilitation-activity' ? `have the days ${person.they} need${person.s}` : 'complete it';
        const ask = counted
          ? `how, from when and at what pace, so ${name} can ${goal} ${deadline ? `by ${formatDate(deadline)}` : `within the ${period}`}`
          : `how it will be delivered and checked while the ${period} runs`;
        context.report({ node: plan, property: 'requirementDelivery', messageId: 'noDelivery', data: { ...person, requirement: label, ref, ask } });
        continue;
      }
      if (!deadline || !limit) continue; // without an end date, pace cannot be judged

      if (delivery.completeBy && delivery.completeBy > deadline) {
        context.report({
          node: delivery,
          property: 'completeBy',
          messageId: 'completeAfterEnd',
          data: { ...person, requirement: label, completeBy: formatDate(delivery.completeBy), limit },
        });
        continue;
      }

      const from = delivery.startBy ?? (plan.date > sentence.startDate ? plan.date : sentence.startDate);
      if (requirement.type === 'rehabilitation-activity' && requirement.days) {
        const days = requirement.days;
        const { delivered, deliveredAsOf, booked } = rarDays(model, requirement, deadline);
        if (booked >= days) continue; // the days delivered and booked already show it fits
        const rate = delivery.daysPerMonth;
        // Sessions to be done by a date inside the order (checked above) are a stated pace.
        if (rate === undefined && delivery.completeBy !== undefined) continue;
        if (rate === undefined) {
          const count = booked === 0 ? 'none of them are' : `only ${booked} ${booked === 1 ? 'of them is' : 'of them are'}`;
          context.report({ node: delivery, property: 'daysPerMonth', messageId: 'rarNoPace', data: { ...person, days, period, booked: count, end: formatDate(deadline) } });
          continue;
        }
        // The days still to do run from when the last were delivered, if that is later than the plan's start.
        const remaining = days - delivered;
        const start = deliveredAsOf !== undefined && delivered > 0 && deliveredAsOf > from ? deliveredAsOf : from;
        const months = remaining / rate;
        // Beyond a century the finish date is off the calendar, and plainly too late.
        if (months > MAX_MONTHS || addDays(addFractionalMonths(start, months), -1) > deadline) {
          const todo = delivered > 0 ? `the ${remaining} still to do (${delivered} delivered${deliveredAsOf ? ` by ${formatDate(deliveredAsOf)}` : ''})` : `all ${days}`;
          context.report({
            node: delivery,
            property: 'daysPerMonth',
            messageId: 'rarTooSlow',
            data: { ...person, days, period, todo, rate: amount(rate), from: formatDate(start), months: amount(months), end: formatDate(deadline) },
          });
        }
      } else if (requirement.type === 'unpaid-work' && requirement.hours) {
        const hours = requirement.hours;
        const rate = delivery.hoursPerWeek;
        if (rate === undefined) {
          context.report({ node: delivery, property: 'hoursPerWeek', messageId: 'unpaidWorkNoPace', data: { ...person, hours, limit } });
          continue;
        }
        const weeks = hours / rate;
        const available = Math.max(0, (daysBetween(from, deadline) + 1) / 7);
        if (weeks > available) {
          context.report({
            node: delivery,
            property: 'hoursPerWeek',
            messageId: 'unpaidWorkTooSlow',
            data: { ...person, hours, rate: amount(rate), from: formatDate(from), weeks: Math.ceil(weeks), limit, available: Math.floor(available) },
          });
        }
      }
    }
  },
});
