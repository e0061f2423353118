import { describe, expect, it } from "vitest";
import { seg } from "../fixtures/traceSegments";
import { traceOfVector } from "../fixtures/traceVectors";
import type { Trace, TraceEvent } from "../../src/engine";
import { zhCN } from "../../src/ui/i18n/zh-CN";
import { renderLadder, segmentLabel, timeLabel } from "../../src/ui/ladder";
import { widthOf } from "../../src/ui/text";


/**
 * A handshake whose SYN+ACK is lost: the client's SYN is retransmitted after the 1 s RTO, and the handshake then
 * completes. Half a second later the client calls connect() again and gets EISCONN.
 */
const LOST_SYN_ACK: Trace = {
  segments: [
    seg({ from: "client", flags: "S", seq: 1000, ack: 0, t: 0, step: 1, order: 2 }),
    seg({ from: "server", flags: "SA", seq: 5000, ack: 1001, t: 0, step: 1, lost: true, order: 4 }),
    seg({ from: "client", flags: "S", seq: 1000, ack: 0, t: 1, step: 2, cause: "retransmit", order: 5 }),
    seg({ from: "server", flags: "SA", seq: 5000, ack: 1001, t: 1, step: 2, order: 6 }),
    seg({ from: "client", flags: "A", seq: 1001, ack: 5001, t: 1, step: 2, order: 8 }),
  ],
  events: [
    { t: 0, side: "server", step: 0, order: 0, type: "state", from: "CLOSED", to: "LISTEN" },
    { t: 0, side: "client", step: 1, order: 1, type: "state", from: "CLOSED", to: "SYN_SENT" },
    { t: 0, side: "server", step: 1, order: 3, type: "state", from: "LISTEN", to: "SYN_RECEIVED" },
    { t: 1, side: "client", step: 2, order: 7, type: "state", from: "SYN_SENT", to: "ESTABLISHED" },
    { t: 1, side: "server", step: 2, order: 9, type: "state", from: "SYN_RECEIVED", to: "ESTABLISHED" },
    { t: 1.5, side: "client", step: 3, order: 10, type: "error", call: "connect", errno: "EISCONN" },
  ],
  final: { client: "ESTABLISHED", server: "ESTABLISHED" },
};

const traceOf = traceOfVector;

describe("segment labels name the flags and give seq, ack (with ACK) and len (with data)", () => {
  it.each([
    [{ flags: "S", seq: 1000, ack: 0, len: 0 }, "SYN seq=1000"],
    [{ flags: "SA", seq: 5000, ack: 1001, len: 0 }, "SYN+ACK seq=5000 ack=1001"],
    [{ flags: "A", seq: 1001, ack: 5001, len: 0 }, "ACK seq=1001 ack=5001"],
    [{ flags: "PA", seq: 1001, ack: 5001, len: 100 }, "PSH+ACK seq=1001 ack=5001 len=100"],
    [{ flags: "FA", seq: 1101, ack: 5001, len: 0 }, "FIN+ACK seq=1101 ack=5001"],
    [{ flags: "RA", seq: 0, ack: 1001, len: 0 }, "RST+ACK seq=0 ack=1001"],
    [{ flags: "R", seq: 1001, ack: 0, len: 0 }, "RST seq=1001"],
  ])("%j → %s", (fields, label) => {
    expect(segmentLabel(seg({ from: "client", t: 0, step: 0, ...fields }))).toBe(label);
  });

  it("time labels are virtual seconds to the millisecond", () => {
    expect([0, 0.04, 1, 1.5, 63.2, 7200.075].map(timeLabel)).toEqual([
      "t=0s",
      "t=0.04s",
      "t=1s",
      "t=1.5s",
      "t=63.2s",
      "t=7200.075s",
    ]);
  });
});

