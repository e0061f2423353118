import { type Difficulty, isDifficulty, type Topic, TOPICS } from "../drill/topics";

/**
 * Challenge codes: everything needed to regenerate a classroom round, in twelve characters a teacher can read
 * aloud or write on a board, e.g. `1008-9430-02GJ`.
 *
 * Alphabet: Crockford's base 32 (digits and letters without I, L, O and U), so that no two characters look or sound
 * alike; typing is forgiving (lower case, O for 0, I and L for 1, any dashes or spaces). The last character is a
 * check character computed in GF(32) with a different weight per position: any single mistyped character, and any
 * swap of two different characters, is caught (Luhn mod 32 would miss a swap of 0 and Z).
 *
 * The 55 bits of the eleven data characters, most significant first:
 *   generator version 5 · seed 24 · count−1 6 · topics 7 (a bit per TOPICS entry, none = all) · difficulty 3 (0 = any)
 *   · minutes 6 (0 = untimed) · 3 zero bits (reserved: a code with them set is not one this version made) · pack 1
 * A round drawn from a level pack (`--levels DIR`, pack bit set) has four more data characters, sixteen in all
 * (`7KQ2-MX4D-H9PT-3C0V`): the pack's 20-bit fingerprint (pack.ts), so that another pack is refused by name.
 */
