/**
 * What must appear nowhere in the repository or the package: the guidance folder's file names
 * (the old numbered ones, such as 002_ and 16 hex digits, and the readable ones, such as the
 * planning guide's), and rule links to a web domain the project does not have.
 */

/** Built from parts, so this file does not match itself. */
const READABLE = ['hmip-introduction-to-engagement', 'hmip-assessing-for-engagement', 'hmip-planning-for-engagement', 'hmip-reviewing-for-engagement', 'hughes-service-user-engagement'];

export const GUIDANCE_FILE_NAME = new RegExp(`\\b\\d{3}_[0-9a-f]{16}\\.txt\\b|\\b(${READABLE.join('|')})\\.${'txt'}\\b`, 'g');

/** Rule pages were linked at this domain, which the project does not have. */
export const UNOWNED_RULE_LINK = new RegExp(`planlint\\.${'dev'}/(rules\\b|$|["'\\s])`, 'g');
