/**
 * A class on loopback: `students` simulated students join one live server and answer every question of a small
 * round, all at the same instant: the worst moment of a real round, the whole class answering as the countdown
 * ends. Measured, for every answer: the time from the student sending it to the student receiving the closed
 * question's view with the leaderboard updated (the question closes as the last answer arrives). That is the host
 * taking the whole burst, scoring it, closing the question and sending everyone their new standing.
 *
 * The students run in a worker thread, so that their own work (parsing every view) is not done on the host's event
 * loop, as it would not be in a classroom; on one machine they still share its cores and its loopback, so the
 * figures are upper bounds. The floor is a bare `ws` server doing the least the same students can see: it answers
 * each answer at once, and when the last is in, sends everyone the same bytes a real reveal view has.
 *
 * Also checked, since numbers over a broken round would lie: every answer accepted once, and the room holding
 * exactly one answer per student and question, as each sent it.
 */
// First: ws, bundled into the bench, needs a require (see there).
import "./nodeRequire";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { WebSocketServer } from "ws";
import { type ChallengeSpec, challengeRound, GENERATOR_VERSION } from "../../src/game/challenge";
import { advanceRoom, answerRoom, createRoom, joinRoom, type LadderRenderer, playerView, type Room, startRoom } from "../../src/game/live";
import { startLiveServer } from "../../src/live/server";
import { CATALOGUES } from "../../src/ui/i18n";
import { renderLadder } from "../../src/ui/ladder";
import { median, quantile } from "./measure";

export interface ClassOptions {
  readonly students: number;
  /** Puzzles in the round (seed 42 gives one question each). Default 3. */
  readonly puzzles?: number;
  /** The real live server (default), or the floor: a bare ws server sending the same bytes without the work. */
  readonly host?: "live" | "floor";
  /** Gives up (rejects) if the whole class takes longer than this. Default 60 s. */
  readonly timeoutMs?: number;
}

export interface ClassReport {
  readonly students: number;
  readonly questions: number;
  /** Answers sent, accepted by the server (its answerResult), and held by the room at the end. */
  readonly sent: number;
  readonly accepted: number;
  readonly counted: number;
  /** Answers the room holds that are not the choice the student sent (expected none). */
  readonly mismatched: number;
  /** Every answer → updated leaderboard latency, in ms. */
  readonly latencies: readonly number[];
  readonly median: number;
  readonly p99: number;
}

const PIN = "1234";
const spec = (count: number): ChallengeSpec => ({ generator: GENERATOR_VERSION, seed: 42, count, topics: [], difficulty: undefined, minutes: 0 });

/** What the worker reports: the class joined; question k revealed to all; the round finished. */
type FromClass =
  | { readonly type: "joined" }
  | { readonly type: "revealed"; readonly question: number }
  | {
      readonly type: "finished";
      readonly latencies: readonly number[];
      readonly accepted: number;
      /** Per student (in order), the choice sent for each question. */
      readonly chosen: readonly (readonly number[])[];
    }
  | { readonly type: "error"; readonly message: string };

/** What the simulation drives: a port to join, the host's key, and at the end the room (none for the floor). */
interface Host {
  readonly port: number;
  next(): void;
  room(): Room | undefined;
  close(): Promise<void>;
}

