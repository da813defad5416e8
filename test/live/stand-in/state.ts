// The stand-in's in-memory VoipNow: channels, channel groups, codecs, public numbers and outgoing
// rules groups, and what each Channel operation answers from them. A refusal is a documented fault:
// its code and the text schemas/codes.json holds for the method (placeholders filled, see fault()).
import { documentedText } from '../../../server/src/core';
import type { Value, XmlElement } from './xml';
import { child, children, textOf } from './xml';

export interface Codec { ID: number; name: string; type: string }
export interface Channel {
  ID: number; name: string; hostname: string; flow: 'in' | 'out' | 'both'; status: boolean; paid: boolean;
  codecs: number[]; port?: number; crDate: string;
}
export interface ChannelGroup { ID: number; name: string; notes: string; channelIDs: number[]; crDate: string }
export interface PublicNo { ID: number; channelID: number; did: string; phoneNo: string; location: string; type: 'exclusive' | 'stacked'; cost: number }
export interface Rule { ruleID: number; action: 'block' | 'transfer' | 'process' | 'portability'; number: string; position: number; final: boolean; status: boolean }
export interface RulesGroup { ID: number; name: string; userID: number; status: boolean; isDefault: boolean; rules: Rule[]; crDate: string }

export interface StandInState {
  codecs: Codec[];
  channels: Channel[];
  groups: ChannelGroup[];
  publicNumbers: PublicNo[];
  rulesGroups: RulesGroup[];
  nextID: number;
}

const CREATED = '2026-01-05T10:00:00Z';

/** A small server's worth of records; tests change them through the state object. */
export function seedState(): StandInState {
  return {
    codecs: [{ ID: 1, name: 'G.711 u-law', type: 'audio' }, { ID: 2, name: 'G.729', type: 'audio' }, { ID: 3, name: 'H.264', type: 'video' }],
    channels: [{ ID: 1, name: 'Carrier One', hostname: 'sip.carrier-one.example', flow: 'both', status: true, paid: true, codecs: [1], crDate: CREATED }],
    groups: [{ ID: 1, name: 'Carriers', notes: '', channelIDs: [1], crDate: CREATED }],
    publicNumbers: [{ ID: 1, channelID: 1, did: '0312345678', phoneNo: '40312345678', location: 'Bucharest', type: 'exclusive', cost: 0 }],
    rulesGroups: [{
      ID: 1, name: 'Default outgoing', userID: 1, status: true, isDefault: true, crDate: CREATED,
      rules: [{ ruleID: 1, action: 'process', number: '0*', position: 1, final: true, status: true }],
    }],
    nextID: 100,
  };
}

export type Outcome = { answer: Value } | { fault: { code: string; text: string } };

export class DocumentedFaultMissing extends Error {}