export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * The puzzle generator's version: the same seed and settings give the same round only with the same generator.
 * Bump it whenever src/game/drill generates anything different for a seed (test/game/challenge/round.test.ts holds a
 * fingerprint of the generator's output that fails until you do).
 */
export const GENERATOR_VERSION = 1;

export const MAX_SEED = 2 ** 24 - 1;
export const MAX_COUNT = 64;
export const MAX_MINUTES = 63;

export interface ChallengeSpec {
  readonly generator: number;
  /** 0 to MAX_SEED. */
  readonly seed: number;
  /** Puzzles in the round, 1 to MAX_COUNT. */
  readonly count: number;
  /** The topics drawn from, in TOPICS order; empty for all of them. */
  readonly topics: readonly Topic[];
  readonly difficulty: Difficulty | undefined;
  /** The round's time limit; 0 for none. */
  readonly minutes: number;
  /** A round drawn from a level pack: the pack's fingerprint (pack.ts); undefined for generated puzzles. */
  readonly pack?: number | undefined;
}

export type DecodedCode =
  | { readonly ok: true; readonly spec: ChallengeSpec }
  | { readonly ok: false; readonly problem: "format" | "check" | "generator"; readonly message: string };

const DATA_CHARS = 11;
/** A pack round's code: four more data characters for the pack's fingerprint. */
const PACK_CHARS = 4;
const PACK_BITS = 20n;
const SEED_BITS = 24n;

export function encodeChallenge(spec: ChallengeSpec): string {
  const problem = specProblem(spec);
  if (problem !== undefined) throw new RangeError(problem);
  const topics = TOPICS.reduce((mask, t, i) => (spec.topics.includes(t) ? mask | (1 << i) : mask), 0);
  let bits = BigInt(spec.generator);
  bits = (bits << SEED_BITS) | BigInt(spec.seed);
  bits = (bits << 6n) | BigInt(spec.count - 1);
  bits = (bits << 7n) | BigInt(topics);
  bits = (bits << 3n) | BigInt(spec.difficulty ?? 0);
  bits = (bits << 6n) | BigInt(spec.minutes);
  bits = (bits << 4n) | (spec.pack === undefined ? 0n : 1n);
  if (spec.pack !== undefined) bits = (bits << PACK_BITS) | BigInt(spec.pack);
  const digits: number[] = [];
  for (let i = 0; i < DATA_CHARS + (spec.pack === undefined ? 0 : PACK_CHARS); i++) {
    digits.unshift(Number(bits & 31n));
    bits >>= 5n;
  }
  const chars = [...digits, checkDigit(digits)].map((d) => ALPHABET[d]).join("");
  return (chars.match(/.{1,4}/g) ?? []).join("-");
}

export function decodeChallenge(text: string): DecodedCode {
  const normal = text
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  const digits = [...normal].map((c) => ALPHABET.indexOf(c));
  const data = digits.length - 1;
  if ((data !== DATA_CHARS && data !== DATA_CHARS + PACK_CHARS) || digits.some((d) => d < 0)) {
    const bad = [...normal].find((c) => !ALPHABET.includes(c));
    return {
      ok: false,
      problem: "format",
      message:
        bad !== undefined
          ? `"${text}" is not a challenge code: "${bad}" is not one of its characters`
          : `"${text}" is not a challenge code: a code has 12 characters (like 1008-9430-02GJ), or 16, this has ${digits.length}`,
    };
  }
  if (checkDigit(digits.slice(0, data)) !== digits[data]) {
    return {
      ok: false,
      problem: "check",
      message: `"${text}" is not a valid challenge code (its check character does not match: a character is mistyped)`,
    };
  }
  let bits = digits.slice(0, data).reduce((acc, d) => (acc << 5n) | BigInt(d), 0n);
  const pack = data === DATA_CHARS ? undefined : Number(bits & ((1n << PACK_BITS) - 1n));
  if (pack !== undefined) bits >>= PACK_BITS;
  const reserved = Number(bits & 15n);
  bits >>= 4n;
  const minutes = Number(bits & 63n);
  bits >>= 6n;
  const difficulty = Number(bits & 7n);
  bits >>= 3n;
  const mask = Number(bits & 127n);
  bits >>= 7n;
  const count = Number(bits & 63n) + 1;
  bits >>= 6n;
  const seed = Number(bits & BigInt(MAX_SEED));
  const generator = Number(bits >> SEED_BITS);
  if (generator !== GENERATOR_VERSION) {
    const which = generator > GENERATOR_VERSION ? "a newer" : "an older";
    return {
      ok: false,
      problem: "generator",
      message:
        `challenge code ${text} needs puzzle generator version ${generator}; this tcp-tutor has version ` +
        `${GENERATOR_VERSION}: it was made by ${which} tcp-tutor, and would give different puzzles here`,
    };
  }
  // The pack bit says whether the fingerprint's characters are there; the three bits above it are reserved.
  if (reserved !== (pack === undefined ? 0 : 1) || (difficulty !== 0 && !isDifficulty(difficulty))) {
    return { ok: false, problem: "format", message: `"${text}" is not a challenge code this tcp-tutor made` };
  }
  const topics = TOPICS.filter((_, i) => (mask & (1 << i)) !== 0);
  return {
    ok: true,
    spec: {
      generator,
      seed,
      count,
      topics,
      difficulty: difficulty === 0 ? undefined : (difficulty as Difficulty),
      minutes,
      ...(pack === undefined ? {} : { pack }),
    },
  };
}

/** Why a spec cannot be a code, or undefined. */
export function specProblem(spec: ChallengeSpec): string | undefined {
  if (!Number.isInteger(spec.generator) || spec.generator < 0 || spec.generator > 31) return "generator must be 0 to 31";
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > MAX_SEED) return `seed must be 0 to ${MAX_SEED}`;
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_COUNT) return `count must be 1 to ${MAX_COUNT}`;
  if (!Number.isInteger(spec.minutes) || spec.minutes < 0 || spec.minutes > MAX_MINUTES) {
    return `minutes must be 0 (untimed) to ${MAX_MINUTES}`;
  }
  if (spec.difficulty !== undefined && !isDifficulty(spec.difficulty)) return "difficulty must be 1 to 5";
  if (spec.pack !== undefined && (!Number.isInteger(spec.pack) || spec.pack < 0 || spec.pack >= 2 ** 20)) {
    return "pack must be a 20-bit fingerprint";
  }
  return undefined;
}

/**
 * Σ α^(i+1)·d_i in GF(32) (α a root of x^5 + x^2 + 1), the check character carrying weight 1: each position has its
 * own non-zero weight, so one changed digit changes the sum, and swapping digits a ≠ b at positions i, j changes it
 * by (α^i + α^j)(a + b) ≠ 0.
 */
function checkDigit(digits: readonly number[]): number {
  let sum = 0;
  let weight = 1;
  for (const d of digits) {
    weight = gfMul(weight, 2);
    sum ^= gfMul(weight, d);
  }
  return sum;
}

function gfMul(a: number, b: number): number {
  let product = 0;
  for (let x = a, y = b; y > 0; y >>= 1) {
    if (y & 1) product ^= x;
    x <<= 1;
    if (x & 32) x ^= 0b100101;
  }
  return product;
}
