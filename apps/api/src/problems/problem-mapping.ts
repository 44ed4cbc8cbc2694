import { HttpException } from '@nestjs/common';
import {
  DuplicateKeyError,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '@ledger/event-store/errors';
import { problem, ProblemException, PROBLEM_TYPES, type Problem } from './problem';
import { RefusalException } from './refusal.exception';

/**
 * THE mapping from refusal codes to HTTP statuses: an unknown id (`payment.not_found`) is 404,
 * every other refusal is a business rule the request breaks, 422.
 */
export function statusForRefusal(code: string): 404 | 422 {
  return code.endsWith('.not_found') ? 404 : 422;
}

/**
 * Every error the API can meet, as the problem it answers with. Anything not recognised is a 500
 * that says nothing about its cause: internal messages and stacks go to the log, not the client.
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof RefusalException) return refusalProblem(error);
  if (error instanceof IdempotencyConflictError) {
    return problem(
      409,
      PROBLEM_TYPES.conflict,
      'Command id already used',
      'This command id was already used with a different body; send a new id or the original body.',
    );
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problem(
      409,
      PROBLEM_TYPES.conflict,
      'Concurrent change',
      'The record changed concurrently too many times while this command was decided; retry it.',
    );
  }
  if (error instanceof DuplicateKeyError) return duplicateKeyProblem(error);
  if (error instanceof InvalidAppendError) {
    return problem(
      400,
      PROBLEM_TYPES.validation,
      'Invalid input',
      'The ledger cannot store this input.',
      [{ field: error.field, message: error.reason }],
    );
  }
  if (error instanceof HttpException) return httpProblem(error);
  return problem(
    500,
    PROBLEM_TYPES.internal,
    'Internal Server Error',
    'An unexpected error occurred; it has been logged.',
  );
}

/** `payment:pay_1` claimed by another account: the payment id was reused for something else. */
function duplicateKeyProblem(error: DuplicateKeyError): Problem {
  const colon = error.key.indexOf(':');
  const kind = colon > 0 ? error.key.slice(0, colon) : 'record';
  const id = error.key.slice(colon + 1);
  const field = `${kind}Id`;
  return problem(
    409,
    PROBLEM_TYPES.conflict,
    'Id already used elsewhere',
    `The ${kind} id ${id} is already recorded elsewhere in the ledger.`,
    [{ field, message: 'is already recorded elsewhere' }],
  );
}

function refusalProblem({ refusal }: RefusalException): Problem {
  const status = statusForRefusal(refusal.code);
  const type = status === 404 ? PROBLEM_TYPES.notFound : PROBLEM_TYPES.refused;
  const title = status === 404 ? 'Not found' : 'Refused by a business rule';
  const errors =
    refusal.field === undefined ? [] : [{ field: refusal.field, message: refusal.message }];
  return { ...problem(status, type, title, refusal.message, errors), code: refusal.code };
}

/** Nest's own exceptions (an unknown route is a NotFoundException); 5xx details are never shown. */
function httpProblem(error: HttpException): Problem {
  const status = error.getStatus();
  if (status >= 500)
    return problem(
      status,
      PROBLEM_TYPES.internal,
      'Internal Server Error',
      'An unexpected error occurred; it has been logged.',
    );
  const type = status === 404 ? PROBLEM_TYPES.notFound : PROBLEM_TYPES.http;
  return problem(status, type, titleOf(error), error.message);
}

function titleOf(error: HttpException): string {
  const response = error.getResponse();
  if (
    typeof response === 'object' &&
    response !== null &&
    'error' in response &&
    typeof response.error === 'string'
  ) {
    return response.error;
  }
  return error.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}
