import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ALPHABET,
  type ChallengeSpec,
  decodeChallenge,
  encodeChallenge,
  GENERATOR_VERSION,
  MAX_COUNT,
  MAX_MINUTES,
  MAX_SEED,
} from "../../../src/game/challenge/code";
import { DIFFICULTIES, TOPICS } from "../../../src/game/drill/topics";

const spec = (over: Partial<ChallengeSpec> = {}): ChallengeSpec => ({
  generator: GENERATOR_VERSION,
  seed: 123456,
  count: 10,
  topics: [],
  difficulty: undefined,
  minutes: 5,
  ...over,
});

const specs = fc.record({
  generator: fc.constant(GENERATOR_VERSION),
  seed: fc.integer({ min: 0, max: MAX_SEED }),
  count: fc.integer({ min: 1, max: MAX_COUNT }),
  topics: fc.subarray([...TOPICS]),
  difficulty: fc.option(fc.constantFrom(...DIFFICULTIES), { nil: undefined }),
  minutes: fc.integer({ min: 0, max: MAX_MINUTES }),
});

describe("challenge codes", () => {
  it("are twelve characters in three groups of four, from an alphabet without I, L, O or U", () => {
    const code = encodeChallenge(spec());
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(ALPHABET).toHaveLength(32);
    expect(ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("carry everything to regenerate the round: every spec decodes to itself", () => {
    fc.assert(
      fc.property(specs, (s) => {
        expect(decodeChallenge(encodeChallenge(s))).toEqual({ ok: true, spec: s });
      }),
      { numRuns: 2000 },
    );
  });

  it("are read forgivingly: lower case, no dashes, O for 0, I and L for 1", () => {
    const code = encodeChallenge(spec({ seed: 0 }));
    const typed = code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
    expect(decodeChallenge(typed)).toEqual({ ok: true, spec: spec({ seed: 0 }) });
  });

  it("one character changed anywhere is caught by the check character", () => {
    fc.assert(
      fc.property(specs, fc.nat(11), fc.integer({ min: 1, max: 31 }), (s, at, delta) => {
        const chars = encodeChallenge(s).replace(/-/g, "").split("");
        chars[at] = ALPHABET[(ALPHABET.indexOf(chars[at] as string) + delta) % 32] as string;
        const decoded = decodeChallenge(chars.join(""));
        expect(decoded.ok).toBe(false);
        if (!decoded.ok) expect(decoded.problem).toBe("check");
      }),
      { numRuns: 3000 },
    );
  });

  it("two different characters swapped, neighbours or not, are caught", () => {
    fc.assert(
      fc.property(specs, fc.nat(11), fc.nat(11), (s, at, to) => {
        const chars = encodeChallenge(s).replace(/-/g, "").split("");
        fc.pre(chars[at] !== chars[to]);
        [chars[at], chars[to]] = [chars[to] as string, chars[at] as string];
        expect(decodeChallenge(chars.join("")).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("a code made by another generator version is refused, saying which version it needs", () => {
    const newer = encodeChallenge(spec({ generator: GENERATOR_VERSION + 1 }));
    expect(decodeChallenge(newer)).toEqual({
      ok: false,
      problem: "generator",
      message:
        `challenge code ${newer} needs puzzle generator version ${GENERATOR_VERSION + 1}; this tcp-tutor has version ` +
        `${GENERATOR_VERSION}: it was made by a newer tcp-tutor, and would give different puzzles here`,
    });
    const older = encodeChallenge(spec({ generator: GENERATOR_VERSION - 1 }));
    expect(decodeChallenge(older).ok).toBe(false);
  });

  it("every single change and every swap of one code, exhaustively", () => {
    const code = encodeChallenge(spec()).replace(/-/g, "");
    for (let at = 0; at < 12; at++) {
      for (const c of ALPHABET) {
        const changed = code.slice(0, at) + c + code.slice(at + 1);
        if (changed !== code) expect(decodeChallenge(changed).ok).toBe(false);
      }
      for (let to = at + 1; to < 12; to++) {
        const chars = code.split("");
        [chars[at], chars[to]] = [chars[to] as string, chars[at] as string];
        if (chars.join("") !== code) expect(decodeChallenge(chars.join("")).ok).toBe(false);
      }
    }
  });

  it("text that is not a code says why", () => {
    expect(decodeChallenge("7KQ2-MX4D")).toMatchObject({ ok: false, problem: "format" });
    expect(decodeChallenge("7KQ2-MX4D-H9P!")).toEqual({
      ok: false,
      problem: "format",
      message: '"7KQ2-MX4D-H9P!" is not a challenge code: "!" is not one of its characters',
    });
  });

  it("a spec out of range cannot be encoded", () => {
    expect(() => encodeChallenge(spec({ count: 0 }))).toThrow("count must be 1 to 64");
    expect(() => encodeChallenge(spec({ seed: MAX_SEED + 1 }))).toThrow(`seed must be 0 to ${MAX_SEED}`);
    expect(() => encodeChallenge(spec({ minutes: 64 }))).toThrow("minutes must be 0 (untimed) to 63");
  });

  describe("a round drawn from a level pack (its fingerprint in four more characters)", () => {
    const packSpecs = specs.chain((s) => fc.integer({ min: 0, max: 2 ** 20 - 1 }).map((pack) => ({ ...s, pack })));

    it("is sixteen characters in four groups, and decodes to itself, fingerprint included", () => {
      expect(encodeChallenge(spec({ pack: 0xabcde }))).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$/);
      fc.assert(
        fc.property(packSpecs, (s) => {
          expect(decodeChallenge(encodeChallenge(s))).toEqual({ ok: true, spec: s });
        }),
        { numRuns: 1000 },
      );
    });

    it("one character changed anywhere is caught; so is a pack code cut to twelve characters", () => {
      fc.assert(
        fc.property(packSpecs, fc.nat(15), fc.integer({ min: 1, max: 31 }), (s, at, delta) => {
          const chars = encodeChallenge(s).replace(/-/g, "").split("");
          chars[at] = ALPHABET[(ALPHABET.indexOf(chars[at] as string) + delta) % 32] as string;
          expect(decodeChallenge(chars.join(""))).toMatchObject({ ok: false, problem: "check" });
        }),
        { numRuns: 1000 },
      );
      const code = encodeChallenge(spec({ pack: 7 })).replace(/-/g, "");
      expect(decodeChallenge(code.slice(0, 12)).ok).toBe(false);
    });
  });
});
