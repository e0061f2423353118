import { assertNever, type Side, type TcpState, type Trace, type TraceEvent, type TraceSegment } from "../engine";
import { type TimelineItem, timeline } from "./timeline";

/**
 * The ladder (sequence) diagram of a trace, as textbooks draw it: the client's timeline on the left, the server's
 * on the right, time flowing down, one arrow per segment with its label above it, and each side's state written
 * outside its timeline on the line where it changes.
 *
 *                       client                                       server
 *                   CLOSED │                                            │ CLOSED
 *     t=0s        SYN_SENT │                SYN seq=1000                │ LISTEN
 *                          │───────────────────────────────────────────▶│
 *                          │         SYN+ACK seq=5000 ack=1001          │ SYN_RECEIVED
 *                          │◀───────────────────────────────────────────│
 *              ESTABLISHED │           ACK seq=1001 ack=5001            │
 *                          │───────────────────────────────────────────▶│
 *                          │                                            │ ESTABLISHED
 *     t=0.04s              │    ACK seq=5001 ack=1102 (delayed ACK)     │
 *                          │        ✗ lost ◀────────────────────────────│
 *
 * Segments and events come in the order they happened (see timeline.ts). A state written on a label's line is the
 * side's state when that segment was sent: it changed after the arrow above (SYN_RECEIVED) or just before sending
 * (SYN_SENT). Errors and other events are notes beside the side's timeline; the time is in the left margin when it
 * moves on. Plain text, no colour: the game adds its own. Every line fits in `width` (default 80); in narrow
 * widths labels wrap and notes are cut.
 */
export function renderLadder(trace: Trace, options: { readonly width?: number } = {}): string[] {
  const width = options.width ?? 80;
  const items = timeline(trace);
  const margin = Math.max(0, ...items.map((x) => timeLabel(stampOf(x).t).length + 1));
  const layout: Layout = { width, margin, arrow: Math.max(MIN_ARROW, width - margin - 2 * STATE_WIDTH - 4) };

  const rows: Row[] = [{ left: "CLOSED", right: "CLOSED" }];
  let shownTime: number | undefined;
  for (const item of items) {
    const { t } = stampOf(item);
    const added = item.kind === "segment" ? segmentRows(item.segment, layout) : [eventRow(item.event, layout)];
    if (t !== shownTime) {
      shownTime = t;
      added[0] = { ...(added[0] as Row), time: timeLabel(t) };
    }
    rows.push(...added);
  }
  return [header(layout), ...mergeStates(rows).map((r) => draw(r, layout))];
}

/** Text shown to the player, in one place for the message catalogues to take over. */
const TEXT = {
  client: "client",
  server: "server",
  lost: "✗ lost",
  cause: {
    retransmit: "(retransmit)",
    delayedAck: "(delayed ACK)",
    keepalive: "(keepalive probe)",
    timeWait: "(TIME_WAIT timer)",
    finWait2: "(FIN_WAIT_2 timer)",
  },
  error: (call: string, errno: string) => `${call}() → ${errno}`,
  soError: (errno: string) => `SO_ERROR = ${errno}`,
  read: (bytes: number, eof: boolean) => `read() → ${bytes > 0 ? `${bytes} bytes` : eof ? "0 (EOF)" : "no data"}`,
  oldConnection: (from: TcpState, to: TcpState) => `old ${from} → ${to}`,
} as const;

/** Wide enough for SYN_RECEIVED, the longest state name. */
const STATE_WIDTH = 12;
const MIN_ARROW = 12;
const FLAG_NAMES: Record<string, string> = { S: "SYN", F: "FIN", R: "RST", P: "PSH", A: "ACK" };

interface Layout {
  readonly width: number;
  /** The time column, left of everything. */
  readonly margin: number;
  /** The space between the two timelines. */
  readonly arrow: number;
}

/** One line: the time, each side's state column, and what is drawn between the timelines (`arrow` wide). */
interface Row {
  readonly time?: string;
  readonly left?: string;
  readonly middle?: string;
  readonly right?: string;
  /** A state change alone on its row, which may move onto the next segment label's row. */
  readonly stateOnly?: Side;
  /** The first line of a segment's label. */
  readonly labelStart?: true;
}

// ---- rows -------------------------------------------------------------------------------------------------------

/** "SYN+ACK seq=5000 ack=1001": flags by name, ack only with ACK set, len only with data. */
export function segmentLabel(s: TraceSegment): string {
  const names = [...s.flags].map((f) => FLAG_NAMES[f] ?? f).join("+");
  return `${names} seq=${s.seq}${s.flags.includes("A") ? ` ack=${s.ack}` : ""}${s.len > 0 ? ` len=${s.len}` : ""}`;
}

