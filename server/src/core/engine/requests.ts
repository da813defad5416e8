// Finds the requests of a payload document (spec section 1) and checks each one's envelope:
// method, params, id, $schema, response, over the request's values (JSON.parse's on the quick
// path, its tree's read into values on the full path: parse/json-values.ts).
import type { Node } from 'jsonc-parser';
import { isMethod, METHODS } from '../codes/catalog';
import { wordProblem } from '../codes/messages';
import { checkResponse } from '../rules/response';
import { methodSpec } from './spec';
import { suggest } from '../codes/suggest';
import type { ValidationContext } from '../rules/rule-types';
import { checkObject, checkValue, reportRepeatedKeys } from './validate';
import { kindOf, NO_VALUE, Path, Place, REQUEST, TreePlaces, treeValue, type Places } from '../parse/json-values';
import { propertyValue, rangeOf } from '../parse/tree';
import type { Problem } from '../codes/problem';
import type { Records } from './records-snapshot';

export interface Request {
  node: Node;
  /** The documented method it names, if any. */
  method?: string;
  methodNode?: Node;
  params?: Node;
}


function documentedMethod(node: Node): string | undefined {
  const method = propertyValue(node, 'method');
  const name = method?.type === 'string' ? (method.value as string) : undefined;
  return name !== undefined && isMethod(name) ? name : undefined;
}

/**
 * The requests a document holds, or none when it is not a payload: a top-level object naming a
 * documented method, or an array in which any element does. In files matched by the include globs
 * every top-level object or array element counts as a request.
 */
export function findRequests(root: Node | undefined, included: boolean): Node[] {
  if (!root) return [];
  if (root.type === 'object') return included || documentedMethod(root) ? [root] : [];
  if (root.type === 'array') {
    const elements = root.children ?? [];
    return included || elements.some((e) => e.type === 'object' && documentedMethod(e) !== undefined) ? elements : [];
  }
  return included ? [root] : [];
}

/** What a request node holds, without checking it (for features over a document's tree). */
export function describeRequest(node: Node): Request {
  const methodNode = propertyValue(node, 'method');
  const written = methodNode?.type === 'string' ? (methodNode.value as string) : undefined;
  const method = written !== undefined && isMethod(written) ? written : undefined;
  const params = propertyValue(node, 'params');
  return { node, method, methodNode, params };
}

/** Checks one request (its IDs against `records` when given); returns what was learned about it for the file-level rules. */
export function checkRequest(node: Node, text: string, problems: Problem[], records?: Records): Request {
  if (node.type !== 'object') {
    problems.push(wordProblem('not-an-object', 'A request must be an object with a "method" and its "params".', rangeOf(node)));
    return { node };
  }
  const methodNode = propertyValue(node, 'method');
  if (!methodNode) {
    const message = `This request has no "method". Name one of the ${METHODS.length} methods of the Channel service.`;
    problems.push(wordProblem('missing-method', message, { offset: node.offset, length: 1 }));
    return { node };
  }
  const written = methodNode.type === 'string' ? (methodNode.value as string) : text.slice(methodNode.offset, methodNode.offset + methodNode.length);
  if (methodNode.type !== 'string' || !isMethod(written)) {
    const suggestion = methodNode.type === 'string' ? suggest(written, METHODS) : undefined;
    const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
    const shown = JSON.stringify(written.length > 80 ? written.slice(0, 80) + '…' : written);
    problems.push(wordProblem('unknown-method', `Unknown method ${shown}.${hint}`, rangeOf(methodNode), undefined, { param: 'method', suggestion }));
    return { node, methodNode };
  }
  const method = written;
  checkRequestValue(treeValue(node, text), method, new TreePlaces(() => node), problems, records);
  return { node, method, methodNode, params: propertyValue(node, 'params') };
}

/** The documented method a request's value names, if any. */
export function methodOf(request: unknown): string | undefined {
  const method = kindOf(request) === 'object' ? (request as { method?: unknown }).method : undefined;
  return typeof method === 'string' && isMethod(method) ? method : undefined;
}

/**
 * Checks the values of a request that names a documented method (`method`): its envelope's keys,
 * then its parameters. `places` finds where a value stands when a problem is reported.
 */
export function checkRequestValue(request: unknown, method: string, places: Places, problems: Problem[], records?: Records): void {
  const ctx: ValidationContext = { method, problems, records, places };
  const object = request as Record<string, unknown>;
  const spec = methodSpec(method);
  const known = spec.envelope.properties!;
  reportRepeatedKeys(object, ctx);
  for (const name in object) {
    const sub = known.get(name);
    if (!sub) {
      const range = places.range(new Place(new Path(REQUEST, name), 'key'));
      const suggestion = suggest(name, [...known.keys()]);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      const message = `Unknown key '${name}' in the ${method} request; parameters go inside "params".${hint}`;
      problems.push(wordProblem('unknown-parameter', message, range, method, { param: name, suggestion }));
      continue;
    }
    const value = object[name];
    if (name === 'method' || value === NO_VALUE) continue;
    if (name === 'params') checkValue(value, spec.params, ctx, REQUEST, name);
    else if (checkValue(value, sub, ctx, REQUEST, name) && name === 'response') checkResponse(value, new Path(REQUEST, name), ctx);
  }
  // No params at all: its required parameters are reported on the method's value.
  if (!Object.hasOwn(object, 'params')) checkObject(undefined, spec.params, ctx, new Place(new Path(REQUEST, 'method'), 'value'));
}
