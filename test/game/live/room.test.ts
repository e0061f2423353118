import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Trace } from "../../../src/engine";
import { type ChallengeSpec, challengeRound, GENERATOR_VERSION, replayChallenge } from "../../../src/game/challenge";
import {
  advanceRoom,
  answerRoom,
  createRoom,
  joinRoom,
  type LadderRenderer,
  leaderboard,
  leaveRoom,
  liveName,
  liveResults,
  nextTimer,
  playerView,
  projectorView,
  type Room,
  startRoom,
  tickRoom,
} from "../../../src/game/live";
import { scoreAnswer } from "../../../src/game/scoring";

/** Seed 2, three puzzles: the last is a ladder puzzle of three questions, so five questions in all. */
const spec: ChallengeSpec = { generator: GENERATOR_VERSION, seed: 2, count: 3, topics: [], difficulty: undefined, minutes: 0 };
const round = challengeRound(spec);
const SECONDS = 20;
const fresh = (settings: { revealSeconds?: number; maxPlayers?: number } = {}): Room => createRoom({ spec, seconds: SECONDS, ...settings }, round);

/** Players join in order, each with the token "t-NAME". */
function withPlayers(room: Room, ...names: string[]): Room {
  return names.reduce((r, name) => joinRoom(r, { name, newToken: `t-${name}` }).room, room);
}

const right = (room: Room, k: number): number => room.slots[k]?.correct ?? -1;
const wrong = (room: Room, k: number): number => (right(room, k) === 0 ? 1 : 0);

/** The ladder as its Trace's item orders, so that a view shows how far the diagram went. */
const ladder: LadderRenderer = (trace: Trace, lang) => [lang, ...trace.segments.map((s) => `s${s.order}`), ...trace.events.map((e) => `e${e.order}`)];

describe("joining a live room", () => {
  it("gives a taken name a number, the same name in another case included", () => {
    const room = withPlayers(fresh(), "Ann", "ann", "Bob", "Ann");
    expect(room.players.map((p) => p.name)).toEqual(["Ann", "ann 2", "Bob", "Ann 3"]);
  });

  it("keeps names to 24 characters, numbered ones included, and refuses what would garble a line", () => {
    const long = "Maximilian-Alexander Ottoson";
    expect(liveName(long)).toBeUndefined();
    const name = "Maximilian-Alexander Ott"; // 24
    const room = withPlayers(fresh(), name, name);
    expect(room.players.map((p) => p.name)).toEqual([name, "Maximilian-Alexander O 2"]);
    expect(liveName("  王   小明 ")).toBe("王 小明");
    for (const bad of ["", "   ", "a\nb", "\u001b[31mred", "evil\u202Eeman", "x".repeat(25)]) {
      expect(joinRoom(fresh(), { name: bad, newToken: "t" }).outcome).toEqual({ kind: "refused", reason: "name" });
    }
  });

  it("lets a player back in with their token, score kept, even while their old connection looks alive", () => {
    let room = withPlayers(fresh(), "Ann", "Bob");
    room = startRoom(room, 0).room;
    room = answerRoom(room, "Ann", { question: 1, choice: right(room, 0) }, 3000).room;
    room = answerRoom(room, "Bob", { question: 1, choice: wrong(room, 0) }, 3000).room;
    const score = room.players[0]?.score ?? 0;
    expect(score).toBeGreaterThan(0);
    const again = joinRoom(room, { name: "Ann", token: "t-Ann", newToken: "new" });
    expect(again.outcome).toEqual({ kind: "joined", name: "Ann", token: "t-Ann", resumed: true });
    expect(again.room.players).toHaveLength(2);
    expect(again.room.players[0]).toMatchObject({ name: "Ann", connected: true, score });
  });

  it("takes a name whose player dropped, without a token, to be them (their terminal closed, the token lost)", () => {
    let room = withPlayers(fresh(), "Ann");
    room = leaveRoom(room, "Ann", 0).room;
    expect(room.players[0]?.connected).toBe(false);
    const back = joinRoom(room, { name: "ann", newToken: "new" });
    expect(back.outcome).toEqual({ kind: "joined", name: "Ann", token: "t-Ann", resumed: true });
    expect(back.room.players[0]?.connected).toBe(true);
  });

  it("gives a new name to someone claiming a connected player's name, or any player's name with a wrong token", () => {
    let room = withPlayers(fresh(), "Ann");
    expect(joinRoom(room, { name: "Ann", newToken: "x" }).outcome).toMatchObject({ name: "Ann 2", resumed: false });
    room = leaveRoom(room, "Ann", 0).room;
    expect(joinRoom(room, { name: "Ann", token: "guess", newToken: "x" }).outcome).toMatchObject({ name: "Ann 2", resumed: false });
  });

  it("refuses new players beyond the limit and once the round is over, but always lets a player back in", () => {
    const full = withPlayers(fresh({ maxPlayers: 2 }), "Ann", "Bob");
    expect(joinRoom(full, { name: "Cy", newToken: "x" }).outcome).toEqual({ kind: "refused", reason: "full" });
    let over = startRoom(full, 0).room;
    for (let i = 0; i < 2 * over.slots.length; i++) over = advanceRoom(over, i).room;
    expect(over.phase.kind).toBe("finished");
    over = leaveRoom(over, "Bob", 99).room;
    expect(joinRoom(over, { name: "Dee", newToken: "x" }).outcome).toEqual({ kind: "refused", reason: "finished" });
    expect(joinRoom(over, { name: "Bob", newToken: "x" }).outcome).toMatchObject({ kind: "joined", resumed: true });
  });
});

