import { describe, expect, it } from 'vitest';
import { ABSENCE_WORDS, CONTACT_CHANGE_WORDS, isRecordedReason, judgeAccount, judgeMeasure, judgeOwnWords, judgeReason, judgeRiskManagement } from '../src/rule-kit/text-judgement.js';
import { NEUTRAL_PRONOUN_DATA, parsePronouns, pronounData } from '../src/rule-kit/pronouns.js';
import { formatMessage } from '../src/rule-kit/rule-api.js';
import { redactData } from '../src/engine/redaction.js';

describe('judgeReason', () => {
  const absence = { restates: ABSENCE_WORDS, name: 'Dean' };

  it.each([
    'Hospital admission.',
    'Son was ill, sent a text before.',
    'Bus strike',
    'Unwell',
    'In custody on remand from 3 May.',
    'At a job interview arranged by the DWP; rang the day before.',
    'Overslept after a night shift.',
    'Agreed holiday in Poland, booked before sentence.',
    'Dean rang: his mother died on Sunday.',
    'Forgot; first missed appointment in six months.',
    'Came late: the bus broke down.',
    'Refused to come while his case is being appealed.',
    'Too unwell to discuss the plan; I will go through it at the next home visit.',
  ])('accepts a short real reason: %s', (text) => {
    expect(judgeReason(text, absence)).toEqual({ ok: true, code: 'ok' });
  });

  it.each([
    ['no reason', 'no-reason'],
    ['No reason given.', 'no-reason'],
    ['Did not attend, no reason.', 'no-reason'],
    ['Reason unknown', 'no-reason'],
    ['unknown', 'no-reason'],
    ['Not known', 'no-reason'],
    ['see above', 'no-reason'],
    ['As discussed', 'no-reason'],
    ['As discussed with SPO', 'no-reason'],
    ['Personal reasons.', 'no-reason'],
    ['He did not say.', 'no-reason'],
    ['Dean did not give a reason', 'no-reason'],
    ['N/A', 'placeholder'],
    ['TBC', 'placeholder'],
    ['DNA', 'restates'],
    ['Did not attend.', 'restates'],
    ['Missed appointment.', 'restates'],
    ['Failed to attend appointment', 'restates'],
    ['Absent', 'restates'],
    ['Unacceptable absence - warning issued.', 'restates'],
    ['Dean failed to attend.', 'restates'],
    ['', 'missing'],
    ['   ', 'missing'],
  ])('does not accept "%s" (%s)', (text, code) => {
    expect(judgeReason(text, absence)).toEqual({ ok: false, code });
  });

  it('restates only what the caller names: "Missed appointment." is a reason for nothing, but the words are not filler elsewhere', () => {
    expect(judgeReason('Missed appointment.').ok).toBe(true);
    expect(judgeReason('Missed appointment.', { restates: ABSENCE_WORDS }).code).toBe('restates');
  });

  it('knows a change of contact restated: "Contact reduced to fortnightly."', () => {
    expect(judgeReason('Contact reduced to fortnightly.', { restates: CONTACT_CHANGE_WORDS }).code).toBe('restates');
    expect(judgeReason('Reduced: twelve weeks of negative tests and a job.', { restates: CONTACT_CHANGE_WORDS }).ok).toBe(true);
  });

  it("takes a team's own filler, as a phrase or a word", () => {
    expect(judgeReason('Per duty manager', { filler: ['per duty manager'] }).code).toBe('no-reason');
    expect(judgeReason('FTA', { filler: ['fta'] }).code).toBe('no-reason');
    expect(judgeReason('Per duty manager: hospital letter seen', { filler: ['per duty manager'] }).ok).toBe(true);
  });

  it('isRecordedReason: content first, then an optional floor on words', () => {
    expect(isRecordedReason('Hospital admission.')).toBe(true);
    expect(isRecordedReason('Did not attend.')).toBe(false);
    expect(isRecordedReason(undefined)).toBe(false);
    expect(isRecordedReason('Hospital admission.', 3)).toBe(false);
    expect(isRecordedReason('Admitted to hospital with pneumonia.', 3)).toBe(true);
  });
});

