/** Facts derived from a case that several rules need, named for what they are. */
import type { CaseModel, Contact, Participation, PersonView, Sentence } from '../model/case-model.js';
import { addDays, addMonths } from '../core/dates.js';
import { quote } from '../core/text.js';

/**
 * How findings name the person: their recorded first name, else "the person on probation".
 * Shortened like any quote, in case notes were pasted into the name: nearly every finding names them.
 */
export function personName(model: CaseModel): string {
  return quote(model.person?.name ?? '', 40) || 'the person on probation';
}

/** The last day of the order or licence, from endDate or startDate + lengthMonths. */
export function sentenceEndDate(sentence: Sentence | undefined): string | undefined {
  if (!sentence) return undefined;
  if (sentence.endDate) return sentence.endDate;
  if (sentence.lengthMonths) return addDays(addMonths(sentence.startDate, sentence.lengthMonths), -1);
  return undefined;
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
