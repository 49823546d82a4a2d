import { addWorkingDays, defineRule, formatDate, isRecordedReason, personData, quote, workingDaysBetween, type Plan } from '../src/rule-kit/index.js';

interface Options {
  /** Working days after sentence (or release) within which the initial plan is expected. */
  workingDays: number;
  /** More words or phrases that give no reason. */
  fillerPhrases: string[];
}

/** Words of lateness itself: "Plan completed late." repeats the finding. */
const LATE_WORDS = ['late', 'lateness', 'delay', 'delayed', 'overdue', 'plan', 'completed', 'complete', 'completion', 'time', 'timescale', 'took', 'longer', 'days', 'working'];

/** The initial plan: the one marked initial, else the earliest if its version is not recorded. */
function initialPlan(plans: Plan[]): Plan | undefined {
  return plans.find((p) => p.version === 'initial') ?? (plans[0]?.version === undefined ? plans[0] : undefined);
}

export default defineRule<Options>()({
  meta: {
    id: 'plan-completed-on-time',
    description: 'The initial plan is completed within the expected number of working days of sentence or release.',
    severity: 'warning',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: "case summary and inspector's comments: a plan completed within the required timescales, then revisited with the person" },
    appliesTo: ['case-file'],
    needs: ['sentence'],
    messages: {
      late: 'The initial plan was completed on {{planDate}}, {{count}} working days after {{event}} on {{start}}, later than the {{limit}} working days set for this check (by {{due}}). Plan promptly with {{name}}, or record in lateReason why it took longer (for example, waiting so {{name}} could take part).',
      weakReason: '"{{text}}" does not explain why the initial plan took {{count}} working days after {{event}} (this check sets {{limit}}). Say why it took longer and what was done with {{name}} meanwhile.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        workingDays: { type: 'integer', minimum: 1, maximum: 365, description: 'Working days after sentence or release within which the initial plan is expected.' },
        fillerPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that give no reason.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { workingDays: 15, fillerPhrases: [] },
  },

  check(model, context) {
    const sentence = model.sentence;
    const plan = initialPlan(model.plans);
    if (!sentence || !plan) return; // only a plan that exists is judged, and only against a known start
    const limit = context.options.workingDays;
    const count = workingDaysBetween(sentence.startDate, plan.date);
    if (count <= limit) return;

    const onLicence = sentence.type === 'licence' || sentence.type === 'post-sentence-supervision';
    const data = {
      ...personData(model),
      count,
      limit,
      event: onLicence ? 'release' : 'sentence',
      start: formatDate(sentence.startDate),
      planDate: formatDate(plan.date),
      due: formatDate(addWorkingDays(sentence.startDate, limit)),
    };
    const reason = plan.lateReason;
    if (reason === undefined || reason.trim() === '') {
      context.report({ node: plan, property: 'date', messageId: 'late', data });
    } else if (!isRecordedReason(reason, 1, { name: model.person?.name, restates: LATE_WORDS, filler: context.options.fillerPhrases })) {
      context.report({ node: plan, property: 'lateReason', messageId: 'weakReason', data: { ...data, text: quote(reason) } });
    }
  },
});
