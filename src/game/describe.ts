import { assertNever, peerOf, type ScenarioStep, type Side, type TraceSegment } from "../engine";
import type { Answer } from "../levels/answer";
import type { Lang, Puzzle } from "../levels/schema";
import { type Actor, MESSAGES } from "./messages";

/**
 * What the game says, as functions of the data and the player's language. Segments are named to players by their
 * position counted from 1 ("segment 8" is trace.segments[7]), while levels count from 0.
 */

/** One scenario step in words: "The server calls listen().", "1.5 seconds pass.", "服务器调用 listen()。" */
export function describeStep(step: ScenarioStep, lang: Lang): string {
  const m = MESSAGES[lang];
  switch (step.verb) {
    case "listen":
    case "connect":
    case "read":
    case "close":
      return m.call(actor(step.sides), `${step.verb}()`);
    case "shutdown":
      return m.call(actor(step.sides), "shutdown(SHUT_WR)");
    case "abort":
      return m.abort(actor(step.sides));
    case "send":
      return m.send(step.side, step.bytes);
    case "lose":
      return m.lose(step.from, step.flags, step.count);
    case "wait":
      return m.wait(formatNumber(step.seconds));
    case "bind":
      return m.bind(step.side, step.reuseaddr);
    default:
      return assertNever(step);
  }
}

/**
 * What happens after step `index - 1`, in words: step `index`, joined with the steps after it while it is a loss
 * rule (a rule does nothing by itself; the player needs the action it applies to). Undefined past the last step.
 */
export function describeStepsFrom(steps: readonly ScenarioStep[], index: number, lang: Lang): string | undefined {
  const words: string[] = [];
  for (let i = index; i < steps.length; i++) {
    const step = steps[i] as ScenarioStep;
    words.push(describeStep(step, lang));
    if (step.verb !== "lose") break;
  }
  if (words.length === 0) return undefined;
  return words.join(lang === "en" ? " " : "");
}

/** "Segment 4 (FIN+ACK seq=1001 ack=5001) arrives at the server." for trace.segments[3]. */
export function describeArrival(segment: TraceSegment, index: number, lang: Lang): string {
  return MESSAGES[lang].arrives(index + 1, segmentLabel(segment), peerOf(segment.from));
}

/** The puzzle's own prompt when it has one, else the question its kind asks. */
export function promptFor(puzzle: Puzzle, lang: Lang): string {
  if (puzzle.prompt) return puzzle.prompt[lang];
  const m = MESSAGES[lang];
  switch (puzzle.ask) {
    case "state":
      return m.askState(puzzle.side);
    case "segment":
      return m.askSegment(puzzle.side);
    case "number":
      return m.askNumber(puzzle.field, puzzle.segment + 1);
    case "who":
      return m.askWho(puzzle.state);
    case "time":
      return m.askTime(puzzle.side, puzzle.state);
    case "errno":
      return m.askErrno(puzzle.side);
    case "ladder":
      return m.askLadder;
    default:
      return assertNever(puzzle);
  }
}

/** How a choice is shown: "FIN+ACK seq=5001 ack=1102", "TIME_WAIT", "1102", "both", "60 s", "ECONNRESET". */
export function answerLabel(a: Answer, lang: Lang): string {
  const m = MESSAGES[lang];
  switch (a.kind) {
    case "segment":
      return segmentLabel(a);
    case "state":
      return a.state;
    case "number":
      return String(a.value);
    case "who":
      return m.who[a.who];
    case "time":
      return m.seconds(formatNumber(a.seconds));
    case "errno":
      return a.errno === "none" ? m.noError : a.errno;
    default:
      return assertNever(a);
  }
}

const FLAG_NAMES: Readonly<Record<string, string>> = { S: "SYN", F: "FIN", R: "RST", P: "PSH", A: "ACK" };

/** What a segment label needs: a TraceSegment or a segment answer. */
export type SegmentFields = Pick<TraceSegment, "flags" | "seq" | "ack" | "len">;

/** "SYN+ACK seq=5000 ack=1001": flags by name, ack only with ACK set, len only with data (as the ladder draws it). */
export function segmentLabel(s: SegmentFields): string {
  const names = [...s.flags].map((f) => FLAG_NAMES[f] ?? f).join("+");
  return `${names} seq=${s.seq}${s.flags.includes("A") ? ` ack=${s.ack}` : ""}${s.len > 0 ? ` len=${s.len}` : ""}`;
}

function actor(sides: readonly Side[]): Actor {
  return sides.length > 1 ? "both" : (sides[0] ?? "client");
}

/** Seconds as players read them: at most three decimals, no trailing zeros ("1.5", "60"). */
function formatNumber(x: number): string {
  return String(Number(x.toFixed(3)));
}
