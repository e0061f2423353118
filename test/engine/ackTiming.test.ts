/**
 * When the receiver acknowledges: a FIN that arrives beyond a gap, and Linux's interactive (ping-pong) mode.
 * Both were found differing from Linux while writing the behaviour tests, and the engine was corrected.
 */
import { describe, expect, it } from "vitest";
import { HANDSHAKE, close, lose, run, send, timedPath, timedWire, wait } from "./dsl";

describe("ESTABLISHED receives a FIN beyond RCV.NXT (the data before it was lost)", () => {
  // RFC 9293 §3.10.7.4, first check: "Segments with higher beginning sequence numbers SHOULD be held for later
  // processing (SHLD-31)". RFC 5681 §4.2: "A TCP receiver SHOULD send an immediate duplicate ACK when an
  // out-of-order segment arrives" and "an immediate ACK ... when the incoming segment fills in all or part of a gap".
  // Linux: tcp_data_queue() sends a bare FIN with seq > rcv_nxt (end_seq = seq + 1) to tcp_data_queue_ofo(), which
  // queues it and schedules an ACK that __tcp_ack_snd_check() sends at once ("We have out of order data");
  // when the retransmission fills the gap, tcp_ofo_queue() delivers the queued FIN (tcp_fin → CLOSE_WAIT) and
  // ICSK_ACK_NOW acks everything, FIN included, at once.

  it("the out-of-order FIN is held and dup-acked (A 5001/1001); the gap-filling retransmission is acked with 1102 at once", () => {
    const t = run([...HANDSHAKE, lose("client", "PA"), send("client", 100), close("client"), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 1001/5001 len 100 lost",
      "0.000 client FA 1101/5001",
      "0.000 server A 5001/1001",
      "0.200 client PA 1001/5001 len 100",
      "0.200 server A 5001/1102",
    ]);
    expect(timedPath(t, "server").at(-1)).toBe("0.200 CLOSE_WAIT");
    expect(timedPath(t, "client").slice(-2)).toEqual(["0.000 FIN_WAIT_1", "0.200 FIN_WAIT_2"]);
  });

  it("with out-of-order data before the FIN, each out-of-order segment, FIN included, draws a duplicate ACK", () => {
    const t = run([
      ...HANDSHAKE,
      lose("client", "PA"),
      send("client", 100),
      send("client", 100),
      close("client"),
      wait(1),
    ]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 1001/5001 len 100 lost",
      "0.000 client PA 1101/5001 len 100",
      "0.000 server A 5001/1001",
      "0.000 client FA 1201/5001",
      "0.000 server A 5001/1001",
      "0.200 client PA 1001/5001 len 100",
      "0.200 server A 5001/1202",
    ]);
    expect(t.final).toEqual({ client: "FIN_WAIT_2", server: "CLOSE_WAIT" });
  });
});

describe("ESTABLISHED request/response: Linux's interactive (ping-pong) mode delays the next ACK", () => {
  // RFC 9293 §3.8.6.3 and RFC 1122 §4.2.3.2 leave the ACK delay to the implementation (SHOULD delay, at most
  // 0.5 s), so Linux's default applies. Linux tcp_event_data_sent() (net/ipv4/tcp_output.c): "If it is a reply
  // for ato after last received packet, increase pingpong count"; inet_csk_in_pingpong_mode() is true once the
  // count reaches net.ipv4.tcp_pingpong_thresh, default 1 (Documentation/networking/ip-sysctl.rst). In that mode
  // tcp_in_quickack_mode() is false, so __tcp_ack_snd_check() sends the next ACK via tcp_send_delayed_ack()
  // (TCP_ATO_MIN, 40 ms) instead of at once.
  //
  // Here the server answers the client's 100 bytes at once (a reply within ato: the server is now interactive),
  // and the client answers that at once too. The server's ACK of the client's 50 bytes is then delayed.

  it("client 100, server replies 200, client replies 50 → the server's ACK of the 50 bytes comes at 0.040", () => {
    const t = run([...HANDSHAKE, send("client", 100), send("server", 200), send("client", 50), wait(1)]);
    expect(timedWire(t).slice(3)).toEqual([
      "0.000 client PA 1001/5001 len 100",
      "0.000 server A 5001/1101",
      "0.000 server PA 5001/1101 len 200",
      "0.000 client A 1101/5201",
      "0.000 client PA 1101/5201 len 50",
      "0.040 server A 5201/1151",
    ]);
  });
});
