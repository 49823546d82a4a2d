import { defineRule, judgeAccount, personData, quote, wordCount } from '../src/rule-kit/index.js';

interface Options {
  /** A team's floor on length (1: none): an analysis is judged by what it says. */
  minWords: number;
  /** More words or phrases that, on their own, label motivation rather than analyse it. */
  verdictPhrases: string[];
}

/** Words that label motivation without analysing it: "Seems motivated.", "Low motivation, pre-contemplative." */
const LABEL_WORDS =
  'motivated unmotivated motivation motivational low high poor some little limited ready readiness change changes changing wants want wish wishes seems appears presents pre precontemplative precontemplation contemplative contemplation preparation action maintenance stage cycle keen willing'.split(
    ' ',
  );

export default defineRule<Options>()({
  meta: {
    id: 'motivation-analysed',
    description: "The assessment analyses the person's motivation and readiness to change.",
    severity: 'error',
    standard: 'assessment',
    guidance: { publication: 'hmip-assessing-for-engagement', section: 'practitioners should "analyse the service user\'s motivation and readiness to engage and comply with their sentence"' },
    appliesTo: ['case-file'],
    needs: ['assessment'],
    messages: {
      missing:
        "The assessment does not analyse {{name}}'s motivation and readiness to change. In motivation.analysis, say what matters to {{name}}, what gets in the way and how ready {{theyAre}} to engage, so the plan can build on it.",
      stageOnly:
        'The assessment gives a stage of readiness ({{stage}}) but no analysis behind it. In motivation.analysis, say what matters to {{name}}, what gets in the way and why you judge {{them}} to be at this stage.',
      placeholder: '"{{text}}" is a placeholder, not an analysis of {{name}}\'s motivation. Say what matters to {{name}}, what gets in the way and how ready {{theyAre}} to change.',
      label: '"{{text}}" labels {{name}}\'s motivation but does not analyse it. Say what matters to {{name}} (a child, a job, a home), what gets in the way, and what you saw that shows how ready {{theyAre}} to change.',
      tooShort: '"{{text}}" is too brief to analyse {{name}}\'s motivation ({{count}} words; at least {{min}} expected). Say what matters to {{name}}, what gets in the way and how ready {{theyAre}} to change.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        minWords: { type: 'integer', minimum: 1, description: 'Fewest words an analysis needs, on top of saying something (1: no floor).' },
        verdictPhrases: { type: 'array', items: { type: 'string' }, description: 'More words or phrases that label motivation rather than analyse it.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { minWords: 1, verdictPhrases: [] },
  },

  check(model, context) {
    const assessment = model.assessment;
    if (!assessment) return; // only an assessment that exists is judged
    const person = personData(model);
    const motivation = assessment.motivation;
    const analysis = motivation?.analysis;

    if (!motivation) {
      context.report({ node: assessment, property: 'motivation', messageId: 'missing', data: { ...person } });
      return;
    }
    if (analysis === undefined || analysis.trim() === '') {
      // A stage on its own is a label; the analysis is what the plan can use.
      if (motivation.readiness) {
        context.report({ node: motivation, property: 'readiness', messageId: 'stageOnly', data: { ...person, stage: motivation.readiness.replace(/-/g, ' ') } });
      } else {
        context.report({ node: motivation, property: 'analysis', messageId: 'missing', data: { ...person } });
      }
      return;
    }
    const data = { ...person, text: quote(analysis) };
    const min = context.options.minWords;
    // "Seems motivated." or "Pre-contemplative" is a label; what matters to the person and what gets in the way is an analysis.
    const verdict = judgeAccount(analysis, { name: person.name, filler: [...LABEL_WORDS, ...context.options.verdictPhrases] });
    if (verdict.code === 'placeholder') context.report({ node: motivation, property: 'analysis', messageId: 'placeholder', data });
    else if (!verdict.ok) context.report({ node: motivation, property: 'analysis', messageId: 'label', data });
    else if (wordCount(analysis) < min) context.report({ node: motivation, property: 'analysis', messageId: 'tooShort', data: { ...data, count: wordCount(analysis), min } });
  },
});
