import { describe, expect, it } from "vitest";
import { visible } from "../../../src/ui/components/ChoiceList";
import { listKey } from "../../../src/ui/state/list";

describe("a list of choices, one key at a time", () => {
  it("↑/k and ↓/j move and wrap around", () => {
    expect(listKey(0, 3, "down")).toEqual({ kind: "moved", cursor: 1 });
    expect(listKey(2, 3, "j")).toEqual({ kind: "moved", cursor: 0 });
    expect(listKey(0, 3, "up")).toEqual({ kind: "moved", cursor: 2 });
    expect(listKey(1, 3, "k")).toEqual({ kind: "moved", cursor: 0 });
  });

  it("Enter chooses the highlighted item; a digit chooses its item at once, if there is one", () => {
    expect(listKey(2, 3, "enter")).toEqual({ kind: "chosen", index: 2 });
    expect(listKey(0, 3, "3")).toEqual({ kind: "chosen", index: 2 });
    expect(listKey(0, 3, "4")).toEqual({ kind: "none" });
    expect(listKey(0, 3, "x")).toEqual({ kind: "none" });
    expect(listKey(0, 0, "enter")).toEqual({ kind: "none" });
  });

  it("keys applied in order choose what the player moved to", () => {
    let cursor = 0;
    const outcomes = ["down", "down", "enter"].map((k) => {
      const out = listKey(cursor, 4, k);
      if (out.kind === "moved") cursor = out.cursor;
      return out;
    });
    expect(outcomes.at(-1)).toEqual({ kind: "chosen", index: 2 });
  });
});

describe("a list longer than its rows", () => {
  it("shows the window around the cursor", () => {
    expect(visible(5, 4, 10)).toEqual([0, 5]);
    expect(visible(30, 0, 10)).toEqual([0, 10]);
    expect(visible(30, 15, 10)).toEqual([10, 20]);
    expect(visible(30, 29, 10)).toEqual([20, 30]);
  });
});
