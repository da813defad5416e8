// The language client's output channel, with every secret passed to the server in this session
// masked: the trace (voipnowPayloads.trace.server: verbose) writes each message's parameters,
// and the live commands' parameters carry the profile's credentials.
import type { LogOutputChannel } from 'vscode';

/** The channel's methods that write text (their first argument). */
const WRITERS = new Set<PropertyKey>(['append', 'appendLine', 'replace', 'trace', 'debug', 'info', 'warn', 'error']);

export function maskingChannel(channel: LogOutputChannel, secrets: () => Iterable<string>): LogOutputChannel {
  const mask = (text: string): string => {
    for (const secret of secrets()) {
      // As written, and as JSON writes it inside a string (the trace writes the parameters as JSON).
      for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) if (form) text = text.split(form).join('***');
    }
    return text;
  };
  return new Proxy(channel, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!WRITERS.has(property)) return value.bind(target) as unknown;
      const write = value as (...args: unknown[]) => unknown;
      return (first: unknown, ...rest: unknown[]) => write.call(target, typeof first === 'string' ? mask(first) : first, ...rest);
    },
  });
}
