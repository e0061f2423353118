import { describe, expect, it } from "vitest";
import { center, cut, padEnd, padStart, widthOf, wrap } from "../../src/ui/text";

describe("display width", () => {
  it("a CJK character takes two columns; ASCII, box drawing and arrows one", () => {
    expect([widthOf("abc"), widthOf("客户端"), widthOf("第 1/5 题"), widthOf("│─▶✓✗❯")]).toEqual([3, 6, 9, 6]);
  });

  it("pads, centres and cuts by columns", () => {
    expect(padEnd("服务器", 8)).toBe("服务器  ");
    expect(padStart("服务器", 8)).toBe("  服务器");
    expect(center("客户端", 10)).toBe("  客户端  ");
    expect(cut("三次握手与四次挥手", 9)).toBe("三次握手…");
    expect(widthOf(cut("三次握手与四次挥手", 9))).toBe(9);
    expect(cut("short", 9)).toBe("short");
  });
});

describe("wrap", () => {
  it("breaks English between words", () => {
    expect(wrap("The client calls connect() and waits.", 16)).toEqual(["The client calls", "connect() and", "waits."]);
  });

  it("breaks Chinese between any two characters, by columns, keeping punctuation off the start of a line", () => {
    expect(wrap("服务器已处于 LISTEN。现在客户端调用 connect()，客户端进入哪个状态？", 20)).toEqual([
      "服务器已处于",
      "LISTEN。现在客户端调",
      "用 connect()，客户端",
      "进入哪个状态？",
    ]);
    expect(wrap("一二三四五，六", 10)).toEqual(["一二三四", "五，六"]);
  });

  it("cuts a word longer than a line; keeps newlines", () => {
    expect(wrap("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrap("a\nb", 10)).toEqual(["a", "b"]);
  });
});

describe("the fast path of widthOf agrees with string-width", () => {
  it("for every character it measures by length", async () => {
    const { default: stringWidth } = await import("string-width");
    const chars = [
      ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
      ..."·×…⋮█░▶◀★☆✓✗❯",
      ...Array.from({ length: 0x21ff - 0x2190 + 1 }, (_, i) => String.fromCharCode(0x2190 + i)),
      ...Array.from({ length: 0x257f - 0x2500 + 1 }, (_, i) => String.fromCharCode(0x2500 + i)),
    ];
    expect(chars.filter((c) => stringWidth(c) !== 1)).toEqual([]);
  });
});
