/**
 * Stands in for react-devtools-core in the bundle: Ink imports it only when DEV=true, to connect React DevTools,
 * which the game never does. esbuild aliases the package here (see the build script in package.json).
 */
export default {};
