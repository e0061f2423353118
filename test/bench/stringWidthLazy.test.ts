/**
 * The build puts src/ui/stubs/stringWidthLazy.ts in place of string-width's segmenter and emoji regex, for speed:
 * the widths must stay exactly string-width's.
 */
import { describe, expect, it } from "vitest";
import { lazyRgiEmoji, lazySegmenter, MAY_BE_RGI_EMOJI } from "../../src/ui/stubs/stringWidthLazy";

const rgiEmoji = new RegExp("^\\p{RGI_Emoji}$", "v");

describe("the lazy RGI emoji regex", () => {
  it("passes over nothing the real one matches: every code point, alone and with FE0F, 20E3 or ZWJ after it", () => {
    const missed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      for (const text of [s, `${s}\uFE0F`, `${s}\u20E3`, `${s}\uFE0F\u20E3`, `${s}\u200D`]) {
        if (!MAY_BE_RGI_EMOJI.test(text) && rgiEmoji.test(text)) missed.push(text);
      }
    }
    expect(missed).toEqual([]);
  }, 60_000);

  it("answers as the real one: emoji of every kind, and the UI's own symbols", () => {
    const texts = ["😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "1️⃣", "#️⃣", "©️", "©", "1", "↑", "↓", "·", "–", "❯", "│", "─", "★", "☆", "✓", "✗", "小", "a"];
    for (const t of texts) expect(lazyRgiEmoji.test(t), t).toBe(rgiEmoji.test(t));
    // The UI's symbols never need the real regex.
    for (const t of ["↑", "↓", "·", "–", "❯", "│", "─", "小", "1"]) expect(MAY_BE_RGI_EMOJI.test(t), t).toBe(false);
  });
});

it("the lazy segmenter segments as Intl.Segmenter", () => {
  const text = "a小👨‍👩‍👧 e\u0301 🇫🇷!";
  const segments = (s: Intl.Segments) => [...s].map((x) => x.segment);
  expect(segments(lazySegmenter.segment(text))).toEqual(segments(new Intl.Segmenter().segment(text)));
});
