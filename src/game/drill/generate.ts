import type { LoadedLevel } from "../../levels/loader";
import { answerKey } from "../../levels/answer";
import type { PuzzleKind } from "../../levels/schema";
import { type Dice, dice } from "./random";
import type { QuestionInfo, Template } from "./template";
import { TEMPLATES } from "./templates";
import { type Difficulty, type Topic, TOPICS } from "./topics";
import { validateLevel } from "./validate";

/**
 * The drill generator: a seed in, one puzzle out, the same on any machine. It picks a topic, a question of a
 * scenario template, draws the scenario's parameters, runs it in the engine, writes the puzzle as a level file and
 * checks it with the level checker (validate.ts). A draft with any problem is rejected and another drawn from the
 * same generator, so the result still depends on the seed alone.
 */

export interface DrillOptions {
  /** Only this topic (`drill --topic`). */
  readonly topic?: Topic;
  /** Exactly this difficulty (`drill --difficulty`). */
  readonly difficulty?: Difficulty;
  /**
   * A concept to ask about (a level concept slug such as "time-wait"), or a misconception to offer among the
   * choices ("misconception:<id>", see misconceptionKey): what spaced repetition wants asked next.
   */
  readonly target?: string;
}

export interface DrillPuzzle {
  readonly seed: number;
  readonly topic: Topic;
  /** The scenario template and its question, e.g. "close" and "ack-or-fin". */
  readonly template: string;
  readonly question: string;
  readonly kind: PuzzleKind;
  readonly difficulty: Difficulty;
  readonly concepts: readonly string[];
  /** The misconceptions offered as wrong choices (any question of the puzzle). */
  readonly misconceptions: readonly string[];
  /** ISNs just below 2^32: the numbers wrap around. */
  readonly wrap: boolean;
  /** One level with one puzzle, validated and posed: what startLevel plays. */
  readonly level: LoadedLevel;
  /** Drafts the validator rejected before this one, with their first problem (expected to be none). */
  readonly rejections: readonly string[];
  /** Draws that gave no puzzle at all (no point to ask at, too few wrong choices) and were drawn again. */
  readonly skipped: number;
}

/** Keys of spaced-repetition memories are concept slugs, and misconceptions under this prefix. */
export const MISCONCEPTION_PREFIX = "misconception:";

export function misconceptionKey(id: string): string {
  return `${MISCONCEPTION_PREFIX}${id}`;
}

/** The misconception id of a memory key, or undefined for a concept. */
export function misconceptionOfKey(key: string): string | undefined {
  return key.startsWith(MISCONCEPTION_PREFIX) ? key.slice(MISCONCEPTION_PREFIX.length) : undefined;
}

/** Every question of every template. */
export const QUESTIONS: readonly QuestionInfo[] = TEMPLATES.flatMap((t) => t.questions);

const BY_ID: ReadonlyMap<string, Template> = new Map(TEMPLATES.map((t) => [t.id, t]));

/** Draws before the generator gives up; a few are ever needed. */
const MAX_DRAWS = 200;
/** Without a difficulty asked for, a question that can wrap does so this often (percent). */
const WRAP_PERCENT = 20;

/** Whether a question can give a puzzle of difficulty `d`: its own, or one more with ISNs across the wrap. */
function reaches(q: QuestionInfo, d: Difficulty | undefined): boolean {
  return d === undefined || q.difficulty === d || (q.wrap && q.difficulty + 1 === d);
}

function matches(q: QuestionInfo, o: DrillOptions, withTarget = true): boolean {
  if (o.topic !== undefined && q.topic !== o.topic) return false;
  if (!reaches(q, o.difficulty)) return false;
  if (!withTarget || o.target === undefined) return true;
  const m = misconceptionOfKey(o.target);
  return m === undefined ? q.concepts.includes(o.target) : q.misconceptions.includes(m);
}

/** The questions the options allow. */
export function questionsFor(o: DrillOptions = {}): QuestionInfo[] {
  return QUESTIONS.filter((q) => matches(q, o));
}

/** Why these options give no puzzle (English, for the CLI), or undefined when they do. */
export function checkDrillOptions(o: DrillOptions): string | undefined {
  if (questionsFor(o).length > 0) return undefined;
  const parts = [
    o.topic === undefined ? undefined : `topic "${o.topic}"`,
    o.difficulty === undefined ? undefined : `difficulty ${o.difficulty}`,
    o.target === undefined ? undefined : `"${o.target}"`,
  ].filter((x) => x !== undefined);
  const available = availableDifficulties(o.topic);
  return `no drill puzzle for ${parts.join(" at ")} (difficulties available${o.topic === undefined ? "" : ` for ${o.topic}`}: ${available.join(", ")})`;
}

