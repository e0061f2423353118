import { describe, expect, it } from "vitest";
import { HANDSHAKE, close, connect, path, run, send, wait, wire } from "./dsl";

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
