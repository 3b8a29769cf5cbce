import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** Carries zod's issues (with their inputs, for messages such as "required") to the error handler. */
export class RequestValidationError extends Error {
  readonly issues: readonly (z.core.$ZodIssue & { input?: unknown })[];
  validationContext?: string;
  constructor(issues: readonly (z.core.$ZodIssue & { input?: unknown })[]) {
    super('Request validation failed');
    this.name = 'RequestValidationError';
    this.issues = issues;
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
  };
