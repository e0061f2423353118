import { parseScenario, runScenario, type Scenario, type Side, type Trace, type TraceSegment } from "../../engine";
import { answerKey } from "../../levels/answer";
import type { LevelFile, Localized, PuzzleKind } from "../../levels/schema";
import type { Dice } from "./random";
import type { Difficulty, Topic } from "./topics";
import { type Ask, type Truth, truthOf, wrongChoices } from "./truth";

/**
 * A scenario template: a family of scenarios drawn with random parameters (which side closes, how many bytes,
 * which ISNs, what is lost), and the questions that can be asked about any of them. A question knows where to
 * pose itself in the trace, which misconceptions and hand-written answers to offer, and how to explain the
 * engine's answer from the trace; it never states the answer.
 */

/** A scenario in the level file's form, and the indices of the steps its questions refer to by name. */
export interface Script {
  readonly json: ScenarioJson;
  readonly marks: Readonly<Record<string, number>>;
}

export interface ScenarioJson {
  readonly client: { readonly isn: number };
  readonly server: { readonly isn: number };
  readonly options?: Readonly<Record<string, unknown>>;
  readonly steps: readonly Readonly<Record<string, unknown>>[];
}

/** The scenario, run: what questions look at. */
export interface Run {
  readonly scenario: Scenario;
  readonly trace: Trace;
  /** Step indices by name. */
  readonly step: (name: string) => number;
}

/** What the draw knows: the question it draws for (some need more than one segment of data), and near-2^32 ISNs. */
export interface DrawContext {
  readonly question: string;
  readonly wrap: boolean;
}

export interface QuestionDef<P> {
  /** Unique in the template, lower-case slug: the puzzle's id. */
  readonly id: string;
  readonly topic: Topic;
  readonly kind: PuzzleKind;
  readonly difficulty: Difficulty;
  /** Whether ISNs may sit just below 2^32 (arithmetic across the wrap: one level harder). */
  readonly wrap?: boolean;
  readonly concepts: readonly string[];
  readonly misconceptions?: readonly string[];
  readonly ask: (p: P, run: Run) => Ask | undefined;
  /** Hand-written wrong answers in canonical form, often derived from the engine's answer; the wrong ones are kept. */
  readonly choices?: (p: P, run: Run, truth: Truth) => readonly string[];
  readonly prompt?: (p: P, run: Run) => Localized;
  readonly hint?: (p: P, run: Run, truth: Truth) => Localized;
  readonly explain: (p: P, run: Run, truth: Truth) => Localized;
  readonly cite: readonly string[];
}

export interface TemplateDef<P> {
  /** Lower-case slug. */
  readonly id: string;
  readonly draw: (d: Dice, c: DrawContext) => P;
  readonly script: (p: P) => Script;
  readonly title: (p: P) => Localized;
  readonly intro: (p: P) => Localized;
  readonly questions: readonly QuestionDef<P>[];
}

/** A question as the generator chooses among them, before anything is drawn. */
export interface QuestionInfo {
  readonly template: string;
  readonly id: string;
  readonly topic: Topic;
  readonly kind: PuzzleKind;
  readonly difficulty: Difficulty;
  readonly wrap: boolean;
  readonly concepts: readonly string[];
  readonly misconceptions: readonly string[];
}

/** A level file the generator built, before validation, with the answers its text was written for. */
export interface Draft {
  readonly file: LevelFile;
  readonly info: QuestionInfo;
  readonly difficulty: Difficulty;
  readonly wrap: boolean;
  /** Canonical text of each question's right answer (answerKey), as the text was written for. */
  readonly expected: readonly string[];
}

export interface Template {
  readonly id: string;
  readonly questions: readonly QuestionInfo[];
  /** Draws a scenario for the question and builds the level file; a string says why this draw gave no puzzle. */
  readonly build: (question: string, d: Dice, wrap: boolean, levelId: string) => Draft | string;
}

