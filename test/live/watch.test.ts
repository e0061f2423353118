import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { WatchView } from "../../src/game/live/view";
import { ProjectorViewSchema } from "../../src/live/protocol";
import { fromThisMachine, isLocalAddress } from "../../src/live/server";
import { joinAs, PIN, type TestServer, testServer, TestSocket } from "./harness";

/**
 * The PIN on `/watch` (issue 8): the projector's view carries it for the wall, but only a watcher on the host's own
 * machine is sent it; any other gets `join.pin: null`, so that whoever can reach the port cannot read the PIN there.
 */

let running: TestServer[] = [];

async function serve(...args: Parameters<typeof testServer>): Promise<TestServer> {
  const t = await testServer(...args);
  running.push(t);
  return t;
}

afterEach(async () => {
  for (const t of running) {
    await t.server.close();
    expect(t.errors).toEqual([]);
  }
  running = [];
});

/** This machine's first IPv4 address that is not loopback, if it has one (a test machine may have none). */
const external = Object.values(networkInterfaces())
  .flat()
  .find((a) => a !== undefined && a.family === "IPv4" && !a.internal)?.address;

/** The first views a /watch socket gets, opened from `localAddress` (the system picks when absent). */
async function watchFrom(url: string, localAddress?: string): Promise<{ views: WatchView[]; next: () => Promise<WatchView>; close: () => void }> {
  const ws = new WebSocket(url, localAddress === undefined ? {} : { localAddress });
  const views: WatchView[] = [];
  let wake: (() => void) | undefined;
  ws.on("message", (data) => {
    views.push(JSON.parse(data.toString()) as WatchView);
    wake?.();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  let read = 0;
  const next = async (): Promise<WatchView> => {
    while (views.length <= read) await new Promise<void>((resolve) => (wake = resolve));
    return views[read++] as WatchView;
  };
  return { views, next, close: () => ws.close() };
}

describe("isLocalAddress: loopback, and nothing else", () => {
  it.each([
    "127.0.0.1",
    "127.0.0.53",
    "127.1.2.3",
    "127.255.255.255",
    "::1",
    "0:0:0:0:0:0:0:1",
    "0000:0000:0000:0000:0000:0000:0000:0001",
    "::ffff:127.0.0.1",
    "::FFFF:127.9.8.7",
    "::ffff:7f00:1",
    "0:0:0:0:0:ffff:127.0.0.1",
  ])("%s is loopback", (ip) => {
    expect(isLocalAddress(ip)).toBe(true);
  });

  it.each([
    // IPv4 beside 127/8
    "126.255.255.255",
    "128.0.0.1",
    "10.0.0.7",
    "192.168.1.20",
    "0.0.0.0",
    "255.255.255.255",
    // IPv6 that is not ::1
    "::",
    "::2",
    "fe80::1",
    "fd00::2",
    "2001:db8::1",
    "::1:0",
    // other IPv4 mapped into IPv6, and loopback only embedded in some other way
    "::ffff:10.0.0.7",
    "::ffff:192.168.1.20",
    "::ffff:c0a8:114",
    "::127.0.0.1",
    "64:ff9b::127.0.0.1",
    // not addresses at all
    "",
    "localhost",
    "unknown",
    "127.0.0.1.example.org",
    "127.0.0.1:8080",
    "[::1]",
    "0x7f000001",
  ])("%s is not", (ip) => {
    expect(isLocalAddress(ip)).toBe(false);
  });
});

describe("fromThisMachine: a connection's two ends", () => {
  it("from loopback, whichever address it reached", () => {
    expect(fromThisMachine("127.0.0.1", "127.0.0.1")).toBe(true);
    expect(fromThisMachine("::ffff:127.0.0.1", "::ffff:192.168.1.20")).toBe(true);
    expect(fromThisMachine("::1", undefined)).toBe(true);
  });

  it("from the very address it reached: a browser on the host's laptop opening the LAN address", () => {
    expect(fromThisMachine("192.168.1.20", "192.168.1.20")).toBe(true);
    // A server listening on "::" sees IPv4 peers mapped, and may see either form on either end.
    expect(fromThisMachine("::ffff:192.168.1.20", "::ffff:192.168.1.20")).toBe(true);
    expect(fromThisMachine("::ffff:192.168.1.20", "192.168.1.20")).toBe(true);
    expect(fromThisMachine("fd00::2", "fd00::2")).toBe(true);
  });

  it("from anywhere else: another machine, or an end unknown", () => {
    expect(fromThisMachine("192.168.1.21", "192.168.1.20")).toBe(false);
    expect(fromThisMachine("::ffff:10.0.0.7", "::ffff:10.0.0.8")).toBe(false);
    expect(fromThisMachine("10.0.0.7", "127.0.0.1")).toBe(false);
    expect(fromThisMachine("fd00::3", "fd00::2")).toBe(false);
    expect(fromThisMachine(undefined, "192.168.1.20")).toBe(false);
    expect(fromThisMachine("192.168.1.20", undefined)).toBe(false);
    expect(fromThisMachine("unknown", "unknown")).toBe(false);
    expect(fromThisMachine("", "")).toBe(false);
  });
});

describe("/watch and the PIN, over real sockets", () => {
  it("a watcher on loopback gets the PIN, at once and in every later view", async () => {
    const t = await serve({ address: "10.1.2.3:8123" });
    const watch = await TestSocket.open(t.url("/watch"));
    const first = await watch.projector();
    expect(first.join).toEqual({ address: "10.1.2.3:8123", pin: PIN });
    expect(ProjectorViewSchema.parse(first)).toEqual(first);
    await joinAs(t, "Ann");
    expect((await watch.projector((v) => v.players.joined === 1)).join.pin).toBe(PIN);
    t.server.start();
    expect((await watch.projector((v) => v.phase === "question")).join.pin).toBe(PIN);
    // The host's own view always has it.
    expect(t.server.view().join.pin).toBe(PIN);
  });

  it.skipIf(external === undefined)(
    "a watcher from another address gets the view without the PIN, while one on loopback still gets it",
    async () => {
      // The server on loopback, the watcher's end on the machine's LAN address: neither loopback nor the address it
      // reached, as a student's laptop would be.
      const t = await serve();
      const outside = await watchFrom(t.url("/watch"), external);
      const inside = await watchFrom(t.url("/watch"));
      const first = await outside.next();
      expect(first).toEqual({ ...t.server.view(), join: { address: t.server.address, pin: null } });
      expect(JSON.stringify(outside.views)).not.toContain(PIN);
      expect((await inside.next()).join.pin).toBe(PIN);

      // Every later view too, while the loopback watcher's views keep it.
      await joinAs(t, "Ann");
      t.server.start();
      let seen: WatchView;
      do seen = await outside.next();
      while (seen.phase !== "question");
      expect(seen.join.pin).toBeNull();
      expect(seen.question?.number).toBe(1);
      expect(JSON.stringify(outside.views)).not.toContain(PIN);
      do seen = await inside.next();
      while (seen.phase !== "question");
      expect(seen.join.pin).toBe(PIN);
      expect(t.server.view().join.pin).toBe(PIN);
      outside.close();
      inside.close();
    },
  );

  it.skipIf(external === undefined)(
    "a watcher on the host's machine that opened its LAN address (as the host's screen shows it) gets the PIN",
    async () => {
      const t = await serve({ bind: external });
      const watch = await watchFrom(`ws://${external}:${t.server.port}/watch`);
      expect((await watch.next()).join.pin).toBe(PIN);
      watch.close();
    },
  );
});
