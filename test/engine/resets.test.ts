/**
 * Resets (RFC 9293 §3.5.2, §3.10.7): answering a segment for no connection, abortive close, close() with unread
 * data (RFC 2525 §2.17, Linux tcp_close), data for a socket the application has closed (RFC 1122 §4.2.2.13), and
 * what a received RST does in each state, with the error Linux reports (tcp_reset).
 */
import { describe, expect, it } from "vitest";
import {
  HANDSHAKE,
  abort,
  close,
  connect,
  errors,
  listen,
  lose,
  path,
  read,
  reads,
  run,
  send,
  shutdown,
  timedErrors,
  timedPath,
  timedWire,
  wait,
  wire,
} from "./dsl";

describe("CLOSED (no listener)", () => {
  it("SYN to a port with no listener → RA 0/1001; the client's connect fails with ECONNREFUSED", () => {
    const t = run([connect("client"), wait(5)]);
    expect(timedWire(t)).toEqual(["0.000 client S 1000/0", "0.000 server RA 0/1001"]);
    expect(errors(t)).toEqual(["client connect ECONNREFUSED"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "CLOSED"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "CLOSED" });
  });

  it("a reset is never answered with a reset: the RA to a late SYN+ACK is the last segment", () => {
    const t = run([listen("server"), lose("server", "SA"), connect("client"), close("client"), wait(1.5)]);
    expect(wire(t).at(-1)).toBe("client R 1001/0");
  });
});

describe("abort (SO_LINGER 0) in ESTABLISHED", () => {
  it("client abort → RA 1001/5001, client CLOSED at once; server SO_ERROR ECONNRESET, CLOSED; no TIME_WAIT anywhere", () => {
    const t = run([...HANDSHAKE, abort("client"), wait(100)]);
    expect(timedWire(t).slice(3)).toEqual(["0.000 client RA 1001/5001"]);
    expect(timedPath(t, "client").slice(-1)).toEqual(["0.000 CLOSED"]);
    expect(timedPath(t, "server").slice(-1)).toEqual(["0.000 CLOSED"]);
    expect(errors(t)).toEqual(["server SO_ERROR ECONNRESET"]);
    expect(path(t, "client")).not.toContain("TIME_WAIT");
    expect(path(t, "server")).not.toContain("TIME_WAIT");
  });

  it("after 100 bytes each way the RST carries SND.NXT and RCV.NXT: RA 1101/5201", () => {
    const t = run([...HANDSHAKE, send("client", 100), wait(1), send("server", 200), abort("client")]);
    expect(wire(t).at(-1)).toBe("client RA 1101/5201");
  });
});

describe("ESTABLISHED receives RST", () => {
  it("→ CLOSED; the next read fails with ECONNRESET, the one after reads EOF, a send then fails with EPIPE", () => {
    const t = run([...HANDSHAKE, abort("server"), read("client"), read("client"), send("client", 10)]);
    expect(wire(t, 2)).toEqual(["server RA 5001/1001"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "CLOSED"]);
    expect(errors(t)).toEqual(["client SO_ERROR ECONNRESET", "client read ECONNRESET", "client send EPIPE"]);
    expect(reads(t)).toEqual(["client read EOF"]);
  });

  it("a send first reports the pending ECONNRESET, the next send EPIPE", () => {
    const t = run([...HANDSHAKE, abort("server"), send("client", 10), send("client", 10)]);
    expect(errors(t)).toEqual(["client SO_ERROR ECONNRESET", "client send ECONNRESET", "client send EPIPE"]);
    expect(wire(t, 3)).toEqual([]);
  });
});

