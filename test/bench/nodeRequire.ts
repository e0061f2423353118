import { createRequire } from "node:module";

/**
 * The bench is bundled as an ES module (package.json, "bench"), CommonJS packages inside: ws calls require() for
 * node's own modules ("events", "http"), which an ES module lacks. The program's build gives its bundles a require in
 * a banner (src/build/build.ts); the bench's command does not, so this module, imported before ws, provides one.
 */
const scope = globalThis as { require?: NodeJS.Require };
scope.require ??= createRequire(import.meta.url);
