import { seqAdd } from "./seq";

export type Side = "client" | "server";

export const SIDES: readonly Side[] = ["client", "server"];

export function peerOf(side: Side): Side {
  return side === "client" ? "server" : "client";
}

/** The control bits the engine uses. URG is never set. */
export interface Flags {
  readonly syn: boolean;
  readonly fin: boolean;
  readonly rst: boolean;
  readonly psh: boolean;
  readonly ack: boolean;
}

/** A segment on the wire. `ack` is meaningful only when flags.ack is set (it is 0 otherwise). */
export interface Segment {
  readonly flags: Flags;
  readonly seq: number;
  readonly ack: number;
  /** Payload bytes (SYN and FIN are not counted here; see segmentSpan). */
  readonly len: number;
}


/** Flags written as in the trace contract: S, F, R, P, A in that order ("SA", "FA", "PA", "RA", "A"). */
export function formatFlags(f: Flags): string {
  return (f.syn ? "S" : "") + (f.fin ? "F" : "") + (f.rst ? "R" : "") + (f.psh ? "P" : "") + (f.ack ? "A" : "");
}

/** Parses a flag string such as "FA"; letters in any order; undefined for anything else. */
export function parseFlags(text: string): Flags | undefined {
  if (!/^[SFRPA]*$/.test(text) || new Set(text).size !== text.length) return undefined;
  return {
    syn: text.includes("S"),
    fin: text.includes("F"),
    rst: text.includes("R"),
    psh: text.includes("P"),
    ack: text.includes("A"),
  };
}

export function flags(text: string): Flags {
  const f = parseFlags(text);
  if (!f) throw new Error(`bad flags: ${text}`);
  return f;
}

/** Sequence space a segment occupies (RFC 9293 §3.4: SYN and FIN each count as one). */
export function segmentSpan(s: Segment): number {
  return s.len + (s.flags.syn ? 1 : 0) + (s.flags.fin ? 1 : 0);
}

/** The sequence number just after the segment. */
export function segmentEnd(s: Segment): number {
  return seqAdd(s.seq, segmentSpan(s));
}
