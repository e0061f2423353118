import { z } from "zod";

/**
 * The level file format. This schema is the single source: the TypeScript types are inferred from it and the
 * published JSON Schema (levels/level.schema.json) is generated from it.
 */

/** CJK characters and CJK punctuation (fullwidth forms included). */
const CJK = "\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef";
const FOLDED_GAP = new RegExp(`([${CJK}]) (?=[${CJK}])`, "gu");

/**
 * YAML folds a long block into one line by joining its lines with spaces. Chinese puts no spaces between
 * characters, so a space between two CJK characters can only come from folding: remove it.
 */
export function unfoldChinese(text: string): string {
  return text.replace(FOLDED_GAP, "$1");
}

/** Every text a player reads exists in both languages. */
export const Localized = z.strictObject({
  en: z.string().trim().min(1, "English text is empty"),
  "zh-CN": z.string().trim().min(1, "Chinese text is empty").transform(unfoldChinese),
});
export type Localized = z.infer<typeof Localized>;

export const LANGS = ["en", "zh-CN"] as const;
export type Lang = (typeof LANGS)[number];

const side = z.enum(["client", "server"]);

/** Level, puzzle, chapter and concept ids: lower-case letters, digits and dashes (they name files and records). */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes");

/** Where in the scenario a puzzle is posed: after a step has settled, or as a given segment arrives. */
export const PuzzlePoint = z.union([
  z.strictObject({ afterStep: z.int().min(0) }).describe("after step N (0-based) and everything it triggers"),
  z.strictObject({ segment: z.int().min(0) }).describe("as segment N (0-based, in the order sent) arrives"),
]);
export type PuzzlePoint = z.infer<typeof PuzzlePoint>;

const common = {
  /** Stable within the level: progress and statistics refer to it. */
  id: slug,
  at: PuzzlePoint,
  /** Overrides the question the kind asks by default. */
  prompt: Localized.optional(),
  explain: Localized,
  hint: Localized.optional(),
  /** Where the fact comes from: "RFC 9293 §3.10.7.4", "Linux ip-sysctl: tcp_fin_timeout". */
  cite: z.array(z.string().min(1)).min(1, "cite at least one source"),
  /** Wrong answers, by misconception id (src/levels/misconceptions.ts). */
  misconceptions: z.array(z.string()).default([]),
  /** Hand-written wrong answers, written as the answer is shown; checked to be wrong. */
  choices: z.array(z.string().min(1)).default([]),
};

export const Puzzle = z.discriminatedUnion("ask", [
  z.strictObject({ ask: z.literal("state"), side, ...common }).describe("the next state the side enters"),
  z.strictObject({ ask: z.literal("segment"), side, ...common }).describe("the next segment the side sends"),
  z
    .strictObject({ ask: z.literal("number"), segment: z.int().min(0), field: z.enum(["seq", "ack"]), ...common })
    .describe("the seq or ack number of segment N"),
  z
    .strictObject({ ask: z.literal("who"), state: z.string(), ...common })
    .describe("which side enters the state after the point: client, server, both or neither"),
  z
    .strictObject({ ask: z.literal("time"), side, state: z.string(), ...common })
    .describe("seconds from the point until the side enters the state"),
  z.strictObject({ ask: z.literal("errno"), side, ...common }).describe("the error the side's next failing call reports"),
  z.strictObject({ ask: z.literal("ladder"), ...common }).describe("every segment after the point, one by one"),
]);
export type Puzzle = z.infer<typeof Puzzle>;
export type PuzzleKind = Puzzle["ask"];

/** A scenario exactly as `tcp-tutor trace` reads it; parseScenario validates it in full. */
export const ScenarioJson = z.looseObject({
  steps: z.array(z.record(z.string(), z.unknown())),
});

export const Level = z.strictObject({
  $schema: z.string().optional(),
  /** Stable and unique in the pack: saved progress refers to it. */
  id: slug,
  title: Localized,
  intro: Localized,
  difficulty: z.int().min(1).max(5),
  concepts: z.array(slug).min(1),
  scenario: ScenarioJson,
  puzzles: z.array(Puzzle).min(1),
});
export type LevelFile = z.infer<typeof Level>;

export const Manifest = z.strictObject({
  $schema: z.string().optional(),
  chapters: z
    .array(
      z.strictObject({
        id: slug,
        title: Localized,
        /** Level ids in play order; each is the file <chapter id>/<level id>.yaml. */
        levels: z.array(slug).min(1),
      }),
    )
    .min(1),
});
export type Manifest = z.infer<typeof Manifest>;
