// A project folder whose .voipnow/config.json names the stand-in as the profile `staging`, with the
// stand-in's CA beside it (`ca.pem`, relative to the folder), as the live tests set up.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandIn } from './stand-in/server';

export function profileFolder(s: StandIn, prefix: string, timeoutMs?: number): string {
  const dir = mkdtempSync(join(tmpdir(), `voipnow-${prefix}-`));
  mkdirSync(join(dir, '.voipnow'));
  copyFileSync(s.caFile, join(dir, 'ca.pem'));
  writeFileSync(join(dir, '.voipnow', 'config.json'), JSON.stringify({ servers: { staging: { url: s.url, ca: 'ca.pem', timeoutMs } } }));
  return dir;
}
