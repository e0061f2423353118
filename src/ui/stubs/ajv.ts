/**
 * Stands in for ajv (ajv/dist/2020.js) and ajv-formats in the bundle. conf imports both at its top but uses them only
 * when given a `schema`, `ajvOptions` or `rootSchema` option (#setupValidator in conf/dist/source/index.js), and the
 * save (src/store/saveFile.ts) passes none: the save is checked with zod. Leaving them out spares every start the
 * parsing of some 250 KB of minified code. The build aliases both packages here (src/build/build.ts); should conf
 * ever call them, this says why instead of failing somewhere inside.
 */
function leftOut(): never {
  throw new Error("ajv is left out of the tcp-tutor bundle: conf's schema options are not used (src/ui/stubs/ajv.ts)");
}

/** `import { Ajv2020 } from "ajv/dist/2020.js"` */
export class Ajv2020 {
  constructor() {
    leftOut();
  }
}

/** `import ajvFormatsModule from "ajv-formats"`, used as `ajvFormatsModule.default(ajv)`. */
export default { default: leftOut };
