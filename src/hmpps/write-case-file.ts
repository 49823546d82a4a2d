/**
 * Writes what an HMPPS export says as a planlint case file (YAML, with comments), with clearly
 * marked places for what the export cannot hold, so an officer can complete the case.
 *
 * The file is written from the same case model the rules judge when they lint the export, so
 * linting it gives the same findings about the plan; completing it lets the other rules run.
 */
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { CaseModel, Plan } from '../model/case-model.js';
import { partsLacking } from './export-shape.js';
import type { ReadExport } from './export-shape.js';

type Raw = Record<string, unknown>;

const LINE_WIDTH = 100;

/** The whole case file: for each plan in the export, a case file and its earlier versions. */
export function writeCaseFile(read: ReadExport, from: string): string {
  const documents: string[] = [];
  read.cases.forEach((model, index) => {
    const current = model.plans[model.plans.length - 1];
    documents.push(caseFileDocument(model, current, read.sources, index === 0 ? from : undefined));
    for (const plan of model.plans.slice(0, -1)) documents.push(historyDocument(model, plan, read.sources));
  });
  return documents.join('---\n');
}

function caseFileDocument(model: CaseModel, current: Plan | undefined, sources: ReadExport['sources'], from: string | undefined): string {
  const name = model.person?.name ?? 'the person';
  const doc = new Document({
    kind: 'case-file',
    schemaVersion: 1,
    case: { ref: model.ref, ...(model.person ? { person: model.person } : {}) },
    toComplete: [...partsLacking(model)],
    ...(current ? { plan: current } : {}),
  });
  doc.commentBefore = comment([
    ...(from ? [`planlint case file converted from the HMPPS sentence plan export ${from}.`] : [`A further plan from the same export.`]),
    'It holds what the export says. Complete the parts marked "TO COMPLETE" (uncomment and fill',
    'them in) so that the rules that need the sentence, assessment, contacts and reviews can run.',
  ]);
  const root = doc.contents as YAMLMap;
  const toComplete = pairOf(root, 'toComplete');
  if (toComplete) {
    setCommentBefore(toComplete, ['What the export did not hold: until each part is filled in below, the rules that need it are', 'not run (as on the export), and the report says so. Filling a part in lets them run.']);
    (toComplete.value as YAMLSeq).flow = true;
  }
  const missing = [...SENTENCE_PLACEHOLDER, ...assessmentPlaceholder(name)];
  const planPair = pairOf(root, 'plan');
  const trailing: string[] = [];
  if (planPair && current) {
    setCommentBefore(planPair, [...missing, '', ...planNotes(current, sources)]);
    annotatePlan(planPair.value as YAMLMap, current, sources, name);
    (planPair.value as YAMLMap).comment = comment(contactPlaceholder(name));
  } else {
    trailing.push(...missing, '', 'TO COMPLETE: the export holds no plan version; write the plan here.', 'plan:', '  date: YYYY-MM-DD');
  }
  doc.comment = comment([...trailing, ...logPlaceholder(name)]);
  return doc.toString({ lineWidth: LINE_WIDTH, flowCollectionPadding: false });
}

function historyDocument(model: CaseModel, plan: Plan, sources: ReadExport['sources']): string {
  const doc = new Document({ kind: 'sentence-plan', schemaVersion: 1, caseRef: model.ref, ...plan });
  doc.commentBefore = comment([`An earlier version of the plan for ${model.ref}, from the export's history.`, ...planNotes(plan, sources)]);
  annotatePlan(doc.contents as YAMLMap, plan, sources, model.person?.name ?? 'the person');
  return doc.toString({ lineWidth: LINE_WIDTH });
}

/** What the export says about a plan version that the case file has no field for. */
function planNotes(plan: Plan, sources: ReadExport['sources']): string[] {
  const version = sources?.get(plan);
  if (!version) return [];
  const facts = [
    typeof version.version === 'number' ? `version ${version.version}` : undefined,
    typeof version.planType === 'string' ? `type ${version.planType}` : undefined,
    typeof version.agreementStatus === 'string' ? `agreement ${version.agreementStatus}` : undefined,
    typeof version.status === 'string' ? `countersigning ${version.status}` : undefined,
  ].filter((f): f is string => f !== undefined);
  const lines = facts.length ? [`From the export: ${facts.join(', ')}.`] : [];
  const notes = (Array.isArray(version.planProgressNotes) ? version.planProgressNotes : []).filter(isRaw);
  if (notes.length) lines.push('Progress notes (planlint reads only whether the person was involved):');
  for (const note of notes) {
    const when = typeof note.createdDate === 'string' ? note.createdDate.slice(0, 10) : 'undated';
    const by = typeof note.practitionerName === 'string' && note.practitionerName ? `, ${note.practitionerName}` : '';
    const support = typeof note.isSupportNeeded === 'string' ? ` Support needed: ${note.isSupportNeeded}.` : '';
    lines.push(...wrap(`- ${when}${by}: ${typeof note.note === 'string' ? note.note : ''}${support}`, '  '));
  }
  return lines;
}

