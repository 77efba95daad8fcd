export {
  buildScreeningReference,
  type ScreeningReference,
  type ReferenceInputs,
  type ReferenceProblem,
} from './screening-reference.ts';
export {
  createScreener,
  answerFor,
  type Screener,
  type Assessment,
  type AssessInput,
} from './screener.ts';
export { carrierMessage, ANSWER_TEXT } from './carrier-message.ts';
