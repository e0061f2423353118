import { misconception } from "../../levels/misconceptions";
import type { Lang } from "../../levels/schema";
import type { AnswerRecord } from "../types";
import { availableDifficulties, type DrillPuzzle, generateDrillPuzzle } from "./generate";
import { puzzleSeed } from "./random";
import { conceptName, type Difficulty, type Topic } from "./topics";

/**
 * A timed interview round (`drill --interview [--count 10] [--minutes 5]`): a fixed set of puzzles rising in
 * difficulty, answered against the clock, then a summary of the weak concepts with the explanations to read. The
 * UI keeps the clock; these helpers are given the times.
 */

export const INTERVIEW_COUNT = 10;
export const INTERVIEW_MINUTES = 5;

export interface InterviewOptions {
  readonly seed: number;
  readonly count?: number;
  readonly topic?: Topic;
}

/**
 * The round's puzzles, easiest first: puzzle i of n has difficulty 1 + ⌊5i/n⌋ (two of each in a round of ten), or
 * the nearest difficulty the topic has.
 */
export function interviewPuzzles(o: InterviewOptions): DrillPuzzle[] {
  const count = o.count ?? INTERVIEW_COUNT;
  const available = availableDifficulties(o.topic);
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const difficulty = rampedDifficulty(available, i, count);
    return generateDrillPuzzle(puzzleSeed(o.seed, i), {
      ...(o.topic === undefined ? {} : { topic: o.topic }),
      ...(difficulty === undefined ? {} : { difficulty }),
    });
  });
}

/** Puzzle i of a round of `count` climbs from difficulty 1 to 5: the available difficulty nearest its step. */
export function rampedDifficulty(available: readonly Difficulty[], i: number, count: number): Difficulty | undefined {
  return nearest(available, 1 + Math.floor((5 * i) / count));
}

function nearest(available: readonly Difficulty[], wanted: number): Difficulty | undefined {
  let best: Difficulty | undefined;
  for (const d of available) if (best === undefined || Math.abs(d - wanted) < Math.abs(best - wanted)) best = d;
  return best;
}

/** Milliseconds left in a round that started at `startedAt` and lasts `minutes`; 0 once time is up. */
export function timeLeft(startedAt: number, now: number, minutes: number = INTERVIEW_MINUTES): number {
  return Math.max(0, startedAt + minutes * 60_000 - now);
}

/** One puzzle of the round and the answers given to it (fewer than its questions if time ran out). */
export interface InterviewEntry {
  readonly puzzle: DrillPuzzle;
  readonly answers: readonly AnswerRecord[];
}

export interface WeakConcept {
  readonly concept: string;
  /** The concept's name in the summary's language. */
  readonly name: string;
  readonly right: number;
  readonly wrong: number;
  /** What to read: the explanation of each misconception fallen for, then of each missed puzzle. */
  readonly read: readonly string[];
  /** The sources of the missed puzzles. */
  readonly cite: readonly string[];
}

export interface InterviewSummary {
  /** Questions answered, and right, out of every question of the round's puzzles. */
  readonly answered: number;
  readonly correct: number;
  readonly total: number;
  readonly points: number;
  /** Time spent answering (ms). */
  readonly ms: number;
  /** Concepts with a wrong answer, the weakest first (most wrong, then fewest right, then by name). */
  readonly weak: readonly WeakConcept[];
}

export function interviewSummary(entries: readonly InterviewEntry[], lang: Lang): InterviewSummary {
  const tally = new Map<string, { right: number; wrong: number; read: string[]; cite: string[] }>();
  const add = <T>(list: T[], x: T | undefined) => {
    if (x !== undefined && !list.includes(x)) list.push(x);
  };
  for (const { puzzle, answers } of entries) {
    const posed = puzzle.level.puzzles[0];
    for (const a of answers) {
      for (const c of puzzle.concepts) {
        const t = tally.get(c) ?? { right: 0, wrong: 0, read: [], cite: [] };
        tally.set(c, t);
        if (a.correct) {
          t.right++;
          continue;
        }
        t.wrong++;
        add(t.read, a.misconception === undefined ? undefined : misconception(a.misconception)?.explain[lang]);
        add(t.read, posed?.puzzle.explain[lang]);
        for (const s of posed?.puzzle.cite ?? []) add(t.cite, s);
      }
    }
  }
  const weak = [...tally]
    .filter(([, t]) => t.wrong > 0)
    .map(([concept, t]): WeakConcept => ({ concept, name: conceptName(concept, lang), ...t }))
    .sort((a, b) => b.wrong - a.wrong || a.right - b.right || (a.concept < b.concept ? -1 : 1));
  const answers = entries.flatMap((e) => e.answers);
  return {
    answered: answers.length,
    correct: answers.filter((a) => a.correct).length,
    total: entries.reduce((n, e) => n + (e.puzzle.level.puzzles[0]?.questions.length ?? 0), 0),
    points: answers.reduce((n, a) => n + a.points, 0),
    ms: answers.reduce((n, a) => n + a.ms, 0),
    weak,
  };
}
