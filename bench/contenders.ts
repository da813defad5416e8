// The in-process contenders of the benchmark, each measured in a process of its own (see
// isolated.ts) so that one contender's heap does not slow the next one's collections.
import { parseTree } from 'jsonc-parser';
import { analyze } from '../server/src/core';
import { ajvValidators } from './ajv';
import { batchText } from './generate';
import { jsonLanguageService } from './json-languageservice';

export const CONTENDERS = ['parseTree', 'JSON.parse', 'JSON.parse + ajv', 'core', 'jls'] as const;
export type Contender = (typeof CONTENDERS)[number];

export async function makeContender(name: Contender, root: string): Promise<() => unknown> {
  const batch = batchText(2000);
  switch (name) {
    case 'parseTree':
      return () => parseTree(batch, []);
    case 'JSON.parse':
      return (): unknown => JSON.parse(batch);
    case 'JSON.parse + ajv': {
      const ajv = ajvValidators(root);
      return () => ajv(JSON.parse(batch));
    }
    case 'core':
      return () => analyze(batch);
    case 'jls': {
      const jls = await jsonLanguageService(root);
      return () => jls(batch);
    }
  }
}
