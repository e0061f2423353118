/**
 * The eleven connection states of RFC 9293 §3.3.2, by their RFC names.
 * They deliberately have no numeric order: code asks about a state by name, never with `>=`.
 */
export const TCP_STATES = [
  "CLOSED",
  "LISTEN",
  "SYN_SENT",
  "SYN_RECEIVED",
  "ESTABLISHED",
  "FIN_WAIT_1",
  "FIN_WAIT_2",
  "CLOSE_WAIT",
  "CLOSING",
  "LAST_ACK",
  "TIME_WAIT",
] as const;

export type TcpState = (typeof TCP_STATES)[number];

export function isTcpState(x: unknown): x is TcpState {
  return typeof x === "string" && (TCP_STATES as readonly string[]).includes(x);
}

/** RFC 9293 §3.10.7.4: the states in which both sequence spaces are known. */
export function isSynchronized(s: TcpState): boolean {
  switch (s) {
    case "ESTABLISHED":
    case "FIN_WAIT_1":
    case "FIN_WAIT_2":
    case "CLOSE_WAIT":
    case "CLOSING":
    case "LAST_ACK":
    case "TIME_WAIT":
      return true;
    case "CLOSED":
    case "LISTEN":
    case "SYN_SENT":
    case "SYN_RECEIVED":
      return false;
  }
}

/** The peer's FIN has been received (and so the receive direction is finished). */
export function hasReceivedFin(s: TcpState): boolean {
  switch (s) {
    case "CLOSE_WAIT":
    case "CLOSING":
    case "LAST_ACK":
    case "TIME_WAIT":
      return true;
    case "CLOSED":
    case "LISTEN":
    case "SYN_SENT":
    case "SYN_RECEIVED":
    case "ESTABLISHED":
    case "FIN_WAIT_1":
    case "FIN_WAIT_2":
      return false;
  }
}
