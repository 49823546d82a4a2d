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

function createClient(): LanguageClient {
  const folders = (workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const { command, args, shell } = serverCommand(workspace.getConfiguration('planlint').get<string>('path'), folders);
  const serverOptions: ServerOptions = { command, args, options: { shell, ...(folders[0] ? { cwd: folders[0] } : {}) } };
  const clientOptions: LanguageClientOptions = {
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
      if (!event.affectsConfiguration('planlint.path')) return;
      await client?.stop();
      await start();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
