// JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): one test suite holding
// one test case per file checked, a <failure> per problem. Each file's suite carries its own counts,
// so the report is written file by file.
import { oneLine, type FormatFactory } from './format-writer';

/** Text for XML 1.0: the five specials escaped, characters XML cannot hold written as \uXXXX. */
export function xml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const junitFormat: FormatFactory = (sink) => {
  // The buffer is empty and the opening short: this write only buffers, there is no wait to await.
  void sink.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="voipnow-payloads">\n');
  return {
    async file(checked, findings) {
      if (!checked.isPayload && findings.length === 0) return;
      const name = xml(checked.file.display);
      const failures = findings.length === 0 ? 0 : 1;
      await sink.write(`  <testsuite name="${name}" tests="1" failures="${failures}" errors="0" skipped="0">\n`);
      await sink.write(`    <testcase classname="voipnow-payloads" name="${name}"`);
      if (findings.length === 0) {
        await sink.write(' />\n  </testsuite>\n');
        return;
      }
      await sink.write('>\n');
      for (const { problem, location: l } of findings) {
        const where = `${l.file}:${l.line}:${l.column}`;
        const message = oneLine(problem.message);
        const text = xml(`${where}  ${problem.severity}  ${problem.code}  ${message}`);
        const wait = sink.write(`      <failure type="${xml(problem.code)}" message="${xml(message)}">${text}</failure>\n`);
        if (wait) await wait;
      }
      await sink.write('    </testcase>\n  </testsuite>\n');
    },
    end() {
      return sink.write('</testsuites>\n');
    },
  };
};
