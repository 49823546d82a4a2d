/**
 * planlint for VS Code: starts the project's own `planlint lsp --stdio` and shows its findings on
 * YAML and JSON files. All the judging is the language server's (src/lsp/server.ts): it lints only
 * planlint documents and HMPPS exports, with the config nearest to each file, so this client stays
 * small and always matches the planlint the project pins.
 */
import { window, workspace } from 'vscode';
import type { ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { serverCommand } from './server-command.js';

let client: LanguageClient | undefined;

/**
 * Whether the workspace's JavaScript config and plugins may run: VS Code trusts the workspace, and
 * the user turned planlint.trustWorkspaceCode on in their own settings. A value in the workspace's
 * settings is ignored, so a repository cannot allow its own code.
 */
function workspaceCodeAllowed(): boolean {
  return workspace.isTrusted && workspace.getConfiguration('planlint').inspect<boolean>('trustWorkspaceCode')?.globalValue === true;
}

function createClient(): LanguageClient {
  const folders = (workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  // In Restricted Mode the workspace's own node_modules/.bin/planlint is not started either: it is
  // the workspace's code. (VS Code already ignores a workspace's planlint.path there.)
  const { command, args, shell } = serverCommand(workspace.getConfiguration('planlint').get<string>('path'), folders, process.platform, undefined, { trusted: workspace.isTrusted });
  const serverOptions: ServerOptions = { command, args, options: { shell, ...(folders[0] ? { cwd: folders[0] } : {}) } };
  const clientOptions: LanguageClientOptions = {
    initializationOptions: { trustWorkspaceCode: workspaceCodeAllowed() },
    // Every YAML and JSON file, saved or not: the server itself leaves alone what is not planlint's.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
    ],
  };
  return new LanguageClient('planlint', 'planlint', serverOptions, clientOptions);
}

async function start(): Promise<void> {
  client = createClient();
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void window.showErrorMessage(`planlint: could not start the language server (${message}). Install planlint in the workspace (npm install --save-dev …) or set "planlint.path".`);
  }
}

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('planlint.path') && !event.affectsConfiguration('planlint.trustWorkspaceCode')) return;
      await client?.stop();
      await start();
    }),
    // Trusting the workspace may allow its code (and its own planlint): the server starts again.
    workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      await start();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
