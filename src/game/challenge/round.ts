import { availableDifficulties, type DrillPuzzle, generateDrillPuzzle } from "../drill/generate";
import { puzzleSeed } from "../drill/random";
import { rampedDifficulty } from "../drill/interview";
import type { ChallengeSpec } from "./code";

/**
 * The puzzles of a challenge round, regenerated from its spec alone: the same code gives the same puzzles in the
 * same order on every machine (with the same generator version, which the code carries). Puzzle i draws its topic
 * among the code's topics (all of them when none) and, unless the code fixes a difficulty, climbs from 1 to 5 over
 * the round, as an interview does.
 */
export function challengeRound(spec: ChallengeSpec): DrillPuzzle[] {
  return Array.from({ length: spec.count }, (_, i) => {
    const seed = puzzleSeed(spec.seed, i);
    const topic = spec.topics.length === 0 ? undefined : spec.topics[seed % spec.topics.length];
    const difficulty = spec.difficulty ?? rampedDifficulty(availableDifficulties(topic), i, spec.count);
    return generateDrillPuzzle(seed, {
      ...(topic === undefined ? {} : { topic }),
      ...(difficulty === undefined ? {} : { difficulty }),
    });
  });
}

