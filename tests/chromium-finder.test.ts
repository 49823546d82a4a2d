/** The browser tests' search for a Chromium (tests/helpers/chromium.ts), on made-up PATHs. */
import { chmodSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumRequiredMessage, findChromium, isCi } from './helpers/chromium.js';
import { scratch } from './helpers/cli.js';

/** A folder with these files, the ones named in `executable` made executable. */
function folder(files: string[], executable: string[] = files): string {
  const dir = scratch(Object.fromEntries(files.map((f) => [f, '#!/bin/sh\n'])));
  for (const f of executable) chmodSync(join(dir, f), 0o755);
  return dir;
}

describe('findChromium', () => {
  it('takes PLANLINT_CHROMIUM first, before anything on PATH', () => {
    const own = folder(['my-chrome']);
    const onPath = folder(['chromium']);
    expect(findChromium({ PLANLINT_CHROMIUM: join(own, 'my-chrome'), PATH: onPath }, []).path).toBe(join(own, 'my-chrome'));
  });

  it('does not fall back when PLANLINT_CHROMIUM points nowhere: it says so', () => {
    const onPath = folder(['chromium']);
    const search = findChromium({ PLANLINT_CHROMIUM: '/nonexistent/chrome', PATH: onPath }, []);
    expect(search.path).toBeUndefined();
    expect(search.missing).toBe('PLANLINT_CHROMIUM is set to /nonexistent/chrome, which is not an executable file (an absolute path is needed)');
    expect(findChromium({ PLANLINT_CHROMIUM: 'chromium', PATH: onPath }, []).path).toBeUndefined();
  });

  it('looks for the usual names along PATH, in PATH order, skipping files that are not executable', () => {
    const first = folder(['chromium'], []);
    const second = folder(['google-chrome-stable']);
    const third = folder(['chromium']);
    expect(findChromium({ PATH: [first, 'relative/bin', second, third].join(delimiter) }, []).path).toBe(join(second, 'google-chrome-stable'));
    expect(findChromium({ PATH: folder(['chromium-browser']) }, []).path).toMatch(/chromium-browser$/);
    expect(findChromium({ PATH: folder(['google-chrome']) }, []).path).toMatch(/google-chrome$/);
  });

  it('then the fixed locations, for a PATH without /usr/bin', () => {
    const fixed = folder(['chromium']);
    expect(findChromium({ PATH: folder(['node']) }, [join(fixed, 'chromium')]).path).toBe(join(fixed, 'chromium'));
  });

  it('finds none on a machine without one, and says where it looked', () => {
    const search = findChromium({ PATH: folder(['node', 'npm']) }, ['/nonexistent/usr/bin/chromium']);
    expect(search.path).toBeUndefined();
    expect(search.missing).toBe('no Chromium was found (PLANLINT_CHROMIUM is not set; none of chromium, chromium-browser, google-chrome, google-chrome-stable is on PATH; nothing at /nonexistent/usr/bin/chromium)');
    expect(chromiumRequiredMessage(search)).toMatch(
      /^The browser tests must run under CI \(CI is set\), but no Chromium was found .*\. Install Chromium \(Debian and Ubuntu: apt-get install chromium\) or set PLANLINT_CHROMIUM/,
    );
  });
});

describe('isCi', () => {
  it('is true when CI is set to anything but empty, "false" or "0"', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'woodpecker' })).toBe(true);
    expect(isCi({})).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
  });
});
