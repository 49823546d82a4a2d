/**
 * Where the browser tests find a Chromium, and what they do without one.
 *
 * The search, in order: PLANLINT_CHROMIUM (when set, it alone: a path that is wrong is a mistake to
 * report, not a reason to launch some other browser), then the usual names on PATH, then the places
 * a package manager puts it when PATH is minimal. Only an executable file counts.
 *
 * Without one, a browser test is skipped with a note starting "needs Chromium", which
 * tests/helpers/skip-notice.ts gathers into one line at the end of the run; under CI it fails
 * instead, as CI must test the HTML report in a real browser (.ci/run installs Debian's chromium).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The names Chromium and Chrome are installed under on Linux (Debian, Ubuntu, Fedora, Google's packages). */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Looked at after PATH: Debian's package, for a PATH that lacks /usr/bin. */
const CHROMIUM_LOCATIONS = ['/usr/bin/chromium'];

/** The start of a browser test's skip note, which the end-of-run notice looks for. */
export const CHROMIUM_SKIP_NOTE = 'needs Chromium';

export const HOW_TO_GET_CHROMIUM = 'install Chromium (Debian and Ubuntu: apt-get install chromium) or set PLANLINT_CHROMIUM to a Chromium or Chrome binary';

export interface ChromiumSearch {
  /** The executable to launch; undefined when none was found. */
  path: string | undefined;
  /** Why none was found, in a few words, for the skip note and the CI failure. */
  missing: string;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Finds a Chromium as described above; env and locations are parameters so the search can be tested. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, locations: readonly string[] = CHROMIUM_LOCATIONS): ChromiumSearch {
  const given = env.PLANLINT_CHROMIUM;
  if (given) {
    if (isAbsolute(given) && isExecutableFile(given)) return { path: given, missing: '' };
    return { path: undefined, missing: `PLANLINT_CHROMIUM is set to ${given}, which is not an executable file (an absolute path is needed)` };
  }
  const folders = (env.PATH ?? '').split(delimiter).filter((folder) => isAbsolute(folder));
  for (const folder of folders) {
    for (const name of CHROMIUM_NAMES) {
      if (isExecutableFile(join(folder, name))) return { path: join(folder, name), missing: '' };
    }
  }
  for (const location of locations) if (isExecutableFile(location)) return { path: location, missing: '' };
  return { path: undefined, missing: `no Chromium was found (PLANLINT_CHROMIUM is not set; none of ${CHROMIUM_NAMES.join(', ')} is on PATH; nothing at ${locations.join(', ')})` };
}

/** Whether this run is CI's: CI set to anything but "false" or "0", as CI services and the ci-info package read it. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}

/** The message a browser test fails with under CI when no Chromium was found. */
export function chromiumRequiredMessage(search: ChromiumSearch): string {
  return `The browser tests must run under CI (CI is set), but ${search.missing}. ${HOW_TO_GET_CHROMIUM[0]!.toUpperCase()}${HOW_TO_GET_CHROMIUM.slice(1)}; .ci/run installs Debian's chromium.`;
}