/** A documented fault; the stand-in fills {param} with the parameter's name and other placeholders with nothing. */
export function fault(method: string, code: string, param = ''): Outcome {
  const text = documentedText(method, code);
  if (text === undefined) throw new DocumentedFaultMissing(`${method} does not document ${code}`);
  return { fault: { code, text: text.replace(/\{param\}/g, param).replace(/\{[a-z_]+\}/g, '') } };
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const bool = (s: string | undefined) => (s === undefined ? undefined : s === 'true' || s === '1');
const success = (ids: number[]): Outcome => ({ answer: { result: 'success', ID: ids } });

function channelList(s: StandInState, c: Channel): Value {
  return { ID: c.ID, name: c.name, type: 'sip', status: c.status, paid: c.paid, flow: c.flow, crDate: c.crDate };
}

function addChannel(s: StandInState, body: XmlElement): Outcome {
  const sip = child(body, 'SIP');
  if (!sip) return fault('AddChannel', '624'); // AddChannel documents no 117: a missing SIP is an invalid channel type
  const name = textOf(sip, 'name');
  if (!name) return fault('AddChannel', '605');
  if (s.channels.some((c) => c.name === name)) return fault('AddChannel', '200');
  return saveChannel(s, 'AddChannel', sip, { ID: s.nextID++, name, hostname: '', flow: 'both', status: true, paid: true, codecs: [], crDate: CREATED }, true);
}

function saveChannel(s: StandInState, method: string, sip: XmlElement, c: Channel, isNew: boolean): Outcome {
  const port = num(textOf(sip, 'port'));
  if (port !== undefined && !(port >= 1 && port <= 65536)) return fault(method, '612');
  const codecs = children(sip, 'codecs').map((e) => Number(e.text));
  if (codecs.some((id) => !s.codecs.some((k) => k.ID === id))) return fault(method, '620');
  const updated: Channel = {
    ...c, name: textOf(sip, 'name') ?? c.name, hostname: textOf(sip, 'hostname') ?? c.hostname,
    flow: (textOf(sip, 'flow') as Channel['flow'] | undefined) ?? c.flow, paid: bool(textOf(sip, 'paid')) ?? c.paid,
    codecs: codecs.length ? codecs : c.codecs, port: port ?? c.port,
  };
  if (isNew) s.channels.push(updated);
  else s.channels[s.channels.findIndex((x) => x.ID === c.ID)] = updated;
  return success([updated.ID]);
}

function editChannel(s: StandInState, body: XmlElement): Outcome {
  const id = num(textOf(body, 'ID'));
  if (id === undefined) return fault('EditChannel', '117', 'ID');
  const channel = s.channels.find((c) => c.ID === id);
  if (!channel) return fault('EditChannel', '262');
  const sip = child(body, 'SIP');
  if (!sip) return success([id]);
  const name = textOf(sip, 'name');
  if (name !== undefined && s.channels.some((c) => c.name === name && c.ID !== id)) return fault('EditChannel', '200');
  return saveChannel(s, 'EditChannel', sip, channel, false);
}

function delList<T extends { ID: number }>(method: string, body: XmlElement, list: T[]): Outcome {
  const ids = children(body, 'ID').map((e) => Number(e.text));
  if (!ids.length) return fault(method, '117', 'ID');
  const found = ids.filter((id) => list.some((x) => x.ID === id));
  for (const id of found) list.splice(list.findIndex((x) => x.ID === id), 1);
  const result = found.length === ids.length ? 'success' : found.length ? 'partial' : 'failure';
  return { answer: { items: found.length, result } };
}

function getChannels(s: StandInState, body: XmlElement): Outcome {
  const groupID = num(textOf(body, 'groupID'));
  const group = groupID === undefined ? undefined : s.groups.find((g) => g.ID === groupID);
  if (groupID !== undefined && !group) return fault('GetChannels', '264');
  const enabled = bool(textOf(body, 'enabled'));
  const flow = textOf(body, 'flow');
  const filter = textOf(body, 'filter');
  const list = s.channels.filter((c) => (!group || group.channelIDs.includes(c.ID)) && (enabled === undefined || c.status === enabled)
    && (!flow || c.flow === flow) && (!filter || c.name.includes(filter)));
  return { answer: { channel: list.map((c) => channelList(s, c)) } };
}

function channelOf(s: StandInState, method: string, body: XmlElement): { channel?: Channel; refused?: Outcome } {
  const id = num(textOf(body, 'channelID'));
  if (id === undefined) return {};
  const channel = s.channels.find((c) => c.ID === id);
  return channel ? { channel } : { refused: fault(method, '262') };
}

function getCodecs(s: StandInState, body: XmlElement): Outcome {
  const { channel, refused } = channelOf(s, 'GetCodecs', body);
  if (refused) return refused;
  const codec = (k: Codec) => ({ ID: k.ID, name: k.name, type: k.type });
  const assigned = s.codecs.filter((k) => channel?.codecs.includes(k.ID));
  const available = s.codecs.filter((k) => !assigned.includes(k));
  return { answer: { codecs: { assigned: assigned.map(codec), available: available.map(codec) }, channelID: channel?.ID } };
}

function getChannelGroups(s: StandInState, body: XmlElement): Outcome {
  const { channel, refused } = channelOf(s, 'GetChannelGroups', body);
  if (refused) return refused;
  const filter = textOf(body, 'filter');
  const list = s.groups.filter((g) => (!channel || g.channelIDs.includes(channel.ID)) && (!filter || g.name.includes(filter)));
  return { answer: { group: list.map((g) => ({ ID: g.ID, name: g.name, notes: g.notes, channels: g.channelIDs.length, crDate: g.crDate })) } };
}

function getPublicNo(s: StandInState, body: XmlElement): Outcome {
  const { channel, refused } = channelOf(s, 'GetPublicNo', body);
  if (refused) return refused;
  const list = s.publicNumbers.filter((p) => !channel || p.channelID === channel.ID);
  return {
    answer: {
      publicNo: list.map((p) => {
        const c = s.channels.find((x) => x.ID === p.channelID);
        return { channelID: p.channelID, channel: c?.name, didID: p.ID, did: p.did, location: p.location, type: p.type, cost: p.cost, flow: c?.flow, phoneNo: p.phoneNo };
      }),
    },
  };
}

function getCallRulesOutGroup(s: StandInState, body: XmlElement): Outcome {
  const userID = num(textOf(body, 'userID'));
  const list = s.rulesGroups.filter((g) => userID === undefined || g.userID === userID);
  return {
    answer: {
      userID,
      rulesGroup: list.map((g) => ({ ID: g.ID, name: g.name, status: g.status, rulesNo: g.rules.length, inUse: false, crDate: g.crDate, default: g.isDefault })),
    },
  };
}

function getCallRulesOut(s: StandInState, body: XmlElement): Outcome {
  const id = num(textOf(body, 'ID'));
  if (id === undefined) return fault('GetCallRulesOut', '260'); // no 117 documented here
  const group = s.rulesGroups.find((g) => g.ID === id);
  if (!group) return fault('GetCallRulesOut', '260');
  const rules = group.rules.map((r) => ({ action: r.action, number: r.number, position: r.position, final: r.final, ruleID: r.ruleID, status: r.status }));
  return { answer: { ID: group.ID, name: group.name, userID: group.userID, rules } };
}

function addChannelGroup(s: StandInState, body: XmlElement): Outcome {
  const name = textOf(body, 'name');
  if (!name) return fault('AddChannelGroup', '117', 'name');
  if (s.groups.some((g) => g.name === name)) return fault('AddChannelGroup', '200');
  const group: ChannelGroup = { ID: s.nextID++, name, notes: textOf(body, 'notes') ?? '', channelIDs: children(body, 'channelID').map((e) => Number(e.text)), crDate: CREATED };
  s.groups.push(group);
  return success([group.ID]);
}

const HANDLERS: Record<string, (s: StandInState, body: XmlElement) => Outcome> = {
  AddChannel: addChannel,
  EditChannel: editChannel,
  DelChannel: (s, body) => delList('DelChannel', body, s.channels),
  GetChannels: getChannels,
  GetCodecs: getCodecs,
  GetChannelGroups: getChannelGroups,
  GetPublicNo: getPublicNo,
  GetCallRulesOutGroup: getCallRulesOutGroup,
  GetCallRulesOut: getCallRulesOut,
  AddChannelGroup: addChannelGroup,
};

/**
 * The answer to an operation, or undefined for the operations the stand-in does not model: those
 * get a generic success (server.ts writes it from the answer's type).
 */
export function handle(s: StandInState, operation: string, body: XmlElement): Outcome | undefined {
  return HANDLERS[operation]?.(s, body);
}
