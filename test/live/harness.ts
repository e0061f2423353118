import { connect, createServer, type Server, type Socket } from "node:net";
import { WebSocket } from "ws";
import { type ChallengeSpec, challengeRound, GENERATOR_VERSION } from "../../src/game/challenge";
import type { PlayerView, ProjectorView } from "../../src/game/live";
import type { LiveLimits } from "../../src/live/limits";
import type { ServerMessage } from "../../src/live/protocol";
import { type LiveServer, type LiveServerOptions, startLiveServer } from "../../src/live/server";

/**
 * What the live socket tests share: a server on 127.0.0.1 with a clock the test moves, and raw WebSocket clients
 * that record every message and let a test wait for the one it expects (no sleeps).
 */

/** Three puzzles of one question each. */
export const SPEC: ChallengeSpec = { generator: GENERATOR_VERSION, seed: 42, count: 3, topics: [], difficulty: undefined, minutes: 0 };
export const ROUND = challengeRound(SPEC);
export const PIN = "424242";

/** The server's clock: only the test moves it. */
export class Clock {
  t = 1_000_000;
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestServer {
  readonly server: LiveServer;
  readonly clock: Clock;
  /** What the server's handlers threw: a test ends with none. */
  readonly errors: unknown[];
  readonly url: (path: string) => string;
}

export async function testServer(
  options: Partial<Omit<LiveServerOptions, "limits">> & { readonly limits?: Partial<LiveLimits> } = {},
): Promise<TestServer> {
  const clock = new Clock();
  const errors: unknown[] = [];
  let token = 0;
  const server = await startLiveServer({
    spec: SPEC,
    round: ROUND,
    seconds: 60,
    pin: PIN,
    bind: "127.0.0.1",
    now: clock.now,
    tokens: () => `token-${++token}`,
    onError: (e) => errors.push(e),
    ...options,
    limits: { joinTimeoutMs: 2_000, ...options.limits },
  });
  return { server, clock, errors, url: (path) => `ws://127.0.0.1:${server.port}${path}` };
}

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/** A WebSocket that keeps every message it gets, parsed, and can be awaited for the next one that matches. */
export class TestSocket {
  readonly messages: unknown[] = [];
  readonly closed: Promise<Closed>;
  private cursor = 0;
  private wake: (() => void) | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data, isBinary) => {
      this.messages.push(isBinary ? data : JSON.parse(data.toString()));
      this.wake?.();
    });
    this.closed = new Promise((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on("error", () => {});
  }

  static open(url: string, options: { autoPong?: boolean } = {}): Promise<TestSocket> {
    const ws = new WebSocket(url, options);
    const socket = new TestSocket(ws);
    return new Promise((resolve, reject) => {
      ws.once("open", () => resolve(socket));
      ws.once("error", reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === "string" || Buffer.isBuffer(message) ? message : JSON.stringify(message));
  }

  /** The next message (after those already waited for) that matches; fails after `ms` without one. */
  async next<T>(match: (m: unknown) => m is T, what: string, ms = 3_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      while (this.cursor < this.messages.length) {
        const m = this.messages[this.cursor++];
        if (match(m)) return m;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} came; got ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  message<K extends ServerMessage["type"]>(type: K): Promise<Extract<ServerMessage, { type: K }>> {
    return this.next((m): m is Extract<ServerMessage, { type: K }> => (m as { type?: string } | undefined)?.type === type, type);
  }

  /** The next view that satisfies `test`. */
  async view(test: (view: PlayerView) => boolean = () => true, what = "view"): Promise<PlayerView> {
    const m = await this.next((m): m is { type: "view"; view: PlayerView } => {
      const x = m as { type?: string; view?: PlayerView };
      return x.type === "view" && x.view !== undefined && test(x.view);
    }, what);
    return m.view;
  }

  /** For /watch: the next projector view that satisfies `test`. */
  projector(test: (view: ProjectorView) => boolean = () => true, what = "projector view"): Promise<ProjectorView> {
    return this.next((m): m is ProjectorView => typeof m === "object" && m !== null && "join" in m && test(m as ProjectorView), what);
  }

  close(): void {
    this.ws.close();
  }
}

/** Opens /play and joins; resolves with the socket and its welcome. */
export async function joinAs(
  t: TestServer,
  name: string,
  extra: { readonly token?: string; readonly lang?: "en" | "zh-CN"; readonly pin?: string } = {},
): Promise<{ socket: TestSocket; welcome: Extract<ServerMessage, { type: "welcome" }> }> {
  const socket = await TestSocket.open(t.url("/play"));
  socket.send({ type: "join", pin: extra.pin ?? PIN, name, ...extra });
  return { socket, welcome: await socket.message("welcome") };
}

/**
 * A TCP relay in front of the server, so that a test can cut a client's connection the way a network does: its
 * socket dies without a close frame.
 */
export class Relay {
  private constructor(
    private readonly server: Server,
    private readonly pairs: Set<Socket>,
    readonly port: number,
  ) {}

  static async to(target: number): Promise<Relay> {
    const pairs = new Set<Socket>();
    const server = createServer((inbound) => {
      const outbound = connect(target, "127.0.0.1");
      pairs.add(inbound).add(outbound);
      inbound.pipe(outbound).pipe(inbound);
      const end = () => {
        inbound.destroy();
        outbound.destroy();
        pairs.delete(inbound);
        pairs.delete(outbound);
      };
      inbound.on("error", end).on("close", end);
      outbound.on("error", end).on("close", end);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    return new Relay(server, pairs, typeof address === "object" && address !== null ? address.port : 0);
  }

  /** Every connection through the relay dies at once, as when the Wi-Fi drops. */
  cut(): void {
    for (const s of this.pairs) s.destroy();
    this.pairs.clear();
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
