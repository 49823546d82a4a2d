/**
 * The pronouns findings use for the person: the ones recorded in `person.pronouns`, else "they".
 * Rules put them in message data ({{they}}, {{them}}, {{their}} …), so every message speaks of
 * the person as they asked to be spoken of.
 */
import type { CaseModel } from '../model/case-model.js';
import { quote } from '../core/text.js';
import { personName } from './case-facts.js';

export interface Pronouns {
  /** Subject: they, he, she, xe … */
  they: string;
  /** Object: them, him, her, xem … */
  them: string;
  /** Possessive: their, his, her, xyr … */
  their: string;
  /** Reflexive: themselves, himself, herself … */
  themselves: string;
  /** Whether verbs take the plural form ("they are", "they want") rather than the singular ("she is", "she wants"). */
  plural: boolean;
}

/** Message data for the person: pronouns, their capitalised forms and the verb forms that agree. */
export interface PronounData {
  [key: string]: string;
  they: string;
  them: string;
  their: string;
  themselves: string;
  They: string;
  Their: string;
  /** "they are" / "she is" */
  theyAre: string;
  /** "they have" / "he has" */
  theyHave: string;
  /** "they were" / "he was" */
  theyWere: string;
  /** "" / "s": for verbs after {{they}}, as in "{{they}} want{{s}}" */
  s: string;
}

const THEY: Pronouns = { they: 'they', them: 'them', their: 'their', themselves: 'themselves', plural: true };

/** Sets in common use, by their first word. */
const KNOWN: Record<string, Pronouns> = {
  he: { they: 'he', them: 'him', their: 'his', themselves: 'himself', plural: false },
  she: { they: 'she', them: 'her', their: 'her', themselves: 'herself', plural: false },
  they: THEY,
  xe: { they: 'xe', them: 'xem', their: 'xyr', themselves: 'xemself', plural: false },
  ze: { they: 'ze', them: 'zir', their: 'zir', themselves: 'zirself', plural: false },
  zie: { they: 'zie', them: 'zir', their: 'zir', themselves: 'zirself', plural: false },
  ey: { they: 'ey', them: 'em', their: 'eir', themselves: 'emself', plural: false },
  e: { they: 'e', them: 'em', their: 'eir', themselves: 'emself', plural: false },
  fae: { they: 'fae', them: 'faer', their: 'faer', themselves: 'faerself', plural: false },
  it: { they: 'it', them: 'it', their: 'its', themselves: 'itself', plural: false },
};

/**
 * Reads recorded pronouns ("she/her", "He/Him", "she/they", "xe/xem/xyr", "ze/hir") into the
 * forms a message needs. The first set listed is used. "Any" gives "they"; "name only" (or "use my
 * name") gives the person's name in place of a pronoun. Unknown sets written out in full
 * ("ne/nem/nir") are used as written.
 */
export function parsePronouns(recorded: string | undefined, name?: string): Pronouns {
  const text = recorded?.trim().toLowerCase() ?? '';
  if (text === '' || /^any\b|^(all|no preference)$/.test(text)) return THEY;
  if (/\bname\b|^none$|^no pronouns$/.test(text)) {
    if (!name) return THEY;
    return { they: name, them: name, their: `${name}'s`, themselves: name, plural: false };
  }
  const parts = text.split(/[\s/,]+/).filter(Boolean);
  const first = parts[0]!;
  const known = KNOWN[first];
  if (known) {
    // "ze/hir" differs from "ze/zir" in the object and possessive.
    if ((first === 'ze' || first === 'zie') && parts[1] === 'hir') return { they: first, them: 'hir', their: 'hir', themselves: 'hirself', plural: false };
    return known;
  }
  if (parts.length >= 3) return { they: parts[0]!, them: parts[1]!, their: parts[2]!, themselves: `${parts[1]!}self`, plural: false };
  if (parts.length === 2) return { they: parts[0]!, them: parts[1]!, their: parts[1]!, themselves: `${parts[1]!}self`, plural: false };
  return THEY;
}

/** The person's pronouns from the case: recorded in person.pronouns, else "they". */
export function pronounsOf(model: CaseModel): Pronouns {
  const name = model.person?.name?.trim();
  return parsePronouns(model.person?.pronouns, name ? quote(name, 40) : undefined);
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Message data for the pronouns: spread into a report's data and write {{they}}, {{their}}, {{theyAre}} … */
export function pronounData(pronouns: Pronouns): PronounData {
  return {
    they: pronouns.they,
    them: pronouns.them,
    their: pronouns.their,
    themselves: pronouns.themselves,
    They: capital(pronouns.they),
    Their: capital(pronouns.their),
    theyAre: `${pronouns.they} ${pronouns.plural ? 'are' : 'is'}`,
    theyHave: `${pronouns.they} ${pronouns.plural ? 'have' : 'has'}`,
    theyWere: `${pronouns.they} ${pronouns.plural ? 'were' : 'was'}`,
    s: pronouns.plural ? '' : 's',
  };
}

/** The data keys pronounData fills, with the neutral forms a redacted report uses in their place. */
export const NEUTRAL_PRONOUN_DATA: Readonly<PronounData> = pronounData(THEY);

/**
 * What nearly every message says of the person: {{name}} (their name, or "the person") and the
 * pronoun forms from pronounData.
 */
export function personData(model: CaseModel): PronounData & { name: string } {
  return { name: personName(model), ...pronounData(pronounsOf(model)) };
}
