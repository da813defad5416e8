// What `records pull` asks a server, for the command line and the editor alike: GetChannels,
// GetCallRulesOutGroup, GetCodecs, GetChannelGroups, then GetPublicNo for each channel and
// GetCallRulesOut for each group. The first fault ends it: nothing half-pulled is written.
import { idsIn, type PulledAnswers } from '../core';
import type { CallAnswer } from './channel-client';

/** One request sent (with the token, renewed as sendRequest does). */
export type Ask = (method: string, params?: object) => Promise<CallAnswer>;

export type PullResult = { answers: PulledAnswers } | { fault: { method: string; faultcode: string; faultstring: string } };

/** The first fault, carried out of the sequence. */
class Faulted extends Error {
  constructor(readonly fault: { method: string; faultcode: string; faultstring: string }) {
    super(`${fault.method} answered fault ${fault.faultcode}`);
  }
}

export async function pullAnswers(ask: Ask): Promise<PullResult> {
  const call = async (method: string, params: object = {}): Promise<unknown> => {
    const answer = await ask(method, params);
    if (!answer.ok) throw new Faulted({ method, ...answer.fault });
    return answer.response;
  };
  try {
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
    return { answers };
  } catch (error) {
    if (error instanceof Faulted) return { fault: error.fault };
    throw error;
  }
}
