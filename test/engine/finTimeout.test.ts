/**
 * An orphaned FIN_WAIT_2 (the application called close(), the peer never sends its FIN) lives tcp_fin_timeout
 * (60 s) from entering FIN_WAIT_2, then disappears without a segment (Linux tcp_rcv_state_process → tcp_time_wait
 * with TCP_FIN_WAIT2, tcp_close). It is not the TIME_WAIT length. After shutdown() the application still holds
 * the socket, and FIN_WAIT_2 lasts as long as the peer keeps its half open.
 */
import { describe, expect, it } from "vitest";
import { HANDSHAKE, close, errors, run, shutdown, timedPath, timedWire, wait } from "./dsl";

describe("orphaned FIN_WAIT_2", () => {
  it("client close(), server never closes → CLOSED 60 s after entering FIN_WAIT_2 (0.04 → 60.04), with timeWait 30", () => {
    const t = run([...HANDSHAKE, close("client"), wait(100)], { options: { timeWait: 30 } });
    expect(timedPath(t, "client").slice(-3)).toEqual(["0.000 FIN_WAIT_1", "0.040 FIN_WAIT_2", "60.040 CLOSED"]);
    expect(timedWire(t).slice(3)).toEqual(["0.000 client FA 1001/5001", "0.040 server A 5001/1002"]);
    expect(errors(t)).toEqual([]);
    expect(t.final).toEqual({ client: "CLOSED", server: "CLOSE_WAIT" });
  });

  it("still FIN_WAIT_2 at 60.039 s", () => {
    const t = run([...HANDSHAKE, close("client"), wait(60.039)]);
    expect(t.final.client).toBe("FIN_WAIT_2");
  });

  it("options.finTimeout: 10 → CLOSED at 10.04", () => {
    const t = run([...HANDSHAKE, close("client"), wait(100)], { options: { finTimeout: 10 } });
    expect(timedPath(t, "client").at(-1)).toBe("10.040 CLOSED");
  });

  it("shutdown() first, close() at 10 s while in FIN_WAIT_2 → the timeout runs from the close: CLOSED at 70 s", () => {
    const t = run([...HANDSHAKE, shutdown("client"), wait(10), close("client"), wait(100)]);
    expect(timedPath(t, "client").slice(-2)).toEqual(["0.040 FIN_WAIT_2", "70.000 CLOSED"]);
  });

  it("the peer's FIN within the timeout still completes the close normally (TIME_WAIT)", () => {
    const t = run([...HANDSHAKE, close("client"), wait(30), close("server")]);
    expect(timedWire(t).slice(5)).toEqual(["30.000 server FA 5001/1002", "30.000 client A 1002/5002"]);
    expect(timedPath(t, "client").at(-1)).toBe("30.000 TIME_WAIT");
  });
});

describe("FIN_WAIT_2 after shutdown()", () => {
  it("persists: still FIN_WAIT_2 after 1000 s, nothing sent", () => {
    const t = run([...HANDSHAKE, shutdown("client"), wait(1000)]);
    expect(t.final).toEqual({ client: "FIN_WAIT_2", server: "CLOSE_WAIT" });
    expect(timedWire(t).slice(3)).toEqual(["0.000 client FA 1001/5001", "0.040 server A 5001/1002"]);
  });
});
