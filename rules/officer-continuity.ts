import { defineRule, formatDate, isRecordedReason, personData, quote, sentenceEndDate } from '../src/rule-kit/index.js';

interface Options {
  /** Changes of responsible officer during the sentence beyond which each further change needs a recorded reason. */
  maxChanges: number;
  /** More words or phrases that give no reason. */
  fillerPhrases: string[];
}

/** Words of the change itself: "Case reallocated." repeats what happened and says nothing of why. */
const CHANGE_WORDS = [
  'case',
  'reallocated',
  'reallocation',
  'allocated',
  'allocation',
  'transferred',
  'transfer',
  'moved',
  'move',
  'change',
  'changed',
  'changes',
  'officer',
  'new',
  'responsible',
  'ro',
  'po',
  'pqip',
  'handed',
  'handover',
  'over',
  'passed',
  'completed',
  'done',
  'on',
];

export default defineRule<Options>()({
  meta: {
    id: 'officer-continuity',
    description: 'The person keeps the same responsible officer where possible, and every change has a recorded handover.',
    severity: 'warning',
    standard: 'implementation-and-delivery',
    guidance: { publication: 'hmip-introduction-to-engagement', section: 'Evidence summary: "continuity of support", and what ex-service users say about being "passed from pillar to post"' },
    appliesTo: ['case-file'],
    messages: {
      tooMany:
        'The case moved to {{officer}} on {{date}}: change {{count}} of responsible officer during the sentence, more than the {{max}} set for this check, with no reason recorded. Each change asks {{name}} to build trust again with someone new. Keep the case with one officer where possible; where a change cannot be avoided, record in reason why, and how continuity was protected.',
      noHandover:
        'The case moved to {{officer}} on {{date}} with no recorded handover. Record in handover how the case was passed on (ideally a three-way meeting with {{name}}, or at least a written summary), so {{name}} does not have to tell {{their}} story again to a stranger.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        maxChanges: { type: 'integer', minimum: 0, description: 'Changes of officer during the sentence accepted without a recorded reason.' },
        fillerPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that give no reason.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { maxChanges: 2, fillerPhrases: [] },
  },

  check(model, context) {
    const person = personData(model);
    const start = model.sentence?.startDate;
    const end = sentenceEndDate(model.sentence);
    let changes = 0;
    // "Case reallocated." or "Handover done." repeats the change; a reason or a how says something.
    const says = (text: string | undefined) => isRecordedReason(text, 1, { name: person.name, restates: CHANGE_WORDS, filler: context.options.fillerPhrases });

    // The first allocation is not a change; every later one is, in the order recorded.
    for (const officer of model.officers.slice(1)) {
      const data = { ...person, officer: quote(officer.name), date: formatDate(officer.from) };
      // Changes before the sentence (the report writer, custody) do not count towards the limit, but still need a handover.
      const duringSentence = (start === undefined || officer.from >= start) && (end === undefined || officer.from <= end);
      if (duringSentence) {
        changes += 1;
        if (changes > context.options.maxChanges && !says(officer.reason)) {
          context.report({ node: officer, property: 'from', messageId: 'tooMany', data: { ...data, count: changes, max: context.options.maxChanges } });
        }
      }
      if (!officer.handover) context.report({ node: officer, property: 'handover', messageId: 'noHandover', data });
      else if (!says(officer.handover.how)) context.report({ node: officer.handover, property: 'how', messageId: 'noHandover', data });
    }
  },
});
