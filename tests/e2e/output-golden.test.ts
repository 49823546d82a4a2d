/**
 * What a user sees, held to what was recorded: the built CLI over examples/ in every output format,
 * and the other commands that print reports, against tests/golden/ (scripts/output-snapshot.mjs
 * makes each output). A change to any of them fails here until it is recorded on purpose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN, SNAPSHOTS, snapshot } from '../../scripts/output-snapshot.mjs';

describe('CLI output matches tests/golden/', () => {
  it.each(Object.keys(SNAPSHOTS))('%s', (name) => {
    const recorded = readFileSync(join(GOLDEN, name), 'utf8');
    expect(
      snapshot(name),
      `The output for tests/golden/${name} changed. If the change is deliberate, record it: npm run build && node scripts/output-snapshot.mjs --update (then review the diff of tests/golden/ and commit it).`,
    ).toBe(recorded);
  });
});
