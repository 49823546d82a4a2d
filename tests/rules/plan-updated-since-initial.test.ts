import rule from '../../rules/plan-updated-since-initial.js';
import { describe, it } from 'vitest';
import { RuleTester, testRule, yaml } from '../../src/testing/index.js';

// vitest runs here without globals, so the tester is given its describe and it.
RuleTester.describe = describe;
RuleTester.it = it;

/** An initial plan of 20 Jan 2025 in a record that runs to `latest`, with `more` after it. */
const initialPlan = (latest: string, more = '') => yaml`
  kind: case-file
  schemaVersion: 1
  case: { ref: C1, person: { name: Dan } }
  plan:
    date: 2025-01-20
    version: initial
  contacts:
    - { date: ${latest}, outcome: attended }
${more}`;

testRule(rule, {
  valid: [
    { name: 'the record runs less than six months on', yaml: initialPlan('2025-07-01') },
    { name: 'a review followed', yaml: initialPlan('2025-09-15', 'reviews:\n  - date: 2025-06-02\n    participation: { person: in-person }\n') },
    {
      name: 'a later plan of another version followed',
      yaml: `${initialPlan('2025-09-15')}---\nkind: sentence-plan\nschemaVersion: 1\ncaseRef: C1\ndate: 2025-06-02\nversion: review\n`,
    },
    { name: 'a longer period from options', yaml: initialPlan('2025-09-15'), options: { months: 12 } },
    {
      name: 'an HMPPS export with a REVIEW version',
      yaml: yaml`
        [{ "publishedState": "PUBLISHED", "crn": "X1",
           "currentVersion": { "uuid": "b", "version": 1, "planType": "REVIEW", "createdDate": "2025-06-02T10:00:00Z", "goals": [] },
           "versions": [{ "uuid": "a", "version": 0, "planType": "INITIAL", "createdDate": "2025-01-20T09:00:00Z",
                          "goals": [{ "title": "Keep my tenancy", "notes": [{ "note": "On track.", "createdDate": "2025-09-15T10:00:00Z" }] }] }] }]
      `,
    },
  ],
  invalid: [
    {
      name: 'still the initial plan more than six months on',
      yaml: initialPlan('2025-09-15'),
      errors: [
        {
          messageId: 'notUpdated',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 19,
          message:
            'The plan of 20 Jan 2025 is still the initial plan: no review or updated plan follows it, though the record runs to 15 Sep 2025, past the 6 months set for this check. Review the plan with Dan: what has changed in their life, what they have achieved, and what comes next.',
        },
      ],
    },
    {
      name: 'copies of the initial plan are not updates',
      yaml: `${initialPlan('2025-09-15')}---\nkind: sentence-plan\nschemaVersion: 1\ncaseRef: C1\ndate: 2025-03-02\nversion: initial\n`,
      errors: [{ messageId: 'notUpdated', line: 6, column: 12 }],
    },
    {
      name: "an HMPPS export: INITIAL versions only, located at the first one's planType",
      yaml: yaml`
        [{ "publishedState": "PUBLISHED", "crn": "X1",
           "currentVersion": { "uuid": "b", "version": 1, "planType": "INITIAL", "createdDate": "2025-03-02T10:00:00Z", "goals": [] },
           "versions": [{ "uuid": "a", "version": 0, "planType": "INITIAL", "createdDate": "2025-01-20T09:00:00Z",
                          "goals": [{ "title": "Keep my tenancy", "notes": [{ "note": "On track.", "createdDate": "2025-09-15T10:00:00Z" }] }] }] }]
      `,
      errors: [{ messageId: 'notUpdated', line: 3, column: 58, message: /^The plan of 20 Jan 2025 is still the initial plan/ }],
    },
  ],
});
