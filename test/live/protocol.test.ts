import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { replayChallenge } from "../../src/game/challenge";
import type { PlayerView } from "../../src/game/live";
import { liveUrl } from "../../src/live/address";
import { type ClientAnswerOutcome, joinLive, type LiveClient, type LiveStatus } from "../../src/live/client";
import { CLOSE, closeReason, PlayerViewSchema, ProjectorViewSchema, ServerMessage } from "../../src/live/protocol";
import { joinAs, PIN, Relay, ROUND, SPEC, type TestServer, testServer, TestSocket } from "./harness";

/**
 * The live round's protocol, over real sockets on 127.0.0.1: what a student's terminal and the projector page may
 * send, what they get back, and how the host defends itself.
 */

let running: TestServer[] = [];
let cleanups: (() => unknown)[] = [];

async function serve(...args: Parameters<typeof testServer>): Promise<TestServer> {
  const t = await testServer(...args);
  running.push(t);
  return t;
}

afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
  for (const t of running) {
    await t.server.close();
    expect(t.errors).toEqual([]);
  }
  running = [];
});

const changed = (t: TestServer, test: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    if (test()) return resolve();
    const off = t.server.onChange(() => {
      if (test()) {
        off();
        resolve();
      }
    });
  });

const rightOf = (t: TestServer, k: number): number => t.server.room.slots[k]?.correct ?? -1;
const wrongOf = (t: TestServer, k: number): number => (rightOf(t, k) === 0 ? 1 : 0);

describe("the projector page and the HTTP port", () => {
  it("serves the page at / and /index.html, not cached, its script only talking back to this server", async () => {
    const t = await serve();
    for (const path of ["/", "/index.html"]) {
      const response = await fetch(`http://127.0.0.1:${t.server.port}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-security-policy")).toBe(
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
      );
      expect(await response.text()).toMatch(/^<!doctype html>/i);
    }
  });

  it("answers anything else with 404", async () => {
    const t = await serve();
    for (const [method, path] of [["GET", "/favicon.ico"], ["GET", "/play"], ["POST", "/"], ["GET", "/../etc/passwd"]] as const) {
      expect((await fetch(`http://127.0.0.1:${t.server.port}${path}`, { method })).status).toBe(404);
    }
  });

  it("refuses a WebSocket on any other path", async () => {
    const t = await serve();
    const ws = new WebSocket(t.url("/other"));
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on("unexpected-response", (_request, response) => resolve(response.statusCode));
      ws.on("error", () => resolve(undefined));
    });
    expect(status).toBe(404);
  });

  it("/watch gets the projector's view at once and on every change, and is closed if it says anything", async () => {
    const t = await serve({ address: "10.1.2.3:8123" });
    const watch = await TestSocket.open(t.url("/watch"));
    const first = await watch.projector();
    expect(ProjectorViewSchema.parse(first)).toEqual(first);
    expect(t.server.view()).toEqual(first);
    expect(first).toEqual({
      phase: "lobby",
      lang: "en",
      join: { address: "10.1.2.3:8123", pin: PIN },
      players: { connected: 0, joined: 0 },
      leaderboard: [],
    });
    await joinAs(t, "Ann");
    await watch.projector((v) => v.players.joined === 1);
    t.server.start();
    const open = await watch.projector((v) => v.phase === "question");
    expect(open.question).toMatchObject({ number: 1, total: t.server.room.slots.length, seconds: 60, answered: 0 });
    expect(open.question?.ladder.length).toBeGreaterThan(1);
    expect(open.reveal).toBeUndefined();
    t.server.next();
    const closed = await watch.projector((v) => v.phase === "reveal");
    expect(closed.reveal).toMatchObject({ correct: rightOf(t, 0), distribution: open.question?.choices.map(() => 0) });
    watch.send({ type: "answer", question: 1, choice: 0 });
    expect(await watch.closed).toEqual({ code: CLOSE.policy, reason: "/watch is read-only" });
  });
});

