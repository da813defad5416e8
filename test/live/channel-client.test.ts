// The wire (server/src/live/) against the stand-in VoipNow server over HTTPS, in both WSDL versions
// (other namespaces, endpoint, element order, inline types): every operation with every parameter,
// keys shuffled, accepted by the stand-in's XML Schema validation; a parameter the server's WSDL does
// not define refused before anything is sent; values written as the XSD types want them; the token
// fetched once, again after expiry, and refused credentials, TLS and the server's misbehaviours in
// words, with no secret in any of them.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { documentedText } from '../../server/src/core';
import { ChannelClient, readCaFile, type CallAnswer } from '../../server/src/live/channel-client';
import { LiveError } from '../../server/src/live/live-error';
import { sendRequest } from '../../server/src/live/send';
import { TokenSource } from '../../server/src/live/token';
import { seeded } from '../unit/random';
import { makeTestCertificates, type TestCertificates } from './stand-in/certificates';
import { sampleValue } from './stand-in/samples';
import { TOKEN_PATH, startStandIn, type StandIn } from './stand-in/server';

const CLIENT = { clientId: 'app-1', clientSecret: 'app-1-secret-never-shown' };

/** The same value with every object's keys in a seeded random order. */
function shuffled(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, shuffled(v, random)] as const);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return Object.fromEntries(entries);
}

async function failure(promise: Promise<unknown>): Promise<LiveError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LiveError, String(error));
    return error;
  }
  assert.fail('expected a LiveError');
}

const tokenFetches = (s: StandIn) => s.requests.filter((r) => r.path === TOKEN_PATH).length;

