/**
 * Retransmission on timeout with exponential backoff (RFC 6298 §5; RFC 9293 §3.8.1). Linux values: initial RTO
 * 1 s (TCP_TIMEOUT_INIT), 200 ms floor once a round trip is measured (TCP_RTO_MIN), tcp_syn_retries 6,
 * tcp_synack_retries 5, tcp_retries2 15, tcp_orphan_retries 8, tcp_syn_linear_timeouts (ip-sysctl.rst).
 */
import { describe, expect, it } from "vitest";
import {
  HANDSHAKE,
  close,
  connect,
  errors,
  listen,
  lose,
  path,
  run,
  send,
  timedErrors,
  timedPath,
  timedWire,
  timerSegments,
  wait,
} from "./dsl";

/** Send times of the client's SYNs. */
const synTimes = (lines: string[]): string[] =>
  lines.filter((l) => l.includes(" client S ")).map((l) => l.split(" ")[0] as string);

describe("SYN_SENT: lost SYN", () => {
  it("the SYN is retransmitted after the initial RTO of 1 s and the handshake completes at 1 s", () => {
    const t = run([listen("server"), lose("client", "S"), connect("client"), wait(2)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0 lost",
      "1.000 client S 1000/0",
      "1.000 server SA 5000/1001",
      "1.000 client A 1001/5001",
    ]);
    expect(timerSegments(t)).toEqual(["1.000 client S 1000/0 (retransmit)"]);
    expect(timedPath(t, "client")).toEqual(["0.000 SYN_SENT", "1.000 ESTABLISHED"]);
  });

  it("all SYNs lost: retransmitted at 1, 3, 7, 15, 31, 63 s; connect fails with ETIMEDOUT at 127 s", () => {
    const t = run([listen("server"), lose("client", "S", 100), connect("client"), wait(200)]);
    expect(synTimes(timedWire(t))).toEqual(["0.000", "1.000", "3.000", "7.000", "15.000", "31.000", "63.000"]);
    expect(timedErrors(t)).toEqual(["127.000 client connect ETIMEDOUT"]);
    expect(timedPath(t, "client")).toEqual(["0.000 SYN_SENT", "127.000 CLOSED"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "LISTEN" });
  });

  it("giving up sends nothing: no RST after the last SYN", () => {
    const t = run([listen("server"), lose("client", "S", 100), connect("client"), wait(200)]);
    expect(timedWire(t).at(-1)).toBe("63.000 client S 1000/0 lost");
  });

  it("synRetries: 2 → retransmissions at 1 and 3 s, ETIMEDOUT at 7 s", () => {
    const t = run([lose("client", "S", 100), connect("client"), wait(200)], { options: { synRetries: 2 } });
    expect(synTimes(timedWire(t))).toEqual(["0.000", "1.000", "3.000"]);
    expect(timedErrors(t)).toEqual(["7.000 client connect ETIMEDOUT"]);
  });

  it("synLinearTimeouts: 4 → RTOs 1,1,1,1,1,2,4,… and the linear retries come on top of the 6: last SYN at 67 s, ETIMEDOUT at 131 s", () => {
    // ip-sysctl.rst (tcp_syn_retries, tcp_syn_linear_timeouts) and tcp_write_timeout():
    // max_retransmits = tcp_syn_retries + tcp_syn_linear_timeouts for SYN_SENT.
    const t = run([lose("client", "S", 100), connect("client"), wait(200)], { options: { synLinearTimeouts: 4 } });
    expect(synTimes(timedWire(t))).toEqual([
      "0.000",
      "1.000",
      "2.000",
      "3.000",
      "4.000",
      "5.000",
      "7.000",
      "11.000",
      "19.000",
      "35.000",
      "67.000",
    ]);
    expect(timedErrors(t)).toEqual(["131.000 client connect ETIMEDOUT"]);
  });

  it("synLinearTimeouts: 4 with synRetries: 2 → SYNs at 1, 2, 3, 4, 5, 7 s, ETIMEDOUT at 11 s", () => {
    const t = run([lose("client", "S", 100), connect("client"), wait(200)], {
      options: { synLinearTimeouts: 4, synRetries: 2 },
    });
    expect(synTimes(timedWire(t))).toEqual(["0.000", "1.000", "2.000", "3.000", "4.000", "5.000", "7.000"]);
    expect(timedErrors(t)).toEqual(["11.000 client connect ETIMEDOUT"]);
  });

  it("the backoff is capped at rtoMax: with rtoMax 10 the SYNs go at 1, 3, 7, 15, 25, 35 s, ETIMEDOUT at 45 s", () => {
    const t = run([lose("client", "S", 100), connect("client"), wait(200)], { options: { rtoMax: 10 } });
    expect(synTimes(timedWire(t))).toEqual(["0.000", "1.000", "3.000", "7.000", "15.000", "25.000", "35.000"]);
    expect(timedErrors(t)).toEqual(["45.000 client connect ETIMEDOUT"]);
  });
});

