export { AppError, allErrorDefinitions, defineErrors, fieldProblem, isAppError } from './app-error.js';
export type { ErrorDefinition, FieldProblem } from './app-error.js';
export { assertNoFieldProblems, platformErrors } from './platform-errors.js';
