// splitmix64 as a BigInt stream, so that the seeded cases of the differential-test oracles
// (and the benchmark inputs) are the same on every machine. Returns next64(): the next
// 64-bit value as a BigInt.
export function splitmix64(seed) {
  let state = BigInt.asUintN(64, seed);
  return function next64() {
    state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return z ^ (z >> 31n);
  };
}
