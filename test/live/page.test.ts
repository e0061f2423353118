/**
 * The projector page (issue 8) in a real browser: Debian's chromium, headless, driven by playwright-core. A tiny
 * server here stands in for the host's: it serves projectorPage() with the host's CSP (so the page is proven to
 * work under it) and pushes canned ProjectorViews to the page's `/watch` socket; the test reads the DOM back.
 *
 * One browser and one page for the file (launching is the slow part); each test pushes the views it needs, so
 * none depends on what an earlier one left on the screen.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import type { ProjectorView, WatchView } from "../../src/game/live/view";
import { projectorPage } from "../../src/live/page";
import { launchChromium } from "../fixtures/chromium";
import { CHOICES, finished, HOSTILE, LADDER_EN, LADDER_ZH, lobby, PLAYERS, question, reveal } from "./pageViews";

/** The policy the host serves the page with (src/live/server.ts). */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'";

/** The host's side, as far as the page can tell: the page at `/`, the views on `/watch`. */
interface FakeHost {
  readonly url: string;
  /** Sends a view to every page watching, and to each page that connects later (as the host does on connect). */
  push(view: WatchView): void;
  /** Closes every watching socket abruptly, as a crashed host or a dropped Wi-Fi would. */
  drop(): void;
  /** While down, connection attempts are refused; each attempt's time is recorded either way. */
  setDown(down: boolean): void;
  readonly attempts: number[];
  readonly connections: () => number;
  close(): Promise<void>;
}