describe('judgeMeasure', () => {
  it.each([
    'Negative drug tests at each monthly review',
    'Attends 10 of 12 sessions and completes the workbook',
    'Has a tenancy by June',
    'Tenancy signed.',
    'Eight weeks with no binge days in the drinking diary',
    'In work by September',
    'Completes the Building Better Relationships programme',
    'Engage with CGL until drug tests come back negative',
    'Attend all appointments',
    'Bank account opened and first wage paid in',
    'Reduced drinking',
    'Not set yet; Kate wants to settle first. We will agree what success looks like at the first review.',
  ])('accepts a result someone could see: %s', (text) => {
    expect(judgeMeasure(text)).toEqual({ ok: true, code: 'ok' });
  });

  it.each([
    'Engage with CGL',
    'attend sessions',
    'Comply with the order.',
    'Work with services',
    'Work with services to address drug use',
    'Engage with Turning Point',
    'Attend the Building Better Relationships programme',
    'Continue to engage with probation',
    'Access support for mental health',
    'Keep appointments',
    'Engage fully and appropriately with the requirements of the licence',
  ])('does not accept an activity with no result: %s', (text) => {
    expect(judgeMeasure(text)).toEqual({ ok: false, code: 'activity-only' });
  });

  it('missing and placeholder measures have their own codes', () => {
    expect(judgeMeasure(undefined).code).toBe('missing');
    expect(judgeMeasure('TBC').code).toBe('placeholder');
  });

  it("takes a team's own activity verbs and result words", () => {
    expect(judgeMeasure('Signpost to Shelter').ok).toBe(true);
    expect(judgeMeasure('Signpost to Shelter', { activityVerbs: ['signpost'] }).code).toBe('activity-only');
    expect(judgeMeasure('Attend sessions until the AIM assessment').code).toBe('ok');
    expect(judgeMeasure('Attend sessions').code).toBe('activity-only');
    expect(judgeMeasure('Attend sessions until the AIM2 review', { resultWords: ['aim2'] }).ok).toBe(true);
  });
});

describe('judgeAccount', () => {
  it.each([
    'Good; for the first time he raised his drinking himself.',
    'Kept 5 of 6; the miss was a hospital day.',
    'Open and positive; talks honestly about his associates.',
    'Shift work.',
    'None found; we went through work hours, travel and childcare together and all fit.',
    'Engaging well: brought her budget sheet and asked about the college course.',
    'All appointments kept.',
  ])('accepts an account: %s', (text) => {
    expect(judgeAccount(text)).toEqual({ ok: true, code: 'ok' });
  });

  it.each([
    ['Good', 'bare-verdict'],
    ['Good.', 'bare-verdict'],
    ['fine', 'bare-verdict'],
    ['ok', 'bare-verdict'],
    ['Engaging well', 'bare-verdict'],
    ['engaging well, no issues', 'bare-verdict'],
    ['No issues.', 'bare-verdict'],
    ['No concerns to report', 'bare-verdict'],
    ['Fully compliant.', 'bare-verdict'],
    ['Very good engagement so far.', 'bare-verdict'],
    ['Dean is engaging well.', 'bare-verdict'],
    ['N/A', 'placeholder'],
    ['', 'missing'],
  ])('does not accept "%s" (%s)', (text, code) => {
    expect(judgeAccount(text, { name: 'Dean' })).toEqual({ ok: false, code });
  });

  it("takes a team's own verdict phrases", () => {
    expect(judgeAccount('As expected for stage of order').ok).toBe(true);
    expect(judgeAccount('As expected for stage of order', { filler: ['as expected for stage of order'] }).code).toBe('bare-verdict');
  });
});

describe('judgeOwnWords', () => {
  it.each([
    'I want to keep my flat',
    '"I just want my kids back"',
    '\u201cI just want my kids back\u201d',
    "I'm scared.",
    'My kids come first, so I need appointments after school.',
    'Asked what would help, he said "Stay off the gear and see the girls."',
    'We need to sort the rent arrears first.',
    'I want them to see I have changed.',
    'We want the kids back, they are our world.',
    'Keep the job, stay off the drink.',
  ])('accepts the person speaking: %s', (text) => {
    expect(judgeOwnWords(text, { name: 'Lisa', pronouns: 'she/her' })).toEqual({ ok: true, code: 'ok' });
  });

  it.each([
    ['Wants to stay out of trouble.', 'third-person'],
    ['He says he is fine', 'third-person'],
    ['Lisa reports she is ok', 'third-person'],
    ['Lisa says the plan is fair.', 'third-person'],
    ['She says the appointments suit her.', 'third-person'],
    ['Feels the plan is fair.', 'third-person'],
    ['Is keen to find work.', 'third-person'],
    ['Keen to get on the course.', 'third-person'],
    ['PoP would like help with housing.', 'third-person'],
    ['We went through the plan and she said it was fine.', 'third-person'],
    ['Agrees with the plan.', 'stock-phrase'],
    ['Lisa agrees with plan', 'stock-phrase'],
    ['She is happy with the plan', 'stock-phrase'],
    ['Fine by me', 'stock-phrase'],
    ['Plan discussed and agreed', 'stock-phrase'],
    ['N/A', 'placeholder'],
    ['', 'missing'],
  ])('does not accept "%s" (%s)', (text, code) => {
    expect(judgeOwnWords(text, { name: 'Lisa', pronouns: 'she/her' })).toEqual({ ok: false, code });
  });

  it('recognises the pronouns recorded for the person, including ones it does not know by heart', () => {
    expect(judgeOwnWords('Xe says the appointments clash with college.').ok).toBe(true);
    expect(judgeOwnWords('Xe says the appointments clash with college.', { pronouns: 'xe/xem' }).code).toBe('third-person');
    expect(judgeOwnWords('Ne wants to move nearer nir sister.', { pronouns: 'ne/nem/nir' }).code).toBe('third-person');
  });

  it("recognises the person's name in a standalone document", () => {
    expect(judgeOwnWords('Ana thinks the course is too far away.', { name: 'Ana' }).code).toBe('third-person');
  });

  it('takes more stock phrases', () => {
    expect(judgeOwnWords('Content to proceed', { stockPhrases: ['content to proceed'] }).code).toBe('stock-phrase');
  });
});

