import { assertNever, type Trace } from "../../engine";
import type { Localized } from "../../levels/schema";
import { L, secs, segmentStory, sentences } from "./text";
import type { Truth } from "./truth";

/**
 * The engine's answer, read back for the explanation's first words: the text always opens with the answer the
 * trace gives ("TIME_WAIT.", "60 s.", "FIN+ACK seq=5001 ack=1102."), so it cannot contradict the choices.
 */

export function stateOf(t: Truth): string {
  const c = t.targets[0]?.correct;
  return c?.kind === "state" ? c.state : "";
}

/** Seconds, as players read them ("1.5", "60"). */
export function secondsOf(t: Truth): string {
  const c = t.targets[0]?.correct;
  return c?.kind === "time" ? secs(c.seconds) : "";
}

export function errnoOf(t: Truth): string {
  const c = t.targets[0]?.correct;
  return c?.kind === "errno" ? c.errno : "";
}

export function numberOf(t: Truth): number | undefined {
  const c = t.targets[0]?.correct;
  return c?.kind === "number" ? c.value : undefined;
}

/** "The server." / "服务器。", "Both." / "双方都会。", "Neither." / "谁都不会。" */
export function whoOf(t: Truth): Localized {
  const c = t.targets[0]?.correct;
  if (c?.kind !== "who") return L("", "");
  switch (c.who) {
    case "client":
      return L("The client.", "客户端。");
    case "server":
      return L("The server.", "服务器。");
    case "both":
      return L("Both.", "双方都会。");
    case "neither":
      return L("Neither.", "谁都不会。");
    default:
      return assertNever(c.who);
  }
}

/** The segment answer (or the segment a number is about), with its numbers explained. */
export function answerStory(trace: Trace, t: Truth, i = 0): Localized | undefined {
  const s = t.targets[i]?.segment;
  return s ? segmentStory(trace, s) : undefined;
}

/** Every segment of a ladder, in order, each with its numbers explained. */
export function ladderStory(trace: Trace, t: Truth): Localized {
  const n = t.targets.length;
  return sentences(
    L(`${n} ${n === 1 ? "segment" : "segments"}.`, `共 ${n} 个报文段。`),
    ...t.targets.map((x) => (x.segment ? segmentStory(trace, x.segment) : undefined)),
  );
}
