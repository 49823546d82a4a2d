import { defineRule, formatDate, personData, quote, weekdayOf, type Circumstance, type Contact, type Plan, type Unavailability } from '../src/rule-kit/index.js';

interface Options {
  /** Circumstance types that shape when and how the person can attend. */
  circumstanceTypes: string[];
}

const DEFAULT_TYPES = ['childcare', 'caring', 'employment', 'education', 'physical-health', 'mental-health', 'disability', 'neurodiversity', 'transport', 'domestic-abuse', 'language', 'literacy', 'faith'];

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);

function windowCoversDay(window: Unavailability, date: string): boolean {
  const day = weekdayOf(date);
  return window.days.some((d) => d === day || d === 'every-day' || (d === 'weekdays' && WEEKDAYS.has(day)) || (d === 'weekends' && !WEEKDAYS.has(day)));
}

/** Whether a contact falls inside a window the plan says the person cannot attend. */
function clashes(window: Unavailability, contact: Contact): boolean {
  if (window.startDate && contact.date < window.startDate) return false;
  if (window.endDate && contact.date > window.endDate) return false;
  if (!windowCoversDay(window, contact.date)) return false;
  if (!window.from && !window.to) return true; // the whole day
  if (!contact.time) return false; // no time recorded: cannot tell
  return contact.time >= (window.from ?? '00:00') && contact.time < (window.to ?? '24:00');
}

function describeWindow(window: Unavailability): string {
  const days = window.days.join(', ');
  const hours = window.from || window.to ? ` ${window.from ?? '00:00'}–${window.to ?? '24:00'}` : ' (all day)';
  return `${days}${hours}: ${quote(window.reason, 50)}`;
}

/** The plan in force on a date: the latest one completed on or before it. */
function planInForce(plans: Plan[], date: string): Plan | undefined {
  let current: Plan | undefined;
  for (const plan of plans) if (plan.date <= date) current = plan;
  return current;
}

const ATTENDANCE_EXPECTED = new Set(['attended', 'failed-to-attend', 'acceptable-absence', 'planned']);

export default defineRule<Options>()({
  meta: {
    id: 'contact-pattern-fits-circumstances',
    description: "Contact arrangements address the person's recorded circumstances, and appointments avoid the times they cannot attend.",
    severity: 'error',
    standard: 'planning',
    guidance: {
      publication: 'hmip-planning-for-engagement',
      section: 'practitioners should "take sufficient account of the service user\'s diversity and personal circumstances"; case summary: reporting arrangements fitted around child care',
    },
    appliesTo: ['case-file', 'sentence-plan'],
    needs: ['assessment', 'contacts'],
    messages: {
      noArrangements:
        'The plan sets no contact arrangements, yet the assessment records circumstances that affect when and how {{name}} can attend ({{circumstances}}). Add plan.contact with the frequency, pattern and the times {{name}} cannot attend.',
      notAddressed:
        'The contact arrangements do not say how they fit {{name}}\'s {{type}} ("{{detail}}"), recorded in the assessment. Add an unavailable window or an adjustment for "{{ref}}", or record under adjustments why no change is needed.',
      clash: "The appointment on {{date}} at {{time}} ({{outcome}}) falls in a time the plan says {{name}} cannot attend ({{window}}). Book outside it, or record in the contact's rationale why this time was agreed.",
    },
    optionsSchema: {
      type: 'object',
      properties: {
        circumstanceTypes: {
          type: 'array',
          items: { type: 'string' },
          description: 'Circumstance types the contact arrangements must address.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { circumstanceTypes: DEFAULT_TYPES },
  },

  check(model, context) {
    const person = personData(model);
    const plan = model.plans[model.plans.length - 1];
    const relevant = (model.assessment?.circumstances ?? []).filter((c) => context.options.circumstanceTypes.includes(c.type));

    if (plan && relevant.length > 0) {
      const contact = plan.contact;
      if (!contact) {
        context.report({
          node: plan,
          property: 'contact',
          messageId: 'noArrangements',
          data: { ...person, circumstances: [...new Set(relevant.map((c) => c.type))].join(', ') },
        });
      } else {
        const addressed = new Set<string>([...(contact.unavailable ?? []).flatMap((w) => (w.circumstance ? [w.circumstance] : [])), ...(contact.adjustments ?? []).map((a) => a.circumstance)]);
        const isAddressed = (c: Circumstance) => (c.id !== undefined && addressed.has(c.id)) || addressed.has(c.type);
        for (const circumstance of relevant) {
          if (isAddressed(circumstance)) continue;
          context.report({
            node: contact,
            property: 'frequency',
            messageId: 'notAddressed',
            data: { ...person, type: circumstance.type.replace(/-/g, ' '), detail: quote(circumstance.detail), ref: circumstance.id ?? circumstance.type },
          });
        }
      }
    }

    for (const contact of model.contacts) {
      if (!ATTENDANCE_EXPECTED.has(contact.outcome) || contact.rationale?.trim()) continue;
      const windows = planInForce(model.plans, contact.date)?.contact?.unavailable ?? [];
      const window = windows.find((w) => clashes(w, contact));
      if (!window) continue;
      context.report({
        node: contact,
        property: contact.time ? 'time' : 'date',
        messageId: 'clash',
        data: {
          ...person,
          outcome: contact.outcome.replace(/-/g, ' '),
          date: formatDate(contact.date),
          time: contact.time ?? 'any time',
          window: describeWindow(window),
        },
      });
    }
  },
});
