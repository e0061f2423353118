import { describe, expect, it } from "vitest";
import { PROFILE_NAME } from "../../../src/store/schema";
import { nameProblem, PROFILE_NAME_MAX } from "../../../src/ui/state/profileName";

describe("why a name cannot be a new profile", () => {
  it("valid names of any script: none", () => {
    for (const name of ["ana", "Ana_2", "b.o-b", "张三", "Łukasz", "7", "محمد"]) {
      expect(nameProblem(name, []), name).toBeUndefined();
    }
  });

  it.each([
    ["", { kind: "empty" }],
    [".ana", { kind: "start" }],
    [" ana", { kind: "start" }],
    ["ana bo", { kind: "char", char: " " }],
    ["ana/bo", { kind: "char", char: "/" }],
    ["a😀", { kind: "char", char: "😀" }],
  ])("%j: %j", (name, problem) => {
    expect(nameProblem(name, [])).toEqual(problem);
  });

  it("the longest name is the store's: PROFILE_NAME_MAX characters pass, one more is too long", () => {
    expect(PROFILE_NAME.test("张".repeat(PROFILE_NAME_MAX))).toBe(true);
    expect(nameProblem("张".repeat(PROFILE_NAME_MAX), [])).toBeUndefined();
    expect(PROFILE_NAME.test("张".repeat(PROFILE_NAME_MAX + 1))).toBe(false);
    expect(nameProblem("张".repeat(PROFILE_NAME_MAX + 1), [])).toEqual({ kind: "tooLong", max: PROFILE_NAME_MAX });
  });

  it("a profile that exists already", () => {
    expect(nameProblem("ana", ["ana", "default"])).toEqual({ kind: "exists", name: "ana" });
    expect(nameProblem("Ana", ["ana", "default"])).toBeUndefined();
  });

  it("says why exactly when the store's rule refuses the name", () => {
    const samples = ["a", "a-", "-a", "a..b", "_", "a_b", "Ab9", "9", "a\u0301", "ａｂ", "a\tb", "ä"];
    samples.push("x".repeat(PROFILE_NAME_MAX), "x".repeat(PROFILE_NAME_MAX + 1));
    for (const name of samples) {
      expect(nameProblem(name, []) === undefined, name).toBe(PROFILE_NAME.test(name));
    }
  });
});
