// An esbuild plugin for the browser bundles (esbuild.mjs): any import of a Node module (`fs`,
// `node:path`, ...) fails the build and names the file that imports it. A Web Worker has none of
// them; the platform (server/src/lsp/platform.ts) is where the server's Node-only parts live.
import { builtinModules } from 'node:module';
import { relative } from 'node:path';

const NODE_MODULES = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

export const noNodeModules = {
  name: 'no-node-modules',
  setup(builder) {
    const root = builder.initialOptions.absWorkingDir ?? process.cwd();
    builder.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      if (!NODE_MODULES.has(args.path) && !args.path.startsWith('node:')) return undefined;
      const text = `${relative(root, args.importer)} imports the Node module '${args.path}': the browser bundles must not (see server/src/lsp/platform.ts)`;
      return { errors: [{ text }] };
    });
  },
};
