/**
 * Every state and every transition of the RFC 9293 §3.3.2 state diagram (Figure 5), each shown with the segment
 * or call that causes it. One `describe` per state the transition leaves.
 */
import { describe, expect, it } from "vitest";
import { TCP_STATES, type TcpState } from "../../src/engine";
import {
  HANDSHAKE,
  abort,
  close,
  connect,
  enteredAt,
  errors,
  lose,
  listen,
  path,
  run,
  timedWire,
  wait,
  wire,
} from "./dsl";

/** Both SYN+ACKs of a simultaneous open are lost: both sides stay in SYN_RECEIVED. */
const SIMULTANEOUS_OPEN_STUCK = [lose("client", "SA"), lose("server", "SA"), connect(["client", "server"])];

/** The client's ACK of the handshake is lost: the client is ESTABLISHED, the server still in SYN_RECEIVED. */
const HANDSHAKE_ACK_LOST = [listen("server"), lose("client", "A"), connect("client")];

describe("the eleven states", () => {
  it("are all reached by the scenarios below", () => {
    const scenarios = [
      run([...HANDSHAKE, close("client"), wait(1), close("server"), wait(60)]),
      run([...HANDSHAKE, close(["client", "server"])]),
      run([...SIMULTANEOUS_OPEN_STUCK]),
    ];
    const seen = new Set<TcpState>();
    for (const t of scenarios) {
      for (const s of [...path(t, "client"), ...path(t, "server")]) seen.add(s);
    }
    expect([...seen].sort()).toEqual([...TCP_STATES].sort());
  });
});