export async function simulateClass(options: ClassOptions): Promise<ClassReport> {
  const n = options.students;
  const puzzles = options.puzzles ?? 3;
  const host = options.host === "floor" ? await floorHost(n, puzzles) : await liveHost(n, puzzles);
  const worker = new Worker(`(${students.toString()})(require)`, {
    eval: true,
    workerData: { url: `ws://127.0.0.1:${host.port}/play`, pin: PIN, n, ws: createRequire(import.meta.url).resolve("ws") },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const finished = await new Promise<Extract<FromClass, { type: "finished" }>>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error("the class took too long")), options.timeoutMs ?? 60_000);
      worker.on("error", reject);
      worker.on("message", (m: FromClass) => {
        switch (m.type) {
          case "joined":
          case "revealed":
            // The next question, or the end after the last one.
            host.next();
            break;
          case "finished":
            resolve(m);
            break;
          case "error":
            reject(new Error(m.message));
            break;
          default: {
            const never: never = m;
            reject(new Error(`unexpected ${JSON.stringify(never)}`));
          }
        }
      });
    });
    const room = host.room();
    let counted = 0;
    let mismatched = 0;
    for (const [i, choices] of finished.chosen.entries()) {
      const player = room?.players.find((p) => p.name === `Student ${i + 1}`);
      for (const [k, choice] of choices.entries()) {
        const a = player?.answers[k];
        if (room === undefined || a !== undefined) counted++;
        if (room !== undefined && a?.choice !== choice) mismatched++;
      }
    }
    return {
      students: n,
      questions: finished.chosen[0]?.length ?? 0,
      sent: finished.chosen.reduce((sum, c) => sum + c.length, 0),
      accepted: finished.accepted,
      counted,
      mismatched,
      latencies: finished.latencies,
      median: median(finished.latencies),
      p99: quantile(finished.latencies, 0.99),
    };
  } finally {
    clearTimeout(timer);
    await worker.terminate();
    await host.close();
  }
}

/** "100 students × 3 questions: answer → updated leaderboard median 4.2 ms, p99 9.8 ms". */
export function classLine(r: ClassReport): string {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  return `${r.students} students × ${r.questions} questions: answer → updated leaderboard median ${ms(r.median)}, p99 ${ms(r.p99)}`;
}

async function liveHost(n: number, puzzles: number): Promise<Host> {
  const server = await startLiveServer({
    spec: spec(puzzles),
    round: challengeRound(spec(puzzles)),
    seconds: 120,
    bind: "127.0.0.1",
    pin: PIN,
    // Loopback: the whole class is one address, as behind a school's NAT; the limits are for a class this size.
    limits: { joins: n, maxPlayers: n, maxConnections: n + 10 },
  });
  return { port: server.port, next: () => server.next(), room: () => server.room, close: () => server.close() };
}

/**
 * The floor: the least a server can do for these students. It keeps no room: it welcomes, answers each answer at
 * once, and sends the views of a real round (made once, beforehand, by the game's functions: the same bytes), each
 * to everyone at the moment the real server would.
 */
