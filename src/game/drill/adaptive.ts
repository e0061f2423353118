import { seedRng } from "../../engine";
import { misconception } from "../../levels/misconceptions";
import type { Lang } from "../../levels/schema";
import type { AnswerRecord } from "../types";
import {
  type DrillOptions,
  type DrillPuzzle,
  drillConcepts,
  drillMisconceptions,
  generateDrillPuzzle,
  misconceptionKey,
  misconceptionOfKey,
} from "./generate";
import { puzzleSeed } from "./random";
import { afterAnswer, type ConceptMemory, dueConcepts, type Memories, pickConcept } from "./schedule";
import { conceptName } from "./topics";

/**
 * The endless, adaptive drill: spaced repetition (schedule.ts) chooses what the next puzzle is about, the
 * generator makes it. Puzzle n of a drill seeded with S is generated from puzzleSeed(S, n), so a drill replays the
 * same way from the same memories and clock.
 */

export interface NextDrill {
  /** The concept or misconception key the puzzle was chosen for, if any. */
  readonly target: string | undefined;
  readonly puzzle: DrillPuzzle;
}

/** The keys spaced repetition may ask about: the concepts under the options, and misconceptions already fallen for. */
export function drillTargets(memories: Memories, options: Omit<DrillOptions, "target"> = {}): string[] {
  const fallenFor = drillMisconceptions(options)
    .map(misconceptionKey)
    .filter((k) => memories[k] !== undefined);
  return [...drillConcepts(options), ...fallenFor];
}

export function nextDrillPuzzle(args: {
  readonly seed: number;
  /** 0-based position in the drill. */
  readonly index: number;
  readonly memories: Memories;
  readonly now: number;
  readonly options?: Omit<DrillOptions, "target">;
}): NextDrill {
  const options = args.options ?? {};
  const seed = puzzleSeed(args.seed, args.index);
  const { concept } = pickConcept(args.memories, drillTargets(args.memories, options), args.now, seedRng(seed));
  const puzzle = generateDrillPuzzle(seed, concept === undefined ? options : { ...options, target: concept });
  return { target: concept, puzzle };
}

/**
 * The memories after a puzzle is done (every question answered): each of its concepts is right when every answer
 * was; each misconception fallen for is missed; each misconception the puzzle offered and the player avoided, if
 * remembered as fallen for before, counts as right. A ladder is one result, not one per segment, so a long puzzle
 * does not climb several boxes at once.
 */
export function recordDrillResult(
  memories: Memories,
  puzzle: Pick<DrillPuzzle, "concepts" | "misconceptions">,
  answers: readonly Pick<AnswerRecord, "correct" | "misconception">[],
  now: number,
): Record<string, ConceptMemory> {
  const next: Record<string, ConceptMemory> = { ...memories };
  const correct = answers.length > 0 && answers.every((a) => a.correct);
  for (const c of puzzle.concepts) next[c] = afterAnswer(memories[c], correct, now);
  const fell = new Set(answers.flatMap((a) => (a.correct || a.misconception === undefined ? [] : [a.misconception])));
  for (const m of fell) next[misconceptionKey(m)] = afterAnswer(memories[misconceptionKey(m)], false, now);
  for (const m of puzzle.misconceptions) {
    const key = misconceptionKey(m);
    if (!fell.has(m) && memories[key] !== undefined) next[key] = afterAnswer(memories[key], true, now);
  }
  return next;
}

/** One line of `tcp-tutor stats`' drill section. */
export interface MemoryRow {
  readonly key: string;
  readonly kind: "concept" | "misconception";
  /** The concept's name, or the misconception's explanation, in the player's language. */
  readonly name: string;
  readonly box: number;
  /** Milliseconds until due; 0 when due now. */
  readonly dueIn: number;
  readonly right: number;
  readonly wrong: number;
}

/** Every memory, what is due first (dueConcepts' order), then the rest by due time. */
export function memoryRows(memories: Memories, now: number, lang: Lang): MemoryRow[] {
  const due = dueConcepts(memories, now);
  const later = Object.keys(memories)
    .filter((k) => !due.includes(k))
    .sort((a, b) => (memories[a] as ConceptMemory).due - (memories[b] as ConceptMemory).due || (a < b ? -1 : 1));
  return [...due, ...later].map((key) => {
    const m = memories[key] as ConceptMemory;
    const id = misconceptionOfKey(key);
    return {
      key,
      kind: id === undefined ? "concept" : "misconception",
      name: id === undefined ? conceptName(key, lang) : (misconception(id)?.explain[lang] ?? id),
      box: m.box,
      dueIn: Math.max(0, m.due - now),
      right: m.right,
      wrong: m.wrong,
    };
  });
}
