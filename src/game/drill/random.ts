import { nextUint32, type Rng, seedRng } from "../../engine";

/**
 * Random draws for the drill generator, on top of the engine's seeded generator (mulberry32): only integer
 * arithmetic, so the same seed gives the same puzzles on any machine. A Dice holds its position; everything that
 * draws from it is deterministic given the seed it started from.
 */
export interface Dice {
  /** A uniformly distributed unsigned 32-bit integer. */
  readonly uint32: () => number;
  /** A whole number from min to max, both included. */
  readonly int: (min: number, max: number) => number;
  /** One item of a non-empty list. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** True `percent` times in a hundred. */
  readonly chance: (percent: number) => boolean;
  /** Where the generator is now, for code that takes the engine's Rng. */
  readonly rng: () => Rng;
}

export function dice(start: Rng | number): Dice {
  let rng = typeof start === "number" ? seedRng(start) : start;
  const uint32 = (): number => {
    const next = nextUint32(rng);
    rng = next.rng;
    return next.value;
  };
  // Modulo bias is at most (max - min + 1) / 2^32: far below anything a player could notice.
  const int = (min: number, max: number): number => min + (uint32() % (max - min + 1));
  return {
    uint32,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    chance: (percent) => int(0, 99) < percent,
    rng: () => rng,
  };
}

/**
 * The seed of puzzle `n` (0-based) of a drill or worksheet seeded with `seed`: puzzles do not depend on each other,
 * so a worksheet's fifth question is the same whether it prints 5 questions or 50.
 */
export function puzzleSeed(seed: number, n: number): number {
  // Two rounds of mulberry32 over the seed mixed with n times the golden-ratio constant (a Weyl sequence).
  const mixed = (seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0;
  const once = nextUint32(seedRng(mixed));
  return nextUint32(seedRng(once.value ^ n)).value;
}

/** 2^32: sequence numbers count modulo this (RFC 9293 §3.4). */
export const SEQ_SPACE = 4294967296;

/**
 * An initial sequence number. Near the top of the sequence space (`wrap`), it is at most `reach` below 2^32, so
 * that the numbers the side uses cross the wrap-around; otherwise a round number that is easy to add to.
 */
export function drawIsn(d: Dice, wrap: boolean, reach: number): number {
  if (wrap) return SEQ_SPACE - d.int(1, Math.max(1, reach));
  return d.int(1, 999) * 100;
}