describe("the round's phases", () => {
  it("lobby → question → reveal → … → finished, on the host's key", () => {
    let room = withPlayers(fresh(), "Ann");
    expect(room.phase).toEqual({ kind: "lobby" });
    const started = startRoom(room, 1000);
    expect(started.started).toBe(true);
    room = started.room;
    expect(room.phase).toEqual({ kind: "question", slot: 0, openedAt: 1000, deadline: 1000 + SECONDS * 1000 });
    expect(startRoom(room, 1000)).toMatchObject({ started: false, room });
    room = advanceRoom(room, 2000).room;
    expect(room.phase).toMatchObject({ kind: "reveal", slot: 0, closedAt: 2000 });
    room = advanceRoom(room, 3000).room;
    expect(room.phase).toMatchObject({ kind: "question", slot: 1, openedAt: 3000 });
    for (let t = 4000; room.phase.kind !== "finished"; t += 1000) room = advanceRoom(room, t).room;
    expect(advanceRoom(room, 99_999).room).toBe(room);
  });

  it("closes a question at its deadline, and with revealSeconds moves on by itself", () => {
    let room = startRoom(withPlayers(fresh({ revealSeconds: 5 }), "Ann"), 0).room;
    expect(nextTimer(room)).toBe(SECONDS * 1000);
    expect(tickRoom(room, SECONDS * 1000 - 1).room).toBe(room);
    room = tickRoom(room, SECONDS * 1000).room;
    expect(room.phase).toMatchObject({ kind: "reveal", slot: 0, closedAt: SECONDS * 1000 });
    expect(nextTimer(room)).toBe(SECONDS * 1000 + 5000);
    room = tickRoom(room, SECONDS * 1000 + 5000).room;
    expect(room.phase).toMatchObject({ kind: "question", slot: 1 });
    // Without revealSeconds, only the host moves a reveal on.
    const hosted = tickRoom(startRoom(fresh(), 0).room, SECONDS * 1000).room;
    expect(nextTimer(hosted)).toBeUndefined();
  });

  it("closes a question as soon as every connected player has answered; a dropped player does not hold it up", () => {
    let room = startRoom(withPlayers(fresh(), "Ann", "Bob", "Cy"), 0).room;
    room = answerRoom(room, "Ann", { question: 1, choice: 0 }, 100).room;
    room = leaveRoom(room, "Cy", 200).room;
    expect(room.phase.kind).toBe("question");
    room = answerRoom(room, "Bob", { question: 1, choice: 1 }, 300).room;
    expect(room.phase).toMatchObject({ kind: "reveal", closedAt: 300 });
  });

  it("closes when the last player who had not answered leaves, but not when everyone has gone (a Wi-Fi drop)", () => {
    let room = startRoom(withPlayers(fresh(), "Ann", "Bob"), 0).room;
    room = answerRoom(room, "Ann", { question: 1, choice: 0 }, 100).room;
    expect(leaveRoom(room, "Bob", 200).room.phase.kind).toBe("reveal");
    let empty = startRoom(withPlayers(fresh(), "Ann"), 0).room;
    empty = leaveRoom(empty, "Ann", 100).room;
    expect(empty.phase.kind).toBe("question");
  });
});

