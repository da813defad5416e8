// SARIF 2.1.0 for code-scanning services: one run, one rule per code that occurs, and results whose
// regions use SARIF's default UTF-16 columns with an exclusive end column.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentedText, isDocumentedCode, methodsDocumenting, WORD_CODES, type Problem, type Severity } from '../../core';
import { allFindings, type CheckedFile, type Location } from '../results';
import { VERSION } from '../version';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note' };

export function formatSarif(files: readonly CheckedFile[]): string {
  const findings = allFindings(files);
  const rules = rulesFor(findings.map((f) => f.problem));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = findings.map(({ problem, location, related }) => ({
    ruleId: problem.code,
    ruleIndex: ruleIndex.get(problem.code),
    level: LEVEL[problem.severity],
    message: { text: problem.message },
    locations: [physical(location)],
    ...(related.length > 0 ? { relatedLocations: related.map((r, i) => ({ id: i, ...physical(r) })) } : {}),
    properties: { method: problem.method ?? null },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'voipnow-payloads', version: VERSION, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

interface Rule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration: { level: string };
}

/**
 * Sorted by code. A documented code's description is its documented text; when the methods that
 * raised it word it differently (607), the full description lists each method's text.
 */
function rulesFor(problems: readonly Problem[]): Rule[] {
  const methodsByCode = new Map<string, Set<string>>();
  for (const { code, method } of problems) {
    let methods = methodsByCode.get(code);
    if (!methods) methodsByCode.set(code, (methods = new Set()));
    if (method) methods.add(method);
  }
  return [...methodsByCode.keys()].sort().map((code) => {
    if (!isDocumentedCode(code)) {
      const word = WORD_CODES[code as keyof typeof WORD_CODES];
      return { id: code, shortDescription: { text: word?.meaning ?? code }, defaultConfiguration: { level: LEVEL[word?.severity ?? 'error'] } };
    }
    const methods = [...(methodsByCode.get(code) ?? [])].filter((m) => documentedText(m, code) !== undefined);
    const texts = methods.map((m) => `${m}: ${documentedText(m, code)}`);
    const distinct = new Set(methods.map((m) => documentedText(m, code)));
    const text = methods.length > 0 ? documentedText(methods[0], code)! : methodsDocumenting(code)[0]?.text ?? code;
    return {
      id: code,
      shortDescription: { text },
      ...(distinct.size > 1 ? { fullDescription: { text: texts.join('\n') } } : {}),
      defaultConfiguration: { level: 'error' },
    };
  });
}

function physical(location: Location) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(location.file) },
      region: { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: location.endColumn },
    },
  };
}

/** A relative URI reference for a path under the working directory, a file: URI otherwise. */
function uriOf(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}
