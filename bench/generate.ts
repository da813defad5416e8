// Generated inputs for the benchmark: a batch of AddChannel requests (about 1 MB for 2,000),
// one in ten broken, and single-request files for the command line.
const FLOWS = ['in', 'out', 'both'];

export function channelRequest(i: number): object {
  const broken = i % 10 === 7;
  return {
    method: 'AddChannel',
    id: `carrier-${i}`,
    params: {
      type: 'sip',
      SIP: {
        name: `Carrier ${i}`,
        hostname: `sip${i}.carrier.example.net`,
        port: 5060,
        login: `trunk${i}`,
        password: `pw${i}Secret`,
        flow: broken ? 'bothh' : FLOWS[i % 3],
        dtmf: 'rfc2833',
        sipTransport: 'udp',
        qualify: broken ? 150 : 200,
        concurentCalls: 30,
        sessionTimers: '0',
        sessionRefresher: '1',
        sessionExpire: 1800,
        sessionMinExpire: 90,
        inviteIP: ['203.0.113.0/24', `198.51.${i % 256}.*`],
        codecs: [1, 3, 8],
        callerID: `+4021${String(i).padStart(7, '0')}`,
        notes: 'Generated for the benchmark: a carrier trunk with the usual settings and a short note.',
        register: true,
        behindNAT: false,
      },
    },
  };
}

export function batchText(count: number): string {
  // One request a line, as provisioning scripts tend to write them.
  return '[\n' + Array.from({ length: count }, (_, i) => '  ' + JSON.stringify(channelRequest(i))).join(',\n') + '\n]\n';
}

export function singleFileText(i: number): string {
  return JSON.stringify(channelRequest(i), null, 2);
}

/** A one-request file under 200 bytes (the workspace index's scenario of 100,000 files). */
export function smallRequestText(i: number): string {
  return JSON.stringify({ method: 'AddChannel', params: { type: 'sip', SIP: { name: `Carrier ${i}`, flow: i % 10 === 7 ? 'bothh' : 'in' } } }) + '\n';
}

/** A batch of about `bytes` bytes whose requests are numbered from `first` (each file adds channels of its own). */
export function batchFrom(first: number, bytes: number): string {
  const lines: string[] = [];
  let size = 4;
  for (let i = first; size < bytes; i++) {
    const line = '  ' + JSON.stringify(channelRequest(i));
    lines.push(line);
    size += line.length + 2;
  }
  return '[\n' + lines.join(',\n') + '\n]\n';
}
