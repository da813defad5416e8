// The live loop's palette command ids (package.json contributes them): the desktop registers each
// one's work (commands.ts), the web extension its word that sending needs the desktop (unavailable.ts).
export const PALETTE = {
  send: 'voipnowPayloads.send',
  pullRecords: 'voipnowPayloads.pullRecords',
  setCredentials: 'voipnowPayloads.setCredentials',
  forgetCredentials: 'voipnowPayloads.forgetCredentials',
  reloadWsdl: 'voipnowPayloads.reloadWsdl',
} as const;
