import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ChallengeSpec, challengeRound, encodeChallenge, GENERATOR_VERSION } from "../../src/game/challenge";
import type { PlayerView } from "../../src/game/live";
import { questionsOf } from "../../src/game/questions";
import { answerKey } from "../../src/levels/answer";
import { joinLive, type LiveClient } from "../../src/live/client";
import { verifyResultText } from "../../src/store/challengeResult";
import type { HostAppProps } from "../../src/ui/live/LiveApps";
import { tcpTutor, tempHome } from "./tcpTutor";

/**
 * `tcp-tutor host` as a class uses it: the command starts the real server on loopback, students join with the real
 * client, the host's keys are the screen's intents (here, the test's), and at the end every player's result file is
 * written, verifiable and ranked by `tcp-tutor scoreboard`.
 */

const SPEC: ChallengeSpec = { generator: GENERATOR_VERSION, seed: 77, count: 2, topics: [], difficulty: undefined, minutes: 0 };
const CODE = encodeChallenge(SPEC);
const SLOTS = challengeRound(SPEC).flatMap((p) => questionsOf(p.level));

/** The next view of `client` that satisfies `ok` (its latest one, if it already does). */
function viewWhere(client: LiveClient, ok: (v: PlayerView) => boolean): Promise<PlayerView> {
  return new Promise((resolve) => {
    if (client.view !== undefined && ok(client.view)) return resolve(client.view);
    const stop = client.onView((v) => {
      if (!ok(v)) return;
      stop();
      resolve(v);
    });
  });
}

/** The index of question k's right choice, from the round the code stands for. */
function rightChoice(k: number): number {
  const q = SLOTS[k]?.question;
  if (q === undefined) throw new Error(`no question ${k}`);
  return q.choices.findIndex((c) => answerKey(c.answer) === answerKey(q.correct));
}

describe("tcp-tutor host, with students joining over loopback", () => {
  it("runs the round on the host's keys and writes each player's verifiable result", async () => {
    const out = join(tempHome(), "results");
    const clients: LiveClient[] = [];
    const host = async ({ host: h }: HostAppProps) => {
      const lobby = h.view();
      expect(lobby.phase).toBe("lobby");
      expect(h.url).toBe(`http://${lobby.join.address}/`);
      for (const name of ["Ann", "Bo"]) {
        clients.push(joinLive({ address: lobby.join.address, pin: lobby.join.pin, name }));
      }
      await Promise.all(clients.map((c) => viewWhere(c, (v) => v.phase === "lobby")));
      h.next();
      for (let k = 0; k < SLOTS.length; k++) {
        const [ann, bo] = await Promise.all(clients.map((c) => viewWhere(c, (v) => v.phase === "question" && v.question?.number === k + 1)));
        const choices = ann?.question?.choices.length ?? 0;
        // Ann answers right; Bo answers another choice.
        expect(await clients[0]?.answer(k + 1, rightChoice(k))).toBe("accepted");
        expect(await clients[1]?.answer(k + 1, (rightChoice(k) + 1) % choices)).toBe("accepted");
        expect(bo?.reveal).toBeUndefined();
        // Both answered: the question closes without waiting for its seconds.
        await Promise.all(clients.map((c) => viewWhere(c, (v) => v.phase === "reveal" && v.question?.number === k + 1)));
        h.next();
      }
      await Promise.all(clients.map((c) => viewWhere(c, (v) => v.phase === "finished")));
      for (const c of clients) c.close();
    };
    const r = await tcpTutor(["host", "--bind", "127.0.0.1", "--port", "0", "--count", "2", "--seed", "77", "--out", out], {
      terminal: true,
      live: host,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`2 result files written to ${out} (tcp-tutor scoreboard ${out})\n`);
    expect(readdirSync(out).sort()).toEqual([`Ann-${CODE}.json`, `Bo-${CODE}.json`]);
    const ann = verifyResultText(readFileSync(join(out, `Ann-${CODE}.json`), "utf8"));
    const bo = verifyResultText(readFileSync(join(out, `Bo-${CODE}.json`), "utf8"));
    if (!ann.ok || !bo.ok) throw new Error(`${ann.ok ? "" : ann.reason} ${bo.ok ? "" : bo.reason}`);
    expect(ann.result.live).toEqual({ seconds: 30 });
    expect([ann.replay.correct, ann.replay.total, bo.replay.correct]).toEqual([SLOTS.length, SLOTS.length, 0]);

    const board = JSON.parse((await tcpTutor(["scoreboard", out, "--json"])).stdout);
    expect(board.rounds[0].results.map((x: { place: number; name: string }) => [x.place, x.name])).toEqual([
      [1, "Ann"],
      [2, "Bo"],
    ]);
    expect(board.rounds[0].results[0].live).toBe(true);
  }, 20_000);

  it("a port another program has: said in one line, exit 1", async () => {
    const first = tcpTutor(["host", "--bind", "127.0.0.1", "--port", "0"], {
      terminal: true,
      live: async ({ host: h }) => {
        const port = h.url.split(":")[2]?.replace("/", "") ?? "";
        const second = await tcpTutor(["host", "--bind", "127.0.0.1", "--port", port], { terminal: true });
        expect(second.code).toBe(1);
        expect(second.stderr).toMatch(
          new RegExp(`^host: cannot listen on port ${port}: .*EADDRINUSE.* \\(another program has it: choose another with --port P, or --port 0 for any\\)\\n$`),
        );
      },
    });
    expect((await first).code).toBe(0);
  });

  it("without a terminal: host and join say they need one (exit 2)", async () => {
    expect((await tcpTutor(["host"])).stderr).toBe(
      "host: the host's screen needs a terminal (standard input and output): its keys run the round (see tcp-tutor --help)\n",
    );
    expect((await tcpTutor(["join", "127.0.0.1:1", "--pin", "1"])).code).toBe(2);
    expect((await tcpTutor(["join", "127.0.0.1:1"])).stderr).toBe("join: missing --pin PIN (the PIN the host shows) (see tcp-tutor --help)\n");
    expect((await tcpTutor(["join", "not an address", "--pin", "1"], { terminal: true })).stderr).toBe(
      'join: "not an address" is not an address to join (the host shows it, like 192.168.1.20:8123) (see tcp-tutor --help)\n',
    );
  });
});
