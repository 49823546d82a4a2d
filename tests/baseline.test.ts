/** Baselines: record today's findings, fail only on new ones, prune what no longer occurs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_WITHOUT_VOICE, runCli as planlint, scratch } from './helpers/cli.js';

const readBaseline = (dir: string) => JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')) as { entries: { file: string; ruleId: string; count: number }[] };

describe('--baseline', () => {
  it('records findings, then passes until a new one appears', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
    const record = await planlint(['plans', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir });
    expect(record.code).toBe(0);
    expect(record.stderr).toMatch(/^planlint: recorded \d+ findings? in baseline\.json\.\n$/);
    expect(readBaseline(dir).entries).toContainEqual(expect.objectContaining({ file: 'plans/a.yaml', ruleId: 'service-user-voice-recorded', count: 1 }));

    const again = await planlint(['plans', '--baseline', 'baseline.json', '-f', 'json'], { cwd: dir });
    expect(again.code).toBe(0);
    const [result] = JSON.parse(again.stdout) as { messages: unknown[]; suppressedMessages: { ruleId: string }[] }[];
    expect(result!.messages).toEqual([]);
    expect(result!.suppressedMessages.map((m) => m.ruleId)).toContain('service-user-voice-recorded');

    // An edit elsewhere in the file keeps the baselined finding matched; a new problem fails.
    writeFileSync(join(dir, 'plans/a.yaml'), `# a comment that moves every line down\n${PLAN_WITHOUT_VOICE}contact:\n  frequency: sometimes\n`);
    const edited = await planlint(['plans', '--baseline', 'baseline.json', '-f', 'json'], { cwd: dir });
    expect(edited.code).toBe(1);
    const [after] = JSON.parse(edited.stdout) as { messages: { ruleId: string }[] }[];
    expect(after!.messages.map((m) => m.ruleId)).toEqual(['schema']);
  });

  it('--prune-baseline drops entries that no longer occur', async () => {
    const dir = scratch({ 'plans/a.yaml': PLAN_WITHOUT_VOICE });
    await planlint(['plans', '--baseline', 'baseline.json', '--update-baseline'], { cwd: dir });
    writeFileSync(join(dir, 'plans/a.yaml'), PLAN_WITHOUT_VOICE.replace('personView: TBC', 'personView: I want to keep my job and see my kids at weekends.'));
    const prune = await planlint(['plans', '--baseline', 'baseline.json', '--prune-baseline'], { cwd: dir });
    expect(prune.stderr).toMatch(/removed 1 finding that no longer occur/);
    expect(readBaseline(dir).entries.map((e) => e.ruleId)).not.toContain('service-user-voice-recorded');
  });

  it('a missing baseline is a usage error unless it is being written', async () => {
    const dir = scratch({ 'a.yaml': PLAN_WITHOUT_VOICE });
    expect(await planlint(['a.yaml', '--baseline', 'nope.json'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'planlint: --baseline: nope.json does not exist. Create it with --update-baseline.\n' });
  });
});
