import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText, placeholderTest } from '../src/core/text.js';

/** normaliseText as first written, for all of Unicode; the fast ASCII path must agree with it. */
const reference = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .trim();

describe('normaliseText', () => {
  it('reads ASCII text exactly as the Unicode rules do (20,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (text) => {
        expect(normaliseText(text)).toBe(reference(text));
      }),
      { seed: 20_241_123, numRuns: 20_000 },
    );
  });

  it('keeps letters and digits of any script, drops apostrophes and punctuation', () => {
    expect(normaliseText('Zoë’s  plan: N/A, TBC!')).toBe('zoës plan n/a tbc');
    expect(normaliseText("Don't know")).toBe('dont know');
  });
});

describe('placeholderTest', () => {
  const placeholder = placeholderTest(['as discussed', 'see plan']);
  it('knows the built-in placeholders and its own phrases, however punctuated', () => {
    expect(placeholder('TBC')).toBe(true);
    expect(placeholder('  As discussed!! ')).toBe(true);
    expect(placeholder(`see plan${'.'.repeat(60)}`)).toBe(true);
    expect(placeholder('Ana will attend the Thinking Skills Programme on Tuesdays.')).toBe(false);
  });
});
