import { writeFile } from "node:fs/promises";
import { schemaFiles } from "./jsonSchema";

/** `npm run schema`: writes levels/*.schema.json. Bundled to dist/write-schemas.mjs, so ../levels is the pack. */
const dir = new URL("../levels/", import.meta.url);
for (const f of schemaFiles()) {
  await writeFile(new URL(f.name, dir), f.text);
  process.stdout.write(`wrote levels/${f.name}\n`);
}
