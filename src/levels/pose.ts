import {
  assertNever,
  isTcpState,
  parseScenario,
  runScenario,
  type Scenario,
  type Side,
  type TcpState,
  type Trace,
  type TraceSegment,
} from "../engine";
import { type Answer, answerKey, parseAnswer, type Who } from "./answer";
import { type MisconceptionContext, misconception } from "./misconceptions";
import type { LevelFile, Puzzle, PuzzlePoint } from "./schema";

/** A path into a level file, as the schema validator reports it: ["puzzles", 2, "misconceptions", 0]. */
export type FieldPath = readonly (string | number)[];

export interface LevelProblem {
  readonly path: FieldPath;
  readonly message: string;
}

export interface Choice {
  readonly answer: Answer;
  /** The misconception this wrong choice comes from, if any. */
  readonly misconception?: string;
}

/** One question a player answers: a ladder puzzle has one per segment, every other puzzle one. */
export interface Question {
  readonly correct: Answer;
  /** The right answer and the wrong ones, each once, in a fixed order (by canonical text). */
  readonly choices: readonly Choice[];
  /** Everything in the trace numbered up to this (segments by order, events by order) has happened. */
  readonly shownUntil: number;
}

export interface PosedPuzzle {
  readonly puzzle: Puzzle;
  /** Virtual time of the point at which the puzzle is posed (s). */
  readonly time: number;
  readonly questions: readonly Question[];
}

export interface PosedLevel {
  readonly level: LevelFile;
  readonly scenario: Scenario;
  readonly trace: Trace;
  readonly puzzles: readonly PosedPuzzle[];
}

/** Seed for ISNs a level leaves out; levels should give them, so that their text matches. */
const LEVEL_SEED = 1;

/**
 * Runs a level's scenario in the engine and poses each puzzle: the right answer comes from the trace, wrong
 * choices from the misconceptions and hand-written choices, each checked to be wrong. Problems are collected,
 * all of them, with the field they concern.
 */
export function poseLevel(level: LevelFile): { posed?: PosedLevel; problems: LevelProblem[] } {
  const problems: LevelProblem[] = [];
  const parsed = parseScenario(level.scenario);
  if (!parsed.ok) return { problems: [scenarioProblem(parsed.error)] };
  const scenario = parsed.scenario;
  const trace = runScenario(scenario, { seed: LEVEL_SEED });

  const seen = new Set<string>();
  const puzzles: PosedPuzzle[] = [];
  level.puzzles.forEach((puzzle, i) => {
    const at: FieldPath = ["puzzles", i];
    if (seen.has(puzzle.id)) problems.push({ path: [...at, "id"], message: `puzzle id "${puzzle.id}" is used twice` });
    seen.add(puzzle.id);
    const before = problems.length;
    const posed = posePuzzle(puzzle, scenario, trace, at, problems);
    if (posed && problems.length === before) puzzles.push(posed);
  });
  return problems.length > 0 ? { problems } : { posed: { level, scenario, trace, puzzles }, problems };
}

/** parseScenario reports "steps[3].send.bytes: message"; turn its path into a field path under `scenario`. */
function scenarioProblem(error: string): LevelProblem {
  const m = /^([^:]*): (.*)$/.exec(error);
  const where = m?.[1] ?? "";
  const message = m?.[2] ?? error;
  const path: (string | number)[] = ["scenario"];
  for (const part of where.matchAll(/([A-Za-z$_][\w$]*)|\[(\d+)\]/g)) {
    if (part[1] !== undefined) path.push(part[1]);
    else if (part[2] !== undefined) path.push(Number(part[2]));
  }
  if (where === "scenario") path.length = 1;
  return { path, message };
}

interface Point {
  /** Items numbered above this happen after the point. */
  readonly after: number;
  readonly time: number;
}