describe("answers", () => {
  const open = (): Room => startRoom(withPlayers(fresh(), "Ann", "Bob"), 10_000).room;

  it("are accepted for the open question, timed from its opening, and count only once it closes", () => {
    let room = open();
    const step = answerRoom(room, "Ann", { question: 1, choice: right(room, 0) }, 14_000);
    expect(step.outcome).toBe("accepted");
    room = step.room;
    const difficulty = room.slots[0]?.difficulty ?? 0;
    const points = scoreAnswer({ difficulty, correct: true, hint: false, streak: 0, ms: 4000 });
    expect(room.players[0]?.answers[0]).toEqual({ choice: right(room, 0), ms: 4000, correct: true, points });
    expect(room.players[0]?.score).toBe(0);
    room = answerRoom(room, "Bob", { question: 1, choice: wrong(room, 0) }, 15_000).room;
    expect(room.players.map((p) => p.score)).toEqual([points, 0]);
  });

  it("a second answer to the same question does not count, the first stands", () => {
    let room = withPlayers(open(), "Cy");
    room = answerRoom(room, "Ann", { question: 1, choice: wrong(room, 0) }, 11_000).room;
    const twice = answerRoom(room, "Ann", { question: 1, choice: right(room, 0) }, 12_000);
    expect(twice.outcome).toBe("twice");
    expect(twice.room).toBe(room);
  });

  it("an answer at or after the deadline is late and closes the question, whatever the client's clock said", () => {
    const room = open();
    const late = answerRoom(room, "Ann", { question: 1, choice: right(room, 0) }, 10_000 + SECONDS * 1000);
    expect(late.outcome).toBe("late");
    expect(late.room.players[0]?.answers[0]).toBeUndefined();
    expect(late.room.phase.kind).toBe("reveal");
    expect(answerRoom(late.room, "Bob", { question: 1, choice: 0 }, 10_000 + SECONDS * 1000 + 5).outcome).toBe("late");
  });

  it("an answer to a question not open is closed: before the start, a later question, one closed early", () => {
    const lobby = withPlayers(fresh(), "Ann");
    expect(answerRoom(lobby, "Ann", { question: 1, choice: 0 }, 0).outcome).toBe("closed");
    let room = open();
    expect(answerRoom(room, "Ann", { question: 2, choice: 0 }, 11_000).outcome).toBe("closed");
    room = advanceRoom(room, 12_000).room;
    expect(answerRoom(room, "Ann", { question: 1, choice: 0 }, 12_001).outcome).toBe("closed");
  });

  it("an answer naming no question, no choice, or no player is invalid", () => {
    const room = open();
    const choices = room.slots[0]?.question.choices.length ?? 0;
    for (const input of [
      { question: 0, choice: 0 },
      { question: room.slots.length + 1, choice: 0 },
      { question: 1, choice: choices },
      { question: 1, choice: -1 },
      { question: 1.5, choice: 0 },
      { question: 1, choice: 0.5 },
    ]) {
      expect(answerRoom(room, "Ann", input, 11_000)).toEqual({ room, outcome: "invalid" });
    }
    expect(answerRoom(room, "Nobody", { question: 1, choice: 0 }, 11_000).outcome).toBe("invalid");
  });

  it("score with the streak across the round; a wrong or missed question resets it", () => {
    // Ann: right, right, missed, right. Bob: right, wrong, right, right.
    let room = startRoom(withPlayers(fresh(), "Ann", "Bob"), 0).room;
    const plan: Record<string, ("right" | "wrong" | "skip")[]> = {
      Ann: ["right", "right", "skip", "right"],
      Bob: ["right", "wrong", "right", "right"],
    };
    for (let k = 0; k < 4; k++) {
      for (const name of ["Ann", "Bob"]) {
        const what = plan[name]?.[k];
        if (what === "skip") continue;
        room = answerRoom(room, name, { question: k + 1, choice: what === "right" ? right(room, k) : wrong(room, k) }, k * 100_000 + 1000).room;
      }
      if (room.phase.kind === "question") room = advanceRoom(room, k * 100_000 + 2000).room;
      room = advanceRoom(room, (k + 1) * 100_000).room;
    }
    const d = room.slots.map((s) => s.difficulty);
    const pts = (k: number, streak: number) => scoreAnswer({ difficulty: d[k] ?? 0, correct: true, hint: false, streak, ms: 1000 });
    expect(room.players.find((p) => p.name === "Ann")?.score).toBe(pts(0, 0) + pts(1, 1) + pts(3, 0));
    expect(room.players.find((p) => p.name === "Bob")?.score).toBe(pts(0, 0) + pts(2, 0) + pts(3, 1));
  });
});