describe("CLOSED", () => {
  it("passive OPEN (listen) → LISTEN, nothing sent", () => {
    const t = run([listen("server")]);
    expect(wire(t)).toEqual([]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN"]);
  });

  it("active OPEN (connect) → sends S 1000/0, enters SYN_SENT", () => {
    const t = run([listen("server"), lose("client", "S"), connect("client")]);
    expect(wire(t)).toEqual(["client S 1000/0 lost"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT"]);
  });
});

describe("LISTEN", () => {
  it("close → CLOSED, nothing sent; a later SYN finds no listener", () => {
    const t = run([listen("server"), close("server"), connect("client")]);
    expect(wire(t)).toEqual(["client S 1000/0", "server RA 0/1001"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "CLOSED"]);
  });

  it("receives S 1000/0 → sends SA 5000/1001, enters SYN_RECEIVED", () => {
    const t = run(HANDSHAKE_ACK_LOST);
    expect(wire(t)).toEqual(["client S 1000/0", "server SA 5000/1001", "client A 1001/5001 lost"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED"]);
  });

  it("connect on a listening socket fails with EISCONN (Linux has no call for the RFC's LISTEN → SYN_SENT)", () => {
    const t = run([listen("server"), connect("server")]);
    expect(wire(t)).toEqual([]);
    expect(errors(t)).toEqual(["server connect EISCONN"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN"]);
    expect(t.final.server).toBe("LISTEN");
  });
});

describe("SYN_SENT", () => {
  it("receives S 5000/0 (simultaneous open) → sends SA 1000/5001, enters SYN_RECEIVED", () => {
    const t = run(SIMULTANEOUS_OPEN_STUCK);
    expect(wire(t)).toEqual([
      "client S 1000/0",
      "server S 5000/0",
      "server SA 5000/1001 lost",
      "client SA 1000/5001 lost",
    ]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED"]);
    expect(path(t, "server")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED"]);
  });

  it("close → CLOSED at once, nothing sent and the SYN is never retransmitted", () => {
    const t = run([listen("server"), lose("client", "S"), connect("client"), close("client"), wait(200)]);
    expect(timedWire(t)).toEqual(["0.000 client S 1000/0 lost"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "CLOSED"]);
    expect(errors(t)).toEqual([]);
  });

  it("receives SA 5000/1001 → sends A 1001/5001, enters ESTABLISHED", () => {
    const t = run(HANDSHAKE);
    expect(wire(t)).toEqual(["client S 1000/0", "server SA 5000/1001", "client A 1001/5001"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED"]);
  });
});

describe("SYN_RECEIVED", () => {
  it("receives A 1001/5001 (the ACK of its SYN) → ESTABLISHED", () => {
    const t = run(HANDSHAKE);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"]);
  });

  it("passive side closes before the handshake's ACK arrives → sends FA 5001/1001, enters FIN_WAIT_1", () => {
    const t = run([...HANDSHAKE_ACK_LOST, close("server")]);
    expect(wire(t, 3)).toEqual(["server FA 5001/1001"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "FIN_WAIT_1"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "CLOSE_WAIT"]);
  });

  it("passive side's FIN_WAIT_1 then gets A 1001/5002, which acks SYN and FIN together → FIN_WAIT_2", () => {
    const t = run([...HANDSHAKE_ACK_LOST, close("server"), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual(["0.000 server FA 5001/1001", "0.040 client A 1001/5002"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "FIN_WAIT_1", "FIN_WAIT_2"]);
  });

  it("simultaneous open, both SYN+ACKs lost, client closes → FA 1001/5001, client enters FIN_WAIT_1", () => {
    const t = run([...SIMULTANEOUS_OPEN_STUCK, close("client"), wait(1)]);
    expect(timedWire(t).slice(4)).toEqual(["0.000 client FA 1001/5001", "0.040 server A 5001/1002"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED", "FIN_WAIT_1", "FIN_WAIT_2"]);
    // The FIN's ACK field acknowledges the server's SYN: the server is ESTABLISHED, then takes the FIN.
    expect(path(t, "server")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT"]);
  });

  it("passive side receives RA 1001/5001 → back to LISTEN (RFC 9293 §3.10.7.4, second check)", () => {
    const t = run([...HANDSHAKE_ACK_LOST, abort("client")]);
    expect(wire(t, 3)).toEqual(["client RA 1001/5001"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "LISTEN"]);
    expect(errors(t)).toEqual([]);
    expect(t.final).toEqual({ client: "CLOSED", server: "LISTEN" });
  });
});

describe("ESTABLISHED", () => {
  it("close → sends FA 1001/5001, enters FIN_WAIT_1", () => {
    const t = run([...HANDSHAKE, close("client")]);
    expect(wire(t, 2)).toEqual(["client FA 1001/5001"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1"]);
  });

  it("receives FA 1001/5001 → CLOSE_WAIT, the ACK of the FIN delayed 40 ms", () => {
    const t = run([...HANDSHAKE, close("client"), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual(["0.000 client FA 1001/5001", "0.040 server A 5001/1002"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT"]);
  });
});

describe("FIN_WAIT_1", () => {
  it("receives A 5001/1002 (the ACK of its FIN) → FIN_WAIT_2", () => {
    const t = run([...HANDSHAKE, close("client"), wait(1)]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2"]);
    expect(enteredAt(t, "client", "FIN_WAIT_2")).toBe(0.04);
  });

  it("receives FA 5001/1001 (a FIN that does not ack its own) → sends A 1002/5002, enters CLOSING", () => {
    const t = run([...HANDSHAKE, close(["client", "server"])]);
    expect(wire(t, 2)).toEqual([
      "client FA 1001/5001",
      "server FA 5001/1001",
      "server A 5002/1002",
      "client A 1002/5002",
    ]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT"]);
  });

  it("receives FA 5001/1002 (FIN and the ACK of its FIN) → sends A 1002/5002, enters TIME_WAIT directly", () => {
    const t = run([...HANDSHAKE, close("client"), close("server")]);
    expect(wire(t, 2)).toEqual(["client FA 1001/5001", "server FA 5001/1002", "client A 1002/5002"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "TIME_WAIT"]);
  });
});

describe("FIN_WAIT_2", () => {
  it("receives FA 5001/1002 → sends A 1002/5002, enters TIME_WAIT", () => {
    const t = run([...HANDSHAKE, close("client"), wait(1), close("server")]);
    expect(wire(t, 4)).toEqual(["server FA 5001/1002", "client A 1002/5002"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"]);
  });
});

describe("CLOSING", () => {
  it("receives A 5002/1002 (the ACK of its FIN) → TIME_WAIT; both sides end in TIME_WAIT", () => {
    const t = run([...HANDSHAKE, close(["client", "server"])]);
    expect(path(t, "server")).toEqual([
      "CLOSED",
      "LISTEN",
      "SYN_RECEIVED",
      "ESTABLISHED",
      "FIN_WAIT_1",
      "CLOSING",
      "TIME_WAIT",
    ]);
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "TIME_WAIT" });
  });
});

describe("CLOSE_WAIT", () => {
  it("close → sends FA 5001/1002, enters LAST_ACK", () => {
    const t = run([...HANDSHAKE, close("client"), wait(1), lose("client", "A"), close("server")]);
    expect(wire(t, 5)).toEqual(["server FA 5001/1002", "client A 1002/5002 lost"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK"]);
  });
});

describe("LAST_ACK", () => {
  it("receives A 1002/5002 (the ACK of its FIN) → CLOSED", () => {
    const t = run([...HANDSHAKE, close("client"), wait(1), close("server")]);
    expect(path(t, "server")).toEqual([
      "CLOSED",
      "LISTEN",
      "SYN_RECEIVED",
      "ESTABLISHED",
      "CLOSE_WAIT",
      "LAST_ACK",
      "CLOSED",
    ]);
    expect(enteredAt(t, "server", "LAST_ACK")).toBe(1);
  });
});

describe("TIME_WAIT", () => {
  it("after 2MSL (60 s) → CLOSED, with nothing sent", () => {
    const t = run([...HANDSHAKE, close("client"), close("server"), wait(59.999)]);
    expect(t.final.client).toBe("TIME_WAIT");
    const done = run([...HANDSHAKE, close("client"), close("server"), wait(60)]);
    expect(path(done, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "TIME_WAIT", "CLOSED"]);
    expect(wire(done, 4)).toEqual([]);
  });
});
