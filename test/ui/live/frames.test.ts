import { describe, expect, it } from "vitest";
import type { PlayerView } from "../../../src/game/live";
import type { Line } from "../../../src/ui/components/Lines";
import { keyHints } from "../../../src/ui/components/KeyHints";
import { CATALOGUES } from "../../../src/ui/i18n";
import { hostFrame, joinFrame, type LiveFrame, msLeftNow } from "../../../src/ui/live/frames";
import { widthOf } from "../../../src/ui/text";
import { themeFor } from "../../../src/ui/theme";
import { CHOICES, finished, lobby, PLAYERS, question, reveal } from "../../live/pageViews";

/** The frame as the terminal shows it: title, blank, body, blank, key hints (plain text). */
function screen(frame: LiveFrame, lang: "en" | "zh-CN" = "en"): string[] {
  const text = (l: Line) => (typeof l === "string" ? l : l.map((p) => p.text).join(""));
  return [frame.title, "", ...frame.body.map(text), "", keyHints(frame.hints, CATALOGUES[lang])];
}

const common = { t: CATALOGUES.en, theme: themeFor(false), width: 80, height: 24 } as const;
const host = (view: Parameters<typeof hostFrame>[0]["view"], more: Partial<Parameters<typeof hostFrame>[0]> = {}) =>
  screen(hostFrame({ view, url: "http://192.168.1.20:8080/", msLeft: 12_400, ...common, ...more }));

describe("the host's screen", () => {
  it("lobby: the join command with the PIN, the projector's address, who joined; Enter starts", () => {
    const lines = host(lobby());
    expect(lines.slice(0, 6)).toEqual([
      "Live round",
      "",
      "Join with: tcp-tutor join 192.168.1.20:8080 --pin 4821",
      "Projector: http://192.168.1.20:8080/",
      "",
      "11 connected · 12 joined",
    ]);
    expect(lines[6]).toContain("Ada, 李雷, <img src=x onerror=alert(1)>, Grace Hopper (away), Linus");
    expect(lines.at(-3)).toBe("Enter starts the round");
    expect(lines.at(-1)).toBe("Enter continue · Esc back");
  });

  it("question: the countdown in the title, the choices without any mark, how many answered, the ladder's tail", () => {
    const lines = host(question(2, 20_000, 4), { msLeft: 12_400 });
    expect(lines[0]).toBe(`Live round · Question 2 of 5${" ".repeat(80 - 28 - 9)}13 s left`);
    expect(lines).toContain("One second later, what happens first?");
    expect(lines.filter((l) => /^ {2}[A-D]\. /.test(l))).toEqual(CHOICES.map((c, i) => `  ${"ABCD"[i]}. ${c}`));
    expect(lines.some((l) => l.includes("✓"))).toBe(false);
    expect(lines).toContain("4 of 11 answered · Enter closes the question now");
    expect(lines.at(-3)).toMatch(/PSH\+ACK seq=1001 ack=5001 len=100|──▶/);
    expect(lines).toHaveLength(24);
  });

  it("reveal: the right choice marked, each choice's count with a bar, the explanation, the leaderboard", () => {
    const lines = host(reveal(2));
    expect(lines[0]).toMatch(/^Live round · Question 2 of 5 +closed$/);
    const choices = lines.filter((l) => /^[✓ ] [A-D]\. /.test(l));
    expect(choices.map((l) => l.slice(0, 2))).toEqual(["✓ ", "  ", "  ", "  "]);
    expect(choices.map((l) => l.match(/ (\d+) █*\s*$/)?.[1])).toEqual(["7", "3", "1", "0"]);
    expect(choices[0]).toMatch(/ 7 █{16}$/);
    expect(lines.some((l) => l.startsWith("The client's retransmission timer fires first"))).toBe(true);
    expect(lines).toContain("Leaderboard");
    expect(lines.find((l) => /^ ?1\. Ada /.test(l))).toMatch(/ 2950 pts {2}✓3$/);
    expect(lines.at(-3)).toBe("Enter: next question");
    expect(lines.every((l) => widthOf(l) <= 80)).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(24);
  });

  it("reveal of the last question: Enter shows the final ranking; with --auto, the seconds until the next", () => {
    expect(host({ ...reveal(5) }).at(-3)).toBe("Enter: final ranking");
    expect(host(reveal(2), { autoIn: 3200 }).at(-3)).toBe("next in 4 s");
    expect(host(reveal(5), { autoIn: 900 }).at(-3)).toBe("final ranking in 1 s");
  });

  it("finished: the final ranking, a dropped player marked away, and where the results were written", () => {
    const lines = host(finished(), { results: { count: 12, dir: "/class/live-X" } });
    expect(lines[0]).toBe("Final ranking");
    expect(lines).toContain("Leaderboard");
    expect(lines.some((l) => l.includes("Grace Hopper (away)"))).toBe(true);
    expect(lines).toContain("12 result files written to /class/live-X (tcp-tutor scoreboard /class/live-X)");
    expect(host(finished(), { results: { error: "EACCES: permission denied" } })).toContain(
      "Results not written: EACCES: permission denied",
    );
  });

  it("the countdown runs from the view's msLeft and the time since it came, never below 0", () => {
    expect(msLeftNow(12_000, 1_000, 3_500)).toBe(9_500);
    expect(msLeftNow(1_000, 1_000, 9_000)).toBe(0);
  });
});

