/**
 * Closing a connection (RFC 9293 §3.6): four segments when the passive closer waits, three when its ACK rides on
 * its FIN (Linux delays the ACK of a FIN: tcp_fin), simultaneous close through CLOSING, and either side as the
 * active closer.
 */
import { describe, expect, it } from "vitest";
import {
  HANDSHAKE,
  close,
  lose,
  path,
  run,
  send,
  shutdown,
  timedPath,
  timedWire,
  timerSegments,
  wait,
  wire,
} from "./dsl";

describe("four-way close: client closes, server closes a second later", () => {
  const t = run([...HANDSHAKE, close("client"), wait(1), close("server")]);

  it("FA, delayed A (40 ms), FA, A", () => {
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client FA 1001/5001",
      "0.040 server A 5001/1002",
      "1.000 server FA 5001/1002",
      "1.000 client A 1002/5002",
    ]);
    expect(timerSegments(t)).toEqual(["0.040 server A 5001/1002 (delayedAck)"]);
  });

  it("client: FIN_WAIT_1 → FIN_WAIT_2 at 0.04 → TIME_WAIT at 1; server: CLOSE_WAIT → LAST_ACK → CLOSED at 1", () => {
    expect(timedPath(t, "client").slice(2)).toEqual(["0.000 FIN_WAIT_1", "0.040 FIN_WAIT_2", "1.000 TIME_WAIT"]);
    expect(timedPath(t, "server").slice(3)).toEqual(["0.000 CLOSE_WAIT", "1.000 LAST_ACK", "1.000 CLOSED"]);
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
  });
});

describe("three-segment close: server closes at once", () => {
  it("after 100 bytes: FA 1101/5001, then the server's ACK rides on its FIN (FA 5001/1102), then A 1102/5002", () => {
    const t = run([...HANDSHAKE, send("client", 100), close("client"), close("server")]);
    expect(wire(t, 3)).toEqual(["client FA 1101/5001", "server FA 5001/1102", "client A 1102/5002"]);
    expect(wire(t)).not.toContain("server A 5001/1102");
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
  });

  it("client in FIN_WAIT_1 receives FIN+ACK of its FIN → sends ACK, enters TIME_WAIT without FIN_WAIT_2", () => {
    const t = run([...HANDSHAKE, close("client"), close("server")]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "TIME_WAIT"]);
    expect(path(t, "client")).not.toContain("FIN_WAIT_2");
    expect(path(t, "server").slice(3)).toEqual(["ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"]);
  });

  it("with delayedAck:false the FIN is acked at once: four segments even when the server closes immediately", () => {
    const t = run([...HANDSHAKE, close("client"), close("server")], { options: { delayedAck: false } });
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client FA 1001/5001",
      "0.000 server A 5001/1002",
      "0.000 server FA 5001/1002",
      "0.000 client A 1002/5002",
    ]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"]);
  });
});

describe("simultaneous close: the FINs cross", () => {
  const t = run([...HANDSHAKE, close(["client", "server"]), wait(61)]);

  it("FA 1001/5001 and FA 5001/1001 cross; each side acks the other's FIN (A 5002/1002, A 1002/5002)", () => {
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client FA 1001/5001",
      "0.000 server FA 5001/1001",
      "0.000 server A 5002/1002",
      "0.000 client A 1002/5002",
    ]);
  });

  it("both go FIN_WAIT_1 → CLOSING → TIME_WAIT, and both leave TIME_WAIT after 60 s", () => {
    for (const side of ["client", "server"] as const) {
      expect(timedPath(t, side).slice(-4)).toEqual([
        "0.000 FIN_WAIT_1",
        "0.000 CLOSING",
        "0.000 TIME_WAIT",
        "60.000 CLOSED",
      ]);
    }
  });

  it("one ACK lost: the server stays CLOSING and retransmits FA 5001/1002 at 0.2; the TIME_WAIT client re-acks", () => {
    const s = run([...HANDSHAKE, lose("client", "A"), close(["client", "server"]), wait(61)]);
    expect(timedWire(s).slice(6)).toEqual([
      "0.000 client A 1002/5002 lost",
      "0.200 server FA 5001/1002",
      "0.200 client A 1002/5002",
    ]);
    expect(timedPath(s, "server").slice(-3)).toEqual(["0.000 CLOSING", "0.200 TIME_WAIT", "60.200 CLOSED"]);
    expect(timedPath(s, "client").slice(-2)).toEqual(["0.000 TIME_WAIT", "60.200 CLOSED"]);
  });

  it("shutdown on both sides at once is the same simultaneous close", () => {
    const s = run([...HANDSHAKE, shutdown(["client", "server"])]);
    expect(wire(s, 2)).toEqual(wire(t, 2));
    expect(s.final).toEqual({ client: "TIME_WAIT", server: "TIME_WAIT" });
  });
});

describe("server as the active closer", () => {
  const t = run([...HANDSHAKE, close("server"), wait(1), close("client"), wait(61)]);

  it("server FA 5001/1001, client's delayed A, client FA 1001/5002, server A 5002/1002", () => {
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 server FA 5001/1001",
      "0.040 client A 1001/5002",
      "1.000 client FA 1001/5002",
      "1.000 server A 5002/1002",
    ]);
  });

  it("the server, not the client, waits in TIME_WAIT (from 1 s to 61 s)", () => {
    expect(timedPath(t, "server").slice(3)).toEqual([
      "0.000 FIN_WAIT_1",
      "0.040 FIN_WAIT_2",
      "1.000 TIME_WAIT",
      "61.000 CLOSED",
    ]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"]);
  });

  it("right after the exchange: server TIME_WAIT, client CLOSED", () => {
    const s = run([...HANDSHAKE, close("server"), close("client")]);
    expect(wire(s, 2)).toEqual(["server FA 5001/1001", "client FA 1001/5002", "server A 5002/1002"]);
    expect(s.final).toEqual({ client: "CLOSED", server: "TIME_WAIT" });
  });
});
