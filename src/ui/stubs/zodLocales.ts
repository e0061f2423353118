/**
 * Stands in for zod's table of languages (zod/v4/locales/index.js, behind `z.locales` and `z.core.locales`) in the
 * bundle. zod loads English, its default, on its own, and the program words its messages itself (src/levels/issues.ts,
 * src/store/schema.ts); the other languages, some 250 KB of code that every start parsed, are left out. The build
 * points zod's own import of the table here (src/build/build.ts).
 */
export { default as en } from "zod/v4/locales/en.js";
