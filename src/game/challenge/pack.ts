import { nextUint32, seedRng } from "../../engine";
import type { LoadedChapter, LoadedLevel } from "../../levels/loader";
import type { DrillPuzzle } from "../drill/generate";
import { drillConcepts } from "../drill/generate";
import { type Difficulty, TOPIC_INFO, type Topic, TOPICS } from "../drill/topics";
import type { ChallengeSpec } from "./code";
import { challengeRound } from "./round";

/**
 * Challenge rounds drawn from a level pack (`challenge new --levels DIR`): a teacher's own levels instead of the
 * generator's puzzles. The code then carries the pack's fingerprint, so that a student with another pack (or another
 * version of it) is told, rather than given other puzzles.
 */

/** Bits of the fingerprint a code carries. */
export const PACK_BITS = 20;

/**
 * The pack's fingerprint: FNV-1a (32 bits) over each valid level's content, in play order, cut to PACK_BITS. The
 * content, not the files: re-indenting a YAML file or adding a comment does not change the round.
 */
export function packFingerprint(chapters: readonly LoadedChapter[]): number {
  let hash = 0x811c9dc5;
  for (const level of packLevels(chapters)) {
    for (const c of JSON.stringify(level.level)) {
      hash ^= c.codePointAt(0) ?? 0;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash >>> (32 - PACK_BITS);
}

/** Every level of the pack, chapter after chapter. */
export function packLevels(chapters: readonly LoadedChapter[]): LoadedLevel[] {
  return chapters.flatMap((c) => c.levels);
}

/** The levels a round may draw from: those of the difficulty asked, or all. */
export function roundCandidates(chapters: readonly LoadedChapter[], difficulty: Difficulty | undefined): LoadedLevel[] {
  return packLevels(chapters).filter((l) => difficulty === undefined || l.level.difficulty === difficulty);
}

/**
 * The round: `count` different levels of the pack drawn by the seed (a Fisher–Yates shuffle with the engine's
 * seeded generator), each played whole as one puzzle of the round. Undefined when the pack has too few.
 */
export function packRound(spec: ChallengeSpec, chapters: readonly LoadedChapter[]): DrillPuzzle[] | undefined {
  const levels = roundCandidates(chapters, spec.difficulty);
  if (levels.length < spec.count) return undefined;
  let rng = seedRng(spec.seed);
  const order = [...levels];
  for (let i = order.length - 1; i > 0; i--) {
    const draw = nextUint32(rng);
    rng = draw.rng;
    const j = draw.value % (i + 1);
    [order[i], order[j]] = [order[j] as LoadedLevel, order[i] as LoadedLevel];
  }
  const chapterOf = new Map(chapters.flatMap((c) => c.levels.map((l) => [l, c.id] as const)));
  return order.slice(0, spec.count).map((level) => asRoundPuzzle(level, chapterOf.get(level) ?? "", spec.seed));
}

/**
 * A level as a puzzle of the round. Its topic labels it on the screens and the scoreboard: the topic whose chapters
 * hold it (the built-in pack's), else the topic whose concepts it shares most.
 */
function asRoundPuzzle(level: LoadedLevel, chapter: string, seed: number): DrillPuzzle {
  const first = level.puzzles[0]?.puzzle;
  return {
    seed,
    topic: topicOf(chapter, level.level.concepts),
    template: "pack",
    question: level.level.id,
    kind: first?.ask ?? "state",
    difficulty: level.level.difficulty as Difficulty,
    concepts: level.level.concepts,
    misconceptions: [...new Set(level.puzzles.flatMap((p) => p.puzzle.misconceptions))],
    wrap: false,
    level,
    rejections: [],
    skipped: 0,
  };
}

function topicOf(chapter: string, concepts: readonly string[]): Topic {
  const byChapter = TOPICS.find((t) => TOPIC_INFO[t].chapters.includes(chapter));
  if (byChapter !== undefined) return byChapter;
  const shared = (t: Topic) => drillConcepts({ topic: t }).filter((c) => concepts.includes(c)).length;
  return [...TOPICS].sort((a, b) => shared(b) - shared(a))[0] as Topic;
}

export type RoundOutcome =
  | { readonly ok: true; readonly round: DrillPuzzle[] }
  | { readonly ok: false; readonly problem: string };

/**
 * The round a spec stands for: generated, or drawn from the pack given, which must be the one the code was made
 * from. What is wrong is said in one line that tells what to do.
 */
export function roundOf(spec: ChallengeSpec, chapters?: readonly LoadedChapter[]): RoundOutcome {
  if (spec.pack === undefined) return { ok: true, round: challengeRound(spec) };
  const wanted = fingerprintText(spec.pack);
  if (chapters === undefined) {
    return { ok: false, problem: `the round is drawn from a level pack (fingerprint ${wanted}): give that pack with --levels DIR` };
  }
  const given = packFingerprint(chapters);
  if (given !== spec.pack) {
    return {
      ok: false,
      problem: `the level pack given (fingerprint ${fingerprintText(given)}) is not the one the code was made from (${wanted})`,
    };
  }
  const round = packRound(spec, chapters);
  if (round === undefined) return { ok: false, problem: "the level pack has fewer levels than the round needs" };
  return { ok: true, round };
}

/** A fingerprint as people compare it: five hexadecimal digits. */
export function fingerprintText(fingerprint: number): string {
  return fingerprint.toString(16).toUpperCase().padStart(5, "0");
}