/** The label (wrapped to the space between the timelines), then the arrow, cut short if the segment was lost. */
function segmentRows(s: TraceSegment, layout: Layout): Row[] {
  const words = segmentLabel(s).split(" ");
  if (s.cause) words.push(TEXT.cause[s.cause]);
  const labels = wrap(words, layout.arrow - 2).map(
    (text, n): Row => ({ middle: center(text, layout.arrow), ...(n === 0 ? { labelStart: true } : {}) }),
  );
  return [...labels, { middle: arrow(s.from, s.lost, layout.arrow) }];
}

function arrow(from: Side, lost: boolean, width: number): string {
  if (!lost) return from === "client" ? `${"─".repeat(width - 1)}▶` : `◀${"─".repeat(width - 1)}`;
  const shaft = "─".repeat(Math.max(1, Math.floor(width / 2) - 1));
  return from === "client"
    ? `${shaft}▶ ${TEXT.lost}`.padEnd(width)
    : `${TEXT.lost} ◀${shaft}`.padStart(width);
}

/** A state change in the side's column; anything else as a note beside the side's timeline. */
function eventRow(e: TraceEvent, layout: Layout): Row {
  switch (e.type) {
    case "state":
      if (e.background) return note(e.side, TEXT.oldConnection(e.from, e.to), layout);
      return e.side === "client" ? { left: e.to, stateOnly: "client" } : { right: e.to, stateOnly: "server" };
    case "error":
      return note(e.side, TEXT.error(e.call, e.errno), layout);
    case "so_error":
      return note(e.side, TEXT.soError(e.errno), layout);
    case "read":
      return note(e.side, TEXT.read(e.bytes, e.eof), layout);
    default:
      return assertNever(e);
  }
}

function note(side: Side, text: string, layout: Layout): Row {
  const fitted = ` ${cut(text, layout.arrow - 2)} `;
  return { middle: side === "client" ? fitted.padEnd(layout.arrow) : fitted.padStart(layout.arrow) };
}

/**
 * Moves a state change onto the row below when that row starts a segment's label with that column free and at
 * the same time: "SYN_SENT" beside "SYN seq=1000" rather than on a line of its own.
 */
function mergeStates(rows: readonly Row[]): Row[] {
  const out: Row[] = [];
  for (let row of rows) {
    for (let prev = out.at(-1); row.labelStart && row.time === undefined && prev?.stateOnly; prev = out.at(-1)) {
      const column = prev.stateOnly === "client" ? "left" : "right";
      if (row[column] !== undefined) break;
      out.pop();
      row = { ...row, [column]: prev[column], ...(prev.time === undefined ? {} : { time: prev.time }) };
    }
    out.push(row);
  }
  return out;
}

// ---- drawing ----------------------------------------------------------------------------------------------------

function header(layout: Layout): string {
  const clientAt = layout.margin + STATE_WIDTH + 1;
  const serverAt = clientAt + layout.arrow + 1;
  const line = " ".repeat(clientAt - 3) + TEXT.client.padEnd(serverAt - clientAt) + TEXT.server;
  return fit(line, layout.width);
}

function draw(r: Row, layout: Layout): string {
  const line =
    (r.time ?? "").padEnd(layout.margin) +
    cut(r.left ?? "", STATE_WIDTH).padStart(STATE_WIDTH) +
    " │" +
    (r.middle ?? "").padEnd(layout.arrow) +
    "│ " +
    (r.right ?? "");
  return fit(line, layout.width);
}

function fit(line: string, width: number): string {
  return cut(line.trimEnd(), width);
}

function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 0 ? "" : `${text.slice(0, width - 1)}…`;
}

function center(text: string, width: number): string {
  const left = Math.floor((width - text.length) / 2);
  return (" ".repeat(Math.max(0, left)) + text).padEnd(width);
}

/** Words into lines of at most `width`, a word longer than a line cut to fit. */
function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(cut(word, width));
  }
  return lines;
}

// ---- time -------------------------------------------------------------------------------------------------------

function stampOf(x: TimelineItem): { readonly t: number } {
  return x.kind === "segment" ? x.segment : x.event;
}

/** "t=0s", "t=1.04s": virtual seconds, to the millisecond, without trailing zeros. */
export function timeLabel(t: number): string {
  return `t=${Number(t.toFixed(3))}s`;
}
