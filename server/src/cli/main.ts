// Entry point of the `voipnow-payloads` command: dispatches to a command and turns every failure
// into an exit code and one line on stderr, never a stack trace.
import { suggest } from '../core/codes/suggest';
import { checkCommand } from './check-command';
import { codesCommand } from './codes-command';
import { CliError } from './errors';
import { reason } from './files';
import { Sink } from './formatters/sink';
import { explainCommand } from './explain-command';
import { isMainThread } from 'node:worker_threads';
import { runAsWorker } from './parallel';
import { COMMAND_HELP, MAIN_HELP } from './help';
import { VERSION } from './version';
import { visible } from './visible';

const NAME = 'voipnow-payloads';
const COMMANDS = ['check', 'explain', 'codes', 'send', 'records', 'help'];

function didYouMean(written: string, names: readonly string[]): string {
  const close = suggest(written, names);
  return close ? ` (did you mean '${close}'?)` : '';
}

export async function run(argv: string[], cwd: string): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return checkCommand(rest, cwd);
    case 'explain':
      return explainCommand(rest);
    case 'codes':
      return codesCommand(rest);
    case 'send':
      // Its own bundle (dist/live-commands.js), loaded only here.
      return (await import('./live-commands.js')).sendCommand(rest, cwd);
    case 'records':
      return (await import('./live-commands.js')).recordsCommand(rest, cwd);
    case 'help':
    case '--help':
    case '-h':
      return help(rest);
    case '--version':
    case '-v':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case undefined:
      process.stderr.write(MAIN_HELP);
      return 2;
    default:
      if (command.startsWith('-')) throw new CliError(`unknown option '${command}' (see '${NAME} --help')`);
      throw new CliError(`unknown command '${command}'${didYouMean(command, COMMANDS)} (see '${NAME} --help')`);
  }
}

function help(args: string[]): number {
  if (args.length === 0) {
    process.stdout.write(MAIN_HELP);
    return 0;
  }
  const text = COMMAND_HELP[args[0]];
  if (!text || args.length > 1) throw new CliError(`no help for '${args.join(' ')}' (commands: check, explain, codes, send, records)`);
  process.stdout.write(text);
  return 0;
}

// Write errors on stdout: the check's report handles those of its own writes (formatters/sink.ts).
// For the other commands' output, a reader that goes away (`| head`) ends nothing (the command's
// exit code stands), and any other error (a full disk) is one line and exit 2, never a stack trace.
if (isMainThread) process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || Sink.owns(process.stdout)) return;
  process.stderr.write(`${NAME}: cannot write the output: ${visible(reason(error))}\n`);
  process.exit(2);
});

if (!runAsWorker()) run(process.argv.slice(2), process.cwd()).then(
  (code) => {
    // exitCode, not exit(): a large report piped to another program must be flushed whole.
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      // Messages name files and quote arguments: escaped, so that a file's name cannot forge a line or drive the terminal.
      process.stderr.write(`${NAME}: ${visible(error.message)}\n`);
    } else {
      // A bug of ours: still one line, and the usage-error code so that CI does not read it as "clean".
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${NAME}: internal error: ${visible(message.split('\n')[0])}\n`);
    }
    process.exitCode = 2;
  },
);
