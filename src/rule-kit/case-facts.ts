/** Facts derived from a case that several rules need, named for what they are. */
import type { CaseModel, Contact, Participation, PersonView } from '../model/case-model.js';
// Defined with the model (the case timeline needs it too); rules take it from here.
export { sentenceEndDate } from '../model/case-model.js';
import { quote } from '../core/text.js';

/**
 * How findings name the person: their recorded first name, else "the person" (never "the person
 * on probation's case": messages say "{{name}}'s", which must read well either way).
 * Shortened like any quote, in case notes were pasted into the name: nearly every finding names them.
 */
export function personName(model: CaseModel): string {
  return quote(model.person?.name ?? '', 40) || 'the person';
}

/** The first contact the person actually attended, in date order. */
export function firstAttendedContact(model: CaseModel): Contact | undefined {
  return model.contacts.find((c) => c.outcome === 'attended');
}

/** Whether the person took part (in any way other than being absent). */
export function personTookPart(participation: Participation | undefined): boolean {
  return participation !== undefined && participation.person !== 'absent';
}

/** The person's view as recorded: their words, or a reason none could be recorded. */
export function viewWords(view: PersonView | undefined): string | undefined {
  const words = view?.words?.trim();
  return words ? words : undefined;
}
