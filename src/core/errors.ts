/**
 * Exit codes: 0 no errors (warnings allowed), 1 at least one error finding, 2 a usage problem
 * (unknown option, missing path, no lintable files, bad setting) or an internal failure.
 */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

/** A mistake in how planlint was called: reported as one line, exit 2, never a stack trace. */
export class UsageError extends Error {}