describe("joining", () => {
  it("welcomes a player with their name and a token, then shows them the lobby", async () => {
    const t = await serve();
    const { socket, welcome } = await joinAs(t, "  Ann  ");
    expect(welcome).toEqual({ type: "welcome", name: "Ann", token: "token-1", resumed: false });
    const view = await socket.view();
    expect(PlayerViewSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({ phase: "lobby", you: { name: "Ann", place: 1, score: 0 }, players: { connected: 1, joined: 1 } });
    expect(ServerMessage.safeParse(socket.messages[0]).success).toBe(true);
  });

  it("makes a duplicate name unique", async () => {
    const t = await serve();
    await joinAs(t, "Ann");
    expect((await joinAs(t, "Ann")).welcome.name).toBe("Ann 2");
  });

  it("refuses a wrong PIN and closes; too many wrong PINs from one address refuse even the right one for a while", async () => {
    const t = await serve({ limits: { wrongPins: 2 } });
    for (let i = 0; i < 3; i++) {
      const socket = await TestSocket.open(t.url("/play"));
      socket.send({ type: "join", pin: "000000", name: "Eve" });
      expect(await socket.message("refused")).toMatchObject({ reason: "pin" });
      expect(await socket.closed).toEqual({ code: CLOSE.wrongPin, reason: "wrong PIN" });
    }
    const socket = await TestSocket.open(t.url("/play"));
    socket.send({ type: "join", pin: PIN, name: "Eve" });
    expect(await socket.message("refused")).toMatchObject({ reason: "rate" });
    expect((await socket.closed).code).toBe(CLOSE.rateLimited);
    t.clock.advance(60_000);
    expect((await joinAs(t, "Eve")).welcome.name).toBe("Eve");
  });

  it("limits joins per address, but never a rejoin with its token", async () => {
    const t = await serve({ limits: { joins: 2 } });
    const ann = await joinAs(t, "Ann");
    await joinAs(t, "Bob");
    const third = await TestSocket.open(t.url("/play"));
    third.send({ type: "join", pin: PIN, name: "Cy" });
    expect(await third.message("refused")).toMatchObject({ reason: "rate" });
    ann.socket.close();
    await changed(t, () => t.server.room.players[0]?.connected === false);
    expect((await joinAs(t, "Ann", { token: ann.welcome.token })).welcome).toMatchObject({ name: "Ann", resumed: true });
  });

  it("refuses a new player once the room is full", async () => {
    const t = await serve({ limits: { maxPlayers: 1 } });
    await joinAs(t, "Ann");
    const socket = await TestSocket.open(t.url("/play"));
    socket.send({ type: "join", pin: PIN, name: "Bob" });
    expect(await socket.message("refused")).toMatchObject({ reason: "full" });
    expect((await socket.closed).code).toBe(CLOSE.full);
  });

  it("refuses WebSocket connections beyond its limit with HTTP 503", async () => {
    const t = await serve({ limits: { maxConnections: 2 } });
    await TestSocket.open(t.url("/play"));
    await TestSocket.open(t.url("/watch"));
    const ws = new WebSocket(t.url("/play"));
    const status = await new Promise<number | undefined>((resolve) => {
      ws.on("unexpected-response", (_request, response) => resolve(response.statusCode));
      ws.on("error", () => resolve(undefined));
    });
    expect(status).toBe(503);
  });

  it("refuses a name with control characters", async () => {
    const t = await serve();
    const socket = await TestSocket.open(t.url("/play"));
    socket.send({ type: "join", pin: PIN, name: "\u001b[2J" });
    expect(await socket.message("refused")).toMatchObject({ reason: "name" });
    expect((await socket.closed).code).toBe(CLOSE.badName);
  });

  it("closes a connection that never joins", async () => {
    const t = await serve({ limits: { joinTimeoutMs: 100 } });
    const socket = await TestSocket.open(t.url("/play"));
    expect(await socket.closed).toEqual({ code: CLOSE.policy, reason: "no join" });
    expect(socket.messages).toEqual([]);
  });
});

describe("messages the host does not accept", () => {
  const cases: readonly [string, unknown, number, RegExp][] = [
    ["malformed JSON", "{type: join", CLOSE.malformed, /^not JSON$/],
    ["valid JSON of no message type", { type: "score", points: 9999 }, CLOSE.policy, /^invalid message/],
    ["a join with an extra field", { type: "join", pin: PIN, name: "Ann", score: 5000 }, CLOSE.policy, /^invalid message/],
    ["a number where a string goes", { type: "join", pin: 424242, name: "Ann" }, CLOSE.policy, /^invalid message: pin/],
    ["an answer before joining", { type: "answer", question: 1, choice: 0 }, CLOSE.policy, /^join first$/],
    ["a binary message", Buffer.from([1, 2, 3]), CLOSE.unsupported, /binary/],
    ["JSON null", "null", CLOSE.policy, /^invalid message/],
    ["an oversized message", JSON.stringify({ type: "join", pin: PIN, name: "x".repeat(5000) }), CLOSE.tooBig, /./],
  ];
  for (const [what, message, code, reason] of cases) {
    it(`${what}: closes the connection with ${code} and a reason, the host carries on`, async () => {
      const t = await serve();
      const socket = await TestSocket.open(t.url("/play"));
      socket.send(message);
      const closed = await socket.closed;
      expect(closed.code).toBe(code);
      if (code !== CLOSE.tooBig) expect(closed.reason).toMatch(reason);
      expect((await joinAs(t, "Ann")).welcome.name).toBe("Ann");
    });
  }

  it("a second join on the same connection", async () => {
    const t = await serve();
    const { socket } = await joinAs(t, "Ann");
    socket.send({ type: "join", pin: PIN, name: "Bob" });
    expect(await socket.closed).toEqual({ code: CLOSE.policy, reason: "already joined" });
  });

  it("a barrage of hostile messages from many connections, with players joining and leaving mid-question", async () => {
    const t = await serve();
    const keeper = await joinAs(t, "Keeper");
    t.server.start();
    await keeper.socket.view((v) => v.phase === "question");
    const junk: unknown[] = [
      "",
      "[]",
      "\"join\"",
      "1e999",
      '{"type":"answer","question":1e308,"choice":-0}',
      '{"type":"answer","question":1,"choice":"0"}',
      '{"__proto__":{"type":"join"}}',
      '{"type":"join","pin":"424242","name":"A","lang":"fr"}',
      { type: "join", pin: PIN, name: "B", token: "" },
      "\u0000".repeat(100),
    ];
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const socket = await TestSocket.open(t.url("/play"));
        if (i % 3 === 0) {
          socket.send({ type: "join", pin: PIN, name: `P${i}` });
          await socket.message("welcome");
          socket.send({ type: "answer", question: 1, choice: i % 3 });
          await socket.message("answerResult");
          socket.ws.terminate();
          return;
        }
        socket.send(junk[i % junk.length]);
        await socket.closed;
      }),
    );
    keeper.socket.send({ type: "answer", question: 1, choice: 0 });
    expect(await keeper.socket.message("answerResult")).toMatchObject({ outcome: "accepted" });
    await changed(t, () => t.server.room.phase.kind === "reveal");
    expect(t.server.room.players.filter((p) => p.connected).map((p) => p.name)).toEqual(["Keeper"]);
  });
});

