/** The engine's public surface. Everything outside src/engine imports from here. */
export { assertNever } from "./assertNever";
export type { Errno, SocketCall } from "./errno";
export { DEFAULT_OPTIONS, LINUX_KEEPALIVE, type KeepaliveOptions, type Options } from "./options";
export { formatFlags, parseFlags, peerOf, SIDES, type Flags, type Segment, type Side } from "./segment";
export { seqAdd, seqDiff, seqGe, seqGt, seqLe, seqLt } from "./seq";
export { isSynchronized, isTcpState, TCP_STATES, type TcpState } from "./state";
export { VERBS, type Scenario, type ScenarioStep, type Verb } from "./scenario";
export type { Trace, TraceEvent, TraceSegment } from "./trace";
export { runScenario, type RunOptions } from "./simulation";
export { parseScenario } from "./parseScenario";
export { nextUint32, seedRng, type Rng } from "./rng";
