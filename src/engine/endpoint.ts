import { type AppCall, applyCall } from "./calls";
import { Draft } from "./draft";
import type { Note } from "./note";
import type { EngineOptions } from "./options";
import { receive } from "./receive";
import { expire as expireTimer } from "./timers";
import type { Segment } from "./segment";
import type { Tcb, TimerKind } from "./tcb";

/** What can happen to one endpoint: its application calls, a segment arrives, or one of its timers expires. */
export type EndpointEvent =
  | { readonly kind: "call"; readonly call: AppCall }
  | { readonly kind: "segment"; readonly segment: Segment }
  | { readonly kind: "timer"; readonly timer: TimerKind };

export interface StepResult {
  readonly tcb: Tcb;
  readonly sent: readonly Segment[];
  readonly notes: readonly Note[];
}

/**
 * The engine's one transition function: pure, no I/O, time passed in (ms of virtual time).
 * Returns the endpoint's next TCB, the segments it sends, and what happened.
 */
export function step(tcb: Tcb, event: EndpointEvent, now: number, o: EngineOptions): StepResult {
  const d = new Draft(tcb, now, o);
  switch (event.kind) {
    case "call":
      applyCall(d, event.call);
      break;
    case "segment":
      receive(d, event.segment);
      break;
    case "timer":
      d.timers[event.timer] = undefined;
      expireTimer(d, event.timer);
      break;
  }
  return { tcb: d.finish(), sent: d.sent, notes: d.notes };
}
