/**
 * Drill mode (issue 6): generated puzzles, spaced repetition, timed interview rounds, printable worksheets. Pure:
 * every function takes the seed and the time it needs. The CLI and the UI import from here.
 */
export {
  availableDifficulties,
  checkDrillOptions,
  type DrillOptions,
  type DrillPuzzle,
  drillConcepts,
  drillFile,
  drillLevelId,
  drillMisconceptions,
  generateDrillPuzzle,
  MISCONCEPTION_PREFIX,
  misconceptionKey,
  misconceptionOfKey,
  QUESTIONS,
  questionsFor,
} from "./generate";
export { drillTargets, type MemoryRow, memoryRows, type NextDrill, nextDrillPuzzle, recordDrillResult } from "./adaptive";
export {
  afterAnswer,
  BOX_INTERVALS,
  type ConceptMemory,
  dueConcepts,
  dueIn,
  type Memories,
  pickConcept,
  TOP_BOX,
} from "./schedule";
export {
  INTERVIEW_COUNT,
  INTERVIEW_MINUTES,
  type InterviewEntry,
  type InterviewOptions,
  interviewPuzzles,
  type InterviewSummary,
  interviewSummary,
  timeLeft,
  type WeakConcept,
} from "./interview";
export {
  letter,
  type Worksheet,
  type WorksheetChoice,
  worksheetData,
  worksheetJson,
  type WorksheetOptions,
  type WorksheetPuzzle,
  type WorksheetQuestion,
  type WorksheetTrace,
  type WorksheetTrap,
} from "./worksheet";
export { WORKSHEET_WORDS, type WorksheetWords } from "./messages";
export { puzzleSeed } from "./random";
export { validateLevel } from "./validate";
export {
  CONCEPT_NAMES,
  conceptName,
  DIFFICULTIES,
  type Difficulty,
  isDifficulty,
  isTopic,
  type Topic,
  TOPIC_INFO,
  TOPICS,
} from "./topics";
