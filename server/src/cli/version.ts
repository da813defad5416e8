// The package's version, for --version and SARIF's tool.driver (esbuild inlines only this field).
// The package names no home page or repository until one exists, so SARIF gives no informationUri.
import { version } from '../../../package.json';

export const VERSION: string = version;
