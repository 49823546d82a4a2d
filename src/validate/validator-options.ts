/** Shared by the runtime validator and the build-time compiler, so both validate identically. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;

/** The name a kind's validator is exported under in the generated module (case-file → caseFile). */
export const exportName = (kind: string): string => kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
