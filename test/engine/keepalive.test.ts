/**
 * SO_KEEPALIVE as Linux runs it (tcp_keepalive_timer; RFC 1122 §4.2.3.6): after tcp_keepalive_time (7200 s) idle,
 * a probe with SEQ = SND.UNA − 1 and no data, which the peer must answer with an ACK; every tcp_keepalive_intvl
 * (75 s) another; after tcp_keepalive_probes (9) unanswered, RST and ETIMEDOUT. Options apply to both sides.
 */
import { describe, expect, it } from "vitest";
import {
  HANDSHAKE,
  errors,
  lose,
  run,
  send,
  shutdown,
  timedErrors,
  timedPath,
  timedWire,
  timerSegments,
  wait,
} from "./dsl";

describe("keepalive off (the default)", () => {
  it("an idle connection sends nothing for 10000 s", () => {
    const t = run([...HANDSHAKE, wait(10000)]);
    expect(timedWire(t).slice(3)).toEqual([]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });
});

describe("ESTABLISHED, keepalive on, peer answers", () => {
  const t = run([...HANDSHAKE, wait(7300)], { options: { keepalive: true } });

  it("at 7200 s the client probes with A 1000/5001 (SND.UNA − 1) and the server answers A 5001/1001", () => {
    expect(timedWire(t).slice(3, 5)).toEqual(["7200.000 client A 1000/5001", "7200.000 server A 5001/1001"]);
  });

  it("the server's own keepalive fires at the same time (A 5000/1001) and is answered too", () => {
    expect(timedWire(t).slice(5)).toEqual(["7200.000 server A 5000/1001", "7200.000 client A 1001/5001"]);
    expect(timerSegments(t)).toEqual([
      "7200.000 client A 1000/5001 (keepalive)",
      "7200.000 server A 5000/1001 (keepalive)",
    ]);
  });

  it("the connection stays ESTABLISHED, no error", () => {
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
    expect(errors(t)).toEqual([]);
  });

  it("an answered probe restarts the idle time: the next probes come at 14400 s", () => {
    const long = run([...HANDSHAKE, wait(15000)], { options: { keepalive: true } });
    expect(timerSegments(long)).toEqual([
      "7200.000 client A 1000/5001 (keepalive)",
      "7200.000 server A 5000/1001 (keepalive)",
      "14400.000 client A 1000/5001 (keepalive)",
      "14400.000 server A 5000/1001 (keepalive)",
    ]);
  });

  it("{idle:7200, interval:75, probes:9} is the same as keepalive:true", () => {
    const keepalive = { idle: 7200, interval: 75, probes: 9 };
    const explicit = run([...HANDSHAKE, wait(7300)], { options: { keepalive } });
    expect(timedWire(explicit)).toEqual(timedWire(t));
  });

  it("traffic postpones the first probe: data at 1000 s moves it to 8200 s", () => {
    const s = run([...HANDSHAKE, wait(1000), send("client", 10), wait(7300)], {
      options: { keepalive: true },
    });
    expect(timerSegments(s)).toEqual([
      "8200.000 client A 1010/5001 (keepalive)",
      "8200.000 server A 5000/1011 (keepalive)",
    ]);
  });
});

describe("ESTABLISHED, keepalive on, peer silent", () => {
  // Every ACK from the server is lost after the handshake (its answers and its own probes).
  const t = run([...HANDSHAKE, lose("server", "A", 100), wait(8000)], { options: { keepalive: true } });
  const client = timedWire(t).filter((l) => l.includes(" client "));

  it("9 probes A 1000/5001 at 7200, 7275, …, 7800 s, then RA 1001/5001 at 7875 s", () => {
    expect(client.slice(2)).toEqual([
      "7200.000 client A 1000/5001",
      "7275.000 client A 1000/5001",
      "7350.000 client A 1000/5001",
      "7425.000 client A 1000/5001",
      "7500.000 client A 1000/5001",
      "7575.000 client A 1000/5001",
      "7650.000 client A 1000/5001",
      "7725.000 client A 1000/5001",
      "7800.000 client A 1000/5001",
      "7875.000 client RA 1001/5001",
    ]);
  });

  it("the client reports SO_ERROR ETIMEDOUT and is CLOSED at 7875 s; the server, reset, ECONNRESET", () => {
    expect(timedErrors(t)).toEqual(["7875.000 client SO_ERROR ETIMEDOUT", "7875.000 server SO_ERROR ECONNRESET"]);
    expect(timedPath(t, "client").at(-1)).toBe("7875.000 CLOSED");
    expect(t.final).toEqual({ client: "CLOSED", server: "CLOSED" });
  });

  it("custom timers {idle:10, interval:2, probes:3}: probes at 10, 12, 14 s, RA at 16 s", () => {
    const s = run([...HANDSHAKE, lose("server", "A", 100), wait(20)], {
      options: { keepalive: { idle: 10, interval: 2, probes: 3 } },
    });
    expect(timedWire(s).filter((l) => l.includes(" client ")).slice(2)).toEqual([
      "10.000 client A 1000/5001",
      "12.000 client A 1000/5001",
      "14.000 client A 1000/5001",
      "16.000 client RA 1001/5001",
    ]);
  });
});

describe("CLOSE_WAIT, keepalive on", () => {
  it("CLOSE_WAIT probes 7200 s after the FIN (A 5000/1002), the half-closed FIN_WAIT_2 client 7200 s after the ACK of it", () => {
    const t = run([...HANDSHAKE, shutdown("client"), wait(7300)], { options: { keepalive: true } });
    expect(timedWire(t).slice(5)).toEqual([
      "7200.000 server A 5000/1002",
      "7200.000 client A 1002/5001",
      "7200.040 client A 1001/5001",
      "7200.040 server A 5001/1002",
    ]);
    expect(t.final).toEqual({ client: "FIN_WAIT_2", server: "CLOSE_WAIT" });
    expect(errors(t)).toEqual([]);
  });
});
