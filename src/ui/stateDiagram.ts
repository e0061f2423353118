import type { Side, TcpState, Trace } from "../engine";

/**
 * The TCP connection state diagram of RFC 9293 (§3.3.2, figure 5), redrawn to fit 80×24: its main transitions,
 * each labelled with what causes it (an application call or a received segment) and what is sent. Each state name
 * keeps four blank columns on both sides, where the client's marker "[C] " and the server's " [S]" go: the current
 * states are marked in text, colour only adds to it.
 */
const DIAGRAM: readonly string[] = [
  "                   +--------------     CLOSED     --------------+",
  "         listen()  |                        connect() / snd SYN |",
  "                   v                                            v",
  "                LISTEN                                      SYN_SENT",
  "           rcv SYN |                                         |    |",
  "       snd SYN,ACK v                rcv SYN / snd SYN,ACK    |    |",
  "             SYN_RECEIVED     <------------------------------+    |",
  "    rcv ACK of SYN |                        rcv SYN,ACK / snd ACK |",
  "                   +------------>     ESTABLISHED     <-----------+",
  "                                        |     |",
  "     close() / snd FIN +----------------+     +-----------------+  rcv FIN",
  "                       v                                        v  snd ACK",
  "                  FIN_WAIT_1                               CLOSE_WAIT",
  "    rcv ACK of FIN |       +--------+                           |  close()",
  "                   v                v  rcv FIN / snd ACK        v  snd FIN",
  "              FIN_WAIT_2         CLOSING                    LAST_ACK",
  "           rcv FIN |                |  rcv ACK of FIN           |  rcv ACK",
  "           snd ACK |                v                           v  of FIN",
  "                   +----->     TIME_WAIT     -- 2MSL -->     CLOSED",
];

export const CLIENT_MARK = "[C] ";
export const SERVER_MARK = " [S]";
/** The columns and rows the drawing takes (without title and legend). */
export const DIAGRAM_WIDTH = Math.max(...DIAGRAM.map((l) => l.length));
export const DIAGRAM_HEIGHT = DIAGRAM.length;

/** A piece of a diagram line; `current` says whose current state the piece names or marks, for colour. */
export interface Span {
  readonly text: string;
  readonly current?: Side | "both";
  /** A "[C] " or " [S]" marker rather than the state's name. */
  readonly marker?: true;
}

export interface CurrentStates {
  readonly client: TcpState;
  readonly server: TcpState;
}

const STATE_NAME = /(?<![A-Z0-9_])[A-Z][A-Z0-9_]*[A-Z0-9](?![A-Z0-9_])/g;

/** Each line of the diagram as spans, with both sides' current states marked (and both markers on a shared state). */
export function stateDiagram(current: CurrentStates): Span[][] {
  return DIAGRAM.map((line) => {
    const spans: Span[] = [];
    let at = 0;
    for (const m of line.matchAll(STATE_NAME)) {
      const name = m[0];
      const client = current.client === name;
      const server = current.server === name;
      if (!client && !server) continue;
      const start = m.index;
      const end = start + name.length;
      const before = start - CLIENT_MARK.length;
      if (before > at) spans.push({ text: line.slice(at, before) });
      const who = client && server ? "both" : client ? "client" : "server";
      spans.push(
        client ? { text: CLIENT_MARK, current: "client", marker: true } : { text: " ".repeat(CLIENT_MARK.length) },
      );
      spans.push({ text: name, current: who });
      spans.push(
        server ? { text: SERVER_MARK, current: "server", marker: true } : { text: " ".repeat(SERVER_MARK.length) },
      );
      at = end + SERVER_MARK.length;
    }
    if (at < line.length) spans.push({ text: line.slice(at) });
    return spans;
  });
}

/** The diagram as plain lines, markers included. */
export function stateDiagramLines(current: CurrentStates): string[] {
  return stateDiagram(current).map((spans) =>
    spans
      .map((s) => s.text)
      .join("")
      .trimEnd(),
  );
}

/** Each side's state at the end of a (cut) trace: its last state change, or CLOSED before any. */
export function currentStates(trace: Trace): CurrentStates {
  const stateOf = (side: Side): TcpState => {
    let state: TcpState = "CLOSED";
    for (const e of trace.events) if (e.type === "state" && e.side === side && !e.background) state = e.to;
    return state;
  };
  return { client: stateOf("client"), server: stateOf("server") };
}
