// The language server on Node: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it).
// The disk, fs.watch and the code pages beside the bundle are its platform (lsp/platform.ts).
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { GuardedInput } from '../lsp/guarded-input';
import { startServer } from '../lsp/server';
import { nodeCodePages } from './code-pages';
import { nodeFileSystem } from './file-system';
import { watchFolder } from './watch';

/** `--stdio`: standard input is checked first (guarded-input.ts); other transports as vscode-languageserver finds them. */
function connect() {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const input = new GuardedInput((reason) => {
    process.stderr.write(`voipnow-payloads: closing the connection: ${reason}\n`);
    process.exit(1);
  });
  process.stdin.pipe(input);
  return createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(process.stdout));
}

startServer(connect(), { fs: nodeFileSystem, watchFolder, codePages: nodeCodePages });
