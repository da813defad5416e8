// Types of no-node-modules.mjs, for the tests that use the plugin.
import type { Plugin } from 'esbuild';

export declare const noNodeModules: Plugin;
