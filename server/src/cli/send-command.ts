// `send FILE`: sends a payload file's request to a VoipNow server (issue 18) and prints its answer;
// `--record` writes the answer into the request's `response` (one edit, written atomically). The
// server and credentials: server-connection.ts. Requests that change the server are confirmed on
// a terminal, or with --yes, and one with error problems is not sent unless --force: all of it
// before the server is asked anything.
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { getNodeValue } from 'jsonc-parser';
import { analyze, changesServer, decodeText, DEFAULT_MAX_FILE_SIZE, documentedText, matchesDocumented, recordResponse, startsWithBom } from '../core';
import { applyEdits } from '../core/features/fix-all';
import type { CallAnswer } from '../live/channel-client';
import { sendRequest } from '../live/send';
import { writeFileAtomic } from '../node/atomic-write';
import { choice, parseCommandArgs, wholeNumber } from './args';
import { CliError } from './errors';
import { SEND_HELP } from './help';
import { SEND_OPTIONS } from './option-tables';
import { readFileCapped } from './read';
import { openServer, serverFor } from './server-connection';
import { visible } from './visible';


export async function sendCommand(args: string[], cwd: string): Promise<number> {
  const { values, positionals } = parseCommandArgs('send', args, SEND_OPTIONS);
  if (values.help) {
    process.stdout.write(SEND_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`send takes one file, got ${positionals.length} (see 'voipnow-payloads help send')`);
  const format = choice('--format', values.format as string, ['text', 'json'] as const);
  const file = resolve(cwd, positionals[0]);
  const bytes = readFileCapped(file, positionals[0], DEFAULT_MAX_FILE_SIZE);
  const text = decodeText(bytes);
  const analysis = analyze(text, { included: true });
  const requests = analysis.requests;
  const indexes = requestIndexes(requests.length, values.request as string | undefined, values.all === true);
  const target = serverFor(dirname(file), values.server as string | undefined);
  // Everything is checked, and each change confirmed, before the server is asked anything.
  for (const index of indexes) {
    const { method, node } = requests[index];
    if (!method) throw new CliError(`request ${index} names no documented method: nothing is sent`);
    const errors = analysis.problems.filter((p) => p.severity === 'error' && p.offset >= node.offset && p.offset < node.offset + node.length).length;
    if (errors > 0 && !values.force) {
      const problems = `${errors} error problem${errors === 1 ? '' : 's'}`;
      throw new CliError(`request ${index} (${method}) has ${problems}: fix them, or send it anyway with --force`);
    }
    const question = `Send ${method} (request ${index}) to ${target.name} (${target.profile.url})? [y/N] `;
    if (!values['dry-run'] && changesServer(method) && !values.yes && !(await confirmed(question))) {
      throw new CliError(`${method} changes the server: confirm on a terminal, or pass --yes`);
    }
  }
  // The profile found above (its project file read once).
  const connection = await openServer(target);
  const { client } = connection;
  const live = <T>(work: () => Promise<T>) => connection.live(work);
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
    const tokens = connection.tokens();
    const answer = await live(() => sendRequest(client, tokens, method, params));
    const response = answer.ok ? answer.response : answer.fault;
    results.push({ file: positionals[0], request: index, method, server: connection.target.name, ok: answer.ok, response });
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
