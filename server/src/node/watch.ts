// The language server's own watching on Node (platform.watchFolder): fs.watch on one folder, not
// recursive and not keeping the process alive; a broken watch closes itself.
import { watch } from 'node:fs';
import type { FolderWatch } from '../lsp/platform';
import { pathOf } from './file-system';

export function watchFolder(folderUri: string, onChange: (name: string | undefined) => void, onError?: () => void): FolderWatch | undefined {
  const path = pathOf(folderUri);
  if (path === undefined) return undefined;
  try {
    const watcher = watch(path, { persistent: false }, (_event, name) => onChange(name === null || name === undefined ? undefined : String(name)));
    watcher.on('error', () => {
      watcher.close();
      onError?.();
    });
    return watcher;
  } catch {
    return undefined;
  }
}
