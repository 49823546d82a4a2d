import { addDays, currentPlan, defineRule, formatDate, isActive, latestRecordedDate, personData, quote, type CaseModel, type Objective } from '../src/rule-kit/index.js';

interface Options {
  /** Days past its target date before an active goal with no note since is reported. */
  graceDays: number;
}

export default defineRule<Options>()({
  meta: {
    id: 'overdue-goal-reviewed',
    description: 'A goal still active after its target date has a note since that date: progress recorded, or a decision to go on.',
    severity: 'error',
    standard: 'reviewing',
    guidance: { publication: 'hmip-reviewing-for-engagement', section: 'practitioners should "make any necessary adjustments to the ongoing plan of work"' },
    appliesTo: ['case-file', 'sentence-plan', 'hmpps-sentence-plan'],
    needs: ['plan'],
    messages: {
      overdue:
        'The goal "{{title}}" was due by {{target}} and is still active, with no note on it since{{lastNote}}; the record runs to {{latest}}. Review it with {{name}}: record the progress made, mark it achieved, or agree a new target date and why.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        graceDays: { type: 'integer', minimum: 0, description: 'Days past the target date before an active goal with no note since is reported.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { graceDays: 14 },
  },

  check(model, context) {
    const plan = currentPlan(model);
    const latest = latestRecordedDate(model);
    if (!plan || !latest) return;
    const person = personData(model);
    for (const objective of plan.objectives ?? []) {
      const target = objective.targetDate;
      if (!target || !isActive(objective) || latest <= addDays(target, context.options.graceDays)) continue;
      const notes = notesOn(model, objective);
      if (notes.some((date) => date >= target)) continue;
      const last = notes[notes.length - 1];
      context.report({
        node: objective,
        property: 'targetDate',
        messageId: 'overdue',
        data: { ...person, title: quote(objective.title), target: formatDate(target), latest: formatDate(latest), lastNote: last ? ` (the last was on ${formatDate(last)})` : '' },
      });
    }
  },
});

/** Dates progress on an objective was recorded: its own notes, and reviews' progress on it by id. */
function notesOn(model: CaseModel, objective: Objective): string[] {
  const dates = (objective.notes ?? []).map((note) => note.date);
  if (objective.id) {
    for (const review of model.reviews) if (review.progress?.some((p) => p.objective === objective.id)) dates.push(review.date);
  }
  return dates.sort();
}