async function floorHost(n: number, puzzles: number): Promise<Host> {
  const views = realViews(n, puzzles);
  const wss = new WebSocketServer({ port: 0, host: "127.0.0.1", perMessageDeflate: false });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const address = wss.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  let joined = 0;
  let answers = 0;
  let stage = 0;
  const everyone = (text: string) => {
    for (const ws of wss.clients) ws.send(text);
  };
  wss.on("connection", (ws) => {
    ws.on("message", (data) => {
      const m = JSON.parse(data.toString()) as { type: string };
      if (m.type === "join") {
        ws.send(JSON.stringify({ type: "welcome", name: "x", token: "t", resumed: false }));
        if (++joined === n) everyone(views.lobby);
      } else if (m.type === "answer") {
        ws.send(JSON.stringify({ type: "answerResult", question: stage, outcome: "accepted" }));
        if (++answers === n) {
          answers = 0;
          everyone(views.reveals[stage - 1] ?? "");
        }
      }
    });
  });
  return {
    port,
    next() {
      stage++;
      everyone(stage <= puzzles ? (views.questions[stage - 1] ?? "") : views.finished);
    },
    room: () => undefined,
    close: () =>
      new Promise((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** The messages a student of a real round of `n` gets: the lobby, each question open and closed, the end. */
function realViews(n: number, puzzles: number): { lobby: string; questions: string[]; reveals: string[]; finished: string } {
  const ladder: LadderRenderer = (trace, lang) => renderLadder(trace, { width: 80, text: CATALOGUES[lang].ladder });
  let room = createRoom({ spec: spec(puzzles), seconds: 120, maxPlayers: n });
  for (let i = 1; i <= n; i++) room = joinRoom(room, { name: `Student ${i}`, newToken: `t${i}` }).room;
  const message = (r: Room) => JSON.stringify({ type: "view", view: playerView(r, "Student 1", 0, "en", ladder) });
  const lobby = message(room);
  const questions: string[] = [];
  const reveals: string[] = [];
  room = startRoom(room, 0).room;
  for (let k = 1; k <= room.slots.length; k++) {
    questions.push(message(room));
    for (let i = 1; i <= n; i++) room = answerRoom(room, `Student ${i}`, { question: k, choice: (i + k) % 3 }, 1000).room;
    reveals.push(message(room));
    room = advanceRoom(room, 2000).room;
  }
  return { lobby, questions, reveals, finished: message(room) };
}

/**
 * The class, in the worker: its source is sent as text, so it uses nothing from outside itself but the worker's
 * `require`, passed in (a bundler rewrites a bare `require`). Each student joins; when everyone sees question k,
 * all answer at once, each timing its answer until its reveal.
 */
function students(load: NodeJS.Require): void {
  const { parentPort, workerData } = load("node:worker_threads") as typeof import("node:worker_threads");
  const { WebSocket } = load(workerData.ws) as typeof import("ws");
  const { url, pin, n } = workerData as { url: string; pin: string; n: number };
  interface View {
    phase: string;
    players: { joined: number };
    question?: { number: number; choices: string[] };
  }
  const post = (m: unknown) => parentPort?.postMessage(m);
  const views: (View | undefined)[] = [];
  const sentAt: number[] = [];
  const chosen: number[][] = [];
  const latencies: number[] = [];
  const sockets: InstanceType<typeof WebSocket>[] = [];
  let accepted = 0;
  let stage = "join";
  let asked = 0;

  /** Moves the class on once every student's latest view is where this stage waits for it. */
  function check(): void {
    const all = (test: (v: View) => boolean) => views.length === n && views.every((v) => v !== undefined && test(v));
    if (stage === "join" && all((v) => v.players.joined === n)) {
      stage = "question";
      post({ type: "joined" });
    } else if (stage === "question" && all((v) => v.phase === "question" && v.question?.number === asked + 1)) {
      asked++;
      stage = "reveal";
      for (const [i, ws] of sockets.entries()) {
        const choice = (i + asked) % (views[i]?.question?.choices.length ?? 1);
        chosen[i]?.push(choice);
        sentAt[i] = performance.now();
        ws.send(JSON.stringify({ type: "answer", question: asked, choice }));
      }
    } else if (stage === "reveal" && all((v) => v.phase === "reveal" && v.question?.number === asked)) {
      stage = "question";
      post({ type: "revealed", question: asked });
    } else if (stage === "question" && all((v) => v.phase === "finished")) {
      stage = "done";
      post({ type: "finished", latencies, accepted, chosen });
    }
  }

  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    sockets.push(ws);
    chosen.push([]);
    views.push(undefined);
    ws.on("open", () => ws.send(JSON.stringify({ type: "join", pin, name: `Student ${i + 1}` })));
    ws.on("error", (e) => post({ type: "error", message: `student ${i + 1}: ${e.message}` }));
    ws.on("message", (data) => {
      const m = JSON.parse(data.toString()) as { type: string; view?: View; outcome?: string };
      if (m.type === "answerResult" && m.outcome === "accepted") accepted++;
      if (m.type !== "view" || m.view === undefined) return;
      const start = sentAt[i] ?? 0;
      if (start > 0 && m.view.phase === "reveal" && m.view.question?.number === asked) {
        latencies.push(performance.now() - start);
        sentAt[i] = 0;
      }
      views[i] = m.view;
      check();
    });
  }
}
