import { describe, expect, it } from "vitest";
import { encodeChallenge } from "../../src/game/challenge";
import { resultFileName, resultText, sealResult, verifyResultText } from "../../src/store/challengeResult";
import { CODE, genuineResult, SPEC } from "../fixtures/challengeResults";

/** The file's JSON with `change` applied, as a hand edit would leave it (the seal untouched). */
function edited(change: (json: Record<string, unknown> & { answers: Record<string, unknown>[] }) => void): string {
  const json = JSON.parse(resultText(genuineResult({ wrong: [1] })));
  change(json);
  return JSON.stringify(json, null, 2);
}

describe("a challenge result file", () => {
  it("as written: valid, and the replay gives exactly the numbers it states", () => {
    const result = genuineResult({ wrong: [1] });
    const verified = verifyResultText(resultText(result));
    if (!verified.ok) throw new Error(verified.reason);
    expect(verified.replay).toMatchObject({ score: result.score, correct: result.total - 1, total: result.total });
    expect(verified.spec).toEqual(SPEC);
  });

  it("re-indented, or its fields reordered: still valid (the seal covers values, not layout)", () => {
    const json = JSON.parse(resultText(genuineResult()));
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    expect(verifyResultText(JSON.stringify(reordered)).ok).toBe(true);
  });

  it("its score edited: refused, the seal no longer matches", () => {
    expect(verifyResultText(edited((j) => void (j.score = (j.score as number) + 500)))).toEqual({
      ok: false,
      reason: "edited after it was written (its seal does not match its contents)",
    });
  });

  it("a wrong answer changed to the right one: refused", () => {
    const right = genuineResult().answers[1]?.answer;
    expect(verifyResultText(edited((j) => void ((j.answers[1] as { answer: unknown }).answer = right))).ok).toBe(false);
  });

  it("an answer's time edited: refused", () => {
    expect(verifyResultText(edited((j) => void ((j.answers[0] as { ms: number }).ms = 100))).ok).toBe(false);
  });

  it("numbers that disagree with the answers, even sealed again: refused, naming the number", () => {
    const honest = genuineResult({ wrong: [1] });
    const { seal: _, ...rest } = honest;
    const forged = sealResult({ ...rest, score: honest.score + 300 });
    expect(verifyResultText(resultText(forged))).toEqual({
      ok: false,
      reason: `its score says ${honest.score + 300}, but its answers give ${honest.score}`,
    });
  });

  it("a code that does not exist (a typo in it): refused by the code's check character", () => {
    const typo = `${CODE.slice(0, 3)}${CODE[3] === "0" ? "1" : "0"}${CODE.slice(4)}`;
    const { seal: _, ...rest } = genuineResult();
    const verified = verifyResultText(resultText(sealResult({ ...rest, code: typo })));
    expect(verified).toMatchObject({ ok: false, reason: expect.stringContaining("check character does not match") });
  });

  it("answers that could not have been given (not among the choices), even sealed: refused with the replay's reason", () => {
    const { seal: _, ...rest } = genuineResult();
    const answers = rest.answers.map((a, i) => (i === 0 ? { ...a, answer: "LISTENING" } : a));
    expect(verifyResultText(resultText(sealResult({ ...rest, answers })))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^impossible answers: answer 1 .*"LISTENING" is not one of the question's choices$/),
    });
  });

  it("another round's code on the same answers: refused", () => {
    const other = encodeChallenge({ ...SPEC, seed: SPEC.seed + 1 });
    const { seal: _, ...rest } = genuineResult();
    expect(verifyResultText(resultText(sealResult({ ...rest, code: other }))).ok).toBe(false);
  });

  it("not JSON, another kind of file, a missing field: refused with what is wrong", () => {
    expect(verifyResultText("{")).toEqual({ ok: false, reason: "not JSON" });
    expect(verifyResultText('{"tcpTutor":"profile"}')).toEqual({ ok: false, reason: "not a tcp-tutor challenge result" });
    expect(verifyResultText(edited((j) => void delete j.name))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not a valid result file (name:"),
    });
  });

  it("is named after the player and the code, in any script, with nothing a file system minds", () => {
    expect(resultFileName("Ann", "7KQ2-MX4D-H9PT")).toBe("Ann-7KQ2-MX4D-H9PT.json");
    expect(resultFileName("王 小明", "7KQ2-MX4D-H9PT", 2)).toBe("王_小明-7KQ2-MX4D-H9PT-2.json");
    expect(resultFileName("../../etc/x", "C")).toBe("etc_x-C.json");
  });
});