describe("SYN_RECEIVED: lost SYN+ACK", () => {
  it("the client's SYN retransmission at 1 s draws a fresh SA at once, and the handshake completes at 1 s", () => {
    const t = run([listen("server"), lose("server", "SA"), connect("client"), wait(2)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0",
      "0.000 server SA 5000/1001 lost",
      "1.000 client S 1000/0",
      "1.000 server SA 5000/1001",
      "1.000 client A 1001/5001",
    ]);
    // Only the client's timer fired: the server's SA answered the repeated SYN.
    expect(timerSegments(t)).toEqual(["1.000 client S 1000/0 (retransmit)"]);
    expect(timedPath(t, "server")).toEqual(["0.000 LISTEN", "0.000 SYN_RECEIVED", "1.000 ESTABLISHED"]);
  });

  it("with the client's repeated SYN lost too, the server's own timer retransmits SA 5000/1001 at 1 s", () => {
    const t = run([listen("server"), lose("server", "SA"), connect("client"), lose("client", "S"), wait(2)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0",
      "0.000 server SA 5000/1001 lost",
      "1.000 client S 1000/0 lost",
      "1.000 server SA 5000/1001",
      "1.000 client A 1001/5001",
    ]);
    expect(timerSegments(t)).toEqual([
      "1.000 client S 1000/0 lost (retransmit)",
      "1.000 server SA 5000/1001 (retransmit)",
    ]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });

  it("no answer at all: SA at 1, 3, 7, 15, 31 s (tcp_synack_retries 5), back to LISTEN at 63 s; client fails at 127 s", () => {
    const t = run([
      listen("server"),
      lose("server", "SA", 100),
      connect("client"),
      lose("client", "S", 100),
      wait(200),
    ]);
    const saTimes = timedWire(t)
      .filter((l) => l.includes(" server SA "))
      .map((l) => l.split(" ")[0]);
    expect(saTimes).toEqual(["0.000", "1.000", "3.000", "7.000", "15.000", "31.000"]);
    expect(timedPath(t, "server")).toEqual(["0.000 LISTEN", "0.000 SYN_RECEIVED", "63.000 LISTEN"]);
    expect(timedErrors(t)).toEqual(["127.000 client connect ETIMEDOUT"]);
    expect(t.final).toEqual({ client: "CLOSED", server: "LISTEN" });
  });

  it("the handshake's ACK lost: the server retransmits SA at 1 s; the ESTABLISHED client answers A 1001/5001", () => {
    const t = run([listen("server"), lose("client", "A"), connect("client"), wait(2)]);
    expect(timedWire(t)).toEqual([
      "0.000 client S 1000/0",
      "0.000 server SA 5000/1001",
      "0.000 client A 1001/5001 lost",
      "1.000 server SA 5000/1001",
      "1.000 client A 1001/5001",
    ]);
    expect(timedPath(t, "server").at(-1)).toBe("1.000 ESTABLISHED");
  });
});

describe("ESTABLISHED: lost data", () => {
  it("a lost data segment is retransmitted after 200 ms (the RTO floor once an RTT was measured)", () => {
    const t = run([...HANDSHAKE, lose("client", "PA"), send("client", 100), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 1001/5001 len 100 lost",
      "0.200 client PA 1001/5001 len 100",
      "0.200 server A 5001/1101",
    ]);
    expect(timerSegments(t)).toEqual(["0.200 client PA 1001/5001 len 100 (retransmit)"]);
  });

  it("lost again and again: retransmissions 0.2, 0.4, 0.8 s apart (at 0.2, 0.6, 1.4)", () => {
    const t = run([...HANDSHAKE, lose("client", "PA", 3), send("client", 100), wait(3)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 1001/5001 len 100 lost",
      "0.200 client PA 1001/5001 len 100 lost",
      "0.600 client PA 1001/5001 len 100 lost",
      "1.400 client PA 1001/5001 len 100",
      "1.400 server A 5001/1101",
    ]);
  });

  it("a new ACK resets the backoff: the next loss is retransmitted after 200 ms again", () => {
    const t = run([
      ...HANDSHAKE,
      lose("client", "PA", 2),
      send("client", 100),
      wait(1),
      lose("client", "PA"),
      send("client", 100),
      wait(1),
    ]);
    expect(timerSegments(t)).toEqual([
      "0.200 client PA 1001/5001 len 100 lost (retransmit)",
      "0.600 client PA 1001/5001 len 100 (retransmit)",
      "1.200 client PA 1101/5001 len 100 (retransmit)",
    ]);
  });

  it("the server's ACK lost: the retransmission is a duplicate, acked again at once", () => {
    const t = run([...HANDSHAKE, lose("server", "A"), send("client", 10), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 1001/5001 len 10",
      "0.000 server A 5001/1011 lost",
      "0.200 client PA 1001/5001 len 10",
      "0.200 server A 5001/1011",
    ]);
  });

  it("never acked: 15 retransmissions (tcp_retries2), then SO_ERROR ETIMEDOUT at 924.6 s, CLOSED without a segment", () => {
    const t = run([...HANDSHAKE, lose("client", "PA", 100), send("client", 100), wait(1000)]);
    const sent = timedWire(t).slice(3);
    expect(sent).toHaveLength(16);
    expect(sent.map((l) => l.split(" ")[0])).toEqual([
      "0.000",
      "0.200",
      "0.600",
      "1.400",
      "3.000",
      "6.200",
      "12.600",
      "25.400",
      "51.000",
      "102.200",
      "204.600",
      "324.600",
      "444.600",
      "564.600",
      "684.600",
      "804.600",
    ]);
    expect(timedErrors(t)).toEqual(["924.600 client SO_ERROR ETIMEDOUT"]);
    expect(timedPath(t, "client").at(-1)).toBe("924.600 CLOSED");
    expect(t.final).toEqual({ client: "CLOSED", server: "ESTABLISHED" });
  });
});

describe("FIN_WAIT_1 and LAST_ACK: lost FIN", () => {
  it("a lost FIN is retransmitted after 200 ms; the server's ACK of it comes 40 ms later (delayed)", () => {
    const t = run([...HANDSHAKE, lose("client", "FA"), close("client"), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client FA 1001/5001 lost",
      "0.200 client FA 1001/5001",
      "0.240 server A 5001/1002",
    ]);
    expect(timedPath(t, "client").slice(-2)).toEqual(["0.000 FIN_WAIT_1", "0.240 FIN_WAIT_2"]);
    expect(timedPath(t, "server").at(-1)).toBe("0.200 CLOSE_WAIT");
  });

  it("the ACK of the FIN lost: the FIN's retransmission is a duplicate, acked at once", () => {
    const t = run([...HANDSHAKE, lose("server", "A"), close("client"), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client FA 1001/5001",
      "0.040 server A 5001/1002 lost",
      "0.200 client FA 1001/5001",
      "0.200 server A 5001/1002",
    ]);
  });

  it("the server's FIN lost in LAST_ACK: retransmitted at 1.2, then acked by the FIN_WAIT_2 client", () => {
    const t = run([...HANDSHAKE, close("client"), wait(1), lose("server", "FA"), close("server"), wait(1)]);
    expect(timedWire(t).slice(5)).toEqual([
      "1.000 server FA 5001/1002 lost",
      "1.200 server FA 5001/1002",
      "1.200 client A 1002/5002",
    ]);
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
  });

  it("an orphaned FIN never acked: 8 retransmissions (tcp_orphan_retries), CLOSED at 102.2 s, silently", () => {
    const t = run([...HANDSHAKE, lose("client", "FA", 100), close("client"), wait(200)]);
    const fins = timedWire(t).slice(3);
    expect(fins).toHaveLength(9);
    expect(fins.at(-1)).toBe("51.000 client FA 1001/5001 lost");
    expect(timedPath(t, "client").slice(-2)).toEqual(["0.000 FIN_WAIT_1", "102.200 CLOSED"]);
    // Nobody holds the socket any more, so there is no SO_ERROR to report.
    expect(errors(t)).toEqual([]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"]);
  });
});
