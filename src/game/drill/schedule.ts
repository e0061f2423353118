import { nextUint32, type Rng } from "../../engine";

/**
 * Spaced repetition over concepts and misconceptions: Leitner boxes.
 *
 * Each concept (and each misconception the player has fallen for) sits in one of six boxes. A wrong answer puts it
 * in box 0, due again in one minute, so it comes back within the same drill a few puzzles later. A right answer
 * moves it up one box, and each box waits longer before asking again:
 *
 *   box      0      1       2      3       4       5
 *   due in   1 min  10 min  1 day  3 days  7 days  21 days
 *
 * Why Leitner and not SM-2: a drill puzzle is generated, so the same question never comes back twice and there is
 * no per-card ease to learn; what repeats is the idea. Boxes need no tuning, are easy to explain on a stats screen
 * ("box 3, due in 2 days") and make one miss count for more than one lucky guess: a concept falls to box 0 at
 * once but climbs back one box at a time. Every time is passed in (milliseconds since the epoch); nothing here
 * reads a clock.
 */

/** What is remembered of one concept or misconception (the save file's DrillMemory has exactly these fields). */
export interface ConceptMemory {
  /** Leitner box, 0 (just missed) to 5 (known for weeks). */
  readonly box: number;
  /** When it is due again (ms since the epoch). */
  readonly due: number;
  /** Answers on it, right and wrong, ever. */
  readonly right: number;
  readonly wrong: number;
  /** The latest answer on it (ms since the epoch). */
  readonly last: number;
}

/** Memories by key: concept slugs, and misconceptions as misconceptionKey(id). */
export type Memories = Readonly<Record<string, ConceptMemory>>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How long each box waits before its concepts are due again (ms), box 0 first. */
export const BOX_INTERVALS: readonly number[] = [MINUTE, 10 * MINUTE, DAY, 3 * DAY, 7 * DAY, 21 * DAY];
export const TOP_BOX = BOX_INTERVALS.length - 1;

/**
 * The memory after one answer: wrong → box 0; right → one box up (a first right answer lands in box 1), at most the
 * top box. Due one interval of the new box after `now`.
 */
export function afterAnswer(memory: ConceptMemory | undefined, correct: boolean, now: number): ConceptMemory {
  const box = correct ? Math.min(TOP_BOX, (memory?.box ?? 0) + 1) : 0;
  return {
    box,
    due: now + (BOX_INTERVALS[box] ?? 0),
    right: (memory?.right ?? 0) + (correct ? 1 : 0),
    wrong: (memory?.wrong ?? 0) + (correct ? 0 : 1),
    last: now,
  };
}

/** The keys due at `now`, most urgent first: lowest box, then longest overdue, then by name. */
export function dueConcepts(memories: Memories, now: number): string[] {
  return Object.keys(memories)
    .filter((k) => (memories[k] as ConceptMemory).due <= now)
    .sort((a, b) => urgency(memories, a, b));
}

function urgency(memories: Memories, a: string, b: string): number {
  const ma = memories[a] as ConceptMemory;
  const mb = memories[b] as ConceptMemory;
  if (ma.box !== mb.box) return ma.box - mb.box;
  if (ma.due !== mb.due) return ma.due - mb.due;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What to ask about next, among `available` (the keys the drill can target under its options):
 *   1. the most urgent due one (dueConcepts' order);
 *   2. else one never seen yet, at random: new material comes in while nothing is due;
 *   3. else the one due soonest (practising ahead), ties broken by name.
 * Undefined when nothing is available. The generator's next state is returned with the choice.
 */
export function pickConcept(
  memories: Memories,
  available: readonly string[],
  now: number,
  rng: Rng,
): { readonly concept: string | undefined; readonly rng: Rng } {
  const can = new Set(available);
  const due = dueConcepts(memories, now).find((k) => can.has(k));
  if (due !== undefined) return { concept: due, rng };
  const fresh = [...can].filter((k) => memories[k] === undefined).sort();
  if (fresh.length > 0) {
    const next = nextUint32(rng);
    return { concept: fresh[next.value % fresh.length], rng: next.rng };
  }
  const soonest = [...can].sort((a, b) => {
    const d = (memories[a] as ConceptMemory).due - (memories[b] as ConceptMemory).due;
    return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
  })[0];
  return { concept: soonest, rng };
}

/** How a memory reads on a stats screen: its box and how long until it is due (0 when due). */
export function dueIn(memory: ConceptMemory, now: number): number {
  return Math.max(0, memory.due - now);
}