/** A student's view of question 2, open, or closed with their answer. */
function playerView(phase: PlayerView["phase"], chosen?: number, right = false): PlayerView {
  const q = question(2, 15_000).question;
  if (q === undefined) throw new Error("no question");
  return {
    phase,
    lang: "en",
    round: { questions: 5, seconds: 20 },
    you: { name: "Ann", place: 3, score: 1800, correct: 2, streak: 0 },
    players: { connected: 11, joined: 12 },
    question: {
      number: q.number,
      total: q.total,
      ...(q.next === undefined ? {} : { next: q.next }),
      prompt: q.prompt,
      choices: q.choices,
      ladder: q.ladder,
      seconds: 20,
      msLeft: phase === "question" ? 15_000 : 0,
      ...(chosen === undefined ? {} : { chosen }),
    },
    ...(phase === "reveal"
      ? { reveal: { correct: 0, right, points: right ? 264 : 0, distribution: [7, 3, 1, 0], explain: "The client's timer fires first.", cite: [] } }
      : {}),
    leaderboard: PLAYERS.slice(0, 5),
  };
}

const student = (more: Partial<Parameters<typeof joinFrame>[0]>) =>
  screen(joinFrame({ address: "192.168.1.20:8080", status: "joined", cursor: 0, msLeft: 15_000, ...common, ...more }));

describe("a student's screen", () => {
  it("before the welcome: joining the address", () => {
    expect(student({ status: "connecting" }).slice(0, 3)).toEqual(["Live round", "", "Joining 192.168.1.20:8080…"]);
  });

  it("never joined and the host does not answer: says so, and that it tries again", () => {
    expect(student({ status: "connecting", detail: "connect ECONNREFUSED 192.168.1.20:8080" }).slice(2, 4).join(" ")).toBe(
      "No answer from 192.168.1.20:8080 yet: trying again… (is the address right, and the round hosted?)",
    );
  });

  it("refused (a wrong PIN): the host's reason, and nothing else", () => {
    expect(student({ status: "refused", detail: "wrong PIN" }).slice(2, 3)).toEqual(["The host refused: wrong PIN"]);
  });

  it("an open question: name, number and countdown in the title; the cursor on a choice; keys to answer", () => {
    const lines = student({ view: playerView("question"), cursor: 2, msLeft: 14_200 });
    expect(lines[0]).toMatch(/^Live round · Ann +Question 2 of 5 · 15 s left$/);
    expect(lines.filter((l) => /^[❯ ] [A-D]\. /.test(l))).toEqual([
      `  A. ${CHOICES[0]}`,
      `  B. ${CHOICES[1]}`,
      `❯ C. ${CHOICES[2]}`,
      `  D. ${CHOICES[3]}`,
    ]);
    expect(lines.at(-1)).toBe("↑↓ move · 1–9 pick · Enter choose · Esc back");
    expect(lines.length).toBeLessThanOrEqual(24);
  });

  it("answered: the answer given, waiting for the others; no cursor; an answer the server refused says why", () => {
    const lines = student({ view: playerView("question", 1) });
    expect(lines).toContain(`Your answer: B. ${CHOICES[1]}. Waiting for the others…`);
    expect(lines.some((l) => l.startsWith("❯"))).toBe(false);
    expect(student({ view: playerView("question"), refusal: "late" })).toContain("Answer not counted: late");
  });

  it("closed: right or wrong, the right answer, the explanation, the student's place, the leaderboard", () => {
    const right = student({ view: playerView("reveal", 0, true) });
    expect(right.slice(2, 4)).toEqual(["✓ Right: +264 points", `Right answer: A. ${CHOICES[0]}`]);
    expect(right).toContain("You: #3 of 12, 1800 points, 2 right");
    expect(right).toContain("Leaderboard");
    expect(student({ view: playerView("reveal", 1) })[2]).toBe("✗ Wrong");
    expect(student({ view: playerView("reveal") })[2]).toBe("✗ No answer in time");
  });

  it("the connection lost: a banner over the screen while it rejoins", () => {
    expect(student({ view: playerView("lobby"), status: "reconnecting" }).slice(2, 5)).toEqual([
      "Connection lost: rejoining…",
      "",
      "Waiting for the host to start…",
    ]);
  });
});
