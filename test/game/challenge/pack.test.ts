import { beforeAll, describe, expect, it } from "vitest";
import { type ChallengeSpec, GENERATOR_VERSION, packFingerprint, packLevels, packRound, roundOf } from "../../../src/game/challenge";
import { type LoadedChapter, loadPack } from "../../../src/levels/loader";
import { realFs } from "../../fixtures/realFs";

let chapters: readonly LoadedChapter[];
beforeAll(async () => {
  chapters = (await loadPack("levels", realFs)).chapters;
});

const spec = (over: Partial<ChallengeSpec> = {}): ChallengeSpec => ({
  generator: GENERATOR_VERSION,
  seed: 99,
  count: 6,
  topics: [],
  difficulty: undefined,
  minutes: 0,
  pack: packFingerprint(chapters),
  ...over,
});

describe("a challenge round drawn from a level pack", () => {
  it("is the same levels in the same order for the same seed, all different, each played whole", () => {
    const a = packRound(spec(), chapters)?.map((p) => p.level.level.id);
    expect(a).toEqual(packRound(spec(), chapters)?.map((p) => p.level.level.id));
    expect(new Set(a).size).toBe(6);
    expect(packRound(spec({ seed: 100 }), chapters)?.map((p) => p.level.level.id)).not.toEqual(a);
    const first = packRound(spec(), chapters)?.[0];
    expect(first?.level.puzzles.length).toBe(first?.level.level.puzzles.length);
  });

  it("keeps to the difficulty asked; too few levels of it: no round", () => {
    const hard = packRound(spec({ difficulty: 3 }), chapters) ?? [];
    expect(hard.every((p) => p.level.level.difficulty === 3 && p.difficulty === 3)).toBe(true);
    expect(packRound(spec({ count: packLevels(chapters).length + 1 }), chapters)).toBeUndefined();
  });

  it("the fingerprint follows the levels' content: one word changed in one level changes it", () => {
    const [first, ...rest] = chapters;
    if (first === undefined) throw new Error("no chapter");
    const level = first.levels[0];
    if (level === undefined) throw new Error("no level");
    const edited = { ...level, level: { ...level.level, intro: { ...level.level.intro, en: `${level.level.intro.en}!` } } };
    const changed = [{ ...first, levels: [edited, ...first.levels.slice(1)] }, ...rest];
    expect(packFingerprint(chapters)).toBe(packFingerprint([...chapters]));
    expect(packFingerprint(changed)).not.toBe(packFingerprint(chapters));
  });

  it("roundOf says what to do: no pack given, or another pack than the code's", () => {
    expect(roundOf(spec())).toMatchObject({ ok: false, problem: expect.stringContaining("give that pack with --levels DIR") });
    const other = spec({ pack: (packFingerprint(chapters) + 1) % 2 ** 20 });
    expect(roundOf(other, chapters)).toMatchObject({ ok: false, problem: expect.stringContaining("is not the one the code was made from") });
    expect(roundOf(spec(), chapters)).toMatchObject({ ok: true });
    expect(roundOf({ ...spec(), pack: undefined }).ok).toBe(true);
  });
});
