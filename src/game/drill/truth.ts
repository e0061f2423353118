import { assertNever, type Scenario, type Side, type Trace, type TraceSegment } from "../../engine";
import { type Answer, answerKey, parseAnswer, type Who } from "../../levels/answer";
import { type MisconceptionContext, misconception } from "../../levels/misconceptions";
import type { Puzzle, PuzzlePoint } from "../../levels/schema";

/**
 * What the engine's trace says the answer is, before the puzzle exists. The generator needs it to write the
 * explanation and to pick wrong choices that really are wrong; it reads the trace by the rules of
 * src/levels/pose.ts, and the puzzle is then posed by poseLevel itself, which stays the judge: a generated puzzle
 * whose posed answer differs from this one is rejected (the tests count such rejections: there are none).
 */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A puzzle without its words: where it is posed and what it asks. */
export type Ask = DistributiveOmit<Puzzle, "id" | "prompt" | "explain" | "hint" | "cite" | "misconceptions" | "choices">;

export interface Point {
  /** Trace items numbered above this happen after the point. */
  readonly after: number;
  /** Virtual seconds at the point. */
  readonly time: number;
}

/** One right answer (a ladder has one per segment), with what misconceptions need to know about it. */
export interface Target extends MisconceptionContext {
  /** The segment the answer is (segment, ladder) or is about (number). */
  readonly segment?: TraceSegment;
}

export interface Truth {
  readonly point: Point;
  readonly targets: readonly Target[];
}

/** The point of a puzzle, as pose.ts computes it; undefined where pose would report a problem. */
export function pointOf(at: PuzzlePoint, scenario: Scenario, trace: Trace): Point | undefined {
  if ("afterStep" in at) {
    const n = at.afterStep;
    if (n >= scenario.steps.length) return undefined;
    let after = -1;
    for (const s of trace.segments) if (s.step <= n) after = Math.max(after, s.order, s.arrival ?? -1);
    for (const e of trace.events) if (e.step <= n) after = Math.max(after, e.order);
    let time = 0;
    for (const s of scenario.steps.slice(0, n + 1)) if (s.verb === "wait") time += s.seconds;
    return { after, time: round(time) };
  }
  const seg = trace.segments[at.segment];
  if (!seg || seg.arrival === undefined) return undefined;
  return { after: seg.arrival, time: seg.t };
}

function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}

function segmentAnswer(s: TraceSegment): Answer {
  return { kind: "segment", flags: s.flags, seq: s.seq, ack: s.ack, len: s.len };
}

/** What a segment answers (the peer's last arrived segment) and what its sender sent before it. */
function around(trace: Trace, s: TraceSegment): Pick<Target, "trigger" | "ownPrevious"> {
  let trigger: TraceSegment | undefined;
  let ownPrevious: TraceSegment | undefined;
  for (const x of trace.segments) {
    if (x.order >= s.order) break;
    if (x.from === s.from) ownPrevious = x;
    else if (x.arrival !== undefined && x.arrival < s.order) trigger = x;
  }
  return { ...(trigger ? { trigger } : {}), ...(ownPrevious ? { ownPrevious } : {}) };
}

