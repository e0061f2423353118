/** Compile-time exhaustiveness: a `switch` that misses a case fails to type-check here. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
