/** Colour only for people: off for pipes and files, with NO_COLOR, or with --no-color. */
export function wantsColor(flags: { color?: boolean }, stream: NodeJS.WriteStream): boolean {
  if (flags.color === false) return false;
  if (flags.color === true) return true;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
