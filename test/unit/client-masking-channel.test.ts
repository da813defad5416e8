// The VS Code client's output channel masks the secrets passed to the server in the session: the
// verbose trace writes each message's parameters as JSON, credentials among them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { LogOutputChannel } from 'vscode';
import { maskingChannel } from '../../client/src/live/masking-channel';

function fakeChannel(): { channel: LogOutputChannel; lines: string[] } {
  const lines: string[] = [];
  const write = (text: unknown) => void lines.push(String(text));
  const channel = { name: 'VoipNow Payloads', logLevel: 1, append: write, appendLine: write, replace: write, trace: write, debug: write, info: write, warn: write, error: write, clear: () => lines.splice(0) };
  return { channel: channel as unknown as LogOutputChannel, lines };
}

describe('the masking output channel', () => {
  const secrets = ['s3cr"et\\one', 'token-two'];

  it('masks each secret as written and as JSON writes it, in every writer', () => {
    const { channel, lines } = fakeChannel();
    const masked = maskingChannel(channel, () => secrets);
    const params = JSON.stringify({ command: 'voipnow.send', arguments: ['file:///a', 0, 'staging', 'https://h', { clientId: 'app', clientSecret: secrets[0] }] });
    masked.trace(`Params: ${params}`);
    masked.appendLine(`raw ${secrets[0]} and ${secrets[1]}`);
    masked.info(`token ${secrets[1]}`);
    assert.equal(lines.length, 3);
    for (const line of lines) for (const secret of secrets) assert.ok(!line.includes(secret) && !line.includes(JSON.stringify(secret).slice(1, -1)), line);
    assert.match(lines[0], /"clientSecret":"\*\*\*"/);
    assert.equal(lines[1], 'raw *** and ***');
  });

  it('passes everything else through: other text, properties, non-text arguments', () => {
    const { channel, lines } = fakeChannel();
    const masked = maskingChannel(channel, () => secrets);
    const error = new Error('boom');
    masked.error(error);
    masked.info('nothing secret');
    assert.equal(masked.name, 'VoipNow Payloads');
    assert.equal(masked.logLevel, 1);
    assert.deepEqual(lines, ['Error: boom', 'nothing secret']);
  });
});