function pointOf(at: PuzzlePoint, scenario: Scenario, trace: Trace): Point | string {
  if ("afterStep" in at) {
    const n = at.afterStep;
    if (n >= scenario.steps.length) return `the scenario has ${scenario.steps.length} steps (0 to ${scenario.steps.length - 1})`;
    let after = -1;
    for (const s of trace.segments) if (s.step <= n) after = Math.max(after, s.order, s.arrival ?? -1);
    for (const e of trace.events) if (e.step <= n) after = Math.max(after, e.order);
    let time = 0;
    for (const s of scenario.steps.slice(0, n + 1)) if (s.verb === "wait") time += s.seconds;
    return { after, time: round(time) };
  }
  const seg = trace.segments[at.segment];
  if (!seg) return `the scenario sends ${trace.segments.length} segments (0 to ${trace.segments.length - 1})`;
  if (seg.arrival === undefined) return `segment ${at.segment} is lost: it never arrives`;
  return { after: seg.arrival, time: seg.t };
}

function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}

function segmentAnswer(s: TraceSegment): Answer {
  return { kind: "segment", flags: s.flags, seq: s.seq, ack: s.ack, len: s.len };
}

/** The context misconceptions need around a segment: what it answers, and what its sender sent before it. */
function segmentContext(trace: Trace, s: TraceSegment): Omit<MisconceptionContext, "correct"> {
  let trigger: TraceSegment | undefined;
  let ownPrevious: TraceSegment | undefined;
  for (const x of trace.segments) {
    if (x.order >= s.order) break;
    if (x.from === s.from) ownPrevious = x;
    else if (x.arrival !== undefined && x.arrival < s.order) trigger = x;
  }
  return { ...(trigger ? { trigger } : {}), ...(ownPrevious ? { ownPrevious } : {}) };
}

function posePuzzle(
  puzzle: Puzzle,
  scenario: Scenario,
  trace: Trace,
  at: FieldPath,
  problems: LevelProblem[],
): PosedPuzzle | undefined {
  const fail = (path: FieldPath, message: string): undefined => {
    problems.push({ path: [...at, ...path], message });
    return undefined;
  };
  const point = pointOf(puzzle.at, scenario, trace);
  if (typeof point === "string") return fail(["at"], point);
  const later = (order: number) => order > point.after;
  const where = "afterStep" in puzzle.at ? `after step ${puzzle.at.afterStep}` : `once segment ${puzzle.at.segment} arrives`;

  // The right answer(s), each with what misconceptions need to know about it.
  const targets: MisconceptionContext[] = [];
  switch (puzzle.ask) {
    case "state": {
      const e = trace.events.find((x) => x.type === "state" && x.side === puzzle.side && !x.background && later(x.order));
      if (!e || e.type !== "state") return fail(["side"], `the ${puzzle.side} changes state no more ${where}`);
      targets.push({ correct: { kind: "state", state: e.to } });
      break;
    }
    case "segment": {
      const s = trace.segments.find((x) => x.from === puzzle.side && later(x.order));
      if (!s) return fail(["side"], `the ${puzzle.side} sends nothing more ${where}`);
      targets.push({ correct: segmentAnswer(s), ...segmentContext(trace, s) });
      break;
    }
    case "number": {
      const s = trace.segments[puzzle.segment];
      if (!s) return fail(["segment"], `the scenario sends ${trace.segments.length} segments (0 to ${trace.segments.length - 1})`);
      const value = puzzle.field === "seq" ? s.seq : s.ack;
      if (puzzle.field === "ack" && !s.flags.includes("A")) return fail(["field"], `segment ${puzzle.segment} (${s.flags}) carries no ack`);
      targets.push({ correct: { kind: "number", value }, field: puzzle.field, ...segmentContext(trace, s) });
      break;
    }
    case "who": {
      const state = stateName(puzzle.state);
      if (!state) return fail(["state"], `"${puzzle.state}" is not a TCP state`);
      const enters = (side: Side) =>
        trace.events.some((x) => x.type === "state" && x.side === side && !x.background && x.to === state && later(x.order));
      const c = enters("client");
      const s = enters("server");
      const who: Who = c && s ? "both" : c ? "client" : s ? "server" : "neither";
      targets.push({ correct: { kind: "who", who } });
      break;
    }
    case "time": {
      const state = stateName(puzzle.state);
      if (!state) return fail(["state"], `"${puzzle.state}" is not a TCP state`);
      const e = trace.events.find(
        (x) => x.type === "state" && x.side === puzzle.side && !x.background && x.to === state && later(x.order),
      );
      if (!e) return fail(["state"], `the ${puzzle.side} never enters ${state} ${where}`);
      targets.push({ correct: { kind: "time", seconds: round(e.t - point.time) } });
      break;
    }
    case "errno": {
      const e = trace.events.find((x) => x.type === "error" && x.side === puzzle.side && later(x.order));
      targets.push({ correct: { kind: "errno", errno: e && e.type === "error" ? e.errno : "none" } });
      break;
    }
    case "ladder": {
      const rest = trace.segments.filter((x) => later(x.order));
      if (rest.length === 0) return fail(["at"], `no segment is sent ${where}`);
      for (const s of rest) targets.push({ correct: segmentAnswer(s), ...segmentContext(trace, s) });
      break;
    }
    default:
      return assertNever(puzzle);
  }

  const questions: Question[] = [];
  targets.forEach((target, k) => {
    const shownUntil = puzzle.ask === "ladder" ? (trace.segments.filter((x) => later(x.order))[k]?.order ?? 0) - 1 : point.after;
    const q = question(puzzle, target, shownUntil, at, problems, puzzle.ask === "ladder" ? k : undefined);
    if (q) questions.push(q);
  });
  return { puzzle, time: point.time, questions };
}

