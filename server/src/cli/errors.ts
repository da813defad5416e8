// The one failure the command line reports itself: bad usage or an unreadable path. main() prints
// its message as a single line on stderr and exits 2; anything else is an internal error.

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
