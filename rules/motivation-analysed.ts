import { defineRule, isPlaceholder, personName, quote, wordCount } from '../src/rule-kit/index.js';

interface Options {
  /** Fewer words than this cannot analyse what motivates a person and what holds them back. */
  minWords: number;
}

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
        "The assessment does not analyse {{name}}'s motivation and readiness to change. In motivation.analysis, say what matters to {{name}}, what gets in the way and how ready they are to engage, so the plan can build on it.",
      stageOnly: 'The assessment gives a stage of readiness ({{stage}}) but no analysis behind it. In motivation.analysis, say what matters to {{name}}, what gets in the way and why you judge them to be at this stage.',
      placeholder: '"{{text}}" is a placeholder, not an analysis of {{name}}\'s motivation. Say what matters to {{name}}, what gets in the way and how ready they are to change.',
      tooShort: '"{{text}}" is too brief to analyse {{name}}\'s motivation ({{count}} words; at least {{min}} expected). Say what matters to {{name}}, what gets in the way and how ready they are to change.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        minWords: { type: 'integer', minimum: 1, description: 'Fewest words that can count as an analysis of motivation.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { minWords: 8 },
  },

  check(model, context) {
    const assessment = model.assessment;
    if (!assessment) return; // only an assessment that exists is judged
    const name = personName(model);
    const motivation = assessment.motivation;
    const analysis = motivation?.analysis;

    if (!motivation) {
      context.report({ node: assessment, property: 'motivation', messageId: 'missing', data: { name } });
      return;
    }
    if (analysis === undefined || analysis.trim() === '') {
      // A stage on its own is a label; the analysis is what the plan can use.
      if (motivation.readiness) {
        context.report({ node: motivation, property: 'readiness', messageId: 'stageOnly', data: { name, stage: motivation.readiness.replace(/-/g, ' ') } });
      } else {
        context.report({ node: motivation, property: 'analysis', messageId: 'missing', data: { name } });
      }
      return;
    }
    const data = { name, text: quote(analysis) };
    const min = context.options.minWords;
    if (isPlaceholder(analysis)) context.report({ node: motivation, property: 'analysis', messageId: 'placeholder', data });
    else if (wordCount(analysis) < min) context.report({ node: motivation, property: 'analysis', messageId: 'tooShort', data: { ...data, count: wordCount(analysis), min } });
  },
});
