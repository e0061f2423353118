/** Sequence numbers are 32-bit and wrap (RFC 9293 §3.4): 4294967295 + 1 = 0, and comparisons still hold. */
import { describe, expect, it } from "vitest";
import { HANDSHAKE, close, lose, run, send, timedWire, wait, wire } from "./dsl";

describe("client ISN 4294967290", () => {
  it("100 bytes cross the wrap: SA acks 4294967291, data seq 4294967291 len 100, acked with 95", () => {
    const t = run([...HANDSHAKE, send("client", 100)], { clientIsn: 4294967290 });
    expect(wire(t)).toEqual([
      "client S 4294967290/0",
      "server SA 5000/4294967291",
      "client A 4294967291/5001",
      "client PA 4294967291/5001 len 100",
      "server A 5001/95",
    ]);
  });

  it("the close after the wrap: FA 95/5001, FA 5001/96, A 96/5002", () => {
    const t = run([...HANDSHAKE, send("client", 100), close("client"), close("server")], { clientIsn: 4294967290 });
    expect(wire(t, 3)).toEqual(["client FA 95/5001", "server FA 5001/96", "client A 96/5002"]);
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
  });

  it("a lost segment that straddles the wrap is retransmitted with its original seq and then acked", () => {
    const t = run([...HANDSHAKE, lose("client", "PA"), send("client", 100), wait(1)], { clientIsn: 4294967290 });
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 4294967291/5001 len 100 lost",
      "0.200 client PA 4294967291/5001 len 100",
      "0.200 server A 5001/95",
    ]);
  });
});

describe("server ISN 4294967295", () => {
  it("the SYN takes the last number: the server's data starts at 0 and the client acks 100", () => {
    const t = run([...HANDSHAKE, send("server", 100), send("client", 20)], { serverIsn: 4294967295 });
    expect(wire(t)).toEqual([
      "client S 1000/0",
      "server SA 4294967295/1001",
      "client A 1001/0",
      "server PA 0/1001 len 100",
      "client A 1001/100",
      "client PA 1001/100 len 20",
      "server A 100/1021",
    ]);
  });

  it("a FIN at 4294967295 (ISN 4294967294, no data) is acked with 0", () => {
    const t = run([...HANDSHAKE, close("server"), close("client")], { serverIsn: 4294967294 });
    expect(wire(t, 2)).toEqual(["server FA 4294967295/1001", "client FA 1001/0", "server A 0/1002"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "TIME_WAIT" });
  });
});
