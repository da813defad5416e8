// The index's table from hashes to numbers (hash-slots.ts): against a Map, through seeded random
// sets and deletes of hashes from small ranges (many share a slot's run, and the table grows and
// wraps), every hash answers what the Map holds.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { HashSlots } from '../../../server/src/core/workspace/hash-slots';
import { seeded } from '../random';

describe('HashSlots', () => {
  for (const [range, steps] of [[40, 2_000], [3_000, 40_000], [2 ** 31, 20_000]] as const) {
    it(`answers as a Map does through ${steps} random sets and deletes of hashes among ${range}`, () => {
      const random = seeded(range);
      const slots = new HashSlots(2);
      const reference = new Map<number, number>();
      const hashOf = () => Math.floor(random() * range) - Math.floor(range / 2);
      for (let step = 0; step < steps; step++) {
        const hash = hashOf();
        if (random() < 0.4) {
          slots.delete(hash);
          reference.delete(hash);
        } else {
          const value = (1 + Math.floor(random() * 1000)) * (random() < 0.5 ? -1 : 1);
          slots.set(hash, value);
          reference.set(hash, value);
        }
        if (step % 97 === 0 || step === steps - 1) {
          assert.equal(slots.size, reference.size, `size at step ${step}`);
          for (const [h, v] of reference) assert.equal(slots.get(h), v, `hash ${h} at step ${step}`);
          for (let k = 0; k < 20; k++) {
            const h = hashOf();
            assert.equal(slots.get(h), reference.get(h) ?? 0, `hash ${h} at step ${step}`);
          }
        }
      }
    });
  }

  it('deleting a hash that is not held changes nothing', () => {
    const slots = new HashSlots(3);
    slots.set(5, 1);
    slots.delete(6);
    slots.delete(5);
    slots.delete(5);
    assert.equal(slots.size, 0);
    assert.equal(slots.get(5), 0);
  });
});
