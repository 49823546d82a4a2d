/**
 * Which `planlint` the extension starts: no `vscode` import here, so the choice is tested outside
 * VS Code (tests/e2e/vscode-extension.test.ts).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** The command and arguments that start planlint's language server. */
export interface ServerCommand {
  command: string;
  args: string[];
  /** Windows starts `.cmd` shims (what npm writes in node_modules/.bin) only through a shell. */
  shell: boolean;
}

/**
 * The `planlint.path` setting when given (a relative path is taken from the first workspace
 * folder, as a path written in a workspace's settings means), else the first workspace folder's
 * own `node_modules/.bin/planlint` (the version the project pins; only in a trusted workspace),
 * else `planlint` on PATH.
 */
export function serverCommand(
  setting: string | undefined,
  folders: readonly string[],
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
  { trusted = true }: { trusted?: boolean } = {},
): ServerCommand {
  const windows = platform === 'win32';
  const args = ['lsp', '--stdio'];
  const configured = setting?.trim();
  if (configured) {
    const bare = !/[\\/]/.test(configured); // `planlint` or `planlint.cmd`: looked up on PATH
    const command = bare || isAbsolute(configured) || folders.length === 0 ? configured : resolve(folders[0]!, configured);
    return { command, args, shell: windows && /\.(cmd|bat)$/i.test(command) };
  }
  // An untrusted workspace's own planlint is its code: only planlint on PATH is started then.
  for (const folder of trusted ? folders : []) {
    const local = join(folder, 'node_modules', '.bin', windows ? 'planlint.cmd' : 'planlint');
    if (exists(local)) return { command: local, args, shell: windows };
  }
  return { command: windows ? 'planlint.cmd' : 'planlint', args, shell: windows };
}
