// A server's WSDL and the schemas it imports, kept in the editor's storage folder (VS Code's
// global storage) so that each server's WSDL is read from the network once, not in every session;
// "Reload the WSDL" removes the folder. One JSON file per WSDL URL: { wsdl, files: { url: text } }.
// It is a cache: one that cannot be read is read from the server again, one that cannot be written
// is not kept.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { WsdlStore } from '../live/wire-http';
import { writeFileAtomic } from './atomic-write';

/** The folder of the storage that holds the WSDLs. */
export const WSDL_FOLDER = 'wsdl';
/** A stored file larger than this is not read (a WSDL with its schemas is well under 1 MB). */
const MAX_STORED_BYTES = 32 * 1024 * 1024;

export class StoredWsdl implements WsdlStore {
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly wsdl: string,
    private readonly files: Map<string, string>,
  ) {}

  static async open(storage: string, wsdl: string): Promise<StoredWsdl> {
    const path = join(storage, WSDL_FOLDER, `${createHash('sha256').update(wsdl).digest('hex').slice(0, 32)}.json`);
    const files = new Map<string, string>();
    try {
      const info = await stat(path);
      if (info.isFile() && info.size <= MAX_STORED_BYTES) {
        const held = JSON.parse(await readFile(path, 'utf8')) as { wsdl?: unknown; files?: unknown };
        if (held?.wsdl === wsdl && held.files && typeof held.files === 'object') {
          for (const [url, text] of Object.entries(held.files)) if (typeof text === 'string') files.set(url, text);
        }
      }
    } catch {
      // None stored yet, or not readable: read from the server.
    }
    return new StoredWsdl(path, wsdl, files);
  }

  get(url: string): string | undefined {
    return this.files.get(url);
  }

  put(url: string, text: string): void {
    this.files.set(url, text);
    this.changed = true;
  }

  /** Keeps what was read from the server (once the WSDL has loaded whole). */
  async save(): Promise<void> {
    if (!this.changed) return;
    this.changed = false;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileAtomic(this.path, JSON.stringify({ wsdl: this.wsdl, files: Object.fromEntries(this.files) }));
    } catch {
      // Not kept: the next session reads it from the server.
    }
  }
}
