import { version } from "../../package.json";

/** The version in package.json (esbuild inlines just this field into the bundle). */
export const VERSION: string = version;
