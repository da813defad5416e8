// The live loop's palette commands in the web extension (vscode.dev, github.dev): sending needs the
// desktop, so each says why and what to use instead, where the user looks for it.
import { commands, window, type Disposable } from 'vscode';
import { PALETTE } from './palette-commands';


export const UNAVAILABLE_ON_THE_WEB =
  'VoipNow: sending requests and pulling records need VS Code on the desktop. In the browser the extension has no network free of ' +
  "CORS to reach a VoipNow server and keeps no credentials; on the command line: 'voipnow-payloads send FILE' and 'voipnow-payloads records pull'.";

export function registerUnavailable(): Disposable[] {
  return Object.values(PALETTE).map((id) =>
    commands.registerCommand(id, () => {
      void window.showInformationMessage(UNAVAILABLE_ON_THE_WEB);
      return UNAVAILABLE_ON_THE_WEB;
    }),
  );
}
