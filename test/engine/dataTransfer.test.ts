/**
 * Data in ESTABLISHED and in the half-closed states: segmentation by MSS, the ACKs (quick-ack at the start of a
 * connection, delayed afterwards: RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2, Linux __tcp_ack_snd_check), and the
 * half-close (RFC 9293 §3.6: a side that has sent FIN keeps receiving).
 */
import { describe, expect, it } from "vitest";
import {
  HANDSHAKE,
  close,
  lose,
  path,
  read,
  reads,
  run,
  send,
  shutdown,
  timedWire,
  timerSegments,
  wait,
  wire,
} from "./dsl";

describe("ESTABLISHED: sending data", () => {
  it("client sends 100 bytes → PA 1001/5001 len 100; server acks at once with A 5001/1101 (quick-ack)", () => {
    const t = run([...HANDSHAKE, send("client", 100)]);
    expect(timedWire(t).slice(3)).toEqual(["0.000 client PA 1001/5001 len 100", "0.000 server A 5001/1101"]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });

  it("data both ways, a second apart: every segment acked at once, seq and ack advance by the bytes", () => {
    const t = run([...HANDSHAKE, send("client", 100), wait(1), send("server", 200), wait(1), send("client", 50)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 1001/5001 len 100",
      "0.000 server A 5001/1101",
      "1.000 server PA 5001/1101 len 200",
      "1.000 client A 1101/5201",
      "2.000 client PA 1101/5201 len 50",
      "2.000 server A 5201/1151",
    ]);
  });

  it("4000 bytes go out as 1460 + 1460 + 1080 (MSS 1460), each acked at once", () => {
    const t = run([...HANDSHAKE, send("client", 4000)]);
    expect(wire(t, 2)).toEqual([
      "client PA 1001/5001 len 1460",
      "client PA 2461/5001 len 1460",
      "client PA 3921/5001 len 1080",
      "server A 5001/2461",
      "server A 5001/3921",
      "server A 5001/5001",
    ]);
  });

  it("the mss option changes the split: 1000 bytes with mss 536 → 536 + 464", () => {
    const t = run([...HANDSHAKE, send("client", 1000)], { options: { mss: 536 } });
    expect(wire(t, 2)).toEqual([
      "client PA 1001/5001 len 536",
      "client PA 1537/5001 len 464",
      "server A 5001/1537",
      "server A 5001/2001",
    ]);
  });

  it("quick-ack ends after 16 data segments: the 17th is acked by the delayed-ACK timer 40 ms later", () => {
    const sends = Array.from({ length: 17 }, () => send("client", 100));
    const t = run([...HANDSHAKE, ...sends, wait(1)]);
    const acks = wire(t).filter((l) => l.startsWith("server A"));
    expect(acks).toHaveLength(17);
    expect(acks[15]).toBe("server A 5001/2601");
    expect(timerSegments(t)).toEqual(["0.040 server A 5001/2701 (delayedAck)"]);
  });

  it("with delayedAck:false every segment is acked at once, even after quick-ack would have ended", () => {
    const sends = Array.from({ length: 17 }, () => send("client", 100));
    const t = run([...HANDSHAKE, ...sends, wait(1)], { options: { delayedAck: false } });
    expect(timerSegments(t)).toEqual([]);
    expect(wire(t).filter((l) => l.startsWith("server A")).at(-1)).toBe("server A 5001/2701");
  });
});

describe("ESTABLISHED: reading", () => {
  it("with autoRead:false data waits for read: one read returns everything received (150), the next 0", () => {
    const t = run([...HANDSHAKE, send("client", 100), send("client", 50), read("server"), read("server")], {
      options: { autoRead: false },
    });
    expect(reads(t)).toEqual(["server read 150", "server read 0"]);
  });

  it("after the peer's FIN and all data read, read returns EOF (0 with eof)", () => {
    const t = run([...HANDSHAKE, send("client", 100), close("client"), read("server"), read("server")], {
      options: { autoRead: false },
    });
    expect(reads(t)).toEqual(["server read 100", "server read EOF"]);
  });
});

describe("half-close: FIN_WAIT_2 keeps receiving, CLOSE_WAIT keeps sending", () => {
  const HALF_CLOSE = [...HANDSHAKE, shutdown("client"), wait(1), send("server", 300)];

  it("client shutdown → FIN_WAIT_2; server in CLOSE_WAIT sends 300 bytes; the client acks them at once", () => {
    const t = run(HALF_CLOSE);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client FA 1001/5001",
      "0.040 server A 5001/1002",
      "1.000 server PA 5001/1002 len 300",
      "1.000 client A 1002/5301",
    ]);
    expect(path(t, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2"]);
    expect(path(t, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT"]);
  });

  it("the half-closed client reads the 300 bytes, then the server's FIN as EOF; the server's FIN seq is 5301", () => {
    const t = run([...HALF_CLOSE, read("client"), wait(1), close("server"), read("client")]);
    expect(reads(t)).toEqual(["client read 300", "client read EOF"]);
    expect(timedWire(t).slice(7)).toEqual(["2.000 server FA 5301/1002", "2.000 client A 1002/5302"]);
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
  });

  it("a lost segment to the half-closed client is retransmitted from CLOSE_WAIT after 200 ms", () => {
    const t = run([...HANDSHAKE, shutdown("client"), wait(1), lose("server", "PA"), send("server", 300), wait(1)]);
    expect(timedWire(t).slice(5)).toEqual([
      "1.000 server PA 5001/1002 len 300 lost",
      "1.200 server PA 5001/1002 len 300",
      "1.200 client A 1002/5301",
    ]);
  });
});

describe("out-of-order data", () => {
  it("first of three segments lost → a duplicate A 5001/1001 per later segment; the retransmission fills the gap, acked at once", () => {
    const t = run([...HANDSHAKE, lose("client", "PA"), send("client", 3000), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 1001/5001 len 1460 lost",
      "0.000 client PA 2461/5001 len 1460",
      "0.000 client PA 3921/5001 len 80",
      "0.000 server A 5001/1001",
      "0.000 server A 5001/1001",
      "0.200 client PA 1001/5001 len 1460",
      "0.200 server A 5001/4001",
    ]);
  });
});
