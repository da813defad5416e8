// The stand-in VoipNow server (test/live/stand-in/) that the send and records tests talk to: its
// fixtures match their generator, it validates every envelope with a real XML Schema validator,
// checks tokens and TLS, answers from its state with documented faults, and stops cleanly.
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { documentedText } from '../../server/src/core';
import type { TestCertificates } from './stand-in/certificates';
import { makeTestCertificates } from './stand-in/certificates';
import { fixtureDir, generatedFixtures } from './stand-in/generate';
import { request } from './stand-in/https-request';
import type { Model, Version } from './stand-in/model';
import { sampleRequest } from './stand-in/samples';
import type { LoggedRequest, StandIn } from './stand-in/server';
import { SOAP_ENV, TOKEN_PATH, startStandIn } from './stand-in/server';

const CLIENT = { id: 'app-1', secret: 'app-1-secret' };

/** A hand-written AddChannel envelope; `sip` is SIPChannelInfo's children, written in order by the caller. */
function addChannel(m: Model, token: string, sip: string, sipNs = m.ns.data): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:hd="${m.ns.header}" xmlns:cm="${m.ns.messages}" xmlns:cd="${sipNs}">
  <soapenv:Header><hd:userCredentials><hd:accessToken>${token}</hd:accessToken></hd:userCredentials></soapenv:Header>
  <soapenv:Body>
    <cm:AddChannel><cm:type>sip</cm:type><cm:SIP>${sip}</cm:SIP></cm:AddChannel>
  </soapenv:Body>
</soapenv:Envelope>`;
}

/** SIPChannelInfo's children in the order of each version's sequence (B: port after hostname). */
function sipChildren(version: Version, name: string): string {
  const port = version === 'B' ? '<cd:port>5060</cd:port>' : '';
  return `<cd:name>${name}</cd:name><cd:hostname>sip.example.net</cd:hostname>${port}<cd:inviteIP>192.0.2.10</cd:inviteIP>` +
    '<cd:login>trunk</cd:login><cd:password>pw</cd:password><cd:flow>both</cd:flow><cd:codecs>1</cd:codecs><cd:codecs>2</cd:codecs>';
}

function emptyBody(m: Model, operation: string, token: string): string {
  const op = m.operations.find((o) => o.name === operation)!;
  return `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:hd="${m.ns.header}" xmlns:cm="${m.ns.messages}" xmlns:cd="${m.ns.data}" xmlns:cc="${m.ns.common}">` +
    `<soapenv:Header><hd:userCredentials><hd:accessToken>${token}</hd:accessToken></hd:userCredentials></soapenv:Header>` +
    `<soapenv:Body><cm:${op.body.name}/></soapenv:Body></soapenv:Envelope>`;
}

function soapCall(s: StandIn, operation: string, envelope: string, action?: string) {
  const op = s.model.operations.find((o) => o.name === operation)!;
  return request(s.endpointUrl, {
    method: 'POST', ca: s.ca, body: envelope, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action ?? op.soapAction}"` },
  });
}

