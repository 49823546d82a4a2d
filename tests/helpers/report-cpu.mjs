// Preloaded into the CLI (node --import) by runBuiltCliTimed in tests/helpers/cli.ts: as the
// process exits, writes the processor time it used, all threads, in milliseconds, to the file
// named by PLANLINT_CPU_LOG. Tests bound that, not the clock, so a busy machine cannot fail them.
import { writeFileSync } from 'node:fs';

const log = process.env.PLANLINT_CPU_LOG;
if (log) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(log, String((user + system) / 1000));
  });
}
