import type { LoadedChapter } from "../../../src/levels/loader";
import { emptyProfile } from "../../../src/store/profile";
import type { LevelRecord, Profile } from "../../../src/store/schema";

const played = (stars: number): LevelRecord => ({
  bestScore: 100 * stars,
  maxScore: 300,
  stars,
  attempts: 2,
  completed: stars > 0,
  lastPlayed: "2025-03-13",
});

/** A profile some way into the built-in campaign: levels with stars, concepts answered, a streak, totals. */
export function playedProfile(chapters: readonly LoadedChapter[]): Profile {
  const ids = chapters.flatMap((c) => c.levels.map((l) => l.level.id));
  const id = (i: number) => ids[i] ?? "";
  return {
    ...emptyProfile(0),
    levels: { [id(0)]: played(3), [id(1)]: played(2), [id(2)]: played(1), [id(5)]: played(3), [id(10)]: played(0) },
    concepts: {
      handshake: { right: 12, wrong: 3 },
      "time-wait": { right: 2, wrong: 6 },
      rst: { right: 4, wrong: 4 },
      isn: { right: 5, wrong: 1 },
      "seq-ack": { right: 7, wrong: 3 },
      "half-close": { right: 1, wrong: 0 },
      fin: { right: 3, wrong: 2 },
    },
    misconceptions: { "skip-syn-received": 2 },
    streak: { current: 2, best: 5, lastDay: "2025-03-13" },
    totals: { plays: 9, answered: 54, correct: 34, hints: 3, ms: 754_000, points: 4321 },
  };
}