describe("answering", () => {
  it("accepts one answer per question; a second does not count", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann");
    const bob = await joinAs(t, "Bob");
    t.server.start();
    await ann.socket.view((v) => v.phase === "question");
    t.clock.advance(4_000);
    ann.socket.send({ type: "answer", question: 1, choice: wrongOf(t, 0) });
    expect(await ann.socket.message("answerResult")).toEqual({ type: "answerResult", question: 1, outcome: "accepted" });
    ann.socket.send({ type: "answer", question: 1, choice: rightOf(t, 0) });
    expect(await ann.socket.message("answerResult")).toMatchObject({ outcome: "twice" });
    expect(t.server.room.players[0]?.answers[0]).toMatchObject({ choice: wrongOf(t, 0), ms: 4_000, correct: false });
    bob.socket.send({ type: "answer", question: 1, choice: rightOf(t, 0) });
    const reveal = await ann.socket.view((v) => v.phase === "reveal");
    expect(reveal.question?.chosen).toBe(wrongOf(t, 0));
    expect(reveal.reveal).toMatchObject({ right: false, points: 0 });
  });

  it("does not count an answer after the deadline, by the server's clock", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann");
    t.server.start();
    await ann.socket.view((v) => v.phase === "question");
    t.clock.advance(60_000);
    ann.socket.send({ type: "answer", question: 1, choice: rightOf(t, 0) });
    expect(await ann.socket.message("answerResult")).toMatchObject({ outcome: "late" });
    const reveal = await ann.socket.view((v) => v.phase === "reveal");
    expect(reveal.reveal).toMatchObject({ right: false, points: 0 });
    expect(t.server.room.players[0]?.score).toBe(0);
  });

  it("tells an answer to a question not open, or to no question, from an accepted one", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann");
    ann.socket.send({ type: "answer", question: 1, choice: 0 });
    expect(await ann.socket.message("answerResult")).toMatchObject({ outcome: "closed" });
    t.server.start();
    ann.socket.send({ type: "answer", question: 1, choice: 99 });
    expect(await ann.socket.message("answerResult")).toMatchObject({ outcome: "invalid" });
    ann.socket.send({ type: "answer", question: 2, choice: 0 });
    expect(await ann.socket.message("answerResult")).toMatchObject({ outcome: "closed" });
  });

  it("closes the question once everyone answered, then scores, reveals and ranks", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann");
    const bob = await joinAs(t, "Bob");
    t.server.start();
    t.clock.advance(2_000);
    ann.socket.send({ type: "answer", question: 1, choice: rightOf(t, 0) });
    bob.socket.send({ type: "answer", question: 1, choice: wrongOf(t, 0) });
    const a = await ann.socket.view((v) => v.phase === "reveal");
    const b = await bob.socket.view((v) => v.phase === "reveal");
    expect(a.reveal).toMatchObject({ correct: rightOf(t, 0), right: true });
    expect(a.you).toMatchObject({ place: 1, correct: 1 });
    expect(a.you.score).toBeGreaterThan(0);
    expect(b.reveal).toMatchObject({ right: false, points: 0 });
    expect(b.you.place).toBe(2);
    expect(a.leaderboard.map((r) => r.name)).toEqual(["Ann", "Bob"]);
  });

  it("closes the question at its deadline by the server's timer", async () => {
    const t = await serve({ seconds: 1, now: () => Math.floor(performance.now()) });
    const ann = await joinAs(t, "Ann");
    t.server.start();
    await ann.socket.view((v) => v.phase === "question");
    const closed = await ann.socket.view((v) => v.phase === "reveal", "reveal at the deadline");
    expect(closed.question?.msLeft).toBe(0);
  });

  it("never sends a student anything that tells the right answer before the question closes", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann", { lang: "zh-CN" });
    const bob = await joinAs(t, "Bob", { lang: "zh-CN" });
    const cy = await joinAs(t, "Cy");
    t.server.start();
    ann.socket.send({ type: "answer", question: 1, choice: rightOf(t, 0) });
    bob.socket.send({ type: "answer", question: 1, choice: wrongOf(t, 0) });
    await ann.socket.message("answerResult");
    await bob.socket.message("answerResult");
    // Everything Ann and Bob got before the question closed:
    const before = (s: TestSocket) => s.messages.map((m) => JSON.stringify(m));
    const slot = t.server.room.slots[0];
    for (const text of [...before(ann.socket), ...before(bob.socket)]) {
      expect(text).not.toMatch(/"reveal"|"right"|"points"|"correct":[^0]/);
      expect(text).not.toContain(slot?.posed.puzzle.explain["zh-CN"]);
    }
    // From the question on, a right answer and a wrong one got the very same messages, but for who is who (and
    // so the order of a leaderboard of equals) and which choice was theirs.
    const fromQuestion = (s: TestSocket, self: string, other: string, choice: number) =>
      before(s)
        .slice(before(s).findIndex((m) => m.includes('"phase":"question"')))
        .map((m) => m.replaceAll(`"${self}"`, '"SELF"').replaceAll(`"${other}"`, '"OTHER"').replace(`"chosen":${choice}`, '"chosen":"MINE"'))
        .map((m) => {
          const message = JSON.parse(m) as { view?: { leaderboard: { name: string }[] } };
          message.view?.leaderboard.sort((a, b) => a.name.localeCompare(b.name));
          return message;
        });
    expect(fromQuestion(ann.socket, "Ann", "Bob", rightOf(t, 0))).toEqual(fromQuestion(bob.socket, "Bob", "Ann", wrongOf(t, 0)));
    cy.socket.send({ type: "answer", question: 1, choice: 0 });
    expect((await ann.socket.view((v) => v.phase === "reveal")).reveal?.correct).toBe(rightOf(t, 0));
  });
});

