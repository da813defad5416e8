// A records file rewritten in place, over the protocol: a tool truncates `.voipnow/records.json`
// and writes it again in chunks, many times in a burst, and the client reports every step
// (workspace/didChangeWatchedFiles). The server reads the file once it has settled and tells the
// user (window/showMessage) at most once per change of its state: usable to broken, once; broken
// to broken, never; fixed and broken again, once more. Each step waits for the server's answer to
// a request (so that it has taken the change before the next write), never for a time.
import { strict as assert } from 'node:assert';
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { nextPublished, openFile, published } from './helpers';
import { ROOT } from './lsp-client';
import { startSession, stopSession, type Session } from './workspace-session';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'records-workspace');
const RECORDS = 'north/.voipnow/records.json';
const PAYLOAD = 'north/payloads/channels.payload.json';
const T262 = '3:48 error 262 Invalid channel ID.';

/** The north records with these channels (a valid file). */
function recordsWith(channels: ReadonlyArray<{ ID: number; name: string }>): string {
  return JSON.stringify({ codecs: [{ ID: 1, name: 'G.711 u-law' }, { ID: 3, name: 'G.729' }], channels, channelGroups: [{ ID: 4, name: 'Carriers EU' }] }, null, 2);
}

describe('a records file rewritten in place, many times in a burst', () => {
  let session: Session;
  before(async () => {
    session = await startSession(FIXTURE, ['north', 'south', 'broken', 'plain'], { workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: true } } });
    await openFile(session, PAYLOAD);
    assert.ok((await published(session, PAYLOAD)).includes(T262), 'channel 13 is not in the records yet');
  });
  after(() => stopSession(session));

  const messagesFrom = (mark: number) => session.client.received.slice(mark).filter((n) => n.method === 'window/showMessage');

  /** The client reports a change of the records file; resolves once the server has taken it (a request answered after it). */
  async function reported(): Promise<void> {
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(RECORDS), type: 2 }] });
    await session.client.connection.sendRequest('voipnow/documentStatus', { uri: session.uri(RECORDS) });
  }

  /** Truncates the file and writes `text` in `chunks` pieces, each step reported. */
  async function rewriteInPlace(text: string, chunks: number): Promise<void> {
    const fd = openSync(path.join(session.dir, RECORDS), 'r+');
    try {
      ftruncateSync(fd, 0);
      await reported();
      const size = Math.ceil(text.length / chunks);
      for (let at = 0; at < text.length; at += size) {
        writeSync(fd, text.slice(at, at + size), at);
        await reported();
      }
    } finally {
      closeSync(fd);
    }
  }

  it('tells the user nothing when every rewrite ends usable, and uses the last one', async () => {
    const mark = session.client.received.length;
    for (let round = 0; round < 12; round++) {
      await rewriteInPlace(recordsWith([{ ID: 2, name: 'Carrier A' }, { ID: 100 + round, name: `Carrier ${round}` }]), 4);
    }
    // The last rewrite holds channel 13: the open payload's 262 goes once the server has read it.
    const settled = nextPublished(session, PAYLOAD, { after: mark, match: (rows) => !rows.includes(T262) });
    await rewriteInPlace(recordsWith([{ ID: 2, name: 'Carrier A' }, { ID: 13, name: 'Carrier C' }]), 4);
    await settled;
    // None is expected; one at most if a busy machine let a quiet time pass in the middle of a rewrite.
    assert.ok(messagesFrom(mark).length <= 1, JSON.stringify(messagesFrom(mark)));
  });

  it('tells once as it breaks, not again while broken the same way, and once more after a fix', async () => {
    const broken = '{ "channels": [{ "ID": "x", "name": "Carrier A" }] }';
    let mark = session.client.received.length;
    await rewriteInPlace(broken, 3);
    assert.ok((await nextPublished(session, RECORDS, { after: mark })).length > 0, 'the problems are shown on the records file');
    assert.equal(messagesFrom(mark).length, 1);
    // Broken again, the same problems: nothing more.
    let count = messagesFrom(0).length;
    mark = session.client.received.length;
    await rewriteInPlace(`${broken}\n`, 3);
    await nextPublished(session, RECORDS, { after: mark });
    assert.equal(messagesFrom(0).length, count);
    // Fixed, then broken again: one more.
    mark = session.client.received.length;
    await rewriteInPlace(recordsWith([{ ID: 2, name: 'Carrier A' }]), 2);
    await nextPublished(session, RECORDS, { after: mark, match: (rows) => rows.length === 0 });
    count = messagesFrom(0).length;
    mark = session.client.received.length;
    await rewriteInPlace(broken, 3);
    await nextPublished(session, RECORDS, { after: mark, match: (rows) => rows.length > 0 });
    assert.equal(messagesFrom(0).length, count + 1);
  });
});
