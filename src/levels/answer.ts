import { assertNever, formatFlags, isTcpState, parseFlags, type TcpState } from "../engine";

export type Who = "client" | "server" | "both" | "neither";

/** An answer, as the engine computes it and as a choice shows it. */
export type Answer =
  | { readonly kind: "state"; readonly state: TcpState }
  | {
      readonly kind: "segment";
      readonly flags: string;
      readonly seq: number;
      readonly ack: number;
      readonly len: number;
    }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "who"; readonly who: Who }
  | { readonly kind: "time"; readonly seconds: number }
  | { readonly kind: "errno"; readonly errno: string };

/** The answer's canonical text: how level files write choices, and how answers are compared. */
export function answerKey(a: Answer): string {
  switch (a.kind) {
    case "state":
      return a.state;
    case "segment":
      return `${a.flags} ${a.seq}/${a.ack}${a.len > 0 ? ` len ${a.len}` : ""}`;
    case "number":
      return String(a.value);
    case "who":
      return a.who;
    case "time":
      return `${a.seconds} s`;
    case "errno":
      return a.errno;
    default:
      return assertNever(a);
  }
}

export function sameAnswer(a: Answer, b: Answer): boolean {
  return answerKey(a) === answerKey(b);
}

const ERRNO = /^(E[A-Z]+|none)$/;

/**
 * Reads a hand-written choice in the canonical form of the puzzle's answer kind:
 * state "TIME_WAIT", segment "FA 5001/1102" or "PA 1001/5001 len 100", number "1102", who "both",
 * time "60" or "60 s", errno "ECONNRESET" or "none". Undefined when the text is not of that form.
 */
export function parseAnswer(kind: Answer["kind"], text: string): Answer | undefined {
  const t = text.trim();
  switch (kind) {
    case "state":
      return isTcpState(t) ? { kind, state: t } : undefined;
    case "segment": {
      const m = /^([SFRPA]+) (\d+)\/(\d+)(?: len (\d+))?$/.exec(t);
      const flags = m ? parseFlags(m[1] as string) : undefined;
      // Flags only in canonical order (S F R P A), so that equal segments have equal text.
      if (!m || !flags || formatFlags(flags) !== m[1]) return undefined;
      return { kind, flags: m[1] as string, seq: Number(m[2]), ack: Number(m[3]), len: Number(m[4] ?? 0) };
    }
    case "number":
      return /^\d+$/.test(t) ? { kind, value: Number(t) } : undefined;
    case "who":
      return t === "client" || t === "server" || t === "both" || t === "neither" ? { kind, who: t } : undefined;
    case "time": {
      const m = /^(\d+(?:\.\d+)?)(?: ?s)?$/.exec(t);
      return m ? { kind, seconds: Number(m[1]) } : undefined;
    }
    case "errno":
      return ERRNO.test(t) ? { kind, errno: t } : undefined;
    default:
      return assertNever(kind);
  }
}