describe("dropping and rejoining", () => {
  it("a student who rejoins with their token keeps their name and score", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann");
    t.server.start();
    ann.socket.send({ type: "answer", question: 1, choice: rightOf(t, 0) });
    const scored = await ann.socket.view((v) => v.phase === "reveal");
    ann.socket.ws.terminate();
    await changed(t, () => t.server.room.players[0]?.connected === false);
    const back = await joinAs(t, "Ann", { token: ann.welcome.token });
    expect(back.welcome).toMatchObject({ name: "Ann", resumed: true, token: ann.welcome.token });
    expect((await back.socket.view()).you.score).toBe(scored.you.score);
  });

  it("a student who lost their token rejoins by name once their connection is gone", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann");
    expect((await joinAs(t, "Ann")).welcome.name).toBe("Ann 2");
    ann.socket.ws.terminate();
    await changed(t, () => t.server.room.players[0]?.connected === false);
    expect((await joinAs(t, "Ann")).welcome).toMatchObject({ name: "Ann", resumed: true });
  });

  it("a rejoin with the token takes over a connection that still looks alive", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann");
    const again = await joinAs(t, "Ann", { token: ann.welcome.token });
    expect(again.welcome.resumed).toBe(true);
    expect((await ann.socket.closed).code).toBe(CLOSE.replaced);
    expect(t.server.room.players.map((p) => [p.name, p.connected])).toEqual([["Ann", true]]);
  });

  it("a connection that stops answering pings is cut and its player marked disconnected", async () => {
    const t = await serve({ limits: { heartbeatMs: 50 } });
    const asleep = await TestSocket.open(t.url("/play"), { autoPong: false });
    asleep.send({ type: "join", pin: PIN, name: "Sleepy" });
    await asleep.message("welcome");
    await changed(t, () => t.server.room.players[0]?.connected === false);
    expect((await asleep.closed).code).toBe(1006);
  });

  it("the host's results keep every player, dropped or not, with their answers", async () => {
    const t = await serve();
    const ann = await joinAs(t, "Ann");
    const bob = await joinAs(t, "Bob");
    t.server.start();
    ann.socket.send({ type: "answer", question: 1, choice: rightOf(t, 0) });
    await ann.socket.message("answerResult");
    bob.socket.ws.terminate();
    await changed(t, () => t.server.room.phase.kind === "reveal");
    const [first, second] = t.server.results();
    expect(first).toMatchObject({ place: 1, name: "Ann", answered: 1, correct: 1 });
    expect(first?.answers).toEqual([{ puzzle: 0, question: 0, answer: expect.any(String), hint: false, ms: 0 }]);
    expect(second).toMatchObject({ place: 2, name: "Bob", answered: 0, score: 0 });
    // What a result file's verifier will find: the same score.
    expect(replayChallenge(SPEC, ROUND, first?.answers ?? [], { live: { seconds: 60 } })).toMatchObject({ ok: true, replay: { score: first?.score } });
  });
});

