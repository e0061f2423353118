import { z } from "zod";
import { Level, Localized, Manifest, Puzzle, PuzzlePoint } from "./schema";

/**
 * The JSON Schemas editors use to check level files as they are typed, generated from the zod schemas (the single
 * source) and committed under levels/. A test keeps the committed files equal to these.
 */

/** Parts used more than once get a name and one definition ($defs) instead of a copy at each use. */
const names = z.registry<{ id: string }>();
names.add(Localized, { id: "Localized" });
names.add(PuzzlePoint, { id: "PuzzlePoint" });
names.add(Puzzle, { id: "Puzzle" });

/** The names above replace zod's global registry, so the descriptions (`.describe()`) are copied from it. */
const options: Parameters<typeof z.toJSONSchema>[1] = {
  io: "input",
  metadata: names,
  override: ({ zodSchema, jsonSchema }) => {
    const description = z.globalRegistry.get(zodSchema)?.description;
    if (description !== undefined) jsonSchema.description = description;
  },
};

export function levelJsonSchema(): object {
  return z.toJSONSchema(Level, options);
}

export function manifestJsonSchema(): object {
  return z.toJSONSchema(Manifest, options);
}

/** The files under levels/, with their exact text. */
export function schemaFiles(): { readonly name: string; readonly text: string }[] {
  return [
    { name: "level.schema.json", text: `${JSON.stringify(levelJsonSchema(), null, 2)}\n` },
    { name: "manifest.schema.json", text: `${JSON.stringify(manifestJsonSchema(), null, 2)}\n` },
  ];
}
