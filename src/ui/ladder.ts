import { assertNever, type Side, type TcpState, type Trace, type TraceEvent, type TraceSegment } from "../engine";
import { segmentLabel } from "../game/describe";
import { en } from "./i18n/en";
import { center, cut, padEnd, padStart, widthOf } from "./text";
import { type TimelineItem, timeline } from "./timeline";

/** "SYN+ACK seq=5000 ack=1001": the game's wording, shared by the ladder, the choices and `trace`. */
export { segmentLabel };

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
 * moves on. Plain text, no colour: the game adds its own. Every line fits in `width` (default 80) columns,
 * measured as the terminal draws them (a CJK character takes two); in narrow widths labels wrap and notes are cut.
 * The words (client, server, lost…) come from the player's message catalogue, English by default.
 */
export function renderLadder(
  trace: Trace,
  options: { readonly width?: number; readonly text?: LadderText } = {},
): string[] {
  const width = options.width ?? 80;
  const text = options.text ?? en.ladder;
  const items = timeline(trace);
  const margin = Math.max(0, ...items.map((x) => timeLabel(stampOf(x).t).length + 1));
  const layout: Layout = { width, margin, arrow: Math.max(MIN_ARROW, width - margin - 2 * STATE_WIDTH - 4), text };

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

/** The ladder's words, which the message catalogues give in each language. */
export interface LadderText {
  readonly client: string;
  readonly server: string;
  readonly lost: string;
  /** By the timer that sent a segment. */
  readonly cause: Readonly<Record<NonNullable<TraceSegment["cause"]>, string>>;
  readonly error: (call: string, errno: string) => string;
  readonly soError: (errno: string) => string;
  readonly read: (bytes: number, eof: boolean) => string;
  readonly oldConnection: (from: TcpState, to: TcpState) => string;
}

/** Wide enough for SYN_RECEIVED, the longest state name. */
const STATE_WIDTH = 12;
const MIN_ARROW = 12;

interface Layout {
  readonly width: number;
  /** The time column, left of everything. */
  readonly margin: number;
  /** The space between the two timelines. */
  readonly arrow: number;
  readonly text: LadderText;
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


/** The label (wrapped to the space between the timelines), then the arrow, cut short if the segment was lost. */
function segmentRows(s: TraceSegment, layout: Layout): Row[] {
  const words = segmentLabel(s).split(" ");
  if (s.cause) words.push(layout.text.cause[s.cause]);
  const labels = wrap(words, layout.arrow - 2).map(
    (text, n): Row => ({ middle: center(text, layout.arrow), ...(n === 0 ? { labelStart: true } : {}) }),
  );
  return [...labels, { middle: arrow(s.from, s.lost, layout) }];
}

function arrow(from: Side, lost: boolean, layout: Layout): string {
  const width = layout.arrow;
  if (!lost) return from === "client" ? `${"─".repeat(width - 1)}▶` : `◀${"─".repeat(width - 1)}`;
  const shaft = "─".repeat(Math.max(1, Math.floor(width / 2) - 1));
  return from === "client"
    ? padEnd(`${shaft}▶ ${layout.text.lost}`, width)
    : padStart(`${layout.text.lost} ◀${shaft}`, width);
}

/** A state change in the side's column; anything else as a note beside the side's timeline. */
function eventRow(e: TraceEvent, layout: Layout): Row {
  switch (e.type) {
    case "state":
      if (e.background) return note(e.side, layout.text.oldConnection(e.from, e.to), layout);
      return e.side === "client" ? { left: e.to, stateOnly: "client" } : { right: e.to, stateOnly: "server" };
    case "error":
      return note(e.side, layout.text.error(e.call, e.errno), layout);
    case "so_error":
      return note(e.side, layout.text.soError(e.errno), layout);
    case "read":
      return note(e.side, layout.text.read(e.bytes, e.eof), layout);
    default:
      return assertNever(e);
  }
}

function note(side: Side, text: string, layout: Layout): Row {
  const fitted = ` ${cut(text, layout.arrow - 2)} `;
  return { middle: side === "client" ? padEnd(fitted, layout.arrow) : padStart(fitted, layout.arrow) };
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

/** The side names above the timelines, each centred on its timeline's `│` as far as the margins allow. */
function header(layout: Layout): string {
  const clientAt = layout.margin + STATE_WIDTH + 1;
  const serverAt = clientAt + layout.arrow + 1;
  const client = layout.text.client;
  const clientStart = Math.max(0, clientAt - Math.ceil(widthOf(client) / 2));
  const server = layout.text.server;
  const serverStart = Math.max(clientStart + widthOf(client) + 1, serverAt - Math.floor(widthOf(server) / 2));
  const line = " ".repeat(clientStart) + padEnd(client, serverStart - clientStart) + server;
  return fit(line, layout.width);
}

function draw(r: Row, layout: Layout): string {
  const line =
    padEnd(r.time ?? "", layout.margin) +
    padStart(cut(r.left ?? "", STATE_WIDTH), STATE_WIDTH) +
    " │" +
    padEnd(r.middle ?? "", layout.arrow) +
    "│ " +
    (r.right ?? "");
  return fit(line, layout.width);
}

function fit(line: string, width: number): string {
  return cut(line.trimEnd(), width);
}

/** Words into lines of at most `width` columns, a word longer than a line cut to fit. */
function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && widthOf(last) + 1 + widthOf(word) <= width) lines[lines.length - 1] = `${last} ${word}`;
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
