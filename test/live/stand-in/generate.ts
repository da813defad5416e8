// Writes the stand-in's WSDL and XSD fixtures (version-a/, version-b/) from channel-3.0.0.json:
// `npx tsx test/live/stand-in/generate.ts`. A test (stand-in.test.ts) fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Version } from './model';
import { loadModel } from './model';
import { writeFixtures } from './write-schemas';

export function fixtureDir(version: Version): string {
  return path.join(__dirname, version === 'A' ? 'version-a' : 'version-b');
}

export function generatedFixtures(version: Version): Map<string, string> {
  return writeFixtures(loadModel(version));
}

if (require.main === module) {
  for (const version of ['A', 'B'] as const) {
    for (const [file, text] of generatedFixtures(version)) {
      const target = path.join(fixtureDir(version), file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
}