describe('judgeRiskManagement', () => {
  it.each([
    'Police visit monthly under MAPPA level 2 and contact returns to weekly if he loses the job.',
    'Tag and curfew stay until March; the exclusion zone is unchanged.',
    'Social worker sees the family weekly and will tell me of any concern.',
    'Drug testing continues at each appointment.',
    'Home visits fortnightly, unannounced.',
  ])('accepts a named way risk is managed: %s', (text) => {
    expect(judgeRiskManagement(text).ok).toBe(true);
  });

  it.each(['Risk reviewed, no concerns.', 'Risk remains high but is managed.', 'Doing well; risk considered.', 'RoSH unchanged'])('does not accept the word "risk" alone: %s', (text) => {
    expect(judgeRiskManagement(text)).toEqual({ ok: false, code: 'risk-not-managed' });
  });

  it("takes a team's own terms", () => {
    expect(judgeRiskManagement('IOM scheme checks him weekly.').ok).toBe(false);
    expect(judgeRiskManagement('IOM scheme checks him weekly.', { terms: ['IOM scheme'] }).ok).toBe(true);
  });
});

describe('pronouns', () => {
  it.each([
    ['he/him', 'he', 'him', 'his', false],
    ['She/Her', 'she', 'her', 'her', false],
    ['they/them', 'they', 'them', 'their', true],
    ['she/they', 'she', 'her', 'her', false],
    ['xe/xem/xyr', 'xe', 'xem', 'xyr', false],
    ['ze/hir', 'ze', 'hir', 'hir', false],
    ['ne/nem/nir', 'ne', 'nem', 'nir', false],
    ['any', 'they', 'them', 'their', true],
    ['', 'they', 'them', 'their', true],
  ])('reads "%s"', (recorded, they, them, their, plural) => {
    expect(parsePronouns(recorded)).toMatchObject({ they, them, their, plural });
  });

  it('uses the name where the person asks for their name', () => {
    expect(parsePronouns('name only', 'Sam')).toMatchObject({ they: 'Sam', them: 'Sam', their: "Sam's" });
    expect(parsePronouns('name only')).toMatchObject({ they: 'they' });
  });

  it('gives verb forms that agree', () => {
    expect(pronounData(parsePronouns('she/her'))).toMatchObject({ theyAre: 'she is', theyHave: 'she has', theyWere: 'she was', s: 's' });
    expect(pronounData(parsePronouns(undefined))).toMatchObject({ theyAre: 'they are', theyHave: 'they have', theyWere: 'they were', s: '' });
  });

  it('capitalises the person where a sentence begins with them, and nowhere else', () => {
    const data = { name: 'the person', ...pronounData(parsePronouns('he/him')) };
    expect(formatMessage('{{name}} could not answer. {{they}} said so; ask {{them}} again.', data)).toBe('The person could not answer. He said so; ask him again.');
    expect(formatMessage('"{{text}}" is short.', { text: 'tbc' })).toBe('"tbc" is short.');
  });

  it('a redacted report uses "they", whatever the recorded pronouns', () => {
    const data = { name: 'Lisa', date: '1 Mar 2024', ...pronounData(parsePronouns('she/her')) };
    expect(redactData(data, 'Lisa')).toMatchObject({ name: 'the person', they: 'they', their: 'their', theyAre: 'they are', s: '' });
    expect(NEUTRAL_PRONOUN_DATA.them).toBe('them');
  });
});
