/**
 * Socket calls the state does not allow fail with the errno Linux returns; the error is recorded as an event and
 * the scenario goes on (the connection is unaffected).
 */
import { describe, expect, it } from "vitest";
import {
  HANDSHAKE,
  abort,
  bind,
  close,
  connect,
  errors,
  listen,
  lose,
  read,
  reads,
  run,
  send,
  shutdown,
  timedErrors,
  wait,
  wire,
} from "./dsl";

describe("after close(): the descriptor is gone", () => {
  it("send, read, shutdown, close and abort all fail with EBADF; the close still completes on the wire", () => {
    const t = run([
      ...HANDSHAKE,
      close("client"),
      send("client", 10),
      read("client"),
      shutdown("client"),
      close("client"),
      abort("client"),
      wait(1),
      close("server"),
    ]);
    expect(errors(t)).toEqual([
      "client send EBADF",
      "client read EBADF",
      "client shutdown EBADF",
      "client close EBADF",
      "client abort EBADF",
    ]);
    expect(wire(t, 2)).toEqual([
      "client FA 1001/5001",
      "server A 5001/1002",
      "server FA 5001/1002",
      "client A 1002/5002",
    ]);
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
  });

  it("a side that never created a socket has no descriptor either: read → EBADF", () => {
    const t = run([read("client")]);
    expect(errors(t)).toEqual(["client read EBADF"]);
  });
});

describe("after shutdown(): the send direction is closed", () => {
  it("send → EPIPE, nothing sent; read still works (0 bytes, no EOF yet)", () => {
    const t = run([...HANDSHAKE, shutdown("client"), send("client", 10), read("client")]);
    expect(errors(t)).toEqual(["client send EPIPE"]);
    expect(wire(t, 2)).toEqual(["client FA 1001/5001"]);
    expect(reads(t)).toEqual(["client read 0"]);
  });

  it("in FIN_WAIT_2 too, and the peer's data still arrives and is read", () => {
    const t = run([...HANDSHAKE, shutdown("client"), wait(1), send("client", 10), send("server", 30), read("client")]);
    expect(errors(t)).toEqual(["client send EPIPE"]);
    expect(reads(t)).toEqual(["client read 30"]);
  });

  it("a second shutdown does nothing", () => {
    const t = run([...HANDSHAKE, shutdown("client"), shutdown("client")]);
    expect(errors(t)).toEqual([]);
    expect(wire(t, 2)).toEqual(["client FA 1001/5001"]);
  });
});

describe("a socket that never connected", () => {
  it("read on a bound, unconnected socket → ENOTCONN", () => {
    const t = run([bind("client"), read("client")]);
    expect(errors(t)).toEqual(["client read ENOTCONN"]);
  });

  it("read on a listening socket → ENOTCONN", () => {
    const t = run([listen("server"), read("server")]);
    expect(errors(t)).toEqual(["server read ENOTCONN"]);
    expect(t.final.server).toBe("LISTEN");
  });

  it("send on a listening socket → EPIPE (Linux sk_stream_wait_connect)", () => {
    const t = run([listen("server"), send("server", 10)]);
    expect(errors(t)).toEqual(["server send EPIPE"]);
    expect(wire(t)).toEqual([]);
  });

  it("shutdown on a bound, unconnected socket → ENOTCONN", () => {
    const t = run([bind("client"), shutdown("client")]);
    expect(errors(t)).toEqual(["client shutdown ENOTCONN"]);
  });

  it("after a refused connect, read → ENOTCONN (the connection never existed)", () => {
    const t = run([connect("client"), read("client")]);
    expect(errors(t)).toEqual(["client connect ECONNREFUSED", "client read ENOTCONN"]);
  });
});

describe("connect on a socket that is connecting or connected", () => {
  it("connect again in SYN_SENT → EALREADY; once ESTABLISHED → EISCONN; the handshake is unaffected", () => {
    const t = run([
      listen("server"),
      lose("server", "SA"),
      connect("client"),
      connect("client"),
      wait(1),
      connect("client"),
    ]);
    expect(timedErrors(t)).toEqual(["0.000 client connect EALREADY", "1.000 client connect EISCONN"]);
    expect(wire(t)).toEqual([
      "client S 1000/0",
      "server SA 5000/1001 lost",
      "client S 1000/0",
      "server SA 5000/1001",
      "client A 1001/5001",
    ]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });

  it("connect after the connection was reset → EISCONN (the socket cannot be reused)", () => {
    const t = run([...HANDSHAKE, abort("server"), connect("client")]);
    expect(errors(t)).toEqual(["client SO_ERROR ECONNRESET", "client connect EISCONN"]);
    expect(wire(t, 3)).toEqual([]);
  });

  it("connect on a listening socket → EISCONN", () => {
    const t = run([listen("server"), connect("server")]);
    expect(errors(t)).toEqual(["server connect EISCONN"]);
  });
});

describe("listen and bind on the wrong socket", () => {
  it("listen on a connected socket → EINVAL, on both sides; the connection carries on", () => {
    const t = run([...HANDSHAKE, listen("client"), listen("server"), send("client", 10)]);
    expect(errors(t)).toEqual(["client listen EINVAL", "server listen EINVAL"]);
    expect(wire(t, 4)).toEqual(["client PA 1001/5001 len 10", "server A 5001/1011"]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });

  it("listen twice on a listener is allowed (no error)", () => {
    const t = run([listen("server"), listen("server")]);
    expect(errors(t)).toEqual([]);
  });

  it("bind on a socket already bound → EINVAL", () => {
    const t = run([bind("server"), bind("server")]);
    expect(errors(t)).toEqual(["server bind EINVAL"]);
  });

  it("bind on a listening socket → EINVAL", () => {
    const t = run([listen("server"), bind("server")]);
    expect(errors(t)).toEqual(["server bind EINVAL"]);
  });
});