/** Erases a template's parameter type: the generator handles every template alike. */
export function template<P>(def: TemplateDef<P>): Template {
  const infos = def.questions.map(
    (q): QuestionInfo => ({
      template: def.id,
      id: q.id,
      topic: q.topic,
      kind: q.kind,
      difficulty: q.difficulty,
      wrap: q.wrap ?? false,
      concepts: q.concepts,
      misconceptions: q.misconceptions ?? [],
    }),
  );
  const build = (question: string, d: Dice, wrap: boolean, levelId: string): Draft | string => {
    const index = def.questions.findIndex((q) => q.id === question);
    const q = def.questions[index];
    const info = infos[index];
    if (!q || !info) return `no question "${question}" in template ${def.id}`;
    const p = def.draw(d, { question, wrap });
    const script = def.script(p);
    const parsed = parseScenario(script.json);
    if (!parsed.ok) return `scenario: ${parsed.error}`;
    // Seed 1, as pose.ts runs level scenarios; every ISN is given, so it picks nothing here.
    const trace = runScenario(parsed.scenario, { seed: 1 });
    const run: Run = { scenario: parsed.scenario, trace, step: (name) => stepOf(script, name) };
    const ask = q.ask(p, run);
    if (!ask) return `${def.id}/${q.id}: no point to ask at in this draw`;
    if (ask.ask !== q.kind) return `${def.id}/${q.id}: asks ${ask.ask}, declared ${q.kind}`;
    const truth = truthOf(ask, parsed.scenario, trace);
    if (!truth) return `${def.id}/${q.id}: the engine gives no answer here`;
    const wrong = wrongChoices(ask.ask, truth.targets, info.misconceptions, q.choices?.(p, run, truth) ?? []);
    if (!wrong) return `${def.id}/${q.id}: fewer than two wrong choices`;
    const difficulty = Math.min(5, q.difficulty + (wrap ? 1 : 0)) as Difficulty;
    const prompt = q.prompt?.(p, run);
    const hint = q.hint?.(p, run, truth);
    const file: LevelFile = {
      id: levelId,
      title: def.title(p),
      intro: def.intro(p),
      difficulty,
      concepts: [...info.concepts],
      scenario: script.json as unknown as LevelFile["scenario"],
      puzzles: [
        {
          id: q.id,
          ...ask,
          ...(prompt ? { prompt } : {}),
          explain: q.explain(p, run, truth),
          ...(hint ? { hint } : {}),
          cite: [...q.cite],
          misconceptions: [...wrong.misconceptions],
          choices: [...wrong.choices],
        },
      ],
    };
    return { file, info, difficulty, wrap, expected: truth.targets.map((t) => answerKey(t.correct)) };
  };
  return { id: def.id, questions: infos, build };
}

function stepOf(script: Script, name: string): number {
  const n = script.marks[name];
  if (n === undefined) throw new RangeError(`no step named "${name}"`);
  return n;
}

/**
 * Builds a scenario's steps, naming the ones questions refer to. Steps are written as in a level file:
 * `{ listen: "server" }`, `{ send: { side: "client", bytes: 100 } }`.
 */
export function script(
  client: number,
  server: number,
  options: Readonly<Record<string, unknown>> | undefined,
  steps: readonly (Readonly<Record<string, unknown>> | readonly [string, Readonly<Record<string, unknown>>] | false)[],
): Script {
  const marks: Record<string, number> = {};
  const out: Readonly<Record<string, unknown>>[] = [];
  for (const s of steps) {
    if (s === false) continue;
    if (Array.isArray(s)) {
      const [name, step] = s as readonly [string, Readonly<Record<string, unknown>>];
      marks[name] = out.length;
      out.push(step);
    } else {
      out.push(s as Readonly<Record<string, unknown>>);
    }
  }
  const json: ScenarioJson = {
    client: { isn: client },
    server: { isn: server },
    ...(options ? { options } : {}),
    steps: out,
  };
  return { json, marks };
}

/** Index of the first segment that matches, at or after `from` (0-based, in the order sent). */
export function segmentIndex(trace: Trace, match: (s: TraceSegment) => boolean, from = 0): number | undefined {
  for (let i = from; i < trace.segments.length; i++) if (match(trace.segments[i] as TraceSegment)) return i;
  return undefined;
}

/** The first segment from `side` with exactly these flags, at or after `from`. */
export function sent(trace: Trace, side: Side, flags: string, from = 0): number | undefined {
  return segmentIndex(trace, (s) => s.from === side && s.flags === flags, from);
}

/** A segment that arrives (pose can only stop a puzzle at a segment that arrives). */
export function arrives(trace: Trace, index: number | undefined): number | undefined {
  return index !== undefined && trace.segments[index]?.arrival !== undefined ? index : undefined;
}

/** The trace segment a target is about (segment, number and ladder answers have one). */
export function segmentOf(truth: Truth, i = 0): TraceSegment | undefined {
  return truth.targets[i]?.segment;
}

/** Canonical text of a segment answer with some fields changed: "FA 5001/1102". */
export function segmentText(s: Pick<TraceSegment, "flags" | "seq" | "ack" | "len">): string {
  return `${s.flags} ${s.seq >>> 0}/${s.ack >>> 0}${s.len > 0 ? ` len ${s.len}` : ""}`;
}
