import { REASON_OPTIONS, defineRule, formatDate, isRecordedReason, personData, quote, type ReasonRuleOptions } from '../src/rule-kit/index.js';

type Options = ReasonRuleOptions;

/** Words of the agreement itself: a reason made only of these repeats the status. */
const AGREEMENT_WORDS = ['agree', 'agreed', 'agrees', 'disagree', 'disagreed', 'disagrees', 'could', 'answer', 'answered', 'plan', 'sign', 'signed', 'refused', 'declined'];

const STATUS_WORDS = { 'did-not-agree': 'did not agree to it', 'could-not-answer': 'could not answer' } as const;

export default defineRule<Options>()({
  meta: {
    id: 'agreement-recorded',
    description: 'The plan records whether the person agreed to it, and why not when they did not agree or could not answer.',
    severity: 'error',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'practitioners should "meaningfully involve the service user and take their views into account"' },
    appliesTo: ['case-file', 'sentence-plan', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      missing: 'The plan of {{date}} does not record whether {{name}} agreed to it. After going through it with {{name}}, add agreement with the status (agreed, did-not-agree or could-not-answer) and the date.',
      noReason:
        'The plan of {{date}} records that {{name}} {{status}}, but not why. Say in agreement.reason what {{name}} disagreed with or why {{they}} could not answer, and when you will go through the plan with {{them}} again.',
      weakReason: '"{{text}}" does not explain why {{name}} {{status}}. Say what {{they}} disagreed with or why {{they}} could not answer, and when you will go through the plan with {{them}} again.',
    },
    ...REASON_OPTIONS,
  },

  check(model, context) {
    const person = personData(model);
    for (const plan of model.plans) {
      const date = formatDate(plan.date);
      const agreement = plan.agreement;
      if (!agreement) {
        context.report({ node: plan, property: 'agreement', messageId: 'missing', data: { ...person, date } });
        continue;
      }
      if (agreement.status === 'agreed') continue;
      const status = STATUS_WORDS[agreement.status];
      const reason = agreement.reason;
      if (reason === undefined || reason.trim() === '') {
        context.report({ node: agreement, property: 'reason', messageId: 'noReason', data: { ...person, date, status } });
      } else if (!isRecordedReason(reason, context.options.minReasonWords, { name: model.person?.name, restates: AGREEMENT_WORDS, filler: context.options.fillerPhrases })) {
        context.report({ node: agreement, property: 'reason', messageId: 'weakReason', data: { ...person, date, status, text: quote(reason) } });
      }
    }
  },
});
