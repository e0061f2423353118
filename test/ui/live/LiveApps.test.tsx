import "../asInTerminal";
import { cleanup } from "ink-testing-library";
import { type ReactNode, useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { PlayerView, ProjectorView } from "../../../src/game/live";
import type { JoinStatus } from "../../../src/ui/live/frames";
import { HostApp, type LiveHost, type LiveJoin, JoinApp, type ResultsOutcome } from "../../../src/ui/live/LiveApps";
import { CHOICES, finished, lobby, PLAYERS, question, reveal } from "../../live/pageViews";
import { frame, KEY, press, type Rendered, renderAt, waitFor } from "../inkHarness";

/**
 * The live round's terminal apps (issue 8) in Ink, on fakes of the server and the client: the test pushes views
 * and statuses in, and reads back the frames and what the keys asked of the host or the client. The clock stands
 * still (the countdowns show the views' msLeft), and every wait is for a frame or a recorded call, never a sleep.
 */

afterEach(cleanup);

// ---- fakes ------------------------------------------------------------------------------------------------------

/** The client as the join screen sees it: views and statuses pushed by the test, answers recorded and held. */
class FakeJoin implements LiveJoin {
  view: PlayerView | undefined = undefined;
  /** Every answer() call, as [question, choice]. */
  readonly answers: [number, number][] = [];
  closes = 0;
  private readonly views = new Set<(view: PlayerView) => void>();
  private readonly statuses = new Set<(status: JoinStatus, detail?: string) => void>();
  private readonly pending: ((outcome: string) => void)[] = [];

  onView(listener: (view: PlayerView) => void): () => void {
    this.views.add(listener);
    return () => this.views.delete(listener);
  }

  onStatus(listener: (status: JoinStatus, detail?: string) => void): () => void {
    this.statuses.add(listener);
    return () => this.statuses.delete(listener);
  }

  answer(question: number, choice: number): Promise<string> {
    this.answers.push([question, choice]);
    return new Promise((resolve) => this.pending.push(resolve));
  }

  close(): void {
    this.closes++;
  }

  push(view: PlayerView): void {
    this.view = view;
    for (const listener of this.views) listener(view);
  }

  status(status: JoinStatus, detail?: string): void {
    for (const listener of this.statuses) listener(status, detail);
  }

  /** Settles the oldest answer not settled yet, as the server's answerResult would. */
  settle(outcome: string): void {
    const resolve = this.pending.shift();
    if (resolve === undefined) throw new Error("no answer is waiting");
    resolve(outcome);
  }
}

/** The server as the host's screen sees it: the test sets the view; next() calls are counted. */
class FakeHost implements LiveHost {
  readonly url = "http://192.168.1.20:8080/";
  nexts = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private current: ProjectorView) {}

  view(): ProjectorView {
    return this.current;
  }

  next(): void {
    this.nexts++;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(view: ProjectorView): void {
    this.current = view;
    for (const listener of this.listeners) listener();
  }
}

/** Resolves `exited` when the app under it unmounts: what useApp().exit() does, and so the end of runHost/runJoin. */
function withExit(children: ReactNode): { tree: ReactNode; exited: Promise<void>; hasExited: () => boolean } {
  let done = false;
  let resolve: () => void = () => {};
  const exited = new Promise<void>((r) => {
    resolve = () => {
      done = true;
      r();
    };
  });
  function Probe({ children }: { children: ReactNode }) {
    useEffect(() => resolve, []);
    return <>{children}</>;
  }
  return { tree: <Probe>{children}</Probe>, exited, hasExited: () => done };
}

/** Waits until `test` holds (a call recorded by a fake), polling as waitFor does. */
const until = (r: Rendered, test: () => boolean): Promise<string> => waitFor(r, () => test());

// ---- views ------------------------------------------------------------------------------------------------------

/** A student's view: the lobby, or question `number` open (the projector's question 2, renumbered). */
function playerView(phase: "lobby" | "question", number = 2, chosen?: number): PlayerView {
  const base = {
    lang: "en" as const,
    round: { questions: 5, seconds: 20 },
    you: { name: "Ann", place: 1, score: 0, correct: 0, streak: 0 },
    players: { connected: 11, joined: 12 },
    leaderboard: PLAYERS.slice(0, 5),
  };
  if (phase === "lobby") return { ...base, phase };
  const q = question(number, 15_000).question ?? expect.unreachable();
  return {
    ...base,
    phase,
    question: {
      number,
      total: q.total,
      prompt: q.prompt,
      choices: q.choices,
      ladder: q.ladder,
      seconds: 20,
      msLeft: 15_000,
      ...(chosen === undefined ? {} : { chosen }),
    },
  };
}

/** The lines of the frame that show choices: "❯ B. …" for the cursor's, "  A. …" for the others. */
const choiceLines = (f: string): string[] => f.split("\n").filter((l) => /^[❯ ] [A-D]\. /.test(l));
const withCursorOn = (index: number): string[] =>
  CHOICES.map((c, i) => `${i === index ? "❯" : " "} ${"ABCD"[i]}. ${c}`);

const ADDRESS = "192.168.1.20:8080";

async function joinApp(client: FakeJoin) {
  const app = withExit(<JoinApp client={client} address={ADDRESS} lang="en" color={false} now={() => 0} />);
  const r = await renderAt(<>{app.tree}</>);
  return { r, ...app };
}

/** The join screen on question `number`, open, with the student joined. */
async function onQuestion(client: FakeJoin, number = 2) {
  const app = await joinApp(client);
  client.status("joined");
  client.push(playerView("question", number));
  await waitFor(app.r, (f) => f.includes(CHOICES[0]));
  return app;
}

// ---- a student --------------------------------------------------------------------------------------------------

describe("JoinApp: a student's screen", () => {
  it("says it is joining, then shows the lobby: waiting for the host to start", async () => {
    const client = new FakeJoin();
    const { r } = await joinApp(client);
    expect(frame(r)).toContain(`Joining ${ADDRESS}…`);
    client.status("joined");
    client.push(playerView("lobby"));
    const f = await waitFor(r, (f) => f.includes("Waiting for the host to start…"));
    expect(f.split("\n")[0]).toBe("Live round · Ann");
    expect(f).toContain("11 connected · 12 joined");
  });

  it("shows an open question's choices, the cursor on the first", async () => {
    const client = new FakeJoin();
    const { r } = await onQuestion(client);
    const f = frame(r);
    expect(f.split("\n")[0]).toMatch(/^Live round · Ann +Question 2 of 5 · 15 s left$/);
    expect(f).toContain("One second later, what happens first?");
    expect(choiceLines(f)).toEqual(withCursorOn(0));
    expect(f.split("\n").at(-1)).toBe("↑↓ move · 1–9 pick · Enter choose · Esc back");
  });

  it("↓ then Enter answers the second choice, once: Enter again sends nothing more", async () => {
    const client = new FakeJoin();
    const { r } = await onQuestion(client);
    await press(r, KEY.DOWN, (f) => choiceLines(f)[1]?.startsWith("❯") === true);
    expect(choiceLines(frame(r))).toEqual(withCursorOn(1));
    r.stdin.write(KEY.ENTER);
    await until(r, () => client.answers.length > 0);
    expect(client.answers).toEqual([[2, 1]]);

    // While the server has not answered yet: Enter, a digit, a move, then Esc, which shows every key before it
    // was handled.
    for (const key of [KEY.ENTER, "1", KEY.UP, KEY.ENTER]) r.stdin.write(key);
    r.stdin.write(KEY.ESCAPE);
    await until(r, () => client.closes === 1);
    expect(client.answers).toEqual([[2, 1]]);
    expect(choiceLines(frame(r))).toEqual(withCursorOn(1));
  });

  it("once the answer is accepted, shows it, and Enter still sends nothing", async () => {
    const client = new FakeJoin();
    const { r } = await onQuestion(client);
    await press(r, KEY.DOWN);
    r.stdin.write(KEY.ENTER);
    await until(r, () => client.answers.length === 1);
    client.settle("accepted");
    // As the client does: the accepted choice shows in the view.
    client.push(playerView("question", 2, 1));
    await waitFor(r, (f) => f.includes(`Your answer: B. ${CHOICES[1]}. Waiting for the others…`));
    expect(frame(r)).not.toContain("❯");
    r.stdin.write(KEY.ENTER);
    r.stdin.write(KEY.ESCAPE);
    await until(r, () => client.closes === 1);
    expect(client.answers).toEqual([[2, 1]]);
  });

  it('"3" on a fresh question answers its third choice (index 2) at once', async () => {
    const client = new FakeJoin();
    const { r } = await onQuestion(client, 2);
    // Question 2 answered with ↓ Enter; question 3 comes: its cursor starts on the first choice again.
    await press(r, KEY.DOWN);
    r.stdin.write(KEY.ENTER);
    await until(r, () => client.answers.length === 1);
    client.settle("accepted");
    client.push(playerView("question", 3));
    await waitFor(r, (f) => f.includes("Question 3 of 5"));
    expect(choiceLines(frame(r))).toEqual(withCursorOn(0));
    await press(r, "3", (f) => choiceLines(f)[2]?.startsWith("❯") === true);
    expect(client.answers).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it("a key typed the moment a question arrives answers that question", async () => {
    const client = new FakeJoin();
    const { r } = await joinApp(client);
    client.status("joined");
    client.push(playerView("lobby"));
    await waitFor(r, (f) => f.includes("Waiting for the host to start…"));
    // In one go, before Ink has put the new screen's key handler in place: a student waiting with a finger on "2".
    client.push(playerView("question", 1));
    r.stdin.write("2");
    await until(r, () => client.answers.length > 0);
    expect(client.answers).toEqual([[1, 1]]);
    await waitFor(r, (f) => choiceLines(f)[1]?.startsWith("❯") === true);
  });

  it("an answer the server did not count says why: late", async () => {
    const client = new FakeJoin();
    const { r } = await onQuestion(client);
    r.stdin.write("1");
    await until(r, () => client.answers.length === 1);
    client.settle("late");
    await waitFor(r, (f) => f.includes("Answer not counted: late"));
    // Not sent again: the server has its verdict.
    r.stdin.write(KEY.ENTER);
    r.stdin.write(KEY.ESCAPE);
    await until(r, () => client.closes === 1);
    expect(client.answers).toEqual([[2, 0]]);
  });

  it("an answer lost with the connection (offline) may be given again", async () => {
    const client = new FakeJoin();
    const { r } = await onQuestion(client);
    r.stdin.write(KEY.ENTER);
    await until(r, () => client.answers.length === 1);
    client.settle("offline");
    await waitFor(r, (f) => f.includes("Answer not counted: offline"));
    r.stdin.write("2");
    await until(r, () => client.answers.length === 2);
    expect(client.answers).toEqual([
      [2, 0],
      [2, 1],
    ]);
  });

  it("shows a banner while the connection is lost, and takes it down once rejoined", async () => {
    const client = new FakeJoin();
    const { r } = await onQuestion(client);
    client.status("reconnecting", "socket hang up");
    const f = await waitFor(r, (f) => f.includes("Connection lost: rejoining…"));
    expect(choiceLines(f)).toEqual(withCursorOn(0));
    client.status("joined", "resumed");
    await waitFor(r, (f) => !f.includes("Connection lost"));
  });

  it("Esc leaves: the client is closed and the app exits", async () => {
    const client = new FakeJoin();
    const { r, exited, hasExited } = await joinApp(client);
    client.push(playerView("lobby"));
    await waitFor(r, (f) => f.includes("Waiting for the host to start…"));
    expect(hasExited()).toBe(false);
    r.stdin.write(KEY.ESCAPE);
    await exited;
    expect(client.closes).toBe(1);
    expect(client.answers).toEqual([]);
  });
});

// ---- the host ---------------------------------------------------------------------------------------------------

async function hostApp(host: FakeHost, finish: () => ResultsOutcome = () => ({ count: 2, dir: "/x" })) {
  const app = withExit(<HostApp host={host} color={false} finish={finish} now={() => 0} />);
  const r = await renderAt(<>{app.tree}</>);
  return { r, ...app };
}

describe("HostApp: the host's screen", () => {
  it("Enter in the lobby asks the server for the next step (starting the round)", async () => {
    const host = new FakeHost(lobby());
    const { r, hasExited } = await hostApp(host);
    expect(frame(r)).toContain("Join with: tcp-tutor join 192.168.1.20:8080 --pin 4821");
    expect(frame(r)).toContain("Enter starts the round");
    r.stdin.write(KEY.ENTER);
    await until(r, () => host.nexts === 1);
    host.set(question(1, 15_000, 0));
    await waitFor(r, (f) => f.includes("Question 1 of 5"));
    expect(hasExited()).toBe(false);
  });

  it("when the round finishes, writes the results once and says where", async () => {
    const host = new FakeHost(reveal(5));
    let finishes = 0;
    const { r, exited } = await hostApp(host, () => {
      finishes++;
      return { count: 2, dir: "/x" };
    });
    expect(finishes).toBe(0);
    host.set(finished());
    const f = await waitFor(r, (f) => f.includes("2 result files written to /x"));
    expect(f).toContain("2 result files written to /x (tcp-tutor scoreboard /x)");
    expect(f.split("\n")[0]).toBe("Final ranking");
    expect(finishes).toBe(1);
    // More changes of the finished room (Ada leaving) do not write them again.
    const [ada, ...others] = PLAYERS;
    host.set({ ...finished(), leaderboard: [{ ...(ada ?? expect.unreachable()), connected: false }, ...others] });
    await waitFor(r, (f) => f.includes("Ada (away)"));
    host.set(finished());
    await waitFor(r, (f) => !f.includes("Ada (away)"));
    // Enter no longer moves the round on; Esc leaves.
    r.stdin.write(KEY.ENTER);
    r.stdin.write(KEY.ESCAPE);
    await exited;
    expect(finishes).toBe(1);
    expect(host.nexts).toBe(0);
    expect(frame(r)).toContain("2 result files written to /x");
  });

  it("Esc in the lobby exits", async () => {
    const host = new FakeHost(lobby());
    const { r, exited } = await hostApp(host);
    r.stdin.write(KEY.ESCAPE);
    await exited;
    expect(host.nexts).toBe(0);
  });

  it("Esc during a question does not exit (only Ctrl+C does): the round is running", async () => {
    const host = new FakeHost(question(2, 15_000));
    const { r, exited, hasExited } = await hostApp(host);
    r.stdin.write(KEY.ESCAPE);
    r.stdin.write(KEY.ENTER);
    await until(r, () => host.nexts === 1);
    expect(hasExited()).toBe(false);
    r.stdin.write(KEY.CTRL_C);
    await exited;
  });
});
