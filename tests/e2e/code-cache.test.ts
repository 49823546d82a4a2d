/**
 * The CLI starts from a CommonJS bundle compiled with V8's code cache (bin/load-cli.js). A cache
 * that V8 rejects still works, only slower, so these tests are what notice a cache going stale.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

const loader = join(root, 'bin', 'load-cli.js');

describe('the CLI code cache', () => {
  it('is made for this build and accepted by this Node', () => {
    const probe = `import { compileCliScript } from ${JSON.stringify(loader)};
const { script, exports } = compileCliScript();
process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected, main: typeof exports.main }));`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ rejected: false, main: 'function' });
  });

  it('starts with the build id of the bundle beside it', async () => {
    const { CLI_SCRIPT, CODE_CACHE, buildId } = (await import(loader)) as { CLI_SCRIPT: string; CODE_CACHE: string; buildId: (source: string) => string | undefined };
    const id = buildId(readFileSync(CLI_SCRIPT, 'latin1'));
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(readFileSync(CODE_CACHE).toString('latin1', 0, 16)).toBe(id);
  });
});
