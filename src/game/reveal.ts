import { assertNever, type Side, type Trace } from "../engine";
import type { PosedPuzzle, Question } from "../levels/pose";

/**
 * How much of a level's trace the player sees. Segments and events share one numbering (`order`); a question is
 * posed with everything numbered up to its `shownUntil` on screen, and its answer reveals up to the item it names.
 */

/** The whole trace: the last question is answered, or the answer is something that never happens. */
export const WHOLE_TRACE = Number.POSITIVE_INFINITY;

/**
 * The trace cut at `order`: segments sent and events happened at or before it. A segment sent before the cut but
 * arriving after it stays (drawn as sent); `final` is kept as is.
 */
export function traceUntil(trace: Trace, order: number): Trace {
  return {
    segments: trace.segments.filter((s) => s.order <= order),
    events: trace.events.filter((e) => e.order <= order),
    final: trace.final,
  };
}

/**
 * How far the answer to a question reveals the trace: up to the segment or state change it names, the error it
 * asks for, the later of the two sides entering a state. An answer about something that never happens (who:
 * neither, errno: none) shows the whole trace, which proves it. Never less than what the question showed.
 */
export function revealedUntil(posed: PosedPuzzle, question: Question, trace: Trace): number {
  const after = question.shownUntil;
  const later = (order: number) => order > after;
  /** The first change of the side's own connection after the question's point, to `state` if given. */
  const firstState = (side: Side, state?: string) =>
    trace.events.find(
      (e) =>
        e.type === "state" &&
        e.side === side &&
        !e.background &&
        (state === undefined || e.to === state) &&
        later(e.order),
    )?.order;

  const puzzle = posed.puzzle;
  let until: number | undefined;
  switch (puzzle.ask) {
    case "state":
      until = firstState(puzzle.side);
      break;
    case "segment":
      until = trace.segments.find((s) => s.from === puzzle.side && later(s.order))?.order;
      break;
    case "ladder":
      until = trace.segments.find((s) => later(s.order))?.order;
      break;
    case "number":
      until = trace.segments[puzzle.segment]?.order;
      break;
    case "who": {
      const entered = [firstState("client", puzzle.state), firstState("server", puzzle.state)];
      const orders = entered.filter((o): o is number => o !== undefined);
      until = orders.length > 0 ? Math.max(...orders) : undefined;
      break;
    }
    case "time":
      until = firstState(puzzle.side, puzzle.state);
      break;
    case "errno":
      until = trace.events.find((e) => e.type === "error" && e.side === puzzle.side && later(e.order))?.order;
      break;
    default:
      return assertNever(puzzle);
  }
  return Math.max(after, until ?? WHOLE_TRACE);
}
