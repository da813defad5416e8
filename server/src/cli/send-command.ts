// `send FILE`: sends a payload file's request to a VoipNow server (issue 18) and prints its answer;
// `--record` writes the answer into the request's `response` (one edit, written atomically). The
// server is a profile of the nearest .voipnow/config.json (`--server`, or its only one), or
// VOIPNOW_URL; credentials come from the environment only. Requests that change the server are
// confirmed on a terminal, or with --yes; one with error problems is not sent unless --force.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { getNodeValue } from 'jsonc-parser';
import { analyze, CONFIG_FILE, decodeText, documentedText, matchesDocumented, parseConfig, recordResponse, startsWithBom, type ServerProfile } from '../core';
import { applyEdits } from '../core/features/fix-all';
import { ChannelClient, type CallAnswer } from '../live/channel-client';
import { LiveError } from '../live/live-error';
import { sendRequest } from '../live/send';
import { credentialsFromEnv, TokenSource } from '../live/token';
import { writeFileAtomic } from '../node/atomic-write';
import { choice, parseCommandArgs, wholeNumber } from './args';
import { CliError } from './errors';
import { reason } from './files';
import { SEND_HELP } from './help';
import { NearestFile } from './nearest-file';
import { SEND_OPTIONS } from './option-tables';
import { readFileCapped, readText } from './read';
import { visible } from './visible';

const DEFAULT_TIMEOUT_MS = 30_000;
/** Methods that change the server: confirmed first. */
const CHANGES = /^(Add|Edit|Del|Assign|Unassign)/;

interface Target {
  name: string;
  profile: ServerProfile;
  /** The folder holding .voipnow/ (profile paths are relative to it). */
  base: string;
}

