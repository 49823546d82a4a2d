import { daysBetween, defineRule, formatDate, isRecordedReason, personData } from '../src/rule-kit/index.js';

interface Options {
  /** More words or phrases that give no reason. */
  fillerPhrases: string[];
}

export default defineRule<Options>()({
  meta: {
    id: 'pre-release-planning',
    description: 'On licence or post-sentence supervision, the plan is made and the person is met before release.',
    severity: 'error',
    standard: 'planning',
    guidance: [
      { publication: 'hmip-introduction-to-engagement', section: 'What we expect and what our inspections tell us: "pre-release planning occurs in too few instances"' },
      { publication: 'hmip-reviewing-for-engagement', section: "case summary: preparation for Tom's release" },
    ],
    appliesTo: ['case-file'],
    needs: ['sentence', 'contacts'],
    messages: {
      noPlan: 'No plan is recorded for {{name}}, who was released on {{release}}. Complete the plan before release, with {{name}} and the prison, so the first days out follow a plan {{they}} already know{{s}}.',
      planAfterRelease:
        'The first plan was completed on {{planDate}}, {{days}} days after {{name}} was released on {{release}}. Plan before release, with {{name}} and the prison, so the first days out follow a plan {{they}} already know{{s}}; or record in lateReason why that was not possible.',
      noContact:
        'No contact with {{name}} before release on {{release}} is recorded. Meet {{them}} before release (a prison visit, video or phone call), so the working relationship starts before the first day out; if it could not happen, record the attempt in the contact log with the reason.',
    },
    optionsSchema: {
      type: 'object',
      properties: { fillerPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that give no reason.' } },
      additionalProperties: false,
    },
    defaultOptions: { fillerPhrases: [] },
  },

  check(model, context) {
    const isReason = (text: string | undefined): boolean => isRecordedReason(text, 1, { name: model.person?.name, filler: context.options.fillerPhrases });
    const sentence = model.sentence;
    if (!sentence || (sentence.type !== 'licence' && sentence.type !== 'post-sentence-supervision')) return;
    const release = sentence.startDate;
    // Judge only from what is recorded: a record that stops before release is still pre-release.
    const recorded = [...model.plans.map((p) => p.date), ...model.reviews.map((r) => r.date), ...model.contacts.filter((c) => c.outcome !== 'planned').map((c) => c.date)];
    if (!recorded.some((date) => date >= release)) return;
    const person = personData(model);
    const data = { ...person, release: formatDate(release) };

    const first = model.plans[0];
    if (!first) {
      context.report({ node: sentence, property: 'startDate', messageId: 'noPlan', data });
    } else if (first.date > release && !isReason(first.lateReason)) {
      context.report({ node: first, property: 'date', messageId: 'planAfterRelease', data: { ...data, planDate: formatDate(first.date), days: daysBetween(release, first.date) } });
    }

    const before = model.contacts.filter((c) => c.date < release);
    const met = before.some((c) => c.outcome === 'attended');
    // An attempt that could not go ahead, recorded with its reason, is a reasoned record, not a gap.
    const explained = before.some((c) => isReason(c.rationale) || isReason(c.note));
    if (!met && !explained) context.report({ node: sentence, property: 'startDate', messageId: 'noContact', data });
  },
});
