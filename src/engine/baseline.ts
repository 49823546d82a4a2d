import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { FileResult } from '../core/findings.js';
import { checkFolderFor, writeFileWhole } from '../core/write-whole.js';
import { READ_LIMITS, readRegularFile } from '../input/read-source.js';
import { SettingsError } from './rule-settings.js';

/**
 * A baseline records the findings a team has accepted for now, so planlint can be switched on
 * for thousands of existing case files at once and fail only on new findings. Entries are keyed
 * by file (relative to the baseline), rule and fingerprint, with a count for repeats.
 */
interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  count: number;
}

interface BaselineFile {
  planlintBaseline: 1;
  entries: BaselineEntry[];
}

const keyOf = (file: string, ruleId: string, fingerprint: string) => `${file}\u0000${ruleId}\u0000${fingerprint}`;

export class Baseline {
  private readonly remaining = new Map<string, number>();
  private readonly matched = new Map<string, number>();

  private constructor(
    private readonly path: string,
    private readonly entries: BaselineEntry[],
  ) {
    for (const e of entries) this.remaining.set(keyOf(e.file, e.ruleId, e.fingerprint), e.count);
  }

  static load(path: string, { mustExist }: { mustExist: boolean }): Baseline {
    const absolute = resolve(path);
    if (!existsSync(absolute)) {
      if (mustExist) throw new SettingsError(`--baseline: ${path} does not exist. Create it with --update-baseline.`);
      return new Baseline(absolute, []);
    }
    // Read as inputs are: a committed symlink to /dev/zero or a named pipe is refused at once.
    const text = readRegularFile(absolute, { maxBytes: READ_LIMITS.record, what: '--baseline' });
    let data: BaselineFile;
    try {
      data = JSON.parse(text) as BaselineFile;
    } catch {
      throw new SettingsError(`--baseline: ${path} is not a planlint baseline (it is not valid JSON).`);
    }
    if (data?.planlintBaseline !== 1 || !Array.isArray(data.entries)) throw new SettingsError(`--baseline: ${path} is not a planlint baseline.`);
    return new Baseline(absolute, data.entries);
  }

  private fileKey(filePath: string): string {
    return relative(dirname(this.path), resolve(filePath)).split('\\').join('/');
  }

  /** Moves findings recorded in the baseline into the suppressed list; new findings stay. */
  apply(result: FileResult): FileResult {
    const file = this.fileKey(result.filePath);
    const kept = [];
    const suppressed = [...(result.suppressedFindings ?? [])];
    for (const finding of result.findings) {
      const key = keyOf(file, finding.ruleId, finding.fingerprint ?? '');
      const left = this.remaining.get(key) ?? 0;
      if (left > 0 && finding.fingerprint) {
        this.remaining.set(key, left - 1);
        this.matched.set(key, (this.matched.get(key) ?? 0) + 1);
        suppressed.push({ ...finding, suppression: { kind: 'baseline', justification: 'recorded in the baseline' } });
      } else {
        kept.push(finding);
      }
    }
    return { ...result, findings: kept, ...(suppressed.length ? { suppressedFindings: suppressed } : {}) };
  }

  /**
   * Rewrites the baseline keeping only what this run matched, so fixed findings cannot come back
   * unnoticed. Entries for files this run did not lint are kept as they were.
   */
  prune(lintedFiles: string[]): { kept: number; removed: number } {
    const linted = new Set(lintedFiles.map((f) => this.fileKey(f)));
    const entries: BaselineEntry[] = [];
    let removed = 0;
    for (const e of this.entries) {
      if (!linted.has(e.file)) {
        entries.push(e);
        continue;
      }
      const matched = this.matched.get(keyOf(e.file, e.ruleId, e.fingerprint)) ?? 0;
      removed += e.count - matched;
      if (matched > 0) entries.push({ ...e, count: matched });
    }
    writeFileWhole(this.path, `${JSON.stringify({ planlintBaseline: 1, entries } satisfies BaselineFile, null, 2)}\n`, 'the baseline');
    return { kept: entries.reduce((n, e) => n + e.count, 0), removed };
  }
}

/** Collects a run's findings, file by file, into a new baseline (--update-baseline). */
export class BaselineRecorder {
  private readonly path: string;
  private readonly counts = new Map<string, BaselineEntry>();

  constructor(path: string) {
    // Said before linting, not after a long run whose baseline then has nowhere to go.
    checkFolderFor(path, 'the baseline');
    this.path = resolve(path);
  }

  add(result: FileResult): void {
    const file = relative(dirname(this.path), resolve(result.filePath)).split('\\').join('/');
    for (const f of result.findings) {
      if (f.severity === 'info' || !f.fingerprint) continue;
      const key = keyOf(file, f.ruleId, f.fingerprint);
      const entry = this.counts.get(key) ?? { file, ruleId: f.ruleId, fingerprint: f.fingerprint, count: 0 };
      entry.count++;
      this.counts.set(key, entry);
    }
  }

  /** Writes the baseline and returns how many findings it records. */
  save(): number {
    const entries = [...this.counts.values()].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
    writeFileWhole(this.path, `${JSON.stringify({ planlintBaseline: 1, entries } satisfies BaselineFile, null, 2)}\n`, 'the baseline');
    return entries.reduce((n, e) => n + e.count, 0);
  }
}
