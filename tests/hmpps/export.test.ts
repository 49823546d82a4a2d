/**
 * HMPPS sentence plan exports: recognised by their shape, mapped onto the case model with every
 * object located at the JSON it came from, and linted by the same rules as case files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { mapExport } from '../../src/hmpps/map-export.js';
import { recogniseExport } from '../../src/hmpps/recognise-export.js';
import type { InputFormat } from '../../src/hmpps/recognise-export.js';
import { lintText } from '../../src/engine/lint.js';
import { loadDocuments } from '../../src/input/load-documents.js';
import { loadBuiltInRules } from '../../src/engine/load-rules.js';
import { activateRules } from '../../src/engine/rule-settings.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'hmpps');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const rules = activateRules(await loadBuiltInRules());

function lint(name: string, inputFormat?: InputFormat, text = fixture(name)): Finding[] {
  return lintText(text, join(fixtures, name), { rules, ...(inputFormat ? { inputFormat } : {}) }).findings;
}
const problems = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info');
const at = (f: Finding) => `${f.line}:${f.column} ${f.ruleId}`;

function mapped(name: string) {
  const loaded = loadDocuments(fixture(name));
  const value = loaded.documents[0]!.value as Record<string, unknown>;
  return { ...mapExport(value, recogniseExport(value)!, loaded.sourceMap), sourceMap: loaded.sourceMap };
}

describe('recognising an export by its shape', () => {
  it.each([
    ['good-plan-version.json', 'plan-version'],
    ['plans-by-crn.json', 'plan-list'],
    ['empty-versions.json', 'plan-list'],
    ['malformed-list.json', 'plan-list'],
    ['not-an-export.json', undefined],
  ])('%s is %s', (name, shape) => {
    expect(recogniseExport(JSON.parse(fixture(name)))).toBe(shape);
  });

  it('takes a single plan with its versions, and never a planlint document or stray JSON', () => {
    expect(recogniseExport({ uuid: 'p', currentVersion: null, versions: [] })).toBe('plan');
    expect(recogniseExport({ kind: 'sentence-plan', planType: 'INITIAL', goals: [] })).toBeUndefined();
    expect(recogniseExport({ name: 'left-pad', versions: ['1.0.0'] })).toBeUndefined();
    expect(recogniseExport([])).toBeUndefined();
  });
});

describe('mapping an export onto the case model', () => {
  it('maps a plan version: goals to objectives, steps to actions with their owner, agreement, involvement', () => {
    const { cases, findings } = mapped('good-plan-version.json');
    expect(findings).toEqual([]);
    expect(cases).toHaveLength(1);
    const model = cases[0]!;
    expect(model.ref).toBe('X123456');
    expect([...model.kinds]).toEqual(['hmpps-sentence-plan']);
    expect(model.person).toEqual({ name: 'Sam' }); // first name only, from the agreement note
    const [plan] = model.plans;
    expect(plan).toMatchObject({
      date: '2025-03-10', // agreementDate, a timestamp with a literal Z
      version: 'initial',
      participation: { person: 'in-person' }, // isInvolved, from a date-time with microseconds and no zone
      agreement: { status: 'agreed', date: '2025-03-10' },
      personView: { words: expect.stringContaining('I want my own place') as unknown },
    });
    expect(plan!.objectives!.map((o) => [o.title, o.areaOfNeed, o.targetDate, o.status])).toEqual([
      ['Move into a flat of my own by the end of August', 'accommodation', '2025-08-29', 'active'],
      ['Stay alcohol-free on weekends I have my daughter', 'alcohol-use', '2025-07-31', 'active'],
      ['Find steady work that fits around my daughter', 'employment-and-education', undefined, 'future'],
    ]);
    expect(plan!.objectives![0]!.actions).toEqual([
      { description: 'Apply to the council housing register', by: 'person', status: 'completed' },
      { description: 'Refer Sam to the tenancy support service', by: 'probation-practitioner', status: 'in-progress' },
      { description: 'Run the tenancy-ready course with Sam', by: 'partnership-agency', agency: 'Shelter (partnership agency)', status: 'not-started' },
    ]);
    expect(plan!.objectives![0]!.notes).toEqual([{ date: '2025-05-12', type: 'progress', note: "Sam's housing register application was accepted; band C." }]);
  });

  it('locates every mapped object at the JSON field it came from', () => {
    const { cases, sourceMap } = mapped('good-plan-version.json');
    const plan = cases[0]!.plans[0]!;
    const goal = plan.objectives![0]!;
    const where = (node: object, property?: string | number) => {
      const r = sourceMap.rangeOf(node, property);
      return `${r.line}:${r.column}`;
    };
    expect(where(plan, 'date')).toBe('18:20'); // "agreementDate"
    expect(where(plan, 'version')).toBe('5:15'); // "planType"
    expect(where(plan.agreement!, 'status')).toBe('7:22'); // "agreementStatus"
    expect(where(plan.agreement!, 'reason')).toBe('24:30'); // the note's "agreementStatusNote"
    expect(where(plan.personView!, 'words')).toBe('25:23'); // the note's "optionalNote"
    expect(where(plan.participation!, 'person')).toBe('40:21'); // the progress note's "isInvolved"
    expect(where(plan, 'objectives')).toBe('51:12'); // "goals"
    expect(where(goal)).toBe('52:5');
    expect(where(goal, 'title')).toBe('54:16');
    expect(where(goal, 'areaOfNeed')).toBe('57:17'); // the area's "name"
    expect(where(goal, 'targetDate')).toBe('65:21');
    expect(where(goal.actions!, 1)).toBe('82:9');
    expect(where(goal.actions![1]!, 'by')).toBe('86:20'); // "actor"
    expect(where(goal.notes![0]!, 'date')).toBe('106:26'); // "createdDate"
  });

  it('maps a list of plans: versions become the plan history in date order, the current version once', () => {
    const { cases, findings } = mapped('plans-by-crn.json');
    expect(findings).toEqual([]);
    const [model] = cases;
    expect(model!.person).toEqual({ name: 'Lee' });
    expect(model!.plans.map((p) => [p.date, p.version, p.agreement?.status])).toEqual([
      ['2024-10-01', 'initial', 'could-not-answer'], // date-times with no zone, with and without microseconds
      ['2024-10-20', 'initial', 'agreed'],
      ['2025-04-02', 'review', 'agreed'], // UPDATED_AGREED
    ]);
    expect(model!.plans[0]!.agreement!.reason).toMatch(/^Lee was in crisis/);
    expect(model!.plans[2]!.objectives!.map((o) => o.status)).toEqual(['achieved', 'active']);
  });

  it.each([
    ['agreement-agreed.json', { status: 'agreed', date: '2025-02-03' }],
    ['agreement-updated-agreed.json', { status: 'agreed', date: '2025-02-03' }],
    ['agreement-do-not-agree.json', { status: 'did-not-agree', date: '2025-02-03', reason: expect.stringMatching(/^Sam does not want/) as unknown }],
    ['agreement-updated-do-not-agree.json', { status: 'did-not-agree', date: '2025-02-03', reason: 'x' }],
    ['agreement-could-not-answer.json', { status: 'could-not-answer', date: '2025-02-03', reason: expect.stringMatching(/^Sam was too unwell/) as unknown }],
    ['agreement-draft.json', undefined],
  ])('%s becomes the agreement %j', (name, agreement) => {
    expect(mapped(name).cases[0]!.plans[0]!.agreement).toEqual(agreement);
  });

  it('maps free-text actors onto who does a step, keeping names in agency', async () => {
    const { ownerOf } = await import('../../src/hmpps/map-export.js');
    const names = ['Sam Taylor'];
    expect(ownerOf('Sam', names)).toEqual({ by: 'person' });
    expect(ownerOf('sam taylor', names)).toEqual({ by: 'person' });
    expect(ownerOf('Probation practitioner', names)).toEqual({ by: 'probation-practitioner' });
    expect(ownerOf('probation_practitioner', names)).toEqual({ by: 'probation-practitioner' });
    expect(ownerOf('Prison offender manager', names)).toEqual({ by: 'probation-practitioner', agency: 'Prison offender manager' });
    expect(ownerOf('Programme staff', names)).toEqual({ by: 'programme-staff' });
    expect(ownerOf('Commissioned rehabilitative services (CRS) provider', names)).toEqual({ by: 'crs-provider' });
    expect(ownerOf('Shelter (partnership agency)', names)).toEqual({ by: 'partnership-agency', agency: 'Shelter (partnership agency)' });
    expect(ownerOf('Someone else', names)).toEqual({ by: 'other' });
    expect(ownerOf('My sister Kim', names)).toEqual({ by: 'other', agency: 'My sister Kim' });
    expect(ownerOf('Sam', [])).toEqual({ agency: 'Sam' }); // no name to tell the person from anyone else
    expect(ownerOf('  ', names)).toBeUndefined();
  });
});

describe('linting an export with every rule', () => {
  it('a good plan lints clean; the rules the export cannot feed are listed once, not noted one by one', () => {
    const result = lintText(fixture('good-plan-version.json'), join(fixtures, 'good-plan-version.json'), { rules });
    expect(result.findings).toEqual([]);
    const notRun = result.notRun!;
    expect(notRun.remedy).toBe('Convert the export with "planlint convert" and complete what it lacks to run them.');
    expect(notRun.rules.length).toBeGreaterThan(10);
    // Each rule with what it needs that the export does not hold.
    expect(notRun.rules.find((r) => r.ruleId === 'plan-completed-on-time')).toEqual({ ruleId: 'plan-completed-on-time', needs: ['sentence'] });
    expect(notRun.rules.find((r) => r.ruleId === 'contact-pattern-fits-circumstances')).toEqual({ ruleId: 'contact-pattern-fits-circumstances', needs: ['assessment', 'contacts'] });
    // A rule that judges whole case files only is listed too: nothing is passed over in silence.
    expect(notRun.rules.find((r) => r.ruleId === 'officer-continuity')).toEqual({ ruleId: 'officer-continuity', needs: ['case-file'] });
    expect(new Set(notRun.rules.map((r) => r.ruleId)).size).toBe(notRun.rules.length);
    for (const { ruleId } of notRun.rules) expect(result.rulesChecked).not.toContain(ruleId);
  });

  it('a poor plan: each finding at the JSON field it is about', () => {
    const findings = problems(lint('poor-plan-version.json'));
    expect(findings.map(at)).toEqual([
      '5:15 plan-updated-since-initial', // "planType"
      '7:22 agreement-followed-up', // "agreementStatus"
      '16:30 agreement-recorded', // the note's empty "agreementStatusNote"
      '17:23 service-user-voice-recorded', // the note's empty "optionalNote"
      '24:24 person-involved-in-planning', // "planProgressNotes": []
      '25:12 person-acts-in-plan', // "goals"
      '33:21 overdue-goal-reviewed', // the goal's "targetDate"
      '64:16 plan-has-active-goals', // the goal's "steps": []
    ]);
    expect(findings[2]!.message).toBe(
      'The plan of 20 Jan 2025 records that Dan could not answer, but not why. Say in agreement.reason what Dan disagreed with or why they could not answer, and when you will go through the plan with them again.',
    );
    expect(findings[6]!.message).toBe(
      'The goal "Sort out housing" was due by 30 Apr 2025 and is still active, with no note on it since; the record runs to 15 Sep 2025. Review it with Dan: record the progress made, mark it achieved, or agree a new target date and why.',
    );
  });

  it.each([
    ['agreement-agreed.json', []],
    ['agreement-updated-agreed.json', []],
    ['agreement-do-not-agree.json', []],
    // Asked on the plan's own date, with nothing later recorded: the answer is due, a warning with its date.
    ['agreement-could-not-answer.json', ['6:22 agreement-followed-up due']],
    ['agreement-do-not-agree-no-reason.json', ['13:30 agreement-recorded noReason']],
    ['agreement-updated-do-not-agree.json', ['13:30 agreement-recorded weakReason']],
    ['agreement-draft.json', ['6:22 agreement-recorded missing']],
  ])('%s: agreement findings %j', (name, expected) => {
    const found = lint(name).filter((f) => f.ruleId.startsWith('agreement-'));
    expect(found.map((f) => `${at(f)} ${f.messageId}`)).toEqual(expected);
  });

  it('a list of plans with several versions: history judged, the "could not answer" followed up', () => {
    const findings = problems(lint('plans-by-crn.json'));
    // Only the first version, made while Lee was in crisis, lacks their view and involvement.
    expect(findings.map(at)).toEqual(['162:29 service-user-voice-recorded', '168:30 person-involved-in-planning']);
    expect(findings[1]!.message).toMatch(/^The plan of 1 Oct 2024 does not record whether Lee took part/);
  });

  it('a plan with no versions: the rules that judge plans are listed as not run', () => {
    const result = lintText(fixture('empty-versions.json'), join(fixtures, 'empty-versions.json'), { rules });
    expect(problems(result.findings)).toEqual([]);
    expect(result.notRun?.rules.find((r) => r.ruleId === 'plan-has-active-goals')).toEqual({ ruleId: 'plan-has-active-goals', needs: ['plan'] });
  });

  it('malformed parts are reported where they are and left out; the rest is still judged', () => {
    const findings = lint('malformed-plan.json').filter((f) => f.ruleId === 'schema' || f.ruleId === 'person-involved-in-planning' || f.ruleId === 'service-user-voice-recorded');
    expect(findings.map((f) => `${at(f)} ${f.severity}: ${f.message}`)).toEqual([
      "9:5 service-user-voice-recorded error: The plan does not record Sam's view. Quote what Sam said about it in personView.words, in their own words, or record in personView.reasonNotRecorded why no view could be given.",
      '16:5 person-involved-in-planning error: The plan of 1 Feb 2025 does not record whether Sam took part in making it. Add participation: how Sam took part (in-person, phone, video, written) or, if they could not, absent with the reason.',
      '17:21 schema error: planProgressNotes[0].isInvolved must be true or false; found "yes". It is left out.',
      '21:3 schema info: planlint does not read the fields "riskFlags", "colour" of this export; they are left out of the checks.',
      '23:5 schema error: goals[0] must be a set of fields; found "Keep my job". It is left out.',
      '25:16 schema error: The goal at goals[1] has no title, so it cannot be judged; it is left out.',
      '33:17 schema info: The area of need "Gambling" at goals[2] is not one planlint knows (expected one of the service\'s eight areas, such as Accommodation); it is left out.',
      '35:21 schema error: goals[2].targetDate must be a date such as 2025-12-31 or 2025-12-09T08:58:36Z; found "31/12/2025". It is left out.',
      '36:17 schema info: goals[2].status is "PAUSED", which planlint does not know (expected ACTIVE, FUTURE, ACHIEVED, REMOVED); it is left out.',
      '41:26 schema error: The step at goals[2].steps[0] has no description, so it cannot be judged; it is left out.',
      '45:20 schema error: goals[2].steps[1].actor must be text; found 42. It is left out.',
      '50:21 schema info: goals[2].steps[2].status is "WAITING", which planlint does not know (expected NOT_STARTED, IN_PROGRESS, COMPLETED, CANNOT_BE_DONE_YET, NO_LONGER_NEEDED); it is left out.',
    ]);
  });

  it('a malformed list: bad entries reported and skipped, never a crash', () => {
    expect(problems(lint('malformed-list.json')).map((f) => `${at(f)}: ${f.message}`)).toEqual([
      '5:23 schema: [0].currentVersion must be a plan version (a set of fields); found "v2". It is left out.',
      '6:17 schema: [0].versions must be a list; found "none". It is left out.',
      '9:3 schema: Entry [1] of the list is not a plan (no currentVersion or versions) or a plan version (no planType, agreementStatus or goals); found 42. It is left out.',
      "10:3 schema: The plan version at [2] has no readable createdDate, so it cannot be placed in the plan's history; it is left out.",
    ]);
  });

  it('JSON that is neither a planlint document nor an export gets one clear finding', () => {
    expect(lint('not-an-export.json')).toEqual([
      expect.objectContaining({
        ruleId: 'schema',
        severity: 'error',
        line: 1,
        column: 1,
        message: expect.stringMatching(
          /^This file is neither a planlint document nor an HMPPS sentence plan export\. Expected a planlint document with "kind:" \(case-file, sentence-plan or review\), or a plan exported from the HMPPS digital sentence plan service: .*; found a set of fields\.$/,
        ) as unknown,
      }),
    ]);
  });

  it('--input-format forces one reading', () => {
    const plan = 'kind: sentence-plan\nschemaVersion: 1\ncaseRef: C1\ndate: 2024-01-10\n';
    expect(lint('plan.yaml', 'hmpps-sentence-plan', plan).map((f) => `${at(f)}: ${f.message}`)).toEqual([
      expect.stringMatching(/^1:1 schema: Expected a plan exported from the HMPPS digital sentence plan service: .*; found a set of fields\.$/) as unknown,
    ]);
    expect(lint('poor-plan-version.json', 'planlint').map((f) => `${at(f)}: ${f.message}`)).toEqual(['1:1 schema: The document does not say what it is: add "kind:" with one of case-file, sentence-plan, review.']);
    expect(problems(lint('poor-plan-version.json', 'hmpps-sentence-plan'))).toHaveLength(8);
  });
});
