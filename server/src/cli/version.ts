// The package's version and home page, for --version and SARIF's tool.driver (esbuild inlines only these fields).
import { homepage, version } from '../../../package.json';

export const VERSION: string = version;
export const HOMEPAGE: string = homepage;
