/**
 * The language server runs a workspace's JavaScript config and plugins only when the editor's user
 * has allowed it (initializationOptions.trustWorkspaceCode, which the VS Code extension sets from
 * its setting and VS Code's workspace trust). Otherwise it lints with the built-in rules and the
 * YAML or JSON config, and says so once.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams, ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { PLAN_WITHOUT_VOICE, bin, scratch } from '../helpers/cli.js';

/** A config that leaves a mark when it runs, and turns the voice rule off. */
const JS_CONFIG = `import { writeFileSync } from 'node:fs';
writeFileSync(new URL('./config-ran', import.meta.url), '');
export default { rules: { 'service-user-voice-recorded': 'off' } };
`;

/** Starts a server on `workspace`, opens each file, and gives back what it published and said. */
async function session(workspace: string, files: string[], initializationOptions: unknown) {
  const server = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: workspace, env: { ...process.env, NO_COLOR: '1' } });
  const client = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const messages: ShowMessageParams[] = [];
  client.onNotification(PublishDiagnosticsNotification.type, (p) => void published.push(p));
  client.onNotification(ShowMessageNotification.type, (m) => void messages.push(m));
  client.listen();
  try {
    await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, workspaceFolders: null, initializationOptions });
    await client.sendNotification(InitializedNotification.type, {});
    for (const file of files) {
      const uri = pathToFileURL(join(workspace, file)).href;
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: PLAN_WITHOUT_VOICE } });
      for (let waited = 0; !published.some((p) => p.uri === uri) && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 300)); // a message sent after the last diagnostics
    return { published, messages, codes: published.map((p) => p.diagnostics.map((d) => d.code).sort()) };
  } finally {
    client.dispose();
    server.kill();
  }
}

describe('the language server and the workspace code', () => {
  it('without leave, runs no JavaScript config: built-in rules only, and says so once', async () => {
    const workspace = scratch({ 'planlint.config.mjs': JS_CONFIG, 'a.yaml': PLAN_WITHOUT_VOICE, 'b.yaml': PLAN_WITHOUT_VOICE });
    const { messages, codes } = await session(workspace, ['a.yaml', 'b.yaml'], {});
    expect(existsSync(join(workspace, 'config-ran'))).toBe(false);
    expect(codes).toEqual([
      ['agreement-recorded', 'plan-has-active-goals', 'service-user-voice-recorded'],
      ['agreement-recorded', 'plan-has-active-goals', 'service-user-voice-recorded'],
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toBe(
      'planlint did not run this workspace\'s JavaScript config or plugins (planlint.config.mjs): it lints with the built-in rules and YAML or JSON config only. Allow the workspace\'s code with the "planlint.trustWorkspaceCode" setting in a trusted workspace.',
    );
  });

  it('without leave, a YAML config applies and its plugins are passed over with their settings', async () => {
    const workspace = scratch({
      'planlint.config.yaml': 'plugins: [./team.mjs]\nrules:\n  team/anything: error\n  agreement-recorded: off\n',
      'team.mjs': "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./plugin-ran', import.meta.url), '');\nexport default [];\n",
      'a.yaml': PLAN_WITHOUT_VOICE,
    });
    const { messages, codes } = await session(workspace, ['a.yaml'], { trustWorkspaceCode: 'yes' });
    expect(existsSync(join(workspace, 'plugin-ran'))).toBe(false);
    expect(codes).toEqual([['plan-has-active-goals', 'service-user-voice-recorded']]);
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('(team.mjs)')]);
  });

  it('with leave (trustWorkspaceCode: true), runs the config and says nothing', async () => {
    const workspace = scratch({ 'planlint.config.mjs': JS_CONFIG, 'a.yaml': PLAN_WITHOUT_VOICE });
    const { messages, codes } = await session(workspace, ['a.yaml'], { trustWorkspaceCode: true });
    expect(existsSync(join(workspace, 'config-ran'))).toBe(true);
    expect(codes).toEqual([['agreement-recorded', 'plan-has-active-goals']]);
    expect(messages).toEqual([]);
  });
});