/** The difficulties a topic (or every topic) can give. */
export function availableDifficulties(topic?: Topic): Difficulty[] {
  return ([1, 2, 3, 4, 5] as const).filter((d) => questionsFor({ ...(topic ? { topic } : {}), difficulty: d }).length > 0);
}

/** The concepts puzzles under these options are about (spaced repetition chooses among them), sorted. */
export function drillConcepts(o: Omit<DrillOptions, "target"> = {}): string[] {
  return [...new Set(QUESTIONS.filter((q) => matches(q, o, false)).flatMap((q) => q.concepts))].sort();
}

/** The misconceptions puzzles under these options can offer, sorted. */
export function drillMisconceptions(o: Omit<DrillOptions, "target"> = {}): string[] {
  return [...new Set(QUESTIONS.filter((q) => matches(q, o, false)).flatMap((q) => q.misconceptions))].sort();
}

/** The level id and file name of a generated puzzle (`LoadedLevel.file` is not a path: nothing is read). */
export function drillLevelId(seed: number): string {
  return `drill-${seed >>> 0}`;
}

export function drillFile(seed: number): string {
  return `drill:${seed >>> 0}`;
}

/**
 * The puzzle of a seed. Throws a RangeError when the options allow no question at all (checkDrillOptions says so
 * beforehand), and an Error if no draw passes the validator in MAX_DRAWS (never seen: see the property test).
 */
export function generateDrillPuzzle(seed: number, options: DrillOptions = {}): DrillPuzzle {
  const pool = questionsFor(options);
  if (pool.length === 0) throw new RangeError(checkDrillOptions(options));
  const topics = TOPICS.filter((t) => pool.some((q) => q.topic === t));
  const d = dice(seed >>> 0);
  const rejections: string[] = [];
  let skipped = 0;
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    // A topic first, then one of its questions: every topic comes up as often, however many questions it has.
    const topic = d.pick(topics);
    const q = d.pick(pool.filter((x) => x.topic === topic));
    const wrap = wrapFor(q, options.difficulty, d);
    const t = BY_ID.get(q.template);
    const draft = t?.build(q.id, d, wrap, drillLevelId(seed));
    if (!draft || typeof draft === "string") {
      skipped++;
      continue;
    }
    const puzzle = draft.file.puzzles[0];
    const wanted = options.target === undefined ? undefined : misconceptionOfKey(options.target);
    if (wanted !== undefined && !puzzle?.misconceptions.includes(wanted)) {
      skipped++;
      continue;
    }
    const { level, problems } = validateLevel(draft.file, drillFile(seed));
    if (!level) {
      rejections.push(`${q.template}/${q.id}: ${problems[0] ?? "rejected"}`);
      continue;
    }
    // The text was written for the answers truth.ts read from the trace; pose.ts must agree.
    const posed = level.puzzles[0]?.questions.map((x) => answerKey(x.correct)) ?? [];
    if (posed.join("\n") !== draft.expected.join("\n")) {
      rejections.push(`${q.template}/${q.id}: posed ${posed.join(", ")} but the text explains ${draft.expected.join(", ")}`);
      continue;
    }
    const offered = new Set(level.puzzles[0]?.questions.flatMap((x) => x.choices.flatMap((c) => c.misconception ?? [])));
    return {
      seed: seed >>> 0,
      topic: q.topic,
      template: q.template,
      question: q.id,
      kind: q.kind,
      difficulty: draft.difficulty,
      concepts: q.concepts,
      misconceptions: q.misconceptions.filter((m) => offered.has(m)),
      wrap,
      level,
      rejections,
      skipped,
    };
  }
  throw new Error(`no valid drill puzzle for seed ${seed} after ${MAX_DRAWS} draws: ${rejections[0] ?? "every draw was skipped"}`);
}

function wrapFor(q: QuestionInfo, wanted: Difficulty | undefined, d: Dice): boolean {
  if (!q.wrap) return false;
  if (wanted === undefined) return d.chance(WRAP_PERCENT);
  return q.difficulty + 1 === wanted;
}
