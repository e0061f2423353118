import { describe, expect, it } from "vitest";
import { BINDINGS, COMMANDS, commandKeys, type InkKey, is, keysOf, pickedIndex, typedText } from "../../src/ui/keys";
import { en } from "../../src/ui/i18n/en";

const none: InkKey = {
  upArrow: false,
  downArrow: false,
  return: false,
  escape: false,
  ctrl: false,
  meta: false,
  tab: false,
  backspace: false,
  delete: false,
  leftArrow: false,
  rightArrow: false,
};

describe("keys from Ink's input events", () => {
  it.each([
    ["", { upArrow: true }, ["up"]],
    ["", { downArrow: true }, ["down"]],
    ["", { return: true }, ["enter"]],
    ["", { escape: true, meta: true }, ["escape"]],
    ["c", { ctrl: true }, ["ctrl+c"]],
    ["x", { ctrl: true }, []],
    ["k", {}, ["k"]],
    [" ", {}, ["space"]],
    ["?", {}, ["?"]],
    ["", { tab: true }, []],
    // Backspace sends DEL, which Ink reports as delete; Ctrl+H sends BS, Ink's backspace.
    ["", { delete: true }, ["backspace"]],
    ["", { backspace: true }, ["backspace"]],
    ["", { delete: true, meta: true }, ["backspace"]],
  ])("%j %j → %j", (input, key, keys) => {
    expect(keysOf(input, { ...none, ...key })).toEqual(keys);
  });

  it("Esc and a key right after it, which terminals send as Alt+key, are both keys", () => {
    expect(keysOf("6", { ...none, meta: true })).toEqual(["escape", "6"]);
    expect(keysOf("", { ...none, meta: true, return: true })).toEqual(["escape", "enter"]);
  });

  it("text that arrived as one event is each of its keys, in order", () => {
    expect(keysOf("jj\r", none)).toEqual(["j", "j", "enter"]);
    expect(keysOf("2 \n", none)).toEqual(["2", "space", "enter"]);
    expect(keysOf("ab\u007fc", none)).toEqual(["a", "b", "backspace", "c"]);
    expect(keysOf("张三", none)).toEqual(["张", "三"]);
  });

  it("what each key types into a name: its character, a space; nothing for the keys that command", () => {
    const typed = ["a", "张", "q", "?", "7", "😀", "space"].map(typedText);
    expect(typed).toEqual(["a", "张", "q", "?", "7", "😀", " "]);
    expect(["up", "down", "enter", "escape", "backspace", "ctrl+c"].map(typedText)).toEqual(
      Array(6).fill(undefined),
    );
  });
});

describe("the key table", () => {
  it("names each command's keys; Enter both chooses and continues", () => {
    expect(is("k", "up") && is("up", "up") && is("j", "down") && is("enter", "choose") && is("space", "advance")).toBe(
      true,
    );
    expect(
      is("escape", "back") && is("q", "back") && is("ctrl+c", "quit") && is("h", "hint") && is("s", "diagram"),
    ).toBe(true);
    expect(is("x", "back")).toBe(false);
  });

  it("digits pick items 1 to 9", () => {
    expect(["1", "9", "0", "a"].map(pickedIndex)).toEqual([0, 8, undefined, undefined]);
  });

  it("no key means two commands that could both act on one screen, except Enter (choose, continue)", () => {
    const owners = new Map<string, string[]>();
    for (const c of COMMANDS) for (const k of BINDINGS[c]) owners.set(k, [...(owners.get(k) ?? []), c]);
    const shared = [...owners].filter(([, cs]) => cs.length > 1);
    expect(shared).toEqual([["enter", ["choose", "advance"]]]);
  });

  it("the help lists every key of every command", () => {
    expect(COMMANDS.map((c) => commandKeys(c, en.help.keyNames))).toEqual([
      "↑ k",
      "↓ j",
      "1–9",
      "Enter",
      "Enter Space",
      "h",
      "s",
      "?",
      "Backspace",
      "Esc q",
      "Ctrl+C",
    ]);
  });
});
