/**
 * TIME_WAIT (RFC 9293 §3.6.1, §3.10.7.4): the active closer waits 2MSL (Linux TCP_TIMEWAIT_LEN, 60 s), acks a
 * retransmitted FIN and restarts the 2MSL timer from it.
 */
import { describe, expect, it } from "vitest";
import { HANDSHAKE, close, enteredAt, lose, run, timedPath, timedWire, timerSegments, wait, wire } from "./dsl";

/** Four-way close with the client's TIME_WAIT starting at t = 1. */
const FOUR_WAY = [...HANDSHAKE, close("client"), wait(1), close("server")];

describe("TIME_WAIT length", () => {
  it("lasts 60 s by default: entered at 1 s, CLOSED at exactly 61 s, nothing sent meanwhile", () => {
    const t = run([...FOUR_WAY, wait(100)]);
    expect(enteredAt(t, "client", "TIME_WAIT")).toBe(1);
    expect(timedPath(t, "client").slice(-2)).toEqual(["1.000 TIME_WAIT", "61.000 CLOSED"]);
    expect(wire(t, 5)).toEqual([]);
  });

  it("is still TIME_WAIT 59.999 s after entering it", () => {
    const t = run([...FOUR_WAY, wait(59.999)]);
    expect(t.final.client).toBe("TIME_WAIT");
  });

  it("options.timeWait: 30 → CLOSED 30 s after entering", () => {
    const t = run([...FOUR_WAY, wait(100)], { options: { timeWait: 30 } });
    expect(timedPath(t, "client").slice(-2)).toEqual(["1.000 TIME_WAIT", "31.000 CLOSED"]);
  });

  it("the server as active closer waits the same 60 s", () => {
    const t = run([...HANDSHAKE, close("server"), close("client"), wait(100)]);
    expect(timedPath(t, "server").slice(-2)).toEqual(["0.000 TIME_WAIT", "60.000 CLOSED"]);
  });
});

describe("TIME_WAIT: the final ACK is lost", () => {
  const t = run([...HANDSHAKE, close("client"), wait(1), lose("client", "A"), close("server"), wait(100)]);

  it("server in LAST_ACK retransmits FA 5001/1002 at its RTO, 200 ms after sending it (RTO floor after an RTT sample)", () => {
    expect(timedWire(t).slice(5)).toEqual([
      "1.000 server FA 5001/1002",
      "1.000 client A 1002/5002 lost",
      "1.200 server FA 5001/1002",
      "1.200 client A 1002/5002",
    ]);
    expect(timerSegments(t)).toEqual([
      "0.040 server A 5001/1002 (delayedAck)",
      "1.200 server FA 5001/1002 (retransmit)",
    ]);
  });

  it("server: LAST_ACK at 1, CLOSED at 1.2 when the re-ACK arrives", () => {
    expect(timedPath(t, "server").slice(-2)).toEqual(["1.000 LAST_ACK", "1.200 CLOSED"]);
  });

  it("client in TIME_WAIT re-acks and restarts its 60 s timer from the retransmission: CLOSED at 61.2, not 61", () => {
    expect(timedPath(t, "client").slice(-2)).toEqual(["1.000 TIME_WAIT", "61.200 CLOSED"]);
  });
});

describe("TIME_WAIT: the final ACK is lost twice", () => {
  it("FIN retransmitted at 1.2 and 1.6 (RTO doubled to 400 ms); TIME_WAIT restarts each time: CLOSED at 61.6", () => {
    const t = run([...HANDSHAKE, close("client"), wait(1), lose("client", "A", 2), close("server"), wait(100)]);
    expect(timedWire(t).slice(5)).toEqual([
      "1.000 server FA 5001/1002",
      "1.000 client A 1002/5002 lost",
      "1.200 server FA 5001/1002",
      "1.200 client A 1002/5002 lost",
      "1.600 server FA 5001/1002",
      "1.600 client A 1002/5002",
    ]);
    expect(timedPath(t, "server").slice(-1)).toEqual(["1.600 CLOSED"]);
    expect(timedPath(t, "client").slice(-2)).toEqual(["1.000 TIME_WAIT", "61.600 CLOSED"]);
  });
});

describe("TIME_WAIT reached from FIN_WAIT_1 (three-segment close), last ACK lost", () => {
  it("FA retransmitted at 0.2; client re-acks from TIME_WAIT and leaves it at 60.2", () => {
    const t = run([...HANDSHAKE, close("client"), lose("client", "A"), close("server"), wait(100)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client FA 1001/5001",
      "0.000 server FA 5001/1002",
      "0.000 client A 1002/5002 lost",
      "0.200 server FA 5001/1002",
      "0.200 client A 1002/5002",
    ]);
    expect(timedPath(t, "client").slice(-2)).toEqual(["0.000 TIME_WAIT", "60.200 CLOSED"]);
  });
});
