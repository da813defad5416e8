// The alternative to `voipnow-payloads check DIR` for the benchmark: read every file of a folder,
// JSON.parse it and validate it with ajv (schemas compiled once). Prints the error count.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ajvValidators } from './ajv';

const [root, dir] = process.argv.slice(2);
const validate = ajvValidators(root);
let errors = 0;
for (const name of readdirSync(dir)) {
  try {
    errors += validate(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
  } catch {
    errors++;
  }
}
console.log(errors);
