// What it takes to bundle strong-soap (issue 18's wire, server/src/live/) into the command line and
// the server, which ship with no node_modules: its strong-globalize (messages from CLDR data read
// from disk at run time) is replaced by util.format, and parser/typeRegistry.js, which requires
// its element types by a computed path, gets a switch of static requires (each still loaded when
// first asked: the types require each other). Checked by test/live/send-command.test.ts on the
// built dist/cli.js.
import { readFileSync } from 'node:fs';

const GLOBALIZE_STUB = `const util = require('util');
function SG() { return { f: (format, ...args) => util.format(format, ...args), warn: () => {}, describe: () => {}, postProcess: (x) => x }; }
SG.SetRootDir = () => {};
module.exports = SG;`;

export const strongSoap = {
  name: 'strong-soap',
  setup(build) {
    build.onResolve({ filter: /^strong-globalize$/ }, () => ({ path: 'strong-globalize', namespace: 'strong-soap-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'strong-soap-stub' }, () => ({ contents: GLOBALIZE_STUB, loader: 'js', resolveDir: process.cwd() }));
    build.onLoad({ filter: /strong-soap[/\\]src[/\\]parser[/\\]typeRegistry\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const start = source.indexOf('var elementTypes = [');
      const list = source.slice(start, source.indexOf('];', start) + 2);
      const paths = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      if (paths.length === 0 || !source.includes('var type = require(t);')) throw new Error('strong-soap changed: see scripts/esbuild-strong-soap.mjs');
      const cases = paths.map((p) => `case ${JSON.stringify(p)}: return require(${JSON.stringify(p)});`).join('\n');
      const contents = `${source.replace('var type = require(t);', 'var type = staticType(t);')}\nfunction staticType(t) { switch (t) {\n${cases}\n} }\n`;
      return { contents, loader: 'js' };
    });
  },
};