function stateName(s: string): TcpState | undefined {
  return isTcpState(s) ? s : undefined;
}

/** Builds the choices of one question and checks each wrong one is wrong; needs two wrong ones at least. */
function question(
  puzzle: Puzzle,
  target: MisconceptionContext,
  shownUntil: number,
  at: FieldPath,
  problems: LevelProblem[],
  ladderStep: number | undefined,
): Question | undefined {
  const correctKey = answerKey(target.correct);
  const wrong = new Map<string, Choice>();
  const which = ladderStep === undefined ? "" : ` (ladder segment ${ladderStep})`;
  const isLadder = ladderStep !== undefined;

  puzzle.misconceptions.forEach((id, j) => {
    const m = misconception(id);
    if (!m) {
      if (!isLadder || ladderStep === 0) problems.push({ path: [...at, "misconceptions", j], message: `unknown misconception "${id}"` });
      return;
    }
    const a = m.wrong(target);
    // A ladder offers each misconception only where it applies; elsewhere it must apply and differ.
    if (!a) {
      if (!isLadder) problems.push({ path: [...at, "misconceptions", j], message: `"${id}" does not apply here (right answer ${correctKey})` });
      return;
    }
    const key = answerKey(a);
    if (key === correctKey) {
      if (!isLadder) problems.push({ path: [...at, "misconceptions", j], message: `"${id}" gives the right answer here (${correctKey})` });
      return;
    }
    if (!wrong.has(key)) wrong.set(key, { answer: a, misconception: id });
  });

  puzzle.choices.forEach((text, j) => {
    const a = parseAnswer(target.correct.kind, text);
    if (!a) {
      if (!isLadder || ladderStep === 0) {
        problems.push({ path: [...at, "choices", j], message: `"${text}" is not written as a ${target.correct.kind} answer (like ${correctKey})` });
      }
      return;
    }
    const key = answerKey(a);
    if (key === correctKey) {
      if (!isLadder) problems.push({ path: [...at, "choices", j], message: `"${text}" is the right answer, not a wrong choice` });
      return;
    }
    if (!wrong.has(key)) wrong.set(key, { answer: a });
  });

  if (wrong.size < 2) {
    problems.push({
      path: at,
      message: `needs at least two wrong choices${which}, has ${wrong.size} (right answer ${correctKey})`,
    });
    return undefined;
  }
  const choices = [{ answer: target.correct }, ...wrong.values()].sort((a, b) =>
    answerKey(a.answer) < answerKey(b.answer) ? -1 : 1,
  );
  return { correct: target.correct, choices, shownUntil };
}
