import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type ChallengeSpec, GENERATOR_VERSION } from "../../../src/game/challenge/code";
import { challengeRound } from "../../../src/game/challenge/round";

const spec = (over: Partial<ChallengeSpec> = {}): ChallengeSpec => ({
  generator: GENERATOR_VERSION,
  seed: 4242,
  count: 12,
  topics: [],
  difficulty: undefined,
  minutes: 0,
  ...over,
});

/** What a round is, for comparing: each puzzle's level file and its posed questions. */
function fingerprint(s: ChallengeSpec): string {
  const round = challengeRound(s).map((p) => ({ level: p.level.level, questions: p.level.puzzles.map((q) => q.questions) }));
  return createHash("sha256").update(JSON.stringify(round)).digest("hex").slice(0, 16);
}

describe("a challenge round", () => {
  it("is the same on every run for the same spec, and differs for another seed", () => {
    expect(fingerprint(spec())).toBe(fingerprint(spec()));
    expect(fingerprint(spec({ seed: 4243 }))).not.toBe(fingerprint(spec()));
  });

  it("draws only from the code's topics, at the code's difficulty", () => {
    const round = challengeRound(spec({ topics: ["time-wait", "reset"], difficulty: 3, count: 20 }));
    expect(new Set(round.map((p) => p.topic))).toEqual(new Set(["time-wait", "reset"]));
    expect(new Set(round.map((p) => p.difficulty))).toEqual(new Set([3]));
  });

  it("climbs from difficulty 1 to 5 when the code fixes none", () => {
    const round = challengeRound(spec({ count: 10 }));
    expect(round.map((p) => p.difficulty)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  // The generator's output for fixed specs. If this fails, src/game/drill now generates something else for the same
  // seed: codes already handed out would give different puzzles. Bump GENERATOR_VERSION (src/game/challenge/code.ts)
  // and update these fingerprints, in the same commit.
  it(`generator version ${GENERATOR_VERSION} still generates exactly what it did`, () => {
    expect(GENERATOR_VERSION).toBe(1);
    expect([fingerprint(spec()), fingerprint(spec({ seed: 7, topics: ["handshake", "close"], difficulty: 4 }))]).toEqual([
      "06d7f92e572d7060",
      "bd1308e750b41953",
    ]);
  });
});
