// Runs headless Emacs (`emacs --batch`) with client.el on a file and returns the JSON it wrote
// (failing clearly when Emacs hangs or writes nothing).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMACS } from '../../../scripts/e2e/config.mjs';
import { runHeadless } from '../run-headless.mjs';

const CLIENT = join(dirname(fileURLToPath(import.meta.url)), 'client.el');

/** `init`: the user's init file; `file`: the file to open; `at`: the text to hover on; `home`: a private HOME. */
export function runEmacs({ init, file, at, home, out }) {
  return runHeadless('emacs', EMACS, ['--batch', '-l', CLIENT], { cwd: dirname(file), env: { HOME: home, VOIPNOW_INIT: init, VOIPNOW_FILE: file, VOIPNOW_AT: at }, out });
}
