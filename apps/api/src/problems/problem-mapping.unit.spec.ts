import {
  BadRequestException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import {
  DuplicateKeyError,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '@ledger/event-store/errors';
import { problem, ProblemException } from './problem';
import { statusForRefusal, toProblem } from './problem-mapping';
import { RefusalException } from './refusal.exception';

describe('statusForRefusal', () => {
  it.each([
    ['payment.not_found', 404],
    ['partner.not_found', 404],
    ['dispute.not_found', 404],
    ['refund.exceeds_payment', 422],
    ['protected_accounts.limit_exceeded', 422],
    // Only the suffix counts: a code that merely mentions not_found elsewhere is a rule refusal.
    ['registration.not_found_in_window', 422],
  ])('%s → %d', (code, status) => {
    expect(statusForRefusal(code)).toBe(status);
  });
});

describe('toProblem', () => {
  it('answers a refusal with its code, its status and the field it is about', () => {
    const answer = toProblem(
      new RefusalException({
        kind: 'refused',
        code: 'refund.exceeds_payment',
        message: 'only 10.00 USD is left',
        field: 'amount',
      }),
    );
    expect(answer).toEqual({
      type: 'urn:ledger:problem:refused',
      title: 'Refused by a business rule',
      status: 422,
      detail: 'only 10.00 USD is left',
      code: 'refund.exceeds_payment',
      errors: [{ field: 'amount', message: 'only 10.00 USD is left' }],
    });
  });

  it('answers a not-found refusal 404 with its code and no field when it names none', () => {
    const answer = toProblem(
      new RefusalException({
        kind: 'refused',
        code: 'partner.not_found',
        message: 'no partner p9',
      }),
    );
    expect(answer).toMatchObject({ status: 404, code: 'partner.not_found', errors: [] });
  });

  it('answers the store conflicts 409', () => {
    expect(toProblem(new IdempotencyConflictError('RecordPayment:pay_1')).status).toBe(409);
    expect(toProblem(new WrongExpectedRevisionError('account-a1', 3, 5)).status).toBe(409);
    expect(toProblem(new DuplicateKeyError('payment:pay_1', 'account-a2'))).toMatchObject({
      status: 409,
      errors: [{ field: 'paymentId' }],
    });
  });

  it('does not reveal which stream holds a reused key', () => {
    expect(
      JSON.stringify(toProblem(new DuplicateKeyError('payment:pay_1', 'account-secret'))),
    ).not.toContain('account-secret');
  });

  it('answers what the store cannot store 400, naming the field', () => {
    expect(
      toProblem(new InvalidAppendError('data.note', 'contains a NUL character')),
    ).toMatchObject({
      status: 400,
      errors: [{ field: 'data.note', message: 'contains a NUL character' }],
    });
  });

  it('passes a ready-made problem through unchanged', () => {
    const ready = problem(401, 'urn:x', 'Unauthorized', 'no key');
    expect(toProblem(new ProblemException(ready))).toBe(ready);
  });

  it("answers Nest's 4xx exceptions with their status and message", () => {
    expect(toProblem(new NotFoundException('Cannot GET /v1/nowhere'))).toMatchObject({
      status: 404,
      detail: 'Cannot GET /v1/nowhere',
    });
    expect(toProblem(new BadRequestException('bad'))).toMatchObject({
      status: 400,
      title: 'Bad Request',
    });
  });

  it('answers anything else 500 without its message or stack', () => {
    const secret = new Error('connection to 10.0.0.7 refused: password authentication failed');
    const answer = toProblem(secret);
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer)).not.toMatch(/10\.0\.0\.7|password|at /);
    expect(
      JSON.stringify(toProblem(new InternalServerErrorException('db password wrong'))),
    ).not.toContain('password');
    expect(toProblem('a thrown string').status).toBe(500);
  });
});