describe("the ladder of a handshake whose SYN+ACK is lost (80 columns)", () => {
  const lines = renderLadder(LOST_SYN_ACK);

  it("starts with the two columns' names and both sides CLOSED", () => {
    expect(lines[0]).toBe("                 client                                        server");
    expect(lines[1]).toBe("             CLOSED │                                             │ CLOSED");
  });

  it("writes SYN_SENT beside the SYN it sends, the time in the margin, and LISTEN, which came before it", () => {
    expect(lines[2]).toBe("t=0s       SYN_SENT │                SYN seq=1000                 │ LISTEN");
    expect(lines[3]).toBe("                    │────────────────────────────────────────────▶│");
  });

  it("writes SYN_RECEIVED after the SYN arrived, beside the SYN+ACK it answers with", () => {
    expect(lines[4]).toBe("                    │          SYN+ACK seq=5000 ack=1001          │ SYN_RECEIVED");
  });

  it("stops a lost segment's arrow halfway and marks it", () => {
    expect(lines[5]).toBe("                    │                ✗ lost ◀─────────────────────│");
  });

  it("marks the retransmission and the new time", () => {
    expect(lines[6]).toBe("t=1s                │          SYN seq=1000 (retransmit)          │");
  });

  it("puts ESTABLISHED after the SYN+ACK arrived, and the error as a note in the client's half", () => {
    expect(lines.slice(8)).toEqual([
      "                    │          SYN+ACK seq=5000 ack=1001          │",
      "                    │◀────────────────────────────────────────────│",
      "        ESTABLISHED │            ACK seq=1001 ack=5001            │",
      "                    │────────────────────────────────────────────▶│",
      "                    │                                             │ ESTABLISHED",
      "t=1.5s              │ connect() → EISCONN                         │",
    ]);
  });

  it("fits in 80 columns", () => {
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe("ladders of the shared trace vectors, drawn from the engine's traces", () => {
  it("refused: the RST+ACK arrives, connect() reports ECONNREFUSED, then the client is CLOSED", () => {
    const lines = renderLadder(traceOf("refused.json"));
    expect(lines.slice(2).map((l) => l.trim())).toEqual([
      "t=0s     SYN_SENT │                 SYN seq=1000                  │",
      "│──────────────────────────────────────────────▶│",
      "│            RST+ACK seq=0 ack=1001             │",
      "│◀──────────────────────────────────────────────│",
      "│ connect() → ECONNREFUSED                      │",
      "CLOSED │                                               │",
    ]);
  });

  it("classic: the server's delayed ACK of the FIN 40 ms later, then the four-segment close", () => {
    const lines = renderLadder(traceOf("classic.json"));
    expect(lines).toContain("t=0.04s              │    ACK seq=5001 ack=1102 (delayed ACK)     │");
    expect(lines).toContain("          FIN_WAIT_2 │                                            │");
    expect(lines).toContain("t=1s                 │         FIN+ACK seq=5001 ack=1102          │ LAST_ACK");
    expect(lines).toContain("           TIME_WAIT │           ACK seq=1102 ack=5002            │");
    expect(lines.at(-1)).toBe("                     │                                            │ CLOSED");
  });

  it("simultaneous close: each side enters CLOSING after the other's FIN, before acking it", () => {
    const lines = renderLadder(traceOf("simulclose.json")).map((l) => l.trim());
    const fins = lines.findIndex((l) => l.includes("FIN+ACK seq=5001"));
    expect(lines.slice(fins - 2, fins + 6)).toEqual([
      "FIN_WAIT_1 │           FIN+ACK seq=1001 ack=5001           │ ESTABLISHED",
      "│──────────────────────────────────────────────▶│",
      "│           FIN+ACK seq=5001 ack=1001           │ FIN_WAIT_1",
      "│◀──────────────────────────────────────────────│",
      "│             ACK seq=5002 ack=1002             │ CLOSING",
      "│◀──────────────────────────────────────────────│",
      "CLOSING │             ACK seq=1002 ack=5002             │",
      "│──────────────────────────────────────────────▶│",
    ]);
  });

  it.each([80, 60, 48, 30])("every line fits in %i columns", (width) => {
    for (const vector of ["classic.json", "refused.json", "abort.json", "simulclose.json"]) {
      const lines = renderLadder(traceOf(vector), { width });
      expect(lines.filter((l) => l.length > width), vector).toEqual([]);
    }
  });

  it("wraps a label too long for the space between the timelines instead of cutting it", () => {
    const wide: Trace = {
      segments: [seg({ from: "client", flags: "PA", seq: 4294967000, ack: 4294967290, len: 1460, t: 0, step: 0 })],
      events: [],
      final: { client: "ESTABLISHED", server: "ESTABLISHED" },
    };
    const lines = renderLadder(wide, { width: 60 }).map((l) => l.trim());
    expect(lines.slice(2, 5)).toEqual([
      "t=0s              │  PSH+ACK seq=4294967000   │",
      "│  ack=4294967290 len=1460  │",
      "│──────────────────────────▶│",
    ]);
  });

  it("an empty trace is the header and both sides CLOSED", () => {
    const empty: Trace = { segments: [], events: [], final: { client: "CLOSED", server: "CLOSED" } };
    expect(renderLadder(empty)).toEqual([
      "          client                                               server",
      "      CLOSED │                                                    │ CLOSED",
    ]);
  });

  it("notes the events that are not state changes in the side's half", () => {
    const notes: TraceEvent[] = [
      { t: 0, side: "server", step: 0, order: 0, type: "so_error", errno: "ECONNRESET" },
      { t: 0, side: "server", step: 0, order: 1, type: "read", bytes: 100, eof: false },
      { t: 0, side: "server", step: 0, order: 2, type: "read", bytes: 0, eof: true },
      { t: 0, side: "client", step: 0, order: 3, type: "state", from: "TIME_WAIT", to: "CLOSED", background: true },
    ];
    const lines = renderLadder({ segments: [], events: notes, final: { client: "CLOSED", server: "CLOSED" } });
    expect(lines.slice(2).map((l) => l.replace(/ +/g, " "))).toEqual([
      "t=0s │ SO_ERROR = ECONNRESET │",
      " │ read() → 100 bytes │",
      " │ read() → 0 (EOF) │",
      " │ old TIME_WAIT → CLOSED │",
    ]);
  });
});

describe("the ladder in Chinese: measured in columns, so CJK lines up", () => {
  const lines = renderLadder(LOST_SYN_ACK, { text: zhCN.ladder });

  it("draws the same lines with the catalogue's words, each timeline in the same column as in English", () => {
    expect(lines).toEqual([
      "                 客户端                                        服务器",
      "             CLOSED │                                             │ CLOSED",
      "t=0s       SYN_SENT │                SYN seq=1000                 │ LISTEN",
      "                    │────────────────────────────────────────────▶│",
      "                    │          SYN+ACK seq=5000 ack=1001          │ SYN_RECEIVED",
      "                    │                ✗ 丢失 ◀─────────────────────│",
      "t=1s                │            SYN seq=1000 （重传）            │",
      "                    │────────────────────────────────────────────▶│",
      "                    │          SYN+ACK seq=5000 ack=1001          │",
      "                    │◀────────────────────────────────────────────│",
      "        ESTABLISHED │            ACK seq=1001 ack=5001            │",
      "                    │────────────────────────────────────────────▶│",
      "                    │                                             │ ESTABLISHED",
      "t=1.5s              │ connect() → EISCONN                         │",
    ]);
  });

  it("every timeline at the same display column, every line within 80 columns", () => {
    for (const line of lines.slice(1)) {
      const bars = [...line.matchAll(/│/g)].map((m) => widthOf(line.slice(0, m.index)));
      expect(bars).toEqual([20, 66]);
      expect(widthOf(line)).toBeLessThanOrEqual(80);
    }
  });
});
