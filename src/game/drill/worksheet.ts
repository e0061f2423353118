import type { TraceEvent, TraceSegment } from "../../engine";
import { sameAnswer } from "../../levels/answer";
import { misconception } from "../../levels/misconceptions";
import type { Lang, PuzzleKind } from "../../levels/schema";
import { answerLabel, describeArrival, describeStepsFrom, promptFor } from "../describe";
import { traceUntil } from "../reveal";
import { type DrillOptions, type DrillPuzzle, generateDrillPuzzle } from "./generate";
import { puzzleSeed } from "./random";
import type { Difficulty, Topic } from "./topics";

/**
 * A printable worksheet: `count` generated puzzles, each with the scenario so far, its question and lettered
 * choices, then an answer key with explanations. Pure data (worksheetData) and its JSON text (worksheetJson); the
 * Markdown form, which draws ladder diagrams, is rendered in src/ui/worksheet.ts. The same options give the same
 * worksheet, byte for byte, on any machine.
 */

export interface WorksheetOptions {
  readonly seed: number;
  readonly count: number;
  readonly lang: Lang;
  readonly topic?: Topic;
  readonly difficulty?: Difficulty;
}

export interface WorksheetChoice {
  readonly letter: string;
  readonly text: string;
}

/** A wrong choice that comes from a misconception, with the explanation of that idea. */
export interface WorksheetTrap {
  readonly letter: string;
  readonly misconception: string;
  readonly explain: string;
}

/** One question: a ladder puzzle has one per segment, every other puzzle one. */
export interface WorksheetQuestion {
  readonly choices: readonly WorksheetChoice[];
  /** The right choice's letter. */
  readonly answer: string;
  readonly answerText: string;
  readonly traps: readonly WorksheetTrap[];
}

/** The trace as the question shows it: what has happened so far (without the final states, which would tell). */
export interface WorksheetTrace {
  readonly segments: readonly TraceSegment[];
  readonly events: readonly TraceEvent[];
}

export interface WorksheetPuzzle {
  /** 1-based. */
  readonly number: number;
  /** The puzzle's own seed: generateDrillPuzzle(seed, the sheet's topic and difficulty) makes it again. */
  readonly seed: number;
  readonly topic: Topic;
  readonly kind: PuzzleKind;
  readonly difficulty: Difficulty;
  readonly concepts: readonly string[];
  readonly title: string;
  readonly intro: string;
  /** What happens next in the scenario, in words; null when the question is posed at the end. */
  readonly next: string | null;
  readonly prompt: string;
  readonly questions: readonly WorksheetQuestion[];
  readonly explain: string;
  readonly cite: readonly string[];
  /** Cut at the (first) question. */
  readonly trace: WorksheetTrace;
}

export interface Worksheet {
  readonly tcpTutor: "worksheet";
  /** The shape's version; it changes only when the shape does. */
  readonly format: 1;
  readonly seed: number;
  readonly lang: Lang;
  readonly count: number;
  readonly topic: Topic | null;
  readonly difficulty: Difficulty | null;
  readonly puzzles: readonly WorksheetPuzzle[];
}

/** A, B, C … for choices 0, 1, 2 … */
export function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

export function worksheetData(o: WorksheetOptions): Worksheet {
  const options: DrillOptions = {
    ...(o.topic === undefined ? {} : { topic: o.topic }),
    ...(o.difficulty === undefined ? {} : { difficulty: o.difficulty }),
  };
  const puzzles = Array.from({ length: Math.max(0, o.count) }, (_, i) =>
    worksheetPuzzle(generateDrillPuzzle(puzzleSeed(o.seed, i), options), i + 1, o.lang),
  );
  return {
    tcpTutor: "worksheet",
    format: 1,
    seed: o.seed >>> 0,
    lang: o.lang,
    count: puzzles.length,
    topic: o.topic ?? null,
    difficulty: o.difficulty ?? null,
    puzzles,
  };
}

/** One generated puzzle as a worksheet shows it. */
export function worksheetPuzzle(p: DrillPuzzle, number: number, lang: Lang): WorksheetPuzzle {
  const level = p.level;
  const posed = level.puzzles[0];
  if (!posed) throw new Error(`drill puzzle ${p.seed} has no puzzle`);
  const at = posed.puzzle.at;
  const arriving = "segment" in at ? level.trace.segments[at.segment] : undefined;
  const next =
    "afterStep" in at
      ? describeStepsFrom(level.scenario.steps, at.afterStep + 1, lang)
      : arriving && describeArrival(arriving, at.segment, lang);
  const first = posed.questions[0];
  const cut = traceUntil(level.trace, first?.shownUntil ?? -1);
  return {
    number,
    seed: p.seed,
    topic: p.topic,
    kind: p.kind,
    difficulty: p.difficulty,
    concepts: p.concepts,
    title: level.level.title[lang],
    intro: level.level.intro[lang],
    next: next ?? null,
    prompt: promptFor(posed.puzzle, lang),
    questions: posed.questions.map((q) => {
      const right = q.choices.findIndex((c) => sameAnswer(c.answer, q.correct));
      return {
        choices: q.choices.map((c, i) => ({ letter: letter(i), text: answerLabel(c.answer, lang) })),
        answer: letter(right),
        answerText: answerLabel(q.correct, lang),
        traps: q.choices.flatMap((c, i) => {
          const m = c.misconception === undefined ? undefined : misconception(c.misconception);
          return m && c.misconception ? [{ letter: letter(i), misconception: c.misconception, explain: m.explain[lang] }] : [];
        }),
      };
    }),
    explain: posed.puzzle.explain[lang],
    cite: posed.puzzle.cite,
    trace: { segments: cut.segments, events: cut.events },
  };
}

/** The worksheet as JSON: two-space indented, keys in the documented order, one final newline. */
export function worksheetJson(w: Worksheet): string {
  return `${JSON.stringify(w, null, 2)}\n`;
}