/** Comments inside a plan: how involvement was read, and what goals hold beyond the model. */
function annotatePlan(map: YAMLMap, plan: Plan, sources: ReadExport['sources'], name: string): void {
  const participation = pairOf(map, 'participation');
  if (participation && plan.participation?.person === 'in-person') {
    setCommentBefore(participation, [`The export records only that ${name} was involved (isInvolved), not how:`, 'change in-person to phone, video or written if that is how they took part.']);
  }
  const view = pairOf(map, 'personView');
  if (view) setCommentBefore(view, ["Read from the agreement's optional note: the export has no field for the person's own words."]);
  const objectives = pairOf(map, 'objectives')?.value;
  if (!isSeq(objectives)) return;
  (plan.objectives ?? []).forEach((objective, i) => {
    const goal = sources?.get(objective);
    const item = objectives.items[i];
    const related = Array.isArray(goal?.relatedAreasOfNeed)
      ? goal.relatedAreasOfNeed
          .filter(isRaw)
          .map((a) => a.name)
          .filter((n): n is string => typeof n === 'string')
      : [];
    if (related.length && isMap(item)) item.commentBefore = comment([`Related areas of need: ${related.join(', ')}.`]);
  });
}

const SENTENCE_PLACEHOLDER = [
  'TO COMPLETE: the sentence. The export does not hold it; rules on timeliness, delivery of',
  'requirements and target dates inside the order need it.',
  'sentence:',
  '  type: community-order          # or suspended-sentence-order, licence, post-sentence-supervision',
  '  startDate: YYYY-MM-DD          # for licence: the release date',
  '  lengthMonths: 12',
  '  riskOfSeriousHarm: medium      # low, medium, high or very-high',
  '  requirements:',
  '    - { id: rar, type: rehabilitation-activity, days: 20 }',
];

function assessmentPlaceholder(name: string): string[] {
  return [
    '',
    `TO COMPLETE: the assessment (from OASys): how ${name} took part, their motivation, their`,
    'circumstances and how each affects what they can do, and their own view.',
    'assessment:',
    '  date: YYYY-MM-DD',
    '  participation: { person: in-person }',
    '  motivation: { analysis: What matters to them, what gets in the way, how ready they are. }',
    '  circumstances:',
    '    - { type: childcare, detail: ..., effectOnCompliance: ... }',
    '  personView: { words: In their own words. }',
  ];
}

function contactPlaceholder(name: string): string[] {
  return [
    `TO COMPLETE: the contact arrangements: how often, when and how you will see ${name}, and how`,
    'they fit their circumstances.',
    'contact:',
    '  frequency: weekly               # twice-weekly, weekly, fortnightly, four-weekly or monthly',
    '  types: [office]',
    '  unavailable:',
    '    - { days: [weekdays], from: "08:00", to: "09:30", reason: ... }',
  ];
}

function logPlaceholder(name: string): string[] {
  return [
    'TO COMPLETE: the contact log (from nDelius): every appointment and its outcome.',
    'contacts:',
    '  - { date: YYYY-MM-DD, time: "10:00", type: office, outcome: attended }',
    '',
    `TO COMPLETE: reviews of the plan: who took part, ${name}'s view in their words, and what changed.`,
    'reviews:',
    '  - date: YYYY-MM-DD',
    '    participation: { person: in-person }',
    '    personView: { words: In their own words. }',
  ];
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function setCommentBefore(pair: Pair, lines: string[]): void {
  if (isScalar(pair.key)) pair.key.commentBefore = comment(lines);
}

/** YAML comment text: each line gets a space after the #, and blank lines stay blank comments. */
function comment(lines: string[]): string {
  return lines.map((line) => (line ? ` ${line}` : '')).join('\n');
}

/** Breaks a long comment line at spaces, so the file reads without scrolling. */
function wrap(line: string, indent: string, width = LINE_WIDTH - 4): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    if (cut <= indent.length) break;
    out.push(rest.slice(0, cut));
    rest = indent + rest.slice(cut + 1);
  }
  return [...out, rest];
}

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