async function startHost(): Promise<FakeHost> {
  const html = projectorPage();
  const http: Server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/") {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": CSP,
        "cache-control": "no-store",
      });
      res.end(html);
    } else {
      res.writeHead(404, { "content-security-policy": CSP });
      res.end();
    }
  });
  const wss = new WebSocketServer({ noServer: true });
  let current: WatchView | undefined;
  let down = false;
  let connections = 0;
  const attempts: number[] = [];
  http.on("upgrade", (req, socket: Duplex, head) => {
    attempts.push(Date.now());
    if (down || req.url !== "/watch") {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      connections++;
      if (current) ws.send(JSON.stringify(current));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    push(view) {
      current = view;
      for (const ws of wss.clients) ws.send(JSON.stringify(view));
    },
    drop() {
      for (const ws of wss.clients) ws.terminate();
    },
    setDown(d) {
      down = d;
    },
    attempts,
    connections: () => connections,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A view as the host sends it to a page that is not on the host's machine: the PIN withheld. */
const withheld = (view: ProjectorView): WatchView => ({ ...view, join: { ...view.join, pin: null } });

describe("the projector page in headless chromium, under the host's CSP", () => {
  let browser: Browser | undefined;
  let host: FakeHost | undefined;
  let page: Page | undefined;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  /** The page, or the test is skipped (no browser here, and not in CI: beforeAll has thrown there). */
  const the = (skip: (note?: string) => never): { page: Page; host: FakeHost } =>
    page && host ? { page, host } : skip("no chromium here (apt-get install chromium)");
  const text = (selector: string) => (page as Page).locator(selector).textContent();
  const texts = (selector: string) => (page as Page).locator(selector).allTextContents();
  const visible = (selector: string) => (page as Page).locator(selector).isVisible();
  /** A computed style property of the first element matching. (Expressions as text: the project has no DOM types.) */
  const style = (selector: string, property: string) =>
    (page as Page).evaluate<string>(
      `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`,
    );

  /** Elements of the current phase that overflow their box: the projector page is never scrolled. */
  const overflowing = () =>
    (page as Page).evaluate<string[]>(`
      ["lobby", "stage", "main", "board", "ladder-box", "final", "choices", "names"]
        .map((id) => document.getElementById(id))
        .filter((e) => e && e.getClientRects().length > 0)
        .filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.id + " " + e.scrollWidth + "x" + e.scrollHeight + " in " + e.clientWidth + "x" + e.clientHeight)
    `);

  beforeAll(async () => {
    browser = await launchChromium();
    if (browser === undefined) return;
    host = await startHost();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(host.url);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it("is one self-contained document, under 30 KB", () => {
    const html = projectorPage();
    expect(Buffer.byteLength(html)).toBeLessThan(30 * 1024);
    // Nothing to fetch: no external script, style, font or image.
    expect(html).not.toMatch(/\ssrc=|<link|@import|url\(/);
  });

  it("shows the join command and a huge PIN in the lobby, with who has joined", async ({ skip }) => {
    const { page, host } = the(skip);
    host.push(lobby());
    await expect.poll(() => text("#cmd")).toBe("tcp-tutor join 192.168.1.20:8080 --pin 4821");
    expect(await text("#pin")).toBe("4821");
    expect(await text("#join-label")).toBe("Join with");
    expect(await text("#players")).toBe("11 connected · 12 joined");
    expect(await text("#waiting")).toBe("Waiting for the host to start");
    expect(await texts("#names li")).toEqual(PLAYERS.map((p) => p.name));
    expect(await page.locator("#names li.off").allTextContents()).toEqual(["Grace Hopper"]);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await visible("#stage")).toBe(false);
    // The PIN is the largest thing on the screen.
    const pinHeight = (await page.locator("#pin").boundingBox())?.height ?? 0;
    expect(pinHeight).toBeGreaterThan(720 / 5);
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: "/tmp/projector-lobby.png" });
  });

  it("says the PIN is on the host's screen when the view withholds it, and shows it again when it comes", async ({
    skip,
  }) => {
    const { page, host } = the(skip);
    host.push(withheld(lobby()));
    await expect.poll(() => text("#pin")).toBe("The PIN is on the host's screen");
    expect(await text("#cmd")).toBe("tcp-tutor join 192.168.1.20:8080 --pin PIN");
    // Nothing of the PIN of the view before is left anywhere on the page.
    expect(await page.content()).not.toContain("4821");
    expect(await text("#players")).toBe("11 connected · 12 joined");
    expect(await visible("#pin")).toBe(true);
    // A sentence, not a number: smaller than the PIN, yet the largest text of the lobby, and it fits.
    const height = (await page.locator("#pin").boundingBox())?.height ?? 0;
    expect(height).toBeGreaterThan(40);
    expect(height).toBeLessThan(720 / 5);
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: "/tmp/projector-lobby-withheld.png" });

    host.push(withheld(lobby("zh-CN")));
    await expect.poll(() => text("#pin")).toBe("PIN 码在主持人的屏幕上");
    expect(await text("#cmd")).toBe("tcp-tutor join 192.168.1.20:8080 --pin PIN");
    expect(await overflowing()).toEqual([]);

    // The host's machine's page gets the PIN: the number, huge again.
    host.push(lobby());
    await expect.poll(() => text("#pin")).toBe("4821");
    expect(await text("#cmd")).toBe("tcp-tutor join 192.168.1.20:8080 --pin 4821");
    expect(await page.locator("#pin.withheld, #join-pin.withheld").count()).toBe(0);
    expect((await page.locator("#pin").boundingBox())?.height ?? 0).toBeGreaterThan(720 / 5);
  });

  it("shows an open question: its number, the next step, the prompt, lettered choices, the ladder, the answers so far", async ({
    skip,
  }) => {
    const { page, host } = the(skip);
    host.push(question(2, 15_000));
    await expect.poll(() => text("#qnum")).toBe("Question 2 / 5");
    expect(await text("#next")).toBe("The server's SYN+ACK is lost on the way.");
    expect(await text("#prompt")).toBe("One second later, what happens first?");
    expect(await texts("#choices .letter")).toEqual(["A", "B", "C", "D"]);
    expect(await texts("#choices .text")).toEqual([...CHOICES]);
    expect(await text("#ladder")).toBe(LADDER_EN.join("\n"));
    expect(await text("#answered")).toBe("4 / 11 answered");
    expect(await text("#timer .unit")).toBe("seconds");
    // Nothing tells the right choice while the question is open.
    expect(await page.locator("#choices .correct, #choices .dim, #choices .mark, #choices .count").count()).toBe(0);
    expect(await text("#choices")).not.toContain("✓");
    expect(await visible("#reveal-box")).toBe(false);

    // The leaderboard beside it: the first ten, in order, the disconnected one greyed.
    expect(await text("#board h2")).toBe("Leaderboard");
    expect(await texts("#leaders .name")).toEqual(PLAYERS.slice(0, 10).map((p) => p.name));
    expect(await texts("#leaders .place")).toEqual(["1", "2", "3", "4", "5", "5", "7", "8", "9", "10"]);
    expect(await texts("#leaders .score")).toEqual(PLAYERS.slice(0, 10).map((p) => String(p.score)));
    expect(await texts("#leaders .right")).toEqual(PLAYERS.slice(0, 10).map((p) => String(p.correct)));
    const grace = page.locator("#leaders .row", { hasText: "Grace Hopper" });
    expect(await grace.getAttribute("data-connected")).toBe("false");
    expect(Number(await style("#leaders .row[data-connected=false]", "opacity"))).toBeLessThan(0.6);

    // Side by side, the ladder fits its box, nothing overflows.
    const main = await page.locator("#main").boundingBox();
    const board = await page.locator("#board").boundingBox();
    expect(main && board && board.x >= main.x + main.width).toBe(true);
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: "/tmp/projector-question.png" });

    // The same at 1920×1080.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(overflowing).toEqual([]);
    await page.screenshot({ path: "/tmp/projector-question-1080.png" });
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it("counts the seconds down from msLeft, turns red in the last 5 s, and stops at 0", async ({ skip }) => {
    const { page, host } = the(skip);
    const seconds = async () => Number(await text("#seconds"));
    const urgent = () => page.locator("#timer.urgent").count();

    host.push(question(2, 6_300));
    await expect.poll(seconds).toBe(7);
    expect(await urgent()).toBe(0);
    // Counted on the page between views: the host sends no view meanwhile.
    await expect.poll(seconds, { timeout: 3000 }).toBe(5);
    expect(await urgent()).toBe(1);

    host.push(question(2, 12_000, 9));
    await expect.poll(seconds).toBe(12);
    expect(await urgent()).toBe(0);
    expect(await text("#answered")).toBe("9 / 11 answered");

    host.push(question(2, 200, 10));
    await expect.poll(seconds).toBe(0);
    expect(await urgent()).toBe(1);
  });

  it("reveals the right choice only in the reveal: marked, the others dimmed, the votes, why, and where to read", async ({
    skip,
  }) => {
    const { page, host } = the(skip);
    host.push(reveal(2));
    await expect.poll(() => page.locator("#choices .correct").count()).toBe(1);
    const right = page.locator("#choices .correct");
    expect(await right.locator(".text").textContent()).toBe(CHOICES[0]);
    expect(await right.locator(".mark").textContent()).toBe("✓");
    expect(await page.locator("#choices .mark").count()).toBe(1);
    expect(await texts("#choices .dim .text")).toEqual(CHOICES.slice(1));
    expect(await texts("#choices .count")).toEqual(["7", "3", "1", "0"]);
    // Each bar as long as its share of the votes: 7 of 11, 0 of 11.
    const widths = await page.evaluate<string[]>(
      `[...document.querySelectorAll("#choices .bar")].map((b) => b.style.width)`,
    );
    const shares = [7, 3, 1, 0].map((n) => (100 * n) / 11);
    widths.forEach((w, i) => expect(parseFloat(w)).toBeCloseTo(shares[i] ?? -1, 2));
    expect(await text("#explain")).toMatch(/^The client's retransmission timer fires first/);
    expect(await texts("#cites li")).toEqual(["RFC 9293 §3.8.1", "RFC 6298 §2"]);
    expect(await visible("#timer")).toBe(false);
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: "/tmp/projector-reveal.png" });

    // The next question starts clean: nothing of the reveal is left.
    host.push(question(3, 20_000, 0));
    await expect.poll(() => text("#qnum")).toBe("Question 3 / 5");
    expect(await page.locator("#choices .correct, #choices .dim, #choices .mark, #choices .count").count()).toBe(0);
    expect(await text("#explain")).toBe("");
    expect(await visible("#reveal-box")).toBe(false);
  });

  it("ends on the final ranking, the first three emphasized", async ({ skip }) => {
    const { page, host } = the(skip);
    host.push(finished());
    await expect.poll(() => text("#final h1")).toBe("Final ranking");
    expect(await texts("#final-list .name")).toEqual(PLAYERS.slice(0, 10).map((p) => p.name));
    expect(await texts("#final-list .top .name")).toEqual(["Ada", "李雷", HOSTILE]);
    const size = async (selector: string) => parseFloat(await style(selector, "fontSize"));
    expect(await size("#final-list .p1")).toBeGreaterThan(await size("#final-list .row:not(.top)"));
    expect(await visible("#stage")).toBe(false);
    expect(await overflowing()).toEqual([]);
    await page.screenshot({ path: "/tmp/projector-final.png" });
  });

  it("speaks Chinese when the host does", async ({ skip }) => {
    const { page, host } = the(skip);
    host.push(question(2, 15_000, 4, "zh-CN"));
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await text("#qnum")).toBe("第 2 题 / 共 5 题");
    expect(await text("#answered")).toBe("已作答 4 / 11");
    expect(await text("#timer .unit")).toBe("秒");
    expect(await text("#board h2")).toBe("排行榜");
    expect(await text("#prompt")).toBe("一秒之后，最先发生的是什么？");
    expect(await text("#ladder")).toBe(LADDER_ZH.join("\n"));
    expect(await text("#banner")).toBe("连接中断，正在重连…");
    await page.screenshot({ path: "/tmp/projector-question-zh.png" });

    host.push(lobby("zh-CN"));
    await expect.poll(() => text("#join-label")).toBe("加入方式");
    expect(await text("#waiting")).toBe("等待主持人开始");
    expect(await text("#players")).toBe("已连接 11 人 · 已加入 12 人");

    host.push(finished("zh-CN"));
    await expect.poll(() => text("#final h1")).toBe("最终排名");

    host.push(lobby("en"));
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
  });

  it("shows a hostile player name as text: no markup, no script", async ({ skip }) => {
    const { page, host } = the(skip);
    host.push(question(4, 15_000));
    await expect.poll(() => texts("#leaders .name")).toContain(HOSTILE);
    expect(await page.locator("img").count()).toBe(0);
    host.push(lobby());
    await expect.poll(() => texts("#names li")).toContain(HOSTILE);
    expect(await page.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("says the connection is lost, reconnects after 1 s then 2 s, and clears the banner once back", async ({
    skip,
  }) => {
    const { host } = the(skip);
    host.push(question(5, 15_000));
    await expect.poll(() => text("#qnum")).toBe("Question 5 / 5");
    expect(await visible("#banner")).toBe(false);
    const before = host.connections();

    host.setDown(true);
    const dropped = Date.now();
    const tried = host.attempts.length;
    host.drop();
    await expect.poll(() => visible("#banner")).toBe(true);
    expect(await text("#banner")).toBe("Connection lost, reconnecting…");
    await (page as Page).screenshot({ path: "/tmp/projector-reconnecting.png" });
    // The first retry comes after a second, and is refused; the host comes back; the next is two seconds later.
    await expect.poll(() => host.attempts.length, { timeout: 3000 }).toBe(tried + 1);
    host.setDown(false);
    host.push(question(5, 9_000, 7));
    await expect.poll(() => host.connections(), { timeout: 4000 }).toBe(before + 1);
    const [first, second] = host.attempts.slice(tried);
    expect((first ?? 0) - dropped).toBeGreaterThanOrEqual(900);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(1900);
    expect((second ?? 0) - (first ?? 0)).toBeLessThan(3500);

    await expect.poll(() => visible("#banner")).toBe(false);
    // And the page shows what the host sent while it was away.
    await expect.poll(() => text("#answered")).toBe("7 / 11 answered");
  });

  it("ran without a dialog, a script error or a CSP violation", ({ skip }) => {
    the(skip);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
