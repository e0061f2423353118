/** The game layer's public surface: what the UI, the store and the CLI import. */
export type * from "./types";
export {
  answerLabel,
  describeArrival,
  describeStep,
  describeStepsFrom,
  promptFor,
  segmentLabel,
  type SegmentFields,
} from "./describe";
export { revealedUntil, traceUntil, WHOLE_TRACE } from "./reveal";
export { maxScore, scoreAnswer, starsFor, type Stars } from "./scoring";
export { playReducer, startLevel, type Phase, type PlayState } from "./session";
export { feedbackView, progressView, questionView, result } from "./views";
export { questionsOf, type Slot } from "./questions";
