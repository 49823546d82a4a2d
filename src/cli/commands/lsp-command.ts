import type { Command } from 'commander';

/** `planlint lsp`: a language server over stdio, so editors show findings as you type. */
export function registerLspCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('lsp')
    .description('run a Language Server Protocol server on standard input and output, for editors')
    .option('--stdio', 'talk LSP over standard input and output (the default, and the only transport)')
    // Editors add their own flags (--clientProcessId=…, --node-ipc); they must not stop the server.
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async () => {
      // Loaded here, not at start-up: the LSP library is not needed to lint.
      const { startLanguageServer } = await import('../../lsp/server.js');
      const connection = startLanguageServer();
      // The server runs until the client sends exit (or closes the pipe); the library then ends the process.
      await new Promise<void>((done) => connection.onExit(() => done()));
      setExit(0);
    });
}
