import { sha256 } from '../core/hash.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileResult } from '../core/findings.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { checkFolderFor, writeFileWhole } from '../core/write-whole.js';
import { READ_LIMITS, readRegularFile } from '../input/read-source.js';

interface CacheEntry {
  content: string;
  settings: string;
  result: Omit<FileResult, 'filePath'>;
}

interface CacheFile {
  planlintCache: 1;
  engine: string;
  entries: Record<string, CacheEntry>;
}

export const hashText = (text: string): string => sha256().update(text).digest('hex').slice(0, 32);

/**
 * The engine's identity: planlint's version and the code of its rules and schemas, so a changed
 * rule or schema invalidates every cached result even without a version bump.
 */
function engineHash(): string {
  const hash = sha256();
  hash.update(readFileSync(join(PACKAGE_ROOT, 'package.json')));
  for (const dir of ['schemas', join('dist', 'rules'), join('dist', 'src')]) {
    const full = join(PACKAGE_ROOT, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full, { recursive: true, encoding: 'utf8' }).sort()) {
      if (/\.(js|json)$/.test(name)) hash.update(name).update(readFileSync(join(full, name)));
    }
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * Results of earlier runs keyed by file, reused when the file's content and the settings that
 * apply to it (config, rule options, plugins) are unchanged. Written once at the end of a run.
 */
export class LintCache {
  private readonly entries: Record<string, CacheEntry>;
  private readonly engine = engineHash();
  private dirty = false;

  constructor(private readonly location: string) {
    checkFolderFor(location, 'the cache'); // write side: said before linting, not after a long run
    let data: CacheFile | undefined;
    // A device, named pipe or oversized file is refused (exit 2) rather than rebuilt: the cache is
    // written back at the end of the run, and it is not planlint's to replace.
    const text = existsSync(location) ? readRegularFile(location, { maxBytes: READ_LIMITS.record, what: '--cache-location' }) : undefined;
    try {
      data = text === undefined ? undefined : (JSON.parse(text) as CacheFile);
    } catch {
      data = undefined; // a damaged cache is simply rebuilt
    }
    this.entries = data?.planlintCache === 1 && data.engine === this.engine ? data.entries : {};
  }

  get(filePath: string, contentHash: string, settingsHash: string): FileResult | undefined {
    const entry = this.entries[resolve(filePath)];
    if (entry?.content !== contentHash || entry.settings !== settingsHash) return undefined;
    return { filePath, ...entry.result };
  }

  set(result: FileResult, contentHash: string, settingsHash: string): void {
    // What was attached for formatters (source text, case models) is never written to the cache.
    const { filePath, attachments: _attachments, ...rest } = result;
    if (rest.internalError) return; // never cache a crash
    this.entries[resolve(filePath)] = { content: contentHash, settings: settingsHash, result: rest };
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    writeFileWhole(this.location, JSON.stringify({ planlintCache: 1, engine: this.engine, entries: this.entries } satisfies CacheFile), 'the cache');
  }
}