describe("the client library", () => {
  function track(client: LiveClient): { statuses: string[]; views: PlayerView[]; status: (s: LiveStatus) => Promise<void> } {
    const statuses: string[] = [];
    const views: PlayerView[] = [];
    const waiting: [LiveStatus, () => void][] = [];
    client.onStatus((s, detail) => {
      statuses.push(detail === undefined ? s : `${s} (${detail})`);
      for (const [want, resolve] of waiting) if (want === s) resolve();
    });
    client.onView((v) => views.push(v));
    cleanups.push(() => client.close());
    return {
      statuses,
      views,
      status: (s) => (client.status === s ? Promise.resolve() : new Promise((resolve) => waiting.push([s, resolve]))),
    };
  }
  const viewOf = (client: LiveClient, test: (v: PlayerView) => boolean): Promise<PlayerView> =>
    new Promise((resolve) => {
      if (client.view !== undefined && test(client.view)) return resolve(client.view);
      const off = client.onView((v) => {
        if (test(v)) {
          off();
          resolve(v);
        }
      });
    });

  it("joins, answers, and rejoins by itself after the network drops, as the same player", async () => {
    const t = await serve();
    const relay = await Relay.to(t.server.port);
    cleanups.push(() => relay.close());
    const client = joinLive({ address: `127.0.0.1:${relay.port}`, pin: PIN, name: "Ann", backoff: { minMs: 10, maxMs: 50 } });
    const seen = track(client);
    await seen.status("joined");
    expect(client.name).toBe("Ann");
    t.server.start();
    const question = await viewOf(client, (v) => v.phase === "question");
    const outcome: ClientAnswerOutcome = await client.answer(question.question?.number ?? 0, rightOf(t, 0));
    expect(outcome).toBe("accepted");
    // No new view comes for an accepted answer: the client shows the choice itself.
    expect(client.view?.question?.chosen).toBe(rightOf(t, 0));
    expect(seen.views.at(-1)?.question?.chosen).toBe(rightOf(t, 0));
    const reveal = await viewOf(client, (v) => v.phase === "reveal");
    relay.cut();
    await seen.status("reconnecting");
    await seen.status("joined");
    expect(seen.statuses).toEqual(["joined", expect.stringMatching(/^reconnecting/), "joined (resumed)"]);
    expect(client.name).toBe("Ann");
    expect(t.server.room.players).toHaveLength(1);
    expect((await viewOf(client, (v) => v.phase === "reveal")).you.score).toBe(reveal.you.score);
    // The server remembers the answer across the drop.
    expect(await client.answer(1, 0)).toBe("twice");
  });

  it("stops at a wrong PIN", async () => {
    const t = await serve();
    const client = joinLive({ address: t.url("/"), pin: "111111", name: "Ann", backoff: { minMs: 10, maxMs: 50 } });
    const seen = track(client);
    await seen.status("refused");
    expect(seen.statuses).toEqual(["refused (pin: wrong PIN)"]);
    expect(await client.answer(1, 0)).toBe("offline");
  });

  it("stops when the host ends the round", async () => {
    const t = await serve();
    const client = joinLive({ address: `http://127.0.0.1:${t.server.port}/`, pin: PIN, name: "Ann" });
    const seen = track(client);
    await seen.status("joined");
    await t.server.close();
    await seen.status("closed");
    expect(seen.statuses.at(-1)).toBe("closed (the host ended the round)");
  });

  it("refuses an address that is not one", () => {
    expect(() => joinLive({ address: "ftp://x", pin: PIN, name: "Ann" })).toThrow(/not an address/);
  });
});

describe("addresses and close reasons", () => {
  it("turns what a student types into the /play URL", () => {
    expect(liveUrl("192.168.1.20:8123", "/play")).toBe("ws://192.168.1.20:8123/play");
    expect(liveUrl(" http://host.local:8123/ ", "/play")).toBe("ws://host.local:8123/play");
    expect(liveUrl("https://example.org/x?y#z", "/play")).toBe("wss://example.org/play");
    expect(liveUrl("[::1]:9000", "/play")).toBe("ws://[::1]:9000/play");
    expect(liveUrl("ftp://x", "/play")).toBeUndefined();
    expect(liveUrl("", "/play")).toBeUndefined();
  });

  it("cuts a close reason to 123 bytes at a whole character", () => {
    const reason = closeReason(`名字${"字".repeat(100)}`);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(reason).toBe(`名字${"字".repeat(39)}`);
  });
});
