import { describe, expect, it } from "vitest";
import {
  HANDSHAKE,
  close,
  connect,
  listen,
  lose,
  path,
  run,
  send,
  timedWire,
  timerSegments,
  wait,
  wire,
} from "./dsl";

describe("three-way handshake (RFC 9293 §3.5)", () => {
  it("client S 1000/0 → server SA 5000/1001 → client A 1001/5001; both ESTABLISHED", () => {
    const t = run(HANDSHAKE);
    expect(wire(t)).toEqual(["client S 1000/0", "server SA 5000/1001", "client A 1001/5001"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"]);
  });

  it("the classic lifecycle from the issue: 100 bytes acked at once, four-segment close, client in TIME_WAIT", () => {
    const t = run([...HANDSHAKE, send("client", 100), close("client"), wait(1), close("server")]);
    expect(wire(t, 2)).toEqual([
      "client PA 1001/5001 len 100",
      "server A 5001/1101",
      "client FA 1101/5001",
      "server A 5001/1102",
      "server FA 5001/1102",
      "client A 1102/5002",
    ]);
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
  });

  it("simultaneous open: SYNs cross, both pass SYN_RECEIVED, each SYN+ACK is acked, both ESTABLISHED", () => {
    const t = run([connect(["client", "server"])]);
    expect(wire(t)).toEqual([
      "client S 1000/0",
      "server S 5000/0",
      "server SA 5000/1001",
      "client SA 1000/5001",
      "client A 1001/5001",
      "server A 5001/1001",
    ]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED"]);
    expect(path(t, "server")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED"]);
  });
});

describe("handshake details", () => {
  it("all three segments at t=0, no timer involved", () => {
    const t = run(HANDSHAKE);
    expect(timedWire(t)).toEqual(["0.000 client S 1000/0", "0.000 server SA 5000/1001", "0.000 client A 1001/5001"]);
    expect(timerSegments(t)).toEqual([]);
  });

  it("data sent in SYN_SENT is queued, and its first segment carries the handshake's ACK (no bare A)", () => {
    const t = run([listen("server"), lose("client", "S"), connect("client"), send("client", 100), wait(1)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0 lost",
      "1.000 client S 1000/0",
      "1.000 server SA 5000/1001",
      "1.000 client PA 1001/5001 len 100",
      "1.000 server A 5001/1101",
    ]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"]);
  });

  it("server in SYN_RECEIVED whose ACK was lost is completed by the client's first data segment", () => {
    const t = run([listen("server"), lose("client", "A"), connect("client"), send("client", 10)]);
    expect(wire(t)).toEqual([
      "client S 1000/0",
      "server SA 5000/1001",
      "client A 1001/5001 lost",
      "client PA 1001/5001 len 10",
      "server A 5001/1011",
    ]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });

  it("simultaneous open: each side's SYN+ACK keeps its original ISN and acks the peer's SYN", () => {
    const t = run([connect(["client", "server"])]);
    expect(timedWire(t).filter((l) => l.includes(" SA "))).toEqual([
      "0.000 server SA 5000/1001",
      "0.000 client SA 1000/5001",
    ]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });

  it("simultaneous open with both SYN+ACKs lost: the client's SYN_RECEIVED timer resends SA at 1 s, server acks", () => {
    const t = run([lose("client", "SA"), lose("server", "SA"), connect(["client", "server"]), wait(2)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0",
      "0.000 server S 5000/0",
      "0.000 server SA 5000/1001 lost",
      "0.000 client SA 1000/5001 lost",
      "1.000 client SA 1000/5001",
      "1.000 server A 5001/1001",
    ]);
    expect(timerSegments(t)).toEqual(["1.000 client SA 1000/5001 (retransmit)"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED"]);
    expect(path(t, "server")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED"]);
  });
});
