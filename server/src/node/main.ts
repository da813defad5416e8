// The language server on Node: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it).
// The disk, fs.watch, the code pages beside the bundle and a thread for large files are its
// platform (lsp/platform.ts).
import { createConnection, ProposedFeatures, StreamMessageWriter, type MessageReader } from 'vscode-languageserver/node';
import { GuardedInput } from '../lsp/guarded-input';
import { ProtocolGate } from '../lsp/protocol-gate';
import type { LiveSender } from '../lsp/platform';
import { startServer } from '../lsp/server';
import { CheckThread } from './check-thread';
import { nodeCodePages } from './code-pages';
import { nodeFileSystem, realUri } from './file-system';
import { jsonEncoder } from './json-encoder';
import { watchFolder } from './watch';

/** Every message passes the protocol gate (lifecycle, params: protocol-gate.ts). */
const gate = new ProtocolGate();

/** `--stdio`: standard input is checked first (guarded-input.ts); other transports as vscode-languageserver finds them. */
function connect() {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all, { messageStrategy: gate });
  const input = new GuardedInput((reason) => {
    process.stderr.write(`voipnow-payloads: closing the connection: ${reason}\n`);
    process.exit(1);
  });
  process.stdin.pipe(input);
  // The stream itself, not a reader over it: only then does the connection exit when the editor's
  // end closes (with 0 after shutdown, else 1). It takes a stream and a writer alike at run time;
  // its types offer two streams or two readers and writers.
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: jsonEncoder });
  return createConnection(ProposedFeatures.all, input as unknown as MessageReader, writer, { messageStrategy: gate });
}

// Reports serialized in slices are written as they are on stdio (json-encoder.ts); Node's IPC serializes every message itself.
const encodedParams = process.argv.includes('--stdio');
const connection = connect();
gate.attach(connection);
// The wire to VoipNow servers is a bundle of its own (dist/live-service.js), loaded when a request is first sent.
const service = () => import('./live-service.js');
const live: LiveSender = {
  send: (...args) => service().then((m) => m.liveSend(...args)),
  pullRecords: (...args) => service().then((m) => m.livePullRecords(...args)),
  reload: (...args) => service().then((m) => m.liveReload(...args)),
};
startServer(connection, { fs: nodeFileSystem, realUri, watchFolder, codePages: nodeCodePages, checkAside: new CheckThread(), encodedParams, live });