describe("what the projector and the students see", () => {
  const context = { address: "10.0.0.7:8123", pin: "123456", lang: "en" as const, ladder };

  it("the lobby: how to join, who joined", () => {
    const room = leaveRoom(withPlayers(fresh(), "Ann", "Bob"), "Bob", 0).room;
    expect(projectorView(room, 0, context)).toEqual({
      phase: "lobby",
      lang: "en",
      join: { address: "10.0.0.7:8123", pin: "123456" },
      players: { connected: 1, joined: 2 },
      leaderboard: [
        { place: 1, name: "Ann", score: 0, correct: 0, connected: true },
        { place: 1, name: "Bob", score: 0, correct: 0, connected: false },
      ],
    });
  });

  it("an open question: its words, the ladder so far, the time left, how many answered, and nothing of the answer", () => {
    let room = startRoom(withPlayers(fresh(), "Ann", "Bob"), 1000).room;
    room = answerRoom(room, "Ann", { question: 1, choice: right(room, 0) }, 3000).room;
    const slot = room.slots[0];
    if (slot === undefined) throw new Error("no question");
    const view = projectorView(room, 5000, context);
    expect(view.reveal).toBeUndefined();
    expect(view.question).toMatchObject({
      number: 1,
      total: room.slots.length,
      choices: slot.question.choices.map(() => expect.any(String)),
      ladder: ladder(slot.shown, "en"),
      seconds: SECONDS,
      msLeft: SECONDS * 1000 - 4000,
      answered: 1,
    });
    expect(view.question?.prompt).toMatch(/\w/);
    expect(JSON.stringify(view)).not.toContain(slot.posed.puzzle.explain.en);
  });

  it("a closed question: the right choice, the distribution, the explanation, the ladder grown, scores moved", () => {
    let room = startRoom(withPlayers(fresh(), "Ann", "Bob", "Cy"), 0).room;
    room = answerRoom(room, "Ann", { question: 1, choice: right(room, 0) }, 1000).room;
    room = answerRoom(room, "Bob", { question: 1, choice: wrong(room, 0) }, 2000).room;
    room = advanceRoom(room, 3000).room;
    const slot = room.slots[0];
    if (slot === undefined) throw new Error("no question");
    const view = projectorView(room, 3000, context);
    const distribution = slot.question.choices.map((_, i) => (i === right(room, 0) || i === wrong(room, 0) ? 1 : 0));
    expect(view.reveal).toEqual({ correct: slot.correct, distribution, explain: slot.posed.puzzle.explain.en, cite: slot.posed.puzzle.cite });
    expect(view.question).toMatchObject({ msLeft: 0, answered: 2, ladder: ladder(slot.revealed, "en") });
    expect(view.leaderboard.map((r) => [r.place, r.name, r.correct])).toEqual([
      [1, "Ann", 1],
      // Bob and Cy both scored nothing: the one whose answers took less time (Cy, none) is ahead.
      [2, "Cy", 0],
      [3, "Bob", 0],
    ]);
  });

  it("a student sees their own choice while the question is open, and whether it was right only once it closed", () => {
    let room = startRoom(withPlayers(fresh(), "Ann", "Bob", "Cy"), 0).room;
    room = answerRoom(room, "Ann", { question: 1, choice: right(room, 0) }, 1000).room;
    room = answerRoom(room, "Bob", { question: 1, choice: wrong(room, 0) }, 1000).room;
    const ann = playerView(room, "Ann", 1000, "en", ladder);
    const bob = playerView(room, "Bob", 1000, "en", ladder);
    expect(ann?.question?.chosen).toBe(right(room, 0));
    expect(bob?.question?.chosen).toBe(wrong(room, 0));
    // Apart from the name and the choice, a right answer and a wrong one look the same.
    const blank = (v: typeof ann) => JSON.stringify({ ...v, you: { ...v?.you, name: "" }, question: { ...v?.question, chosen: 0 } });
    expect(blank(ann)).toBe(blank(bob));
    expect(ann?.reveal).toBeUndefined();
    room = advanceRoom(room, 2000).room;
    const after = playerView(room, "Ann", 2000, "en", ladder);
    expect(after?.reveal).toMatchObject({ correct: right(room, 0), right: true, points: room.players[0]?.score });
    expect(after?.you).toMatchObject({ name: "Ann", place: 1, correct: 1, streak: 1 });
    expect(playerView(room, "Cy", 2000, "en", ladder)?.reveal).toMatchObject({ right: false, points: 0 });
    expect(playerView(room, "Nobody", 2000, "en", ladder)).toBeUndefined();
  });

  it("each student in their own language", () => {
    const room = startRoom(withPlayers(fresh(), "Ann"), 0).room;
    const en = playerView(room, "Ann", 0, "en", ladder);
    const zh = playerView(room, "Ann", 0, "zh-CN", ladder);
    expect(zh?.lang).toBe("zh-CN");
    expect(zh?.question?.prompt).not.toBe(en?.question?.prompt);
    expect(zh?.question?.ladder[0]).toBe("zh-CN");
  });

  it("the students' leaderboard is the first five, and each student's own place wherever it is", () => {
    let room = startRoom(withPlayers(fresh(), "A", "B", "C", "D", "E", "F", "G"), 0).room;
    const names = room.players.map((p) => p.name);
    names.forEach((n, i) => {
      room = answerRoom(room, n, { question: 1, choice: i === 6 ? wrong(room, 0) : right(room, 0) }, 1000 + i * 100).room;
    });
    const g = playerView(room, "G", 5000, "en", ladder);
    expect(g?.leaderboard.map((r) => r.name)).toEqual(["A", "B", "C", "D", "E"]);
    expect(g?.you.place).toBe(7);
    expect(leaderboard(room)).toHaveLength(7);
  });
});

