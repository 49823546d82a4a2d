/**
 * A Vitest reporter (beside the default one, in vitest.config.ts) that ends the run with one line
 * for each reason tests were skipped for want of something on the machine, such as Chromium for the
 * browser tests: a skipped test is easy to miss in the list above, and the line says how to run it.
 * A test opts in by skipping with a note that starts with "needs " (ctx.skip(note)).
 */
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export class SkipNotice implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const byNote = new Map<string, { tests: number; files: Set<string> }>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped' || !result.note?.startsWith('needs ')) continue;
        const entry = byNote.get(result.note) ?? { tests: 0, files: new Set<string>() };
        entry.tests++;
        entry.files.add(relative(process.cwd(), module.moduleId));
        byNote.set(result.note, entry);
      }
    }
    for (const [note, { tests, files }] of byNote) {
      process.stdout.write(`\nSkipped ${tests} test${tests === 1 ? '' : 's'} in ${[...files].join(', ')}: ${note}\n`);
    }
  }
}
