import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { PACKAGE_ROOT } from '../../core/package-root.js';
import { writeFileWhole } from '../../core/write-whole.js';

const KINDS = ['sentence-plan', 'review', 'case-file'] as const;
type StarterKind = (typeof KINDS)[number];

/** `planlint init`: a starter document to fill in, with what each section is for. */
export function registerInitCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('write a starter plan, review or case file to fill in, with notes on each section and what inspectors look for')
    .argument('[path]', 'the file to create (it must not exist yet); without it the starter is printed')
    .addOption(new Option('-k, --kind <kind>', 'what to start').choices([...KINDS]).default('sentence-plan'))
    .action((path: string | undefined, flags: { kind: StarterKind }) => setExit(init(path, flags.kind)));
}

function init(path: string | undefined, kind: StarterKind): number {
  const today = new Date().toISOString().slice(0, 10);
  if (path === undefined) {
    process.stdout.write(starterDocument(kind, { schemaRef: schemaReference(kind, process.cwd()), today }));
    return EXIT.ok;
  }
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`Cannot write ${path}: the folder ${dirname(path)} does not exist.`);
  const text = starterDocument(kind, { schemaRef: schemaReference(kind, folder), today });
  try {
    // Exclusive: a starter must never replace someone's work, even one saved meanwhile.
    writeFileWhole(path, text, 'the starter', { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${path} already exists; planlint init never overwrites a file. Choose a new name, or move the old file first.`);
    throw error;
  }
  process.stdout.write(`Wrote a starter ${KIND_NAMES[kind]} to ${path}.\nReplace each "TBC" with what is true for the person, then run: npx planlint ${path}\n`);
  return EXIT.ok;
}

const KIND_NAMES: Record<StarterKind, string> = { 'sentence-plan': 'sentence plan', review: 'review', 'case-file': 'case file' };

/**
 * The schema as a path from the file's folder, so an editor finds it offline: the self-contained
 * copy the build writes to dist/schemas (scripts/bundle-schemas.mjs says why), else the source.
 */
function schemaReference(kind: StarterKind, fromFolder: string): string {
  const bundled = join(PACKAGE_ROOT, 'dist', 'schemas', `${kind}.schema.json`);
  const schema = existsSync(bundled) ? bundled : join(PACKAGE_ROOT, 'schemas', `${kind}.schema.json`);
  const rel = relative(fromFolder, schema).split(sep).join('/');
  return rel.startsWith('.') || rel.startsWith('/') ? rel : `./${rel}`;
}

/** Indents every non-empty line, to nest a section inside a case file. */
const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

/**
 * The plan's fields, shared by a sentence-plan document and the plan of a case file. Free text the
 * officer must write is "TBC: …", which the rules recognise as a placeholder, so linting the
 * starter points at each thing still to do. Facts only the officer knows (who took part, whether the
 * person agreed) are left as comments rather than guessed.
 */
function planFields(today: string, inCaseFile: boolean): string {
  return `# When the plan was completed (YYYY-MM-DD).
date: ${today}
# initial, review, transfer or termination.
version: initial

# WHO TOOK PART. Inspectors look for the person being meaningfully involved in their own plan,
# not told about it afterwards. Record how they took part (in-person, phone, video or written),
# or, if the plan had to be made without them, why, and when you will go through it together.
# participation:
#   person: in-person
#   others:
#     - role: interpreter          # also: advocate, family-member, partner-agency, police …
#       name: Polish interpreter
# revisit:                         # only when the plan was made without the person
#   when: after-first-attendance
#   reason: Made without them to meet the timescale; to go through it at their first appointment.

# THE PERSON'S OWN WORDS. Quote what they want from the plan, what worries them and what would
# help. "Agrees with plan" is a tick, not their voice.
personView:
  words: "TBC: quote the person — what they want, what worries them, what would help"

# AGREEMENT. After going through the plan with the person: agreed, did-not-agree or
# could-not-answer. For the last two, say why and what happens next.
# agreement:
#   status: agreed
#   date: ${today}

# OBJECTIVES. Few, specific and the person's own: each with an area of need, how progress will
# be measured, a target date inside the sentence, and who does what. Where one objective must
# come first (housing before work, say), list it in dependsOn.
objectives:
  - id: first-objective
    title: "TBC: what the person will achieve, in words they would recognise"
    # One of: accommodation, employment-and-education, finances, drug-use, alcohol-use,
    # health-and-wellbeing, personal-relationships-and-community, thinking-behaviours-and-attitudes.
    # areaOfNeed: accommodation
    measure: "TBC: what you and the person will see when it is achieved"
    # targetDate: YYYY-MM-DD, before the sentence ends
    actions:
      - description: "TBC: a step the person takes"
        by: person
      - description: "TBC: what you or a partner agency will do"
        by: probation-practitioner
${
  inCaseFile
    ? `
# DELIVERING EACH REQUIREMENT. Inspectors check that every requirement can be completed in time:
# say how each one in sentence.requirements is delivered, from when, and at what pace.
# requirementDelivery:
#   - requirement: rar
#     how: Fortnightly one-to-one sessions, then a group once the person feels ready.
#     startBy: YYYY-MM-DD
#     daysPerMonth: 2
`
    : ''
}
# CONTACT. How often, when and how you will see the person, fitted around their life: work,
# childcare, health, travel. Inspectors look for a level, pattern and type of contact that fits
# the person's circumstances and risk, with the reason recorded.
contact:
  # twice-weekly, weekly, fortnightly, four-weekly or monthly.
  frequency: weekly
  # office, home-visit, phone, video, group, one-to-one, prison-visit, community-venue, other.
  types: [office]
  pattern: "TBC: when contact happens, for example Tuesday afternoons after 15:30"
  # Times appointments must not be booked, each with its reason:
  # unavailable:
  #   - days: [weekdays]
  #     from: "08:30"
  #     to: "09:30"
  #     reason: Nursery drop-off.
  # How contact is arranged around each circumstance in the assessment:
  # adjustments:
  #   - circumstance: anxiety
  #     how: One-to-one only, in a quiet room, for the first twelve weeks.
  rationale: "TBC: why this level and pattern of contact is right for this person now"
`;
}

function starterDocument(kind: StarterKind, { schemaRef, today }: { schemaRef: string; today: string }): string {
  const head = `# yaml-language-server: $schema=${schemaRef}
# A starter ${KIND_NAMES[kind]} from \`planlint init\`. Replace each "TBC" with what is true for the
# person on probation, uncomment the sections that apply, then run \`npx planlint <this file>\`:
# each finding says what is still missing and what good looks like. \`planlint explain <rule>\`
# says more. Use a first name or a pseudonym, never a full name.
`;
  if (kind === 'sentence-plan') {
    return `${head}kind: sentence-plan
schemaVersion: 1
# The pseudonymised case reference; the same in this case's reviews and case file.
caseRef: CASE-REF-TBC

${planFields(today, false)}`;
  }
  if (kind === 'review') {
    return `${head}kind: review
schemaVersion: 1
# The pseudonymised case reference; the same as the plan being reviewed.
caseRef: CASE-REF-TBC
# When the review was held (YYYY-MM-DD).
date: ${today}
# What prompted it: scheduled, change-of-circumstances, compliance-concern, after-first-attendance,
# pre-release, contact-change, end-of-order or other. Inspectors expect a review when something
# changes in the person's life and after repeated compliance concerns, not only on schedule.
trigger: scheduled

# WHO TOOK PART. Inspectors found people were too rarely involved in reviewing their own
# progress. Record how the person took part, and anyone else (police, partner agencies); if
# they could not, say why and what was tried.
# participation:
#   person: in-person
#   others:
#     - role: partner-agency
#       organisation: Women's centre

# THE PERSON'S OWN WORDS about how it is going and what they want next.
personView:
  words: "TBC: quote the person — how they think it is going, what they want to change"

# WHAT THE REVIEW FOUND. Compliance (appointments kept and missed, decisions taken), how the
# person is engaging, and what gets in the way and what will be done about it.
considered:
  compliance: "TBC: appointments kept and missed since the last review, and decisions taken"
  engagement: "TBC: how the person is engaging"
  barriers: "TBC: what gets in the way, and what will be done about it"

# PROGRESS against each objective of the plan (objective: the objective's id).
progress:
  - note: "TBC: progress on the first objective, with evidence"

# CHANGES. A review that finds problems should change something: appointment times, the type of
# contact, support. Record each change and why, or why no change is needed.
# planChanges:
#   - objective: first-objective
#     change: Appointments moved to after 15:30, once the children are collected.
#     rationale: Two missed appointments clashed with the school run.
# A change in how often the person is seen, with the reason (by risk as well as progress):
# contactChange:
#   from: weekly
#   to: fortnightly
#   effectiveFrom: YYYY-MM-DD
#   rationale: Three months of full compliance; risk reviewed with police as unchanged.

# Where the review is recorded, for example [nDelius, OASys].
# recordedIn: [nDelius]
# nextReview: YYYY-MM-DD
`;
  }
  return `${head}kind: case-file
schemaVersion: 1

# THE CASE. A pseudonymised reference, the person's first name or a pseudonym (used in findings),
# and each responsible officer in turn. Inspectors value continuity: where the officer changes,
# record the handover, ideally a three-way meeting with the person.
case:
  ref: CASE-REF-TBC
  # person:
  #   name: Lisa                   # a first name or pseudonym only
  #   pronouns: she/her
  officers:
    - name: "TBC: responsible officer"
      from: ${today}
  # Other agencies involved (housing, children's social care, mental health, police …):
  # agencies:
  #   - id: housing
  #     name: Council housing options team
  #     role: Temporary accommodation

# THE SENTENCE. type: community-order, suspended-sentence-order, licence or
# post-sentence-supervision; startDate is the date of sentence, or of release on licence.
sentence:
  type: community-order
  startDate: ${today}
  lengthMonths: 12
  # low, medium, high or very-high: contact is expected to match it.
  # riskOfSeriousHarm: medium
  # requirements:
  #   - id: rar
  #     type: rehabilitation-activity   # also unpaid-work (hours), accredited-programme …
  #     days: 15

# THE ASSESSMENT. Inspectors look for the person's own part in it, an analysis of their
# motivation and readiness to change, and of each circumstance that may make it harder to comply
# (childcare, work, health, disability, language, travel …) and what it means for engagement.
assessment:
  date: ${today}
  tool: OASys
  # participation:
  #   person: in-person
  motivation:
    analysis: "TBC: what matters to the person, what gets in the way, how ready they are to change"
  circumstances:
    - id: first-circumstance
      # childcare, caring, employment, education, physical-health, mental-health, disability,
      # neurodiversity, literacy, language, transport, faith, domestic-abuse, care-experience …
      type: other
      detail: "TBC: the circumstance, for this person"
      effectOnCompliance: "TBC: what it means for when, where and how they can attend and take part"
  personView:
    words: "TBC: quote the person — how they see their offending and what would help"

# THE SENTENCE PLAN.
plan:
${indent(planFields(today, true), '  ')}
# THE CONTACT LOG. Every appointment with its outcome: attended, failed-to-attend,
# acceptable-absence, rescheduled, cancelled-by-service or planned. For a missed appointment,
# record the decision and why (enforcement), taking account of what is going on in the person's life.
contacts: []
#  - { date: YYYY-MM-DD, time: "11:00", type: office, purpose: induction, outcome: attended }

# REVIEWS of the plan, each with the person's part and words (see \`planlint init --kind review\`).
reviews: []
`;
}