function faultOf(body: string): { code: string; text: string } {
  const code = /<faultcode>([^<]*)<\/faultcode>/.exec(body);
  const text = /<faultstring>([^<]*)<\/faultstring>/.exec(body);
  assert.ok(code && text, `a SOAP fault, not: ${body}`);
  return { code: code[1], text: text[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') };
}

describe('stand-in fixtures', () => {
  for (const version of ['A', 'B'] as const) {
    it(`version ${version}: the committed WSDL and XSDs are what generate.ts writes from the note`, () => {
      const files = generatedFixtures(version);
      for (const [file, text] of files) assert.equal(readFileSync(path.join(fixtureDir(version), file), 'utf8'), text, `${file} is stale: run generate.ts`);
      const wsdl = files.get('latest/Channel/Channel.wsdl')!;
      assert.equal((wsdl.match(/<soap:operation /g) ?? []).length, 24);
    });
  }

  it('version B differs from A as the tests need: namespaces, endpoint, order, inline types, port and proxy', () => {
    const a = generatedFixtures('A');
    const b = generatedFixtures('B');
    const bData = [...b].find(([f]) => f.endsWith('ChannelData.xsd'))![1];
    const aData = [...a].find(([f]) => f.endsWith('ChannelData.xsd'))![1];
    const bMessages = [...b].find(([f]) => f.endsWith('ChannelMessages.xsd'))![1];
    assert.match(bData, /targetNamespace="http:\/\/4psa.com\/ChannelData.xsd\/5.2.5"/);
    assert.match(bData, /name="hostname"[^\n]*\n[^\n]*name="port"/);
    assert.match(bData, /name="proxy"/);
    assert.doesNotMatch(aData, /name="port"|name="proxy"/);
    assert.match(bMessages, /<xsd:element name="GetChannels">\n\s*<xsd:complexType>/);
    assert.doesNotMatch(bMessages, /complexType name="GetChannels"/);
    assert.match(b.get('latest/Channel/Channel.wsdl')!, /soap:address location="\{\{BASE\}\}\/soap2\/v5\/channel_agent.php"/);
    const order = (xsd: string) => [...xsd.slice(xsd.indexOf('name="SIPChannelInfo"')).matchAll(/name="(SIPNode|sipTransport|behindNAT)"/g)].map((m) => m[1]);
    assert.deepEqual(order(aData), ['sipTransport', 'behindNAT', 'SIPNode']);
    assert.deepEqual(order(bData), ['sipTransport', 'SIPNode', 'behindNAT']);
  });
});

describe('stand-in server', () => {
  let certificates: TestCertificates;
  const servers: Record<Version, StandIn> = {} as Record<Version, StandIn>;

  before(async () => {
    certificates = await makeTestCertificates();
    for (const version of ['A', 'B'] as const) {
      servers[version] = await startStandIn({ version, tls: { certificates }, clients: { [CLIENT.id]: CLIENT.secret } });
    }
  });
  after(async () => {
    for (const s of Object.values(servers)) await s.stop();
  });

  for (const version of ['A', 'B'] as const) {
    describe(`version ${version}`, () => {
      it('serves the WSDL with its endpoint and the XSDs it imports, each reachable', async () => {
        const s = servers[version];
        const wsdl = await request(s.wsdlUrl, { ca: s.ca });
        assert.equal(wsdl.status, 200);
        assert.ok(wsdl.body.includes(`location="${s.endpointUrl}"`));
        const pending = [s.wsdlUrl];
        const seen = new Set<string>();
        while (pending.length) {
          const url = pending.pop()!;
          if (seen.has(url)) continue;
          seen.add(url);
          const file = await request(url, { ca: s.ca });
          assert.equal(file.status, 200, url);
          for (const m of file.body.matchAll(/schemaLocation="([^"]+)"/g)) pending.push(new URL(m[1], url).href);
        }
        assert.equal(seen.size, 5, [...seen].join(' '));
      });

      it('accepts a valid AddChannel in its own namespaces, with a fetched token, and answers a valid updateObject', async () => {
        const s = servers[version];
        const form = new URLSearchParams({ client_id: CLIENT.id, client_secret: CLIENT.secret, grant_type: 'client_credentials' });
        const got = await request(s.url + TOKEN_PATH, { method: 'POST', ca: s.ca, body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        assert.equal(got.status, 200);
        const token = JSON.parse(got.body);
        assert.equal(token.token_type, 'Bearer');
        assert.equal(token.expires_in, 3600);
        const answer = await soapCall(s, 'AddChannel', addChannel(s.model, token.access_token, sipChildren(version, `Trunk ${version}`)));
        assert.equal(answer.status, 200, answer.body);
        assert.match(answer.body, /<ns3:result>success<\/ns3:result><ns3:ID>\d+<\/ns3:ID>/);
        assert.deepEqual((await s.validate(answer.body)).errors, []);
        const added = s.state.channels.find((c) => c.name === `Trunk ${version}`);
        assert.deepEqual(added?.codecs, [1, 2]);
        assert.equal(added?.port, version === 'B' ? 5060 : undefined);
      });

      it('refuses elements out of sequence order, naming the validation error', async () => {
        const s = servers[version];
        const swapped = sipChildren(version, 'Out of order').replace(/(<cd:name>.*?<\/cd:name>)(<cd:hostname>.*?<\/cd:hostname>)/, '$2$1');
        const answer = await soapCall(s, 'AddChannel', addChannel(s.model, s.issueToken(), swapped));
        assert.equal(answer.status, 500);
        const f = faultOf(answer.body);
        assert.equal(f.code, 'SOAP-ENV:Client');
        assert.match(f.text, /Element '\{[^}]+\}name': This element is not expected/);
        assert.ok(!s.state.channels.some((c) => c.name === 'Out of order'));
      });

      it('refuses elements in the wrong namespace (SIPChannelInfo children in ChannelMessages)', async () => {
        const s = servers[version];
        const answer = await soapCall(s, 'AddChannel', addChannel(s.model, s.issueToken(), sipChildren(version, 'Wrong ns'), s.model.ns.messages));
        assert.match(faultOf(answer.body).text, /Element '\{http:\/\/4psa.com\/ChannelMessages.xsd\/[^}]+\}name': This element is not expected/);
      });

      it('refuses an unqualified header and a SOAPAction that names another operation', async () => {
        const s = servers[version];
        const token = s.issueToken();
        const unqualified = addChannel(s.model, token, sipChildren(version, 'Bare header'))
          .replace(/<hd:userCredentials><hd:accessToken>(\w+)<\/hd:accessToken><\/hd:userCredentials>/, '<userCredentials><accessToken>$1</accessToken></userCredentials>');
        assert.equal(faultOf((await soapCall(s, 'AddChannel', unqualified)).body).code, 'SOAP-ENV:Client');
        const wrongAction = await soapCall(s, 'AddChannel', addChannel(s.model, token, sipChildren(version, 'Wrong action')), s.model.operations[0].soapAction);
        assert.match(faultOf(wrongAction.body).text, /^SOAPAction ".*" does not match AddChannel/);
      });

      it('answers every one of the 24 operations with an answer valid against its XSD, or a documented fault', async () => {
        const s = servers[version];
        const token = s.issueToken();
        assert.equal(s.model.operations.length, 24);
        for (const op of s.model.operations) {
          const answer = await soapCall(s, op.name, emptyBody(s.model, op.name, token));
          if (answer.status === 200) {
            assert.deepEqual((await s.validate(answer.body)).errors, [], op.name);
          } else {
            const f = faultOf(answer.body);
            assert.equal(f.text, documentedText(op.name, f.code)!.replace('{param}', /Missing parameter (\w+)/.exec(f.text)?.[1] ?? ''), op.name);
          }
        }
      });

      it('answers the listing operations from its state, valid against the XSD', async () => {
        const s = servers[version];
        const token = s.issueToken();
        const m = s.model;
        const calls: [string, string][] = [
          ['GetChannels', '<cm:GetChannels><cm:groupID>1</cm:groupID></cm:GetChannels>'],
          ['GetCodecs', '<cm:GetCodecs><cd:channelID>1</cd:channelID></cm:GetCodecs>'],
          ['GetChannelGroups', '<cm:GetChannelGroups/>'],
          ['GetPublicNo', '<cm:GetPublicNo><cd:channelID>1</cd:channelID></cm:GetPublicNo>'],
          ['GetCallRulesOutGroup', '<cm:GetCallRulesOutGroup><cc:userID>1</cc:userID></cm:GetCallRulesOutGroup>'],
          ['GetCallRulesOut', '<cm:GetCallRulesOut><cc:ID>1</cc:ID></cm:GetCallRulesOut>'],
        ];
        for (const [operation, body] of calls) {
          const answer = await soapCall(s, operation, emptyBody(m, operation, token).replace(/<cm:\w+\/>/, body));
          assert.equal(answer.status, 200, `${operation}: ${answer.body}`);
          assert.deepEqual((await s.validate(answer.body)).errors, [], operation);
        }
        const channels = await soapCall(s, 'GetChannels', emptyBody(m, 'GetChannels', token));
        assert.match(channels.body, /<ns2:name>Carrier One<\/ns2:name>/);
        const rules = await soapCall(s, 'GetCallRulesOut', emptyBody(m, 'GetCallRulesOut', token).replace(/<cm:\w+\/>/, calls[5][1]));
        assert.match(rules.body, /<ns2:number>0\*<\/ns2:number>.*<ns1:ruleID>1<\/ns1:ruleID>/);
      });
    });
  }

  for (const version of ['A', 'B'] as const) {
    it(`version ${version}: a request setting every parameter of each of the 24 operations is valid and answered`, async () => {
      // A server of its own: these requests edit and delete the seeded records.
      const s = await startStandIn({ version, tls: { certificates } });
      try {
        const token = s.issueToken();
        for (const op of s.model.operations) {
          const envelope = sampleRequest(s.model, op, token);
          assert.deepEqual((await s.validate(envelope)).errors, [], op.name);
          const answer = await soapCall(s, op.name, envelope);
          if (answer.status === 200) assert.deepEqual((await s.validate(answer.body)).errors, [], `${op.name}'s answer`);
          else assert.notEqual(documentedText(op.name, faultOf(answer.body).code), undefined, `${op.name}: ${answer.body}`);
        }
      } finally {
        await s.stop();
      }
    });
  }

  it("refuses the other version's envelopes: namespaces, and port where 3.0.0 has none", async () => {
    const token = servers.A.issueToken();
    const fromB = sampleRequest(servers.B.model, servers.B.model.operations.find((o) => o.name === 'GetChannels')!, token);
    assert.match((await servers.A.validate(fromB)).errors.join('\n'), /No matching global element declaration/);
    const withPort = addChannel(servers.A.model, token, sipChildren('B', 'With port'));
    assert.match((await servers.A.validate(withPort)).errors.join('\n'), /\}port': This element is not expected/);
  });

  it('refuses bad client credentials with 401 and an OAuth error', async () => {
    const s = servers.A;
    const form = new URLSearchParams({ client_id: CLIENT.id, client_secret: 'wrong', grant_type: 'client_credentials' });
    const got = await request(s.url + TOKEN_PATH, { method: 'POST', ca: s.ca, body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(got.status, 401);
    assert.equal(JSON.parse(got.body).error, 'invalid_client');
  });

  it('refuses an expired token with the documented fault 100', async () => {
    const s = servers.A;
    const token = s.issueToken();
    s.expireTokens();
    const answer = await soapCall(s, 'AddChannel', addChannel(s.model, token, sipChildren('A', 'Expired')));
    assert.equal(answer.status, 500);
    assert.deepEqual(faultOf(answer.body), { code: '100', text: documentedText('AddChannel', '100') });
    s.revokeTokens();
    const unknown = await soapCall(s, 'GetChannels', emptyBody(s.model, 'GetChannels', token));
    assert.deepEqual(faultOf(unknown.body), { code: '100', text: documentedText('GetChannels', '100') });
  });

  it('answers a documented fault with its code and text: a duplicate channel name, an unknown rules group', async () => {
    const s = servers.A;
    const token = s.issueToken();
    const duplicate = await soapCall(s, 'AddChannel', addChannel(s.model, token, sipChildren('A', 'Carrier One')));
    assert.deepEqual(faultOf(duplicate.body), { code: '200', text: documentedText('AddChannel', '200')!.replace('{object_detail}', '') });
    const unknown = await soapCall(s, 'GetCallRulesOut', emptyBody(s.model, 'GetCallRulesOut', token).replace(/<cm:\w+\/>/, '<cm:GetCallRulesOut><cc:ID>999</cc:ID></cm:GetCallRulesOut>'));
    assert.deepEqual(faultOf(unknown.body), { code: '260', text: documentedText('GetCallRulesOut', '260') });
  });

  it('is refused over TLS without its CA and accepted with it', async () => {
    const s = servers.A;
    await assert.rejects(request(s.wsdlUrl), (e: NodeJS.ErrnoException) => e.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    assert.equal((await request(s.wsdlUrl, { ca: s.ca })).status, 200);
    assert.equal((await request(s.wsdlUrl.replace('127.0.0.1', 'localhost'), { ca: s.ca })).status, 200);
  });

  it('misbehaves on demand: an HTML login page, HTTP 500, a closed connection, a request that hangs', async () => {
    const s = servers.A;
    const call = (signal?: AbortSignal) => request(s.endpointUrl, { method: 'POST', ca: s.ca, body: '<x/>', signal });
    s.failures.soap = 'html';
    const html = await call();
    assert.equal(html.status, 200);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    s.failures.soap = 'http500';
    assert.equal((await call()).status, 500);
    s.failures.soap = 'close';
    await assert.rejects(call(), (e: NodeJS.ErrnoException) => e.code === 'ECONNRESET');
    s.failures.soap = 'hang';
    const controller = new AbortController();
    const arrived = once(s.events, 'request');
    const pending = call(controller.signal);
    const [logged] = (await arrived) as [LoggedRequest];
    assert.equal(logged.path, s.model.endpointPath);
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    s.failures.soap = undefined;
    s.failures.token = 'http500';
    assert.equal((await request(s.url + TOKEN_PATH, { method: 'POST', ca: s.ca, body: '' })).status, 500);
    s.failures.token = undefined;
  });

  it('stops cleanly: a hanging request does not hold it, and nothing answers afterwards', async () => {
    const s = await startStandIn({ version: 'B', tls: { certificates } });
    s.failures.soap = 'hang';
    const arrived = once(s.events, 'request');
    const pending = request(s.endpointUrl, { method: 'POST', ca: s.ca, body: '<x/>' });
    await arrived;
    const refused = assert.rejects(pending, (e: NodeJS.ErrnoException) => e.code === 'ECONNRESET');
    await s.stop();
    await refused;
    await assert.rejects(request(s.wsdlUrl, { ca: s.ca }), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
  });
});
