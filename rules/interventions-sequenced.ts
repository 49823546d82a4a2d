import { defineRule, formatDate, personData, quote, type Objective } from '../src/rule-kit/index.js';

/** An objective's title for quoting in a message, without a closing full stop. */
function titleOf(title: string): string {
  return quote(title, 60).replace(/\.$/, '');
}

type Options = Record<string, never>;

/**
 * The cycles among objectives' dependencies, each listed once from its first objective in plan
 * order. Depth-first search: an objective met again while still on the path closes a cycle.
 */
function findCycles(objectives: Objective[], byId: Map<string, Objective>): Objective[][] {
  const cycles: Objective[][] = [];
  const seen = new Set<Objective>();
  const reported = new Set<string>();
  const visit = (objective: Objective, path: Objective[]) => {
    const at = path.indexOf(objective);
    if (at >= 0) {
      const cycle = path.slice(at);
      const key = cycle
        .map((o) => o.id)
        .sort()
        .join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        cycles.push(cycle);
      }
      return;
    }
    if (seen.has(objective)) return;
    seen.add(objective);
    for (const id of objective.dependsOn ?? []) {
      const next = byId.get(id);
      if (next) visit(next, [...path, objective]);
    }
  };
  for (const objective of objectives) visit(objective, []);
  return cycles;
}

export default defineRule<Options>()({
  meta: {
    id: 'interventions-sequenced',
    description: 'Where objectives depend on one another, the order is possible: each one depended on exists, none depends on itself in a circle, and none is due before what must come first.',
    severity: 'error',
    standard: 'planning',
    guidance: { publication: 'hmip-planning-for-engagement', section: 'inspector\'s comments: "relevant interventions … were sequenced appropriately"' },
    appliesTo: ['case-file', 'sentence-plan'],
    messages: {
      unknownDependency: 'The objective "{{title}}" depends on "{{id}}", but the plan has no objective with that id. Use the id of an objective in this plan, or remove it.',
      cycle: 'The objectives {{cycle}} each wait for another in a circle, so none of them can start. Decide with {{name}} which comes first and remove the dependency that points back.',
      selfDependency: 'The objective "{{title}}" depends on itself, so it can never start. Remove "{{id}}" from its dependsOn.',
      beforeDependency:
        'The objective "{{title}}" is due by {{target}}, before "{{otherTitle}}" ({{otherTarget}}), which the plan says must come first. Move the target date, or remove the dependency if both can run side by side for {{name}}.',
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },

  check(model, context) {
    const person = personData(model);
    for (const plan of model.plans) {
      const objectives = plan.objectives ?? [];
      const byId = new Map<string, Objective>();
      for (const objective of objectives) if (objective.id !== undefined && !byId.has(objective.id)) byId.set(objective.id, objective);
      const cycles = findCycles(objectives, byId).filter((cycle) => cycle.length > 1); // self-dependency is reported on its own
      // Dates cannot be put in order around a circle: the circle is the finding there.
      const inCycle = new Set(cycles.flat());

      for (const objective of objectives) {
        const dependsOn = objective.dependsOn ?? [];
        dependsOn.forEach((id, index) => {
          const title = titleOf(objective.title);
          const other = byId.get(id);
          if (!other) {
            context.report({ node: dependsOn, property: index, messageId: 'unknownDependency', data: { ...person, title, id } });
          } else if (other === objective) {
            context.report({ node: dependsOn, property: index, messageId: 'selfDependency', data: { ...person, title, id } });
          } else if (
            !(inCycle.has(objective) && inCycle.has(other)) &&
            objective.targetDate &&
            other.targetDate &&
            objective.targetDate < other.targetDate &&
            objective.status !== 'removed' &&
            objective.status !== 'achieved' &&
            other.status !== 'removed' &&
            other.status !== 'achieved'
          ) {
            context.report({
              node: objective,
              property: 'targetDate',
              messageId: 'beforeDependency',
              data: { ...person, title, target: formatDate(objective.targetDate), otherTitle: titleOf(other.title), otherTarget: formatDate(other.targetDate) },
            });
          }
        });
      }

      for (const cycle of cycles) {
        const first = cycle[0]!;
        context.report({
          node: first,
          property: 'dependsOn',
          messageId: 'cycle',
          data: { ...person, cycle: [...cycle, first].map((o) => `"${o.id}"`).join(' → ') },
        });
      }
    }
  },
});
