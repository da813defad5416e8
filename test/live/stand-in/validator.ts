// Checks an envelope against the version's XSDs with libxml2's xmllint (Debian's libxml2-utils,
// installed by .ci/run): a real XML Schema validator, so element order, namespaces and value types
// are judged as a server's would be. The schemas are copied into a temporary folder with {{BASE}}
// pointing at that folder, so xmllint never reaches for the network (--nonet).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Version } from './model';
import { generatedFixtures } from './generate';
import { BASE } from './write-schemas';
import { loadModel } from './model';

export const XMLLINT = process.env.XMLLINT ?? 'xmllint';

export interface Validation {
  ok: boolean;
  /** The envelope in canonical form (XML C14N: no comments, CDATA or entity references left), when valid. */
  canonical: string;
  /** xmllint's messages, the input's name replaced by "envelope". */
  errors: string[];
}

/** Writes the schemas of a version into dir; returns the validating schema's path. */
export function prepareSchemas(version: Version, dir: string): string {
  const root = path.join(dir, 'soap2', 'schema');
  const base = pathToFileURL(dir).href;
  for (const [file, text] of generatedFixtures(version)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text.split(BASE).join(base));
  }
  // The validating schema pulls in the envelope and the two namespaces an envelope's parts live in.
  const model = loadModel(version);
  const files = [...generatedFixtures(version).keys()];
  const of = (name: string) => path.join(root, files.find((f) => f.endsWith(`/${name}`))!);
  copyFileSync(path.join(__dirname, 'soap-envelope.xsd'), path.join(dir, 'soap-envelope.xsd'));
  const main = path.join(dir, 'validate.xsd');
  writeFileSync(main, `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://schemas.xmlsoap.org/soap/envelope/" schemaLocation="${pathToFileURL(path.join(dir, 'soap-envelope.xsd')).href}"/>
  <xsd:import namespace="${model.ns.messages}" schemaLocation="${pathToFileURL(of('ChannelMessages.xsd')).href}"/>
  <xsd:import namespace="${model.ns.header}" schemaLocation="${pathToFileURL(of('HeaderData.xsd')).href}"/>
</xsd:schema>
`);
  return main;
}

export function validate(schema: string, xml: string): Promise<Validation> {
  return new Promise((resolve, reject) => {
    const child = execFile(XMLLINT, ['--nonet', '--schema', schema, '--c14n', '-'], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : NaN) : 0;
      if (Number.isNaN(code)) return reject(new Error(`${XMLLINT} could not run (Debian: apt-get install libxml2-utils; or set XMLLINT): ${error?.message}`));
      if (/failed to compile/.test(stderr)) return reject(new Error(`the stand-in's schemas do not compile: ${stderr}`));
      const errors = stderr.split('\n').filter((l) => l.trim() && l !== '- validates' && l !== '- fails to validate').map((l) => l.replace(/^-:/, 'envelope:'));
      resolve({ ok: code === 0, canonical: code === 0 ? stdout : '', errors });
    });
    child.stdin!.end(xml);
  });
}