export async function sendCommand(args: string[], cwd: string): Promise<number> {
  const { values, positionals } = parseCommandArgs('send', args, SEND_OPTIONS);
  if (values.help) {
    process.stdout.write(SEND_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`send takes one file, got ${positionals.length} (see 'voipnow-payloads help send')`);
  const format = choice('--format', values.format as string, ['text', 'json'] as const);
  const file = resolve(cwd, positionals[0]);
  const bytes = readFileCapped(file, positionals[0], 8 * 1024 * 1024);
  const text = decodeText(bytes);
  const analysis = analyze(text, { included: true });
  const requests = analysis.requests;
  const indexes = requestIndexes(requests.length, values.request as string | undefined, values.all === true);
  const target = serverFor(dirname(file), values.server as string | undefined);
  const ca = target.profile.ca === undefined ? undefined : readCa(resolve(target.base, target.profile.ca), target.name);
  const tls = { ca, insecure: target.profile.insecure };
  if (tls.insecure) process.stderr.write(`voipnow-payloads: warning: the certificate of ${target.name} is not checked (its profile says insecure)\n`);
  const timeoutMs = target.profile.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const wsdl = target.profile.wsdl && !/^https?:/.test(target.profile.wsdl) ? resolve(target.base, target.profile.wsdl) : target.profile.wsdl;
  // Everything is checked, and each change confirmed, before the server is asked anything.
  for (const index of indexes) {
    const request = requests[index];
    if (!request.method) throw new CliError(`request ${index} names no documented method: nothing is sent`);
    const { offset, length } = request.node;
    const errors = analysis.problems.filter((p) => p.severity === 'error' && p.offset >= offset && p.offset < offset + length).length;
    if (errors > 0 && !values.force) {
      const problems = `${errors} error problem${errors === 1 ? '' : 's'}`;
      throw new CliError(`request ${index} (${request.method}) has ${problems}: fix them, or send it anyway with --force`);
    }
    const question = `Send ${request.method} (request ${index}) to ${target.name} (${target.profile.url})? [y/N] `;
    if (!values['dry-run'] && CHANGES.test(request.method) && !values.yes && !(await confirmed(question))) {
      throw new CliError(`${request.method} changes the server: confirm on a terminal, or pass --yes`);
    }
  }
  const client = await live(() => ChannelClient.open({ url: target.profile.url, wsdl, tls, timeoutMs }));
  const results: object[] = [];
  let written = text;
  let code = 0;
  for (const index of indexes) {
    const request = requests[index];
    const method = request.method!;
    const params: unknown = request.params ? getNodeValue(request.params) : {};
    if (values['dry-run']) {
      const { endpoint, xml } = await live(() => client.envelope(method, params, 'TOKEN'));
      process.stdout.write(`POST ${endpoint}\n${xml.replace(/(<[\w:]*accessToken[^>]*>)[^<]*/g, '$1***')}\n`);
      continue;
    }
    const credentials = credentialsFromEnv(process.env);
    if (!credentials) throw new CliError('no credentials: set VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or VOIPNOW_ACCESS_TOKEN');
    const tokens = new TokenSource(target.profile.url, credentials, tls, timeoutMs);
    const answer = await live(() => sendRequest(client, tokens, method, params));
    const response = answer.ok ? answer.response : answer.fault;
    results.push({ file: positionals[0], request: index, method, server: target.name, ok: answer.ok, response });
    if (format === 'text') process.stdout.write(shown(index, method, answer));
    if (values.record) {
      const result = recordResponse(written, index, response);
      if ('error' in result) throw new CliError(result.error);
      written = applyEdits(written, [result.edit]);
    }
    if (!answer.ok) {
      code = 1;
      if (!values['keep-going']) break;
    }
  }
  if (values.record && written !== text) await writeFileAtomic(file, startsWithBom(bytes) ? `\uFEFF${written}` : written);
  if (format === 'json' && !values['dry-run']) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return code;
}

/** The requests to send: `--request N`, `--all`, or a file's only one. */
function requestIndexes(count: number, request: string | undefined, all: boolean): number[] {
  if (count === 0) throw new CliError('the file holds no request');
  if (all) return [...Array(count).keys()];
  const index = wholeNumber('--request', request);
  if (index === undefined) {
    if (count > 1) throw new CliError(`the file holds ${count} requests: pick one with --request N (from 0), or send them all with --all`);
    return [0];
  }
  if (index >= count) throw new CliError(`--request ${index}: the file holds ${count} request${count === 1 ? '' : 's'} (numbered from 0)`);
  return [index];
}

/** The profile named (or the only one) of the nearest .voipnow/config.json, else VOIPNOW_URL. */
function serverFor(folder: string, name: string | undefined): Target {
  const nearest = new NearestFile(CONFIG_FILE, (absolute, base) => ({ layer: parseConfig(readText(absolute, absolute)).layer, base }));
  const config = nearest.find(folder);
  const servers = config?.layer.servers ?? {};
  const names = Object.keys(servers);
  if (name !== undefined) {
    if (!servers[name]) throw new CliError(`no server '${name}' in ${CONFIG_FILE} (servers: ${names.join(', ') || 'none'})`);
    return { name, profile: servers[name], base: config!.base };
  }
  if (names.length === 1) return { name: names[0], profile: servers[names[0]], base: config!.base };
  if (names.length > 1) throw new CliError(`${CONFIG_FILE} names ${names.length} servers: pick one with --server (${names.join(', ')})`);
  const url = process.env.VOIPNOW_URL;
  if (url) return { name: new URL(url).host, profile: { url: url.replace(/\/$/, '') }, base: isAbsolute(folder) ? folder : resolve(folder) };
  throw new CliError(`no server: name one under "servers" in ${CONFIG_FILE}, or set VOIPNOW_URL`);
}

/** The profile's CA file (PEM). */
function readCa(path: string, profile: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the "ca" file of the profile '${profile}' (${path}): ${reason(error)}`);
  }
}

/** Asks on a terminal; without one, nothing is confirmed. */
async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** A LiveError is a usage-level failure (exit 2, one line); anything else goes up as it is. */
async function live<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LiveError) throw new CliError(error.message);
    throw error;
  }
}

function shown(index: number, method: string, answer: CallAnswer): string {
  if (answer.ok) return `request ${index} ${method}: ok\n${JSON.stringify(answer.response, null, 2)}\n`;
  const { faultcode, faultstring } = answer.fault;
  const documented = documentedText(method, faultcode);
  const note =
    documented === undefined
      ? `(${method} does not document ${faultcode})`
      : matchesDocumented(documented, faultstring)
        ? '(documented)'
        : `(documented as: ${documented})`;
  return `request ${index} ${method}: fault ${visible(faultcode)} ${visible(faultstring)} ${note}\n`;
}
