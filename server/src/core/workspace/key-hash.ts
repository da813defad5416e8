// A unique value's key as 32 bits, for the index across files (clashes.ts): 1.8 million values of
// large batches kept as strings cost about 60 bytes each, as numbers 4. Two keys may share a hash
// (about 400 pairs among 1.8 million): the index compares the keys themselves wherever a hash is
// held twice, so a shared hash never makes a 200.

/** FNV-1a over the key's UTF-16 code units, as a signed 32-bit integer (a small integer to V8: no object as a Map key). */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
