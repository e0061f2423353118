import { loadYoga } from "yoga-layout/load";

/**
 * Stands in for `yoga-layout` (Ink's layout engine, WebAssembly) in the bundle: the same Yoga, loaded without
 * fetch(). Its Emscripten loader holds the WebAssembly as a data: URL and, whenever a global fetch() exists (node 18
 * and later), fetches that URL with it: node then loads undici, its HTTP client, some 50 ms of a game's start for
 * nothing. Without fetch the loader decodes the same bytes itself. The loader looks for fetch at once, when called,
 * so it is out of sight only for that call. The build aliases `yoga-layout` here (src/build/build.ts).
 */
const fetch = Object.getOwnPropertyDescriptor(globalThis, "fetch");
let loading: ReturnType<typeof loadYoga>;
try {
  if (fetch?.configurable) delete (globalThis as { fetch?: unknown }).fetch;
  loading = loadYoga();
} finally {
  if (fetch?.configurable) Object.defineProperty(globalThis, "fetch", fetch);
}

const Yoga = await loading;
export default Yoga;
export * from "yoga-layout/load";