describe('the wire, against the stand-in', () => {
  let certificates: TestCertificates;
  const servers: Partial<Record<'A' | 'B', StandIn>> = {};
  const messages: string[] = [];

  before(async () => {
    certificates = await makeTestCertificates();
    for (const version of ['A', 'B'] as const) {
      servers[version] = await startStandIn({ version, tls: { certificates }, clients: { [CLIENT.clientId]: CLIENT.clientSecret } });
    }
  });
  after(async () => {
    for (const s of Object.values(servers)) await s.stop();
    // No secret reached a message (the client secret, or any token the stand-ins issued).
    for (const message of messages) assert.ok(!message.includes(CLIENT.clientSecret), message);
  });

  const open = (s: StandIn, extra: Partial<Parameters<typeof ChannelClient.open>[0]> = {}) =>
    ChannelClient.open({ url: s.url, tls: { ca: s.ca }, timeoutMs: 10_000, ...extra });
  const tokensFor = (s: StandIn, credentials: ConstructorParameters<typeof TokenSource>[1] = CLIENT) => new TokenSource(s.url, credentials, { ca: s.ca }, 10_000);

  for (const version of ['A', 'B'] as const) {
    it(`version ${version}: every one of the 24 operations with every parameter, keys shuffled, is valid against the server's schemas`, async () => {
      const s = servers[version]!;
      const client = await open(s);
      const tokens = tokensFor(s);
      const random = seeded(version === 'A' ? 1 : 2);
      assert.equal(s.model.operations.length, 24);
      for (const op of s.model.operations) {
        const params = shuffled(sampleValue(s.model, op.body) ?? {}, random);
        const answer: CallAnswer = await sendRequest(client, tokens, op.name, params);
        if (!answer.ok) {
          // A documented fault of the method (its state), never the schema's refusal.
          assert.notEqual(answer.fault.faultcode, 'SOAP-ENV:Client', `${op.name}: ${answer.fault.faultstring}`);
          assert.ok(documentedText(op.name, answer.fault.faultcode) !== undefined, `${op.name}: ${answer.fault.faultcode} ${answer.fault.faultstring}`);
        }
      }
      assert.equal(tokenFetches(s), 1, 'one token for all of them');
    });
  }

  it("a parameter the server's WSDL does not define is refused by its path and version, and nothing is sent", async () => {
    const s = servers.A!;
    const client = await open(s);
    const before = s.requests.length;
    const error = await failure(sendRequest(client, tokensFor(s), 'AddChannel', { type: 'sip', SIP: { name: 'X', port: 5060 } }));
    messages.push(error.message);
    assert.equal(error.kind, 'parameter');
    assert.match(error.message, /"SIP\.port" is not a parameter of AddChannel on this server \(Channel service 3\.0\.0\): the request is not sent\./);
    assert.equal(s.requests.length, before + 1, 'only the token was fetched');
    // Version B defines it: sent and accepted.
    const b = servers.B!;
    const answer = await sendRequest(await open(b), tokensFor(b), 'AddChannel', { type: 'sip', SIP: { name: 'With port', port: 5060, hostname: 'h.example' } });
    assert.ok(answer.ok || answer.fault.faultcode !== 'SOAP-ENV:Client', JSON.stringify(answer));
  });

  it('booleans and numbers written as "1", 1 or true reach the server as the XSD types read them', async () => {
    const s = servers.A!;
    const client = await open(s);
    const tokens = tokensFor(s);
    for (const [paid, calls] of [['1', 5], [1, '5'], [true, 5]] as const) {
      const answer = await sendRequest(client, tokens, 'AddChannel', { type: 'sip', SIP: { name: `Typed ${String(paid)}`, hostname: 'h.example', paid, concurentCalls: calls } });
      assert.ok(answer.ok || answer.fault.faultcode !== 'SOAP-ENV:Client', JSON.stringify(answer));
      const sent = s.requests[s.requests.length - 1].body;
      assert.match(sent, /<[\w:]*paid[^>]*>(true|1)<\/[\w:]*paid>/);
    }
    const error = await failure(sendRequest(client, tokens, 'AddChannel', { type: 'sip', SIP: { name: 'Bad', paid: 'yes' } }));
    assert.match(error.message, /"SIP\.paid" is true or false on AddChannel/);
  });

  it('the token is fetched again once it expired (fault 100), and bad credentials are refused in words', async () => {
    const s = servers.B!;
    const client = await open(s);
    const tokens = tokensFor(s);
    const fetched = tokenFetches(s);
    assert.ok((await sendRequest(client, tokens, 'GetChannels', {})).ok);
    s.expireTokens();
    assert.ok((await sendRequest(client, tokens, 'GetChannels', {})).ok, 'renewed after the refusal');
    assert.equal(tokenFetches(s) - fetched, 2);
    const error = await failure(tokensFor(s, { clientId: 'app-1', clientSecret: 'wrong-secret-value' }).token());
    messages.push(error.message);
    assert.equal(error.kind, 'credentials');
    assert.ok(!error.message.includes('wrong-secret-value'));
    // A token given as it is cannot be renewed: its refusal is the answer.
    const given = new TokenSource(s.url, { accessToken: 'given-token-never-shown' }, { ca: s.ca }, 10_000);
    const answer = await sendRequest(client, given, 'GetChannels', {});
    assert.ok(!answer.ok && answer.fault.faultcode === '100');
  });

  it('TLS: refused without the CA (naming the ca setting), accepted with it', async () => {
    const s = servers.A!;
    const error = await failure(ChannelClient.open({ url: s.url, tls: {}, timeoutMs: 10_000 }));
    messages.push(error.message);
    assert.equal(error.kind, 'tls');
    assert.match(error.message, /"ca" setting/);
    assert.ok(await open(s));
  });

  it('a WSDL that cannot be read, or lacks the operation, is said so', async () => {
    const s = servers.B!;
    s.failures.schema = 'html';
    const error = await failure(open(s));
    s.failures.schema = undefined;
    messages.push(error.message);
    assert.equal(error.kind, 'wsdl');
    assert.match(error.message, /The WSDL at https:\/\/127\.0\.0\.1:\d+\/soap2\/schema\/latest\/Channel\/Channel\.wsdl could not be read as the Channel service's/);
    const missing = await failure(ChannelClient.open({ url: s.url, wsdl: '/nowhere/Channel.wsdl', tls: { ca: s.ca }, timeoutMs: 10_000 }));
    assert.equal(missing.kind, 'wsdl');
    const client = await open(s);
    const unknown = await failure(client.call('GetChannelz', {}, 'token'));
    assert.match(unknown.message, /This server's WSDL \(Channel service 5\.2\.5\) has no operation GetChannelz\./);
  });

  it('a FIFO, a folder or an oversized file named as the profile\'s "ca" or "wsdl" is refused at once, never waited on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-hostile-profile-'));
    try {
      const fifo = join(dir, 'pipe.pem');
      execFileSync('mkfifo', [fifo]);
      const big = join(dir, 'big.pem');
      writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 'A'));
      assert.throws(() => readCaFile(fifo, 'staging'), /The "ca" file of the profile 'staging' \(.*pipe\.pem\) cannot be read \(not a regular file\)/);
      assert.throws(() => readCaFile(dir, 'staging'), /cannot be read \(not a regular file\)/);
      assert.throws(() => readCaFile(big, 'staging'), /is larger than 1 MB: is it a PEM certificate\?/);
      const s = servers.A!;
      for (const wsdl of [join(dir, 'pipe.pem'), dir]) {
        const error = await failure(ChannelClient.open({ url: s.url, wsdl, tls: { ca: s.ca }, timeoutMs: 10_000 }));
        assert.equal(error.kind, 'wsdl');
        assert.match(error.message, /cannot be read \(not a regular file\): the profile's "wsdl" names it\./);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a login page, HTTP 500, a closed connection and a hang each get their words', async () => {
    const s = servers.A!;
    const client = await open(s, { timeoutMs: 1_500 });
    const tokens = tokensFor(s);
    await tokens.token();
    const kinds: Record<string, string> = {};
    for (const mode of ['html', 'http500', 'close', 'hang'] as const) {
      s.failures.soap = mode;
      const error = await failure(sendRequest(client, tokens, 'GetChannels', {}));
      messages.push(error.message);
      kinds[mode] = error.kind;
    }
    s.failures.soap = undefined;
    assert.deepEqual(kinds, { html: 'not-soap', http500: 'http', close: 'connection', hang: 'timeout' });
  });
});
