import { defineRule, formatDate, judgeMeasure, personData, quote, sentenceEndDate } from '../src/rule-kit/index.js';

/** An objective's title for quoting in a message, without a closing full stop. */
function titleOf(title: string): string {
  return quote(title, 60).replace(/\.$/, '');
}

interface Options {
  /** More verbs that name an activity rather than a result ("signpost", "link in"). */
  activityVerbs: string[];
  /** More words that show a result someone could see (a local test or certificate). */
  resultWords: string[];
}

export default defineRule<Options>()({
  meta: {
    id: 'objectives-smart',
    description: 'Each objective says how progress will be measured, has a target date inside the sentence, and names who will act on it.',
    severity: 'error',
    standard: 'planning',
    guidance: [
      { publication: 'hughes-service-user-engagement', section: 'Sentence planning and service user engagement: clear objectives, who contributes and how progress will be measured' },
      { publication: 'hmip-planning-for-engagement', section: 'practitioners should "set out how all the requirements of the sentence … will be delivered within the available timescales"' },
    ],
    appliesTo: ['case-file', 'sentence-plan'],
    needs: ['sentence'],
    messages: {
      noMeasure:
        'The objective "{{title}}" does not say how progress will be measured. Add a measure: what {{name}} and you will see when it is achieved (for example "tenancy signed", "eight weeks with no binge days in the drinking diary").',
      placeholderMeasure: '"{{text}}" is a placeholder, not a measure for "{{title}}". Say what {{name}} and you will see when it is achieved.',
      activityMeasure:
        '"{{text}}" names an activity, not a result, so it cannot show progress on "{{title}}". Say what {{name}} and you will see when it is achieved: a count, a date, a test, a tenancy (for example "Negative drug tests at each monthly review", "Attends 10 of 12 sessions and completes the workbook").',
      noTargetDate: 'The objective "{{title}}" has no target date. Set one {{within}}, so {{name}} knows when it should be achieved and progress can be reviewed against it.',
      targetBeforeStart: 'The objective "{{title}}" has a target date of {{target}}, before {{start}}. Set a date inside the sentence, so {{name}} has time to achieve it.',
      targetAfterEnd: 'The objective "{{title}}" has a target date of {{target}}, after the {{what}} ends on {{end}}. Set a date {{name}} can reach before then, or break the objective into steps that fit.',
      noOwner: 'The objective "{{title}}" has steps, but none says who does it. Say for at least one (by: person, probation-practitioner, partnership-agency …), so {{name}} knows who is responsible for what.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        activityVerbs: { type: 'array', items: { type: 'string' }, description: 'More verbs that name an activity rather than a result.' },
        resultWords: { type: 'array', items: { type: 'string' }, description: 'More words that show a result someone could see.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { activityVerbs: [], resultWords: [] },
  },

  check(model, context) {
    const person = personData(model);
    const sentence = model.sentence;
    const end = sentenceEndDate(sentence);
    const onLicence = sentence?.type === 'licence' || sentence?.type === 'post-sentence-supervision';
    const what = onLicence ? 'licence' : 'order';

    for (const plan of model.plans) {
      const objectives = plan.objectives ?? [];
      // A plan with no objectives, or an objective with no steps at all, is plan-has-active-goals' finding.
      if (objectives.length === 0) continue;
      // Work planned before release (housing, work on the outside) may rightly fall due before the licence starts.
      const earliest = sentence ? (plan.date < sentence.startDate ? plan.date : sentence.startDate) : undefined;
      const startText = sentence && earliest === sentence.startDate ? `the ${what} starts on ${formatDate(earliest)}` : `the plan was made on ${formatDate(plan.date)}`;

      for (const objective of objectives) {
        if (objective.status === 'removed' || objective.status === 'achieved') continue;
        const data = { ...person, title: titleOf(objective.title), what };

        const measure = objective.measure;
        // "Engage with CGL" names what to do, not what anyone will see when it is done.
        const verdict = judgeMeasure(measure, { activityVerbs: context.options.activityVerbs, resultWords: context.options.resultWords });
        if (verdict.code === 'missing') context.report({ node: objective, property: 'measure', messageId: 'noMeasure', data });
        else if (verdict.code === 'placeholder') context.report({ node: objective, property: 'measure', messageId: 'placeholderMeasure', data: { ...data, text: quote(measure ?? '') } });
        else if (verdict.code === 'activity-only') context.report({ node: objective, property: 'measure', messageId: 'activityMeasure', data: { ...data, text: quote(measure ?? '') } });

        // A goal for the future is dated and given steps when work on it starts.
        if (objective.status === 'future') continue;

        const target = objective.targetDate;
        if (!target) {
          const within = end ? `before the ${what} ends on ${formatDate(end)}` : `inside the ${what}`;
          context.report({ node: objective, property: 'targetDate', messageId: 'noTargetDate', data: { ...data, within } });
        } else if (earliest && target < earliest) {
          context.report({ node: objective, property: 'targetDate', messageId: 'targetBeforeStart', data: { ...data, target: formatDate(target), start: startText } });
        } else if (end && target > end) {
          context.report({ node: objective, property: 'targetDate', messageId: 'targetAfterEnd', data: { ...data, target: formatDate(target), end: formatDate(end) } });
        }

        const actions = objective.actions ?? [];
        if (actions.length > 0 && !actions.some((action) => action.by !== undefined)) {
          context.report({ node: objective, property: 'actions', messageId: 'noOwner', data });
        }
      }
    }
  },
});
