// The commands that talk to a VoipNow server, a bundle of their own (dist/live-commands.js: the
// wire and strong-soap weigh a megabyte), loaded by main.ts only when one of them runs.
export { recordsCommand } from './records-command';
export { sendCommand } from './send-command';
