/**
 * A seeded pseudo-random generator (mulberry32). The engine never calls Math.random: the same seed gives the same
 * initial sequence numbers, and so the same trace, on any machine.
 */
export interface Rng {
  readonly state: number;
}

export function seedRng(seed: number): Rng {
  return { state: seed >>> 0 };
}

/** Returns a uniformly distributed unsigned 32-bit integer and the generator's next state. */
export function nextUint32(rng: Rng): { readonly value: number; readonly rng: Rng } {
  const state = (rng.state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: (t ^ (t >>> 14)) >>> 0, rng: { state } };
}
