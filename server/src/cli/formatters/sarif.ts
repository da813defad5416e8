// SARIF 2.1.0 for code-scanning services (GitHub's ingestion rules: Multitool `validate --rule-kind
// "Gh;Sarif"`). One run; results are written as they come, then the rules and artifacts met. Paths
// under the working folder are relative to `%SRCROOT%` (originalUriBaseIds says where that is),
// others are file: URIs. Regions use SARIF's default UTF-16 columns with an exclusive end column.
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileFindings, Location } from '../results';
import type { FormatFactory } from './format-writer';
import { VERSION } from '../version';
import { LEVEL, ruleFor } from './sarif-rules';

const SRCROOT = 'SRCROOT';
const MIME = 'application/json';
/** partialFingerprints key: stable across line moves, it changes with the file, the code or the message. */
const FINGERPRINT = 'voipnowPayloads/v1';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
  description?: { text: string };
}

/** Standard input read without --stdin-filename is in no folder: a relative URI with no base, described. */
const STDIN: ArtifactLocation = { uri: 'stdin', description: { text: 'Standard input (no --stdin-filename given).' } };

export const sarifFormat: FormatFactory = (sink, { cwd, unnamedStdin }) => {
  /** Rule id → its index and the methods that raised it (a documented code's texts differ by method). */
  const rules = new Map<string, { index: number; methods: Set<string> }>();
  const artifacts = new Map<string, ArtifactLocation>();
  let first = true;
  const baseUri = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  // The buffer is empty and the opening short: this write only buffers, there is no wait to await.
  void sink.write(
    `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n` +
      `      "columnKind": "utf16CodeUnits",\n      "originalUriBaseIds": ${indent({ [SRCROOT]: { uri: baseUri } }, 6)},\n      "results": [`,
  );
  const artifactOf = (file: string): ArtifactLocation => {
    let artifact = artifacts.get(file);
    if (!artifact) artifacts.set(file, (artifact = { ...(file === unnamedStdin ? STDIN : uriOf(file, cwd)), index: artifacts.size }));
    return artifact;
  };
  const physical = (location: Location) => ({
    physicalLocation: {
      artifactLocation: artifactOf(location.file),
      region: { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: location.endColumn },
    },
  });
  /** Each file's artifactLocation as laid out in a result's location, made once. */
  const artifactJson = new Map<string, string>();
  const locationsJson = (l: Location) => {
    let artifact = artifactJson.get(l.file);
    if (!artifact) artifactJson.set(l.file, (artifact = indent(artifactOf(l.file), 16)));
    return [
      '[',
      '            {',
      '              "physicalLocation": {',
      `                "artifactLocation": ${artifact},`,
      '                "region": {',
      `                  "startLine": ${l.line},`,
      `                  "startColumn": ${l.column},`,
      `                  "endLine": ${l.endLine},`,
      `                  "endColumn": ${l.endColumn}`,
      '                }',
      '              }',
      '            }',
      '          ]',
    ].join('\n');
  };
  return {
    async file(checked: FileFindings, findings) {
      if (checked.isPayload || findings.length > 0) artifactOf(checked.file.display);
      // The fingerprint hashes the file, code and message (once per distinct one) and counts repeats in the file.
      const seen = new Map<string, { hash: string; count: number }>();
      for (const { problem, location, related } of findings) {
        let rule = rules.get(problem.code);
        if (!rule) rules.set(problem.code, (rule = { index: rules.size, methods: new Set() }));
        if (problem.method) rule.methods.add(problem.method);
        const key = `${location.file}\0${problem.code}\0${problem.message}`;
        let same = seen.get(key);
        if (!same) seen.set(key, (same = { hash: fingerprintHash(key), count: 0 }));
        same.count++;
        // Laid out by hand as JSON.stringify(result, null, 2) would: millions of results go several times faster.
        const parts = [
          first ? '' : ',',
          '        {',
          `          "ruleId": ${JSON.stringify(problem.code)},`,
          `          "ruleIndex": ${rule.index},`,
          `          "level": "${LEVEL[problem.severity]}",`,
          '          "message": {',
          `            "text": ${JSON.stringify(problem.message)}`,
          '          },',
          `          "locations": ${locationsJson(location)},`,
        ];
        if (related.length > 0) {
          const places = related.map((r, i) => ({ id: i, ...physical(r), message: { text: 'The other request.' } }));
          parts.push(`          "relatedLocations": ${indent(places, 10)},`);
        }
        parts.push(
          '          "partialFingerprints": {',
          `            "${FINGERPRINT}": "${same.hash}:${same.count}"`,
          '          },',
          '          "properties": {',
          `            "method": ${problem.method === undefined ? 'null' : JSON.stringify(problem.method)}`,
          '          }',
          '        }',
        );
        const wait = sink.write(parts.join('\n'));
        first = false;
        if (wait) await wait;
      }
    },
    end() {
      const described = [...rules].map(([code, r]) => ruleFor(code, r.methods));
      const driver = { name: 'voipnow-payloads', version: VERSION, semanticVersion: VERSION, rules: described };
      const list = [...artifacts.values()].map(({ index: _, ...location }) => ({ location, roles: ['analysisTarget'], mimeType: MIME }));
      return sink.write(`${first ? ']' : '\n      ]'},\n      "tool": ${indent({ driver }, 6)},\n      "artifacts": ${indent(list, 6)}\n    }\n  ]\n}\n`);
    },
  };
};

const fingerprintHash = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

/** JSON.stringify laid out with two-space steps, its lines after the first indented by `by` spaces. */
function indent(value: unknown, by: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(by)}`);
}

/** A path under the working folder is relative to %SRCROOT%; any other is a file: URI. */
function uriOf(path: string, cwd: string): Omit<ArtifactLocation, 'index'> {
  if (isAbsolute(path) || path === '..' || path.startsWith('../')) return { uri: pathToFileURL(resolve(cwd, path)).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}
