import { plainError, plainIssues } from "../../levels/issues";
import type { LoadedLevel } from "../../levels/loader";
import { type FieldPath, type LevelProblem, poseLevel } from "../../levels/pose";
import { Level } from "../../levels/schema";

/**
 * The level checker, applied to a generated puzzle exactly as the loader applies it to a level file: the `Level`
 * schema (src/levels/schema.ts), then poseLevel (src/levels/pose.ts), which runs the scenario in the engine,
 * computes every right answer and proves every wrong choice wrong. A generated puzzle with any problem is never
 * shown.
 */
export function validateLevel(data: unknown, file: string): { level?: LoadedLevel; problems: readonly string[] } {
  const parsed = Level.safeParse(data, { error: plainError });
  if (!parsed.success) return { problems: plainIssues(parsed.error).map((i) => problemText(i)) };
  const { posed, problems } = poseLevel(parsed.data);
  if (!posed || problems.length > 0) return { problems: problems.map(problemText) };
  return { level: { ...posed, file }, problems: [] };
}

/** "puzzles[0].misconceptions[1]: message", as `tcp-tutor check` words it (without the file and line). */
function problemText(p: Pick<LevelProblem, "path" | "message">): string {
  const field = fieldPath(p.path);
  return field === "" ? p.message : `${field}: ${p.message}`;
}

function fieldPath(path: FieldPath): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out;
}
