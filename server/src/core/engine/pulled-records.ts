// The records snapshot (.voipnow/records.json, spec section 6) made from what the server answered
// (issue 18's `records pull`): GetCodecs, GetChannels, GetChannelGroups, GetPublicNo for each
// channel, GetCallRulesOutGroup, and GetCallRulesOut for each group, each answer as plain JSON in
// the shape of the Channel service's answer elements (the 3.0.0 note: ../shared/notes/
// systemapi-channel-3.0.0.json). A SOAP answer gives a list of one as the element itself, and
// numbers as text: both are read either way. Each kind is sorted by ID; the kinds the Channel
// service cannot list (users, timeIntervals) are kept as the file had them, with its $schema.
import { parse, type ParseError } from 'jsonc-parser';

/** The answers a pull collected (each list: one answer per channel, or per rules group). */
export interface PulledAnswers {
  /** GetCodecsResponse: `codecs.assigned[]` and `codecs.available[]` ({ ID, name, type }). */
  codecs?: unknown;
  /** GetChannelsResponse: `channel[]` ({ ID, name, ... }). */
  channels?: unknown;
  /** GetChannelGroupsResponse: `group[]` ({ ID, name, ... }). */
  channelGroups?: unknown;
  /** GetPublicNoResponse of each channel: `publicNo[]` ({ didID, did, phoneNo, ... }). */
  publicNumbers?: readonly unknown[];
  /** GetCallRulesOutGroupResponse: `rulesGroup[]` ({ ID, name, ... }). */
  rulesGroups?: unknown;
  /** GetCallRulesOutResponse of each group: its `name` and `rules[]` ({ ruleID, action, number, ... }). */
  rules?: readonly unknown[];
}

export interface PulledRecord {
  ID: number | string;
  name: string;
  phoneNo?: string;
}

/** Kinds the Channel service cannot list: kept from the existing file. */
const KEPT_KINDS = ['timeIntervals', 'users'] as const;

/** The text of the new records file, or why it cannot be made (an existing file that does not parse is not overwritten). */
export function pulledRecordsText(answers: PulledAnswers, existing?: string): { text: string; counts: Record<string, number> } | { error: string } {
  let kept: Record<string, unknown> = {};
  if (existing !== undefined && existing.trim() !== '') {
    const errors: ParseError[] = [];
    const value = parse(existing, errors, { allowTrailingComma: true }) as unknown;
    if (errors.length > 0 || !isObject(value)) {
      return { error: 'The records file there is not a JSON object: mend or remove it before pulling (it keeps users and timeIntervals).' };
    }
    kept = value;
  }
  const snapshot: Record<string, unknown> = {};
  if (typeof kept.$schema === 'string') snapshot.$schema = kept.$schema;
  const codecs = field(answers.codecs, 'codecs');
  snapshot.codecs = records([...list(field(codecs, 'assigned')), ...list(field(codecs, 'available'))], named);
  snapshot.channels = records(list(field(answers.channels, 'channel')), named);
  snapshot.channelGroups = records(list(field(answers.channelGroups, 'group')), named);
  snapshot.publicNumbers = records((answers.publicNumbers ?? []).flatMap((answer) => list(field(answer, 'publicNo'))), publicNumber);
  snapshot.rulesGroups = records(list(field(answers.rulesGroups, 'rulesGroup')), named);
  snapshot.rules = records(
    (answers.rules ?? []).flatMap((answer) => list(field(answer, 'rules')).map((rule) => ({ rule, group: field(answer, 'name') }))),
    ({ rule, group }) => ruleRecord(rule, group),
  );
  for (const kind of KEPT_KINDS) if (kept[kind] !== undefined) snapshot[kind] = kept[kind];
  const counts: Record<string, number> = {};
  for (const [kind, value] of Object.entries(snapshot)) if (Array.isArray(value)) counts[kind] = value.length;
  return { text: JSON.stringify(snapshot, null, 2) + '\n', counts };
}

/** The IDs of an answer's listed records (`channel`, `rulesGroup`): what the per-record calls of a pull ask for. */
export function idsIn(answer: unknown, listName: string): unknown[] {
  return list(field(answer, listName))
    .map((item) => field(item, 'ID'))
    .filter((id) => id !== undefined);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function field(value: unknown, name: string): unknown {
  return isObject(value) ? value[name] : undefined;
}

/** A repeated element: absent, one (as itself) or many. */
function list(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/** An ID as the records file writes it: a number when it is one (the server sends text), else as sent. */
function idOf(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value !== 'string' || !/^0*[1-9][0-9]*$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function named(item: unknown): PulledRecord | undefined {
  const ID = idOf(field(item, 'ID'));
  const name = text(field(item, 'name'));
  return ID === undefined ? undefined : { ID, name: name ?? '' };
}

/** A public number: its DID's ID, the DID as its name, and the phone number when it is not the name. */
function publicNumber(item: unknown): PulledRecord | undefined {
  const ID = idOf(field(item, 'didID'));
  const phoneNo = text(field(item, 'phoneNo'));
  const name = text(field(item, 'did')) ?? phoneNo;
  if (ID === undefined || name === undefined) return undefined;
  return phoneNo !== undefined && phoneNo !== name ? { ID, name, phoneNo } : { ID, name };
}

/** A rule has no name of its own: its action and number, in its group (what hover shows of it). */
function ruleRecord(rule: unknown, group: unknown): PulledRecord | undefined {
  const ID = idOf(field(rule, 'ruleID'));
  if (ID === undefined) return undefined;
  const what = [text(field(rule, 'action')), text(field(rule, 'number'))].filter(Boolean).join(' ');
  const groupName = text(group);
  return { ID, name: [groupName, what || `rule ${ID}`].filter(Boolean).join(': ') };
}

/** The records of one kind, each ID once (the last answer's), sorted by ID. */
function records<T>(items: readonly T[], make: (item: T) => PulledRecord | undefined): PulledRecord[] {
  const byId = new Map<string, PulledRecord>();
  for (const item of items) {
    const record = make(item);
    if (record) byId.set(String(record.ID), record);
  }
  return [...byId.values()].sort((a, b) => compareIds(String(a.ID), String(b.ID)));
}

/** IDs in numeric order (any length: by digits, then as text). */
function compareIds(a: string, b: string): number {
  const [x, y] = [a.replace(/^0+/, ''), b.replace(/^0+/, '')];
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
}