/** The right answer(s) of a puzzle by the trace; undefined where pose.ts would find none. */
export function truthOf(ask: Ask, scenario: Scenario, trace: Trace): Truth | undefined {
  const point = pointOf(ask.at, scenario, trace);
  if (!point) return undefined;
  const later = (order: number) => order > point.after;
  const firstState = (side: Side, to?: string) =>
    trace.events.find(
      (e) => e.type === "state" && e.side === side && !e.background && (to === undefined || e.to === to) && later(e.order),
    );
  const one = (t: Target): Truth => ({ point, targets: [t] });
  switch (ask.ask) {
    case "state": {
      const e = firstState(ask.side);
      return e?.type === "state" ? one({ correct: { kind: "state", state: e.to } }) : undefined;
    }
    case "segment": {
      const s = trace.segments.find((x) => x.from === ask.side && later(x.order));
      return s ? one({ correct: segmentAnswer(s), segment: s, ...around(trace, s) }) : undefined;
    }
    case "number": {
      const s = trace.segments[ask.segment];
      if (!s || (ask.field === "ack" && !s.flags.includes("A"))) return undefined;
      const value = ask.field === "seq" ? s.seq : s.ack;
      return one({ correct: { kind: "number", value }, field: ask.field, segment: s, ...around(trace, s) });
    }
    case "who": {
      const c = firstState("client", ask.state) !== undefined;
      const s = firstState("server", ask.state) !== undefined;
      const who: Who = c && s ? "both" : c ? "client" : s ? "server" : "neither";
      return one({ correct: { kind: "who", who } });
    }
    case "time": {
      const e = firstState(ask.side, ask.state);
      return e ? one({ correct: { kind: "time", seconds: round(e.t - point.time) } }) : undefined;
    }
    case "errno": {
      const e = trace.events.find((x) => x.type === "error" && x.side === ask.side && later(x.order));
      return one({ correct: { kind: "errno", errno: e?.type === "error" ? e.errno : "none" } });
    }
    case "ladder": {
      const rest = trace.segments.filter((x) => later(x.order));
      if (rest.length === 0) return undefined;
      return { point, targets: rest.map((s) => ({ correct: segmentAnswer(s), segment: s, ...around(trace, s) })) };
    }
    default:
      return assertNever(ask);
  }
}

/** Wrong choices for a puzzle: misconception ids and hand-written answers, in the level file's form. */
export interface WrongChoices {
  readonly misconceptions: readonly string[];
  readonly choices: readonly string[];
}

/** Outside a ladder, a question offers at most this many misconceptions… */
const MAX_WRONG = 4;
/** …and hand-written answers only until it has this many wrong choices. */
const ENOUGH_WRONG = 3;

/**
 * Picks the wrong choices pose.ts will accept: each misconception that turns this very answer into a different
 * one (in a ladder, into a different one for at least one of its segments), then hand-written answers that
 * differ from the right one, until every question has two wrong choices at least; undefined when they run out.
 * Misconceptions come first: their explanations are what the feedback teaches. An idea that gives the same
 * wrong answer as one already offered is left out, since the choice would show only once.
 */
export function wrongChoices(
  kind: Ask["ask"],
  targets: readonly Target[],
  misconceptionIds: readonly string[],
  handWritten: readonly string[],
): WrongChoices | undefined {
  const answerKind = targets[0]?.correct.kind;
  if (!answerKind) return undefined;
  const ladder = kind === "ladder";
  const right = targets.map((t) => answerKey(t.correct));
  /** Per question, the wrong answers it offers so far. */
  const wrong = targets.map(() => new Set<string>());
  const count = () => wrong[0]?.size ?? 0;
  /** Adds each answer to its question's wrong ones; whether any of them was new. */
  const offer = (keys: readonly (string | undefined)[]): boolean => {
    let added = false;
    keys.forEach((k, i) => {
      const w = wrong[i];
      if (k === undefined || !w || w.has(k)) return;
      w.add(k);
      added = true;
    });
    return added;
  };

  const misconceptions: string[] = [];
  for (const id of misconceptionIds) {
    const m = misconception(id);
    if (!m || (!ladder && count() >= MAX_WRONG)) continue;
    const keys = targets.map((t, i) => {
      const a = m.wrong(t);
      const key = a ? answerKey(a) : undefined;
      return key === right[i] ? undefined : key;
    });
    // Outside a ladder pose.ts reports a misconception that does not apply or gives the right answer.
    if (!ladder && keys[0] === undefined) continue;
    if (offer(keys)) misconceptions.push(id);
  }

  const choices: string[] = [];
  for (const text of handWritten) {
    if (!ladder && count() >= ENOUGH_WRONG) break;
    const a = parseAnswer(answerKind, text);
    if (!a) continue;
    const key = answerKey(a);
    if (offer(right.map((r) => (key === r ? undefined : key)))) choices.push(text);
  }
  return wrong.every((w) => w.size >= 2) ? { misconceptions, choices } : undefined;
}
