// `records pull`: fills .voipnow/records.json from the server (issue 18): GetCodecs, GetChannels,
// GetChannelGroups, GetPublicNo for each channel, GetCallRulesOutGroup and GetCallRulesOut for each
// group, shaped by the engine (pulledRecordsText: sorted by ID, users and timeIntervals kept from
// the file there) and written atomically beside the .voipnow/config.json that names the server, or
// to -o FILE. A fault or a failure changes nothing.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { idsIn, pulledRecordsText, RECORDS_PATH, type PulledAnswers } from '../core';
import { sendRequest } from '../live/send';
import { writeFileAtomic } from '../node/atomic-write';
import { parseCommandArgs } from './args';
import { CliError } from './errors';
import { RECORDS_HELP } from './help';
import { RECORDS_OPTIONS } from './option-tables';
import { readText } from './read';
import { openServer, serverFor } from './server-connection';

export async function recordsCommand(args: string[], cwd: string): Promise<number> {
  const { values, positionals } = parseCommandArgs('records', args, RECORDS_OPTIONS);
  if (values.help) {
    process.stdout.write(RECORDS_HELP);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'pull') throw new CliError("records takes one action, pull (see 'voipnow-payloads help records')");
  const connection = await openServer(serverFor(cwd, values.server as string | undefined));
  const target = values['output-file'] === undefined ? join(connection.target.base, ...RECORDS_PATH.split('/')) : resolve(cwd, values['output-file'] as string);
  const call = async (method: string, params: object = {}): Promise<unknown> => {
    const answer = await connection.live(() => sendRequest(connection.client, connection.tokens(), method, params));
    if (!answer.ok) throw new CliError(`${method} answered fault ${answer.fault.faultcode} ${answer.fault.faultstring}: nothing is written`);
    return answer.response;
  };
  const channels = await call('GetChannels');
  const rulesGroups = await call('GetCallRulesOutGroup');
  const answers: PulledAnswers = {
    codecs: await call('GetCodecs'),
    channels,
    channelGroups: await call('GetChannelGroups'),
    publicNumbers: await Promise.all(idsIn(channels, 'channel').map((channelID) => call('GetPublicNo', { channelID }))),
    rulesGroups,
    rules: await Promise.all(idsIn(rulesGroups, 'rulesGroup').map((ID) => call('GetCallRulesOut', { ID }))),
  };
  const existing = existsSync(target) ? readText(target, target) : undefined;
  const made = pulledRecordsText(answers, existing);
  if ('error' in made) throw new CliError(made.error);
  await writeFileAtomic(target, made.text);
  const counts = Object.entries(made.counts).map(([kind, count]) => `${count} ${kind}`);
  process.stdout.write(`wrote ${target} from ${connection.target.name}: ${counts.join(', ')}\n`);
  return 0;
}
