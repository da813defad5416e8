// `voipnow-payloads send` (the built dist/cli.js and its dist/send-command.js, strong-soap bundled)
// against the stand-in VoipNow server: a profile from .voipnow/config.json with its CA, credentials
// from the environment, the answer printed (text and JSON), a fault recorded into the file as one
// edit, a request that changes the server refused without a terminal unless --yes, the envelope of
// a dry run with its token masked, and no secret in any output.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, colorFreeEnv } from '../cli/run-cli';
import { profileFolder } from './profile-folder';
import { startStandIn, type StandIn } from './stand-in/server';

const SECRET = 'app-1-secret-never-shown';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The command line, spawned (not spawnSync: the stand-in answers from this process's event loop). */
function cliRun(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: colorFreeEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('voipnow-payloads send, against the stand-in', () => {
  let s: StandIn;
  let dir: string;
  const env = { VOIPNOW_CLIENT_ID: 'app-1', VOIPNOW_CLIENT_SECRET: SECRET };
  const outputs: string[] = [];
  const run = async (args: string[], extra: NodeJS.ProcessEnv = env) => {
    const result = await cliRun(args[0] === 'records' ? args : ['send', ...args], dir, extra);
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  before(async () => {
    s = await startStandIn({ version: 'B', clients: { 'app-1': SECRET } });
    dir = profileFolder(s, 'send', 10000);
    writeFileSync(join(dir, 'list.payload.json'), '{ "method": "GetChannels", "params": {} }\n');
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
    for (const output of outputs) assert.ok(!output.includes(SECRET), output);
  });

  it('sends a request to the only profile and prints its answer; --format json gives one object per request', async () => {
    const text = await run(['list.payload.json']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^request 0 GetChannels: ok\n/);
    assert.match(text.stdout, /"name": "Carrier One"/);
    const json = await run(['list.payload.json', '--format', 'json']);
    const [result] = JSON.parse(json.stdout) as Array<{ file: string; request: number; method: string; server: string; ok: boolean }>;
    assert.deepEqual({ ...result, response: undefined }, { file: 'list.payload.json', request: 0, method: 'GetChannels', server: 'staging', ok: true, response: undefined });
  });

  it('a request that changes the server is refused without a terminal, and nothing is sent; --yes sends it, and --record writes its fault as one edit', async () => {
    const file = join(dir, 'add.payload.json');
    // Carrier One exists: the server answers its documented duplicate fault.
    const before = '// a comment stays\n[\r\n  { "method": "GetChannels" },\r\n  { "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier One", "hostname": "h.example", "flow": "in" } } }\r\n]\r\n';
    writeFileSync(file, `\uFEFF${before}`);
    const sent = s.requests.length;
    const refused = await run(['add.payload.json', '--request', '1']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /AddChannel changes the server: confirm on a terminal, or pass --yes/);
    assert.equal(s.requests.length, sent, 'the server is asked nothing, not even its WSDL');
    const recorded = await run(['add.payload.json', '--request', '1', '--yes', '--record']);
    assert.equal(recorded.status, 1, recorded.stderr);
    assert.match(recorded.stdout, /request 1 AddChannel: fault 200 .*\(documented\)/);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith('\uFEFF// a comment stays\n[\r\n  { "method": "GetChannels" },\r\n'), JSON.stringify(after));
    assert.match(after, /"flow": "in" \} \}, "response": \{ "faultcode": "200", "faultstring": "[^"]+" \} \}\r\n\]\r\n$/);
  });

  it('--all sends a batch in order and stops at the first fault; --keep-going goes on', async () => {
    writeFileSync(
      join(dir, 'batch.payload.json'),
      '[{ "method": "GetChannels" }, { "method": "GetCallRulesOut", "params": { "ID": 999 } }, { "method": "GetChannelGroups" }]',
    );
    const stopped = await run(['batch.payload.json', '--all', '--format', 'json']);
    assert.equal(stopped.status, 1, stopped.stderr);
    const methods = (r: { stdout: string }) => (JSON.parse(r.stdout) as Array<{ method: string; ok: boolean }>).map((x) => `${x.method} ${x.ok}`);
    assert.deepEqual(methods(stopped), ['GetChannels true', 'GetCallRulesOut false']);
    const all = await run(['batch.payload.json', '--all', '--keep-going', '--format', 'json']);
    assert.equal(all.status, 1);
    assert.deepEqual(methods(all), ['GetChannels true', 'GetCallRulesOut false', 'GetChannelGroups true']);
  });

  it('--dry-run prints the envelope with the token masked and needs no credentials', async () => {
    const dry = await run(['list.payload.json', '--dry-run'], {});
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^POST https:\/\/127\.0\.0\.1:\d+\/soap2\/v5\/channel_agent\.php\n/);
    assert.match(dry.stdout, /<[\w:]*accessToken[^>]*>\*\*\*<\/[\w:]*accessToken>/);
    assert.match(dry.stdout, /<[\w:]*GetChannels[\s/>]/);
  });

  it('records pull fills .voipnow/records.json from the server, keeping users, and a request naming a channel it lacks then gets 262', async () => {
    const records = join(dir, '.voipnow', 'records.json');
    writeFileSync(records, '{ "users": [{ "ID": 4, "name": "Ann" }], "channels": [{ "ID": 99, "name": "Gone" }] }');
    const pulled = await run(['records', 'pull']);
    assert.equal(pulled.status, 0, pulled.stderr);
    assert.match(pulled.stdout, /^wrote .*records\.json from staging: \d+ codecs, 1 channels, /);
    const value = JSON.parse(readFileSync(records, 'utf8'));
    assert.deepEqual(value.users, [{ ID: 4, name: 'Ann' }]);
    assert.deepEqual(value.channels, [{ ID: 1, name: 'Carrier One' }]);
    writeFileSync(join(dir, 'edit.payload.json'), '{ "method": "EditChannel", "params": { "ID": 99, "type": "sip", "SIP": { "flow": "in" } } }');
    const check = await cliRun(['check', 'edit.payload.json', '--format', 'json'], dir, {});
    assert.match(check.stdout, /"code": "262"/);
  });

  it('refuses what it cannot do, each in one line with exit 2: no credentials, a batch without --request, a request with errors', async () => {
    const none = await run(['list.payload.json'], {});
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no credentials: set VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or VOIPNOW_ACCESS_TOKEN/);
    writeFileSync(join(dir, 'two.payload.json'), '[{ "method": "GetChannels" }, { "method": "GetChannelGroups" }]');
    assert.match((await run(['two.payload.json'])).stderr, /holds 2 requests: pick one with --request N \(from 0\), or send them all with --all/);
    writeFileSync(join(dir, 'bad.payload.json'), '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "N", "flow": "bothh" } } }');
    const bad = await run(['bad.payload.json', '--yes']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /request 0 \(AddChannel\) has \d+ error problems?: fix them, or send it anyway with --force/);
  });

  it('a profile that skips the certificate check warns on standard error, and is used', async () => {
    const config = join(dir, '.voipnow', 'config.json');
    const saved = readFileSync(config, 'utf8');
    // No CA: with insecure, the stand-in's certificate is not checked.
    writeFileSync(config, JSON.stringify({ servers: { lax: { url: s.url, insecure: true } } }));
    try {
      const sent = await run(['list.payload.json']);
      assert.equal(sent.status, 0, sent.stderr);
      assert.match(sent.stderr, /warning: the certificate of lax is not checked \(its profile says insecure\)/);
      const pulled = await run(['records', 'pull']);
      assert.equal(pulled.status, 0, pulled.stderr);
      assert.match(pulled.stderr, /warning: the certificate of lax is not checked/);
    } finally {
      writeFileSync(config, saved);
    }
  });
});

