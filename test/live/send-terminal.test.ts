// `voipnow-payloads send` on a terminal: a request that changes the server is asked about first
// (naming the server), and only "y" sends it; the server is asked nothing before the answer.
// The terminal is a pseudo-terminal made by util-linux's `script` (Debian's bsdutils, always
// there): it runs the command line on a pty and passes this test's input to it.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, colorFreeEnv } from '../cli/run-cli';
import { profileFolder } from './profile-folder';
import { startStandIn, type StandIn } from './stand-in/server';

const SECRET = 'terminal-secret-never-shown';
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs the command line on a pty; answers `reply` once the question is on the screen. */
function onTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv, reply: string): Promise<{ status: number | null; screen: string }> {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd, env: colorFreeEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    let replied = false;
    const read = (d: Buffer) => {
      screen += d.toString();
      if (!replied && /\[y\/N\] /.test(screen)) {
        replied = true;
        child.stdin.write(`${reply}\r`);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('close', (status) => resolve({ status, screen }));
  });
}

describe('voipnow-payloads send on a terminal', { timeout: 60_000, skip: hasScript ? false : 'needs util-linux script for a pseudo-terminal' }, () => {
  let s: StandIn;
  let dir: string;
  const env = { VOIPNOW_CLIENT_ID: 'app-t', VOIPNOW_CLIENT_SECRET: SECRET };

  before(async () => {
    s = await startStandIn({ version: 'A', clients: { 'app-t': SECRET } });
    dir = profileFolder(s, 'terminal', 10000);
    const add = { method: 'AddChannel', params: { type: 'sip', SIP: { name: 'Carrier Two', hostname: 'h2.example', flow: 'in' } } };
    writeFileSync(join(dir, 'add.payload.json'), JSON.stringify(add));
  });
  after(async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('"n" sends nothing: the server is not even asked for its WSDL; exit 2', async () => {
    const { status, screen } = await onTerminal(['send', 'add.payload.json'], dir, env, 'n');
    assert.match(screen, /Send AddChannel \(request 0\) to staging \(https:\/\/127\.0\.0\.1:\d+\)\? \[y\/N\] /);
    assert.match(screen, /AddChannel changes the server: confirm on a terminal, or pass --yes/);
    assert.equal(status, 2);
    assert.equal(s.requests.length, 0);
    assert.ok(!screen.includes(SECRET));
  });

  it('"y" sends it and prints the answer; exit 0', async () => {
    const { status, screen } = await onTerminal(['send', 'add.payload.json'], dir, env, 'y');
    assert.equal(status, 0, screen);
    assert.match(screen, /request 0 AddChannel: ok/);
    assert.ok(s.requests.some((r) => r.operation === 'AddChannel'), 'the stand-in received AddChannel');
    assert.ok(!screen.includes(SECRET));
  });
});