describe("close() with unread data", () => {
  it("autoRead:false, server closes without reading the 100 bytes → RA 5001/1101 instead of FIN", () => {
    const t = run([...HANDSHAKE, send("client", 100), close("server")], { options: { autoRead: false } });
    expect(wire(t, 2)).toEqual(["client PA 1001/5001 len 100", "server A 5001/1101", "server RA 5001/1101"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSED"]);
    expect(errors(t)).toEqual(["client SO_ERROR ECONNRESET"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "CLOSED" });
  });

  it("with a read step before close the data is consumed and close sends a normal FIN", () => {
    const t = run([...HANDSHAKE, send("client", 100), read("server"), close("server")], {
      options: { autoRead: false },
    });
    expect(reads(t)).toEqual(["server read 100"]);
    expect(wire(t, 4)).toEqual(["server FA 5001/1101"]);
    expect(t.final).toEqual({ client: "CLOSE_WAIT", server: "FIN_WAIT_1" });
  });

  it("in CLOSE_WAIT: data and FIN unread → RA 5001/1102; the FIN_WAIT_1 client, already closed, just goes CLOSED", () => {
    const t = run([...HANDSHAKE, send("client", 100), close("client"), close("server")], {
      options: { autoRead: false },
    });
    expect(wire(t, 3)).toEqual(["client FA 1101/5001", "server RA 5001/1102"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "CLOSED"]);
    expect(errors(t)).toEqual([]);
  });
});

describe("data for a side that has close()d", () => {
  // The client closes; the server stays in CLOSE_WAIT and sends 100 bytes a second later.
  const DATA_AFTER_CLOSE = [...HANDSHAKE, close("client"), wait(1), send("server", 100)];

  it("client in FIN_WAIT_2 answers the data with R 1002/0 (seq = the data's ack) and is CLOSED", () => {
    const t = run(DATA_AFTER_CLOSE);
    expect(timedWire(t).slice(5)).toEqual(["1.000 server PA 5001/1002 len 100", "1.000 client R 1002/0"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSED"]);
  });

  it("server in CLOSE_WAIT gets SO_ERROR EPIPE and is CLOSED; its next read and send report EPIPE", () => {
    const t = run([...DATA_AFTER_CLOSE, read("server"), send("server", 10)]);
    expect(timedErrors(t)).toEqual([
      "1.000 server SO_ERROR EPIPE",
      "1.000 server read EPIPE",
      "1.000 server send EPIPE",
    ]);
    expect(timedPath(t, "server").slice(-2)).toEqual(["0.000 CLOSE_WAIT", "1.000 CLOSED"]);
    expect(wire(t, 6)).toEqual([]);
  });

  it("data that carries the ACK of the FIN reaches the client in FIN_WAIT_1: FIN_WAIT_2, then R and CLOSED", () => {
    const t = run([...HANDSHAKE, close("client"), send("server", 100)]);
    expect(wire(t, 2)).toEqual(["client FA 1001/5001", "server PA 5001/1002 len 100", "client R 1002/0"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSED"]);
    expect(errors(t)).toEqual(["server SO_ERROR EPIPE"]);
  });

  it("after shutdown() instead of close() the same data is accepted and acked", () => {
    const t = run([...HANDSHAKE, shutdown("client"), wait(1), send("server", 100)]);
    expect(wire(t, 4)).toEqual(["server PA 5001/1002 len 100", "client A 1002/5101"]);
    expect(t.final).toEqual({ client: "FIN_WAIT_2", server: "CLOSE_WAIT" });
  });

  it("the peer's FIN after the orphaned FIN_WAIT_2 timed out (60 s) is answered with R 1002/0", () => {
    const t = run([...HANDSHAKE, close("client"), wait(61), close("server")]);
    expect(timedWire(t).slice(5)).toEqual(["61.000 server FA 5001/1002", "61.000 client R 1002/0"]);
    expect(timedPath(t, "server").slice(-2)).toEqual(["61.000 LAST_ACK", "61.000 CLOSED"]);
    expect(errors(t)).toEqual([]);
  });
});

describe("SYN_RECEIVED receives RST", () => {
  it("passive open: the client aborts while its handshake ACK is lost → RA 1001/5001; server back to LISTEN, no error", () => {
    const t = run([listen("server"), lose("client", "A"), connect("client"), abort("client"), wait(5)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0",
      "0.000 server SA 5000/1001",
      "0.000 client A 1001/5001 lost",
      "0.000 client RA 1001/5001",
    ]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "LISTEN"]);
    expect(errors(t)).toEqual([]);
  });

  it("the listener it returned to accepts the next connection", () => {
    const t = run([listen("server"), lose("client", "A"), connect("client"), abort("client"), connect("client")]);
    expect(wire(t, 4).map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(["client S", "server SA", "client A"]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });

  it("active open (simultaneous open, SYN+ACKs lost): the RST means connection refused (RFC 9293 §3.10.7.4)", () => {
    const t = run([lose("client", "SA"), lose("server", "SA"), connect(["client", "server"]), abort("client")]);
    expect(wire(t, 3)).toEqual(["client RA 1001/5001"]);
    expect(path(t, "server")).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED", "CLOSED"]);
    expect(errors(t)).toEqual(["server connect ECONNREFUSED"]);
  });
});

describe("SYN_SENT", () => {
  it("close() sends nothing; the server's SA retransmitted at 1 s gets R 1001/0 (seq = its ack); server back to LISTEN", () => {
    const t = run([listen("server"), lose("server", "SA"), connect("client"), close("client"), wait(2)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0",
      "0.000 server SA 5000/1001 lost",
      "1.000 server SA 5000/1001",
      "1.000 client R 1001/0",
    ]);
    expect(timedPath(t, "client")).toEqual(["0.000 SYN_SENT", "0.000 CLOSED"]);
    expect(timedPath(t, "server")).toEqual(["0.000 LISTEN", "0.000 SYN_RECEIVED", "1.000 LISTEN"]);
    expect(errors(t)).toEqual([]);
  });

  it("abort() sends nothing either (Linux tcp_need_reset excludes SYN_SENT)", () => {
    const t = run([listen("server"), lose("client", "S"), connect("client"), abort("client"), wait(5)]);
    expect(wire(t)).toEqual(["client S 1000/0 lost"]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "CLOSED"]);
  });
});

describe("LISTEN receives a segment with ACK", () => {
  it("half-open: the server gave up SYN_RECEIVED at 63 s; the client's data at 70 s gets R 5001/0; client ECONNRESET", () => {
    const t = run([listen("server"), lose("client", "A", 100), connect("client"), wait(70), send("client", 10)]);
    expect(timedPath(t, "server")).toEqual(["0.000 LISTEN", "0.000 SYN_RECEIVED", "63.000 LISTEN"]);
    expect(timedWire(t).slice(-2)).toEqual(["70.000 client PA 1001/5001 len 10", "70.000 server R 5001/0"]);
    expect(timedErrors(t)).toEqual(["70.000 client SO_ERROR ECONNRESET"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "LISTEN" });
  });
});

describe("an RST that is in the window but not at RCV.NXT (RFC 5961 §3.2)", () => {
  it("abort after a lost FIN: RA 1002/5001 is one past RCV.NXT → challenge A 5001/1001 → the closed client answers R 1001/0", () => {
    const t = run([...HANDSHAKE, lose("client", "FA"), shutdown("client"), abort("client")]);
    expect(wire(t, 2)).toEqual([
      "client FA 1001/5001 lost",
      "client RA 1002/5001",
      "server A 5001/1001",
      "client R 1001/0",
    ]);
    expect(errors(t)).toEqual(["server SO_ERROR ECONNRESET"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "CLOSED" });
  });
});

describe("abort in the other states", () => {
  it("LISTEN → CLOSED, nothing sent", () => {
    const t = run([listen("server"), abort("server")]);
    expect(wire(t)).toEqual([]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "CLOSED"]);
  });

  it("FIN_WAIT_2 (after shutdown) → RA 1002/5001; the CLOSE_WAIT server gets EPIPE", () => {
    const t = run([...HANDSHAKE, shutdown("client"), wait(1), abort("client")]);
    expect(timedWire(t).slice(-1)).toEqual(["1.000 client RA 1002/5001"]);
    expect(errors(t)).toEqual(["server SO_ERROR EPIPE"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "CLOSED" });
  });

  it("CLOSE_WAIT → RA 5001/1002; the FIN_WAIT_2 client, which shut down only, gets ECONNRESET", () => {
    const t = run([...HANDSHAKE, shutdown("client"), wait(1), abort("server")]);
    expect(wire(t, 4)).toEqual(["server RA 5001/1002"]);
    expect(errors(t)).toEqual(["client SO_ERROR ECONNRESET"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "CLOSED" });
  });

  it("LAST_ACK (after shutdown) → CLOSED silently (nothing unsent: Linux tcp_disconnect sends no RST)", () => {
    const t = run([...HANDSHAKE, close("client"), wait(1), lose("server", "FA"), shutdown("server"), abort("server")]);
    expect(wire(t, 5)).toEqual(["server FA 5001/1002 lost"]);
    expect(errors(t)).toEqual([]);
    expect(path(t, "server").slice(-2)).toEqual(["LAST_ACK", "CLOSED"]);
    expect(t.final).toEqual({ client: "FIN_WAIT_2", server: "CLOSED" });
  });
});

describe("LAST_ACK after shutdown(), 100 bytes unread (Linux tcp_close checks unread data in any state)", () => {
  it("server close() sends RA 5002/1102 instead of waiting for the lost ACK; the client's TIME_WAIT ends on it", () => {
    const t = run(
      [...HANDSHAKE, send("client", 100), shutdown("client"), wait(1), lose("client", "A"), shutdown("server"), close("server")],
      { options: { autoRead: false } },
    );
    expect(wire(t, 6)).toEqual(["server FA 5001/1102", "client A 1102/5002 lost", "server RA 5002/1102"]);
    expect(path(t, "server").slice(-3)).toEqual(["CLOSE_WAIT", "LAST_ACK", "CLOSED"]);
    expect(path(t, "client").slice(-2)).toEqual(["TIME_WAIT", "CLOSED"]);
  });
});
