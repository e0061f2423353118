/**
 * Binding the service port while an old connection on it sits in TIME_WAIT: EADDRINUSE, unless both the old socket
 * and the new one set SO_REUSEADDR (Linux inet_csk_bind_conflict). The old connection keeps running in the kernel.
 */
import { describe, expect, it } from "vitest";
import {
  HANDSHAKE,
  backgroundStates,
  bind,
  close,
  connect,
  errors,
  listen,
  path,
  run,
  timedErrors,
  wait,
  wire,
} from "./dsl";

/** The server closes first and so holds the TIME_WAIT; the client's port is long gone. */
const SERVER_ACTIVE_CLOSE = [...HANDSHAKE, close("server"), close("client")];

describe("TIME_WAIT holds the port", () => {
  it("bind on the server while its old connection is in TIME_WAIT → EADDRINUSE", () => {
    const t = run([...SERVER_ACTIVE_CLOSE, bind("server")]);
    expect(errors(t)).toEqual(["server bind EADDRINUSE"]);
    expect(t.final.server).toBe("TIME_WAIT");
  });

  it("listen again (which binds the port) → EADDRINUSE", () => {
    const t = run([...SERVER_ACTIVE_CLOSE, listen("server")]);
    expect(errors(t)).toEqual(["server listen EADDRINUSE"]);
    expect(t.final.server).toBe("TIME_WAIT");
  });

  it("SO_REUSEADDR on the new socket alone is not enough → EADDRINUSE, and listen too", () => {
    const t = run([...SERVER_ACTIVE_CLOSE, bind("server", true), listen("server")]);
    expect(errors(t)).toEqual(["server bind EADDRINUSE", "server listen EADDRINUSE"]);
  });

  it("still refused 59 s later; after 60 s the TIME_WAIT is gone and listen succeeds", () => {
    const early = run([...SERVER_ACTIVE_CLOSE, wait(59), listen("server")]);
    expect(timedErrors(early)).toEqual(["59.000 server listen EADDRINUSE"]);
    const late = run([...SERVER_ACTIVE_CLOSE, wait(60), listen("server")]);
    expect(errors(late)).toEqual([]);
    expect(path(late, "server").slice(-3)).toEqual(["TIME_WAIT", "CLOSED", "LISTEN"]);
  });

  it("a client-side active close leaves the TIME_WAIT on the client: the server listens again at once", () => {
    const t = run([...HANDSHAKE, close("client"), close("server"), listen("server")]);
    expect(errors(t)).toEqual([]);
    expect(t.final).toEqual({ client: "TIME_WAIT", server: "LISTEN" });
  });
});

describe("SO_REUSEADDR on both sockets", () => {
  const REUSE = [
    bind("server", true),
    listen("server"),
    connect("client"),
    close("server"),
    close("client"),
    bind("server", true),
    listen("server"),
  ];

  it("the new bind and listen succeed while the old connection is in TIME_WAIT: server LISTEN", () => {
    const t = run(REUSE);
    expect(errors(t)).toEqual([]);
    expect(t.final.server).toBe("LISTEN");
    expect(path(t, "server").slice(-3)).toEqual(["FIN_WAIT_1", "TIME_WAIT", "LISTEN"]);
  });

  it("the old connection still times out in the background, 60 s after its close", () => {
    const t = run([...REUSE, wait(100)]);
    expect(backgroundStates(t, "server")).toEqual(["60.000 TIME_WAIT→CLOSED"]);
    expect(t.final.server).toBe("LISTEN");
  });

  it("the new listener accepts a new connection meanwhile (fresh ISNs), and the old TIME_WAIT ends on time", () => {
    const t = run([...REUSE, wait(10), connect("client"), wait(100)]);
    const fresh = wire(t, 8);
    expect(fresh.map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(["client S", "server SA", "client A"]);
    expect(fresh).not.toContain("client S 1000/0");
    expect(backgroundStates(t, "server")).toEqual(["60.000 TIME_WAIT→CLOSED"]);
    expect(t.final).toEqual({ client: "ESTABLISHED", server: "ESTABLISHED" });
  });
});
