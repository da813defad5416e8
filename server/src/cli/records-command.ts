// `records pull`: fills .voipnow/records.json from the server (issue 18): GetCodecs, GetChannels,
// GetChannelGroups, GetPublicNo for each channel, GetCallRulesOutGroup and GetCallRulesOut for each
// group, shaped by the engine (pulledRecordsText: sorted by ID, users and timeIntervals kept from
// the file there) and written atomically beside the .voipnow/config.json that names the server, or
// to -o FILE. A fault or a failure changes nothing.
import { join, resolve } from 'node:path';
import { RECORDS_PATH } from '../core';
import { pullAnswers } from '../live/pull-records';
import { sendRequest } from '../live/send';
import { writePulledRecords } from '../node/pulled-records-file';
import { parseCommandArgs } from './args';
import { CliError } from './errors';
import { RECORDS_HELP } from './help';
import { RECORDS_OPTIONS } from './option-tables';
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
  const pulled = await pullAnswers((method, params) => connection.live(() => sendRequest(connection.client, connection.tokens(), method, params)));
  if ('fault' in pulled) {
    const { method, faultcode, faultstring } = pulled.fault;
    throw new CliError(`${method} answered fault ${faultcode} ${faultstring}: nothing is written`);
  }
  const written = await writePulledRecords(target, pulled.answers);
  if ('error' in written) throw new CliError(written.error);
  const counts = Object.entries(written.counts).map(([kind, count]) => `${count} ${kind}`);
  process.stdout.write(`wrote ${target} from ${connection.target.name}: ${counts.join(', ')}\n`);
  return 0;
}