describe("results", () => {
  it("count the closed questions only", () => {
    let room = startRoom(withPlayers(fresh(), "Ann"), 0).room;
    room = withPlayers(answerRoom(room, "Ann", { question: 1, choice: right(room, 0) }, 1000).room, "Bob");
    room = advanceRoom(room, 2000).room;
    room = answerRoom(room, "Ann", { question: 2, choice: right(room, 1) }, 3000).room;
    const [ann] = liveResults(room);
    expect(ann).toMatchObject({ place: 1, name: "Ann", answered: 1, correct: 1, total: room.slots.length });
  });

  it("replay, as a result file's verifier does, to the very score the room gave: any play, any joins and drops", () => {
    const action = fc.record({
      who: fc.integer({ min: 0, max: 3 }),
      what: fc.constantFrom("right", "wrong", "skip", "leave", "join", "late"),
      ms: fc.integer({ min: 0, max: SECONDS * 1000 - 1 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(action, { maxLength: 8 }), { minLength: 5, maxLength: 5 }), (perQuestion) => {
        let room = withPlayers(fresh(), "P0", "P1");
        let t = 0;
        room = startRoom(room, t).room;
        for (const [k, actions] of perQuestion.entries()) {
          const opened = room.phase.kind === "question" ? room.phase.openedAt : t;
          for (const a of actions) {
            const name = `P${a.who}`;
            if (a.what === "join") room = joinRoom(room, { name, newToken: `t-${name}` }).room;
            else if (a.what === "leave") room = leaveRoom(room, name, opened + a.ms).room;
            else if (a.what === "late") room = answerRoom(room, name, { question: k + 1, choice: 0 }, opened + SECONDS * 1000).room;
            else if (a.what !== "skip") {
              const choice = a.what === "right" ? right(room, k) : wrong(room, k);
              room = answerRoom(room, name, { question: k + 1, choice }, opened + a.ms).room;
            }
          }
          t = opened + SECONDS * 1000 + 1;
          room = tickRoom(room, t).room;
          room = advanceRoom(room, t).room;
        }
        expect(room.phase.kind).toBe("finished");
        for (const r of liveResults(room)) {
          const replay = replayChallenge(spec, round, r.answers, { live: { seconds: SECONDS } });
          if (!replay.ok) throw new Error(`${r.name}: ${replay.reason}`);
          expect(replay.replay).toMatchObject({ score: r.score, correct: r.correct, total: r.total, answered: r.answered, ms: r.ms });
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("making a room", () => {
  it("refuses settings no result file could carry", () => {
    expect(() => createRoom({ spec, seconds: 0 }, round)).toThrow(/seconds/);
    expect(() => createRoom({ spec, seconds: 3601 }, round)).toThrow(/seconds/);
    expect(() => createRoom({ spec: { ...spec, minutes: 5 }, seconds: 20 }, round)).toThrow(/minutes 0/);
    expect(() => createRoom({ spec: { ...spec, seed: -1 }, seconds: 20 }, round)).toThrow(/seed/);
    expect(() => createRoom({ spec: { ...spec, count: 4 }, seconds: 20 }, round)).toThrow(/count/);
  });

  it("asks every question of every puzzle, a ladder puzzle's one after the other", () => {
    const room = fresh();
    expect(room.slots.map((s) => [s.number, s.puzzle, s.index])).toEqual([
      [1, 0, 0],
      [2, 1, 0],
      [3, 2, 0],
      [4, 2, 1],
      [5, 2, 2],
    ]);
  });
});
