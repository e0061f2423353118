/**
 * The projector page against the real host: `startLiveServer` serves it and feeds it, a real student joins and
 * answers, and headless chromium shows what the lecture hall would see.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChallengeSpec, challengeRound, GENERATOR_VERSION } from "../../src/game/challenge";
import { questionsOf } from "../../src/game/questions";
import { answerKey } from "../../src/levels/answer";
import { joinLive, type LiveClient } from "../../src/live/client";
import { type LiveServer, startLiveServer } from "../../src/live/server";
import { launchChromium } from "../fixtures/chromium";

const SPEC: ChallengeSpec = { generator: GENERATOR_VERSION, seed: 42, count: 1, topics: [], difficulty: undefined, minutes: 0 };
/** The round's first question, whose right choice the student gives. */
const QUESTION = challengeRound(SPEC).flatMap((p) => questionsOf(p.level))[0]?.question;

describe("the projector page served by the live server", () => {
  let browser: Browser | undefined;
  let server: LiveServer | undefined;
  let student: LiveClient | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    if (browser === undefined) return;
    server = await startLiveServer({ spec: SPEC, seconds: 60, pin: "424242", bind: "127.0.0.1" });
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.url);
  }, 600_000);

  afterAll(async () => {
    student?.close();
    await browser?.close();
    await server?.close();
  });

  it("lobby, a question, its reveal: what the host's room holds, as it happens", async ({ skip }) => {
    if (!page || !server || !QUESTION) return skip("no chromium here (apt-get install chromium)");
    const p = page;
    const text = (selector: string) => p.locator(selector).textContent();
    // Opened on the host's own machine: the PIN is shown.
    await expect.poll(() => text("#pin")).toBe("424242");
    expect(await text("#cmd")).toBe(`tcp-tutor join ${server.address} --pin 424242`);

    student = joinLive({ address: server.address, pin: "424242", name: "Ann" });
    await expect.poll(() => p.locator("#names li").allTextContents()).toEqual(["Ann"]);

    server.start();
    await expect.poll(() => text("#qnum")).toBe(`Question 1 / ${server?.room.slots.length}`);
    expect(await p.locator("#choices .choice").count()).toBe(QUESTION.choices.length);
    expect(await p.locator("#choices .correct").count()).toBe(0);
    expect((await text("#ladder"))?.length ?? 0).toBeGreaterThan(0);

    const right = QUESTION.choices.findIndex((c) => answerKey(c.answer) === answerKey(QUESTION.correct));
    expect(await student.answer(1, right)).toBe("accepted");
    // The only player answered: the question closes, and the page marks the right choice.
    await expect.poll(() => p.locator("#choices .correct").count()).toBe(1);
    const choices = await p.locator("#choices .choice").allTextContents();
    expect(choices[right]).toContain("✓");
    await expect.poll(() => p.locator("#leaders li").first().textContent()).toContain("Ann");
  }, 30_000);
});
