import { describe, expect, it } from "vitest";
import { TCP_STATES, type Trace } from "../../src/engine";
import {
  CLIENT_MARK,
  currentStates,
  DIAGRAM_HEIGHT,
  DIAGRAM_WIDTH,
  SERVER_MARK,
  stateDiagram,
  stateDiagramLines,
} from "../../src/ui/stateDiagram";

const plain = stateDiagramLines({ client: "SYN_SENT", server: "SYN_SENT" })
  .join("\n")
  .replaceAll(CLIENT_MARK, " ".repeat(4))
  .replaceAll(SERVER_MARK, " ".repeat(4))
  .split("\n");

describe("the RFC 9293 state diagram", () => {
  it("fits 80×24 with a title, a legend and the key hints", () => {
    expect(DIAGRAM_WIDTH).toBeLessThanOrEqual(78);
    expect(DIAGRAM_HEIGHT + 3).toBeLessThanOrEqual(23);
  });

  it("names all eleven states", () => {
    for (const s of TCP_STATES) expect(plain.join("\n")).toMatch(new RegExp(`(?<![A-Z_0-9])${s}(?![A-Z_0-9])`));
  });

  it("leaves room around every state name for both markers", () => {
    for (const line of plain) {
      for (const m of line.matchAll(
        /(?<![A-Z0-9_])(?:CLOSED|LISTEN|SYN_SENT|SYN_RECEIVED|ESTABLISHED|FIN_WAIT_1|FIN_WAIT_2|CLOSE_WAIT|CLOSING|LAST_ACK|TIME_WAIT)(?![A-Z0-9_])/g,
      )) {
        const before = line.slice(Math.max(0, m.index - 5), m.index);
        const after = line.slice(m.index + m[0].length, m.index + m[0].length + 5);
        expect(`${before}|${after}`).toMatch(/^ *\| *$/);
      }
    }
  });

  it("marks the client's state [C] and the server's [S], without moving anything else", () => {
    const lines = stateDiagramLines({ client: "FIN_WAIT_2", server: "CLOSE_WAIT" });
    expect(lines.filter((l) => l.includes("[C]"))).toEqual([
      "              FIN_WAIT_2         CLOSING                    LAST_ACK".replace(
        "          FIN_WAIT_2",
        "      [C] FIN_WAIT_2",
      ),
    ]);
    expect(lines.find((l) => l.includes("[S]"))).toContain("CLOSE_WAIT [S]");
    expect(lines.map((l) => l.replace("[C] ", "    ").replace(" [S]", "    ").trimEnd())).toEqual(
      plain.map((l) => l.trimEnd()),
    );
  });

  it("a state both sides are in carries both markers; CLOSED is marked wherever it is drawn", () => {
    const lines = stateDiagramLines({ client: "CLOSED", server: "CLOSED" });
    expect(lines.filter((l) => l.includes("[C] CLOSED [S]"))).toHaveLength(2);
    const spans = stateDiagram({ client: "ESTABLISHED", server: "ESTABLISHED" }).flat();
    expect(spans.filter((s) => s.current === "both").map((s) => s.text)).toEqual(["ESTABLISHED"]);
  });
});

describe("current states", () => {
  it("each side's last state change, CLOSED before any; old connections do not count", () => {
    const trace: Trace = {
      segments: [],
      events: [
        { t: 0, side: "server", step: 0, order: 0, type: "state", from: "CLOSED", to: "LISTEN" },
        { t: 0, side: "server", step: 1, order: 1, type: "state", from: "TIME_WAIT", to: "CLOSED", background: true },
      ],
      final: { client: "CLOSED", server: "LISTEN" },
    };
    expect(currentStates(trace)).toEqual({ client: "CLOSED", server: "LISTEN" });
  });
});
