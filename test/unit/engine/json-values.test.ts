// The values the one validator walks, read from a tree (parse/json-values.ts), and where each
// stands: what JSON.parse would give, with what it cannot hold kept beside (a literal that does
// not print back, a key written with no value, repeated keys), and each part of a value placed
// by its path from the request, the last writing of a repeated key as the server reads it.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { counted } from '../helpers';
import { kindOf, Literal, NO_VALUE, pathOf, Place, repeatedKeysOf, TreePlaces, treeValue, writtenOf } from '../../../server/src/core/parse/json-values';

const read = (text: string) => treeValue(parseTree(text)!, text) as Record<string, any>;
const at = (...steps: Array<string | number>) => pathOf(steps);

describe('a tree read into plain values', () => {
  it('is what JSON.parse gives for well-formed text, key order and the last of a repeated key included', () => {
    const text = '{"b":[1,"x",true,null,{"c":-2.5}],"a":{"2":1,"1":2},"__proto__":{"p":1},"b":7}';
    const value = read(text);
    assert.deepEqual(Object.keys(value), Object.keys(JSON.parse(text)));
    assert.deepEqual(JSON.stringify(value), JSON.stringify(JSON.parse(text)));
    assert.equal(Object.getPrototypeOf(value), Object.prototype, '__proto__ is a key, not a prototype');
    assert.deepEqual(repeatedKeysOf(value)?.map((r) => [r.name, text.slice(r.range.offset, r.range.offset + r.range.length)]), [['b', '"b"']]);
    assert.equal(repeatedKeysOf(JSON.parse(text)), undefined);
  });

  it('keeps a literal that does not print back as written, and a key written with no value', () => {
    const text = '{"n": 1.0, "m": 1e3, "k": 12, "z": -0, "gone": }';
    const value = read(text);
    assert.ok(value.n instanceof Literal && value.m instanceof Literal && value.z instanceof Literal);
    assert.deepEqual([writtenOf(value.n), writtenOf(value.m), writtenOf(value.k), writtenOf(value.z)], ['1.0', '1e3', '12', '-0']);
    assert.deepEqual([kindOf(value.n), kindOf(value.k), kindOf({}), kindOf([]), kindOf(null)], ['number', 'number', 'object', 'array', 'null']);
    assert.equal(value.gone, NO_VALUE);
  });
});

describe('places found in the tree', () => {
  it('a key, a value and an opening bracket, down objects and arrays, the last writing of a key', () => {
    const text = '{"params": {"ID": [1, {"x": 2}], "ID": [3, {"x": 4}]}}';
    const places = new TreePlaces(() => parseTree(text)!);
    const shown = (place: Place) => {
      const { offset, length } = places.range(place);
      return text.slice(offset, offset + length);
    };
    assert.equal(shown(new Place(at('params'), 'key')), '"params"');
    assert.equal(shown(new Place(at('params', 'ID', 1, 'x'), 'value')), '4');
    assert.equal(shown(new Place(at('params', 'ID', 1), 'opening')), '{');
    assert.equal(places.range(new Place(at('params', 'ID', 1), 'opening')).offset, text.lastIndexOf('{"x"'));
    assert.equal(shown(new Place(at('params', 'ID'), 'value')), '[3, {"x": 4}]');
  });

  it('in an object of many keys as in a small one (a map of them by name, built once)', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `"k${i}": ${i}`);
    const text = `{${keys.join(', ')}, "k5": "last"}`;
    const counter = { reads: 0 };
    const tree = parseTree(text)!;
    (tree as { children?: Node[] }).children = counted(tree.children!, counter);
    const places = new TreePlaces(() => tree);
    for (let i = 0; i < 200; i++) places.range(new Place(at(`k${i}`), 'key'));
    const { offset, length } = places.range(new Place(at('k5'), 'value'));
    assert.equal(text.slice(offset, offset + length), '"last"');
    // A scan per key would read about 20,000 properties.
    assert.ok(counter.reads < 1000, `${counter.reads} reads`);
  });
});
