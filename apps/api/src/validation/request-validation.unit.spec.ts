import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { IdParams } from '../commands/id-params';
import type { FieldError } from '../problems/problem';
import { ProblemException } from '../problems/problem';
import { PublishCommissionPlanRequest } from '../publishing-plans/publish-commission-plan.request.dto';
import { SubmitProtectedAccountsRequest } from '../protecting-accounts/submit-protected-accounts.request.dto';
import { RecordPaymentRequest } from '../recording-payments/record-payment.request.dto';
import { RecordRefundRequest } from '../recording-refunds/record-refund.request.dto';
import { RecordTouchpointRequest } from '../recording-touchpoints/record-touchpoint.request.dto';
import { ReviewProtectedAccountsRequest } from '../reviewing-protected-accounts/review-protected-accounts.request.dto';
import { LedgerValidationPipe } from './validation.pipe';

const pipe = new LedgerValidationPipe();

async function accept<T extends object>(metatype: Type<T>, body: unknown): Promise<T> {
  return (await pipe.transform(body, { type: 'body', metatype })) as T;
}

async function errorsOf(metatype: Type<object>, body: unknown): Promise<FieldError[]> {
  try {
    await pipe.transform(body, { type: 'body', metatype });
  } catch (error) {
    if (error instanceof ProblemException && error.problem.status === 400)
      return error.problem.errors;
    throw error;
  }
  throw new Error('expected the body to be refused');
}

/** Errors in field order, so a spec does not depend on the order validators ran in. */
function byField(errors: FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => a.field.localeCompare(b.field));
}

const payment = {
  paymentId: 'pay_1',
  accountId: 'acc_1',
  amount: '1200.00',
  currency: 'USD',
  revenueModel: 'monthly_subscription',
  occurredAt: '2026-03-01T10:00:00Z',
};

describe('money at the edge', () => {
  it('accepts a decimal string within the currency minor unit', async () => {
    expect((await accept(RecordPaymentRequest, payment)).amount).toBe('1200.00');
    expect(
      (await accept(RecordPaymentRequest, { ...payment, amount: '0.125', currency: 'BHD' })).amount,
    ).toBe('0.125');
    expect(
      (await accept(RecordPaymentRequest, { ...payment, amount: '1500', currency: 'JPY' })).amount,
    ).toBe('1500');
  });

  it.each([
    ['a JSON number (a float has already lost cents)', 1200.5, /not a JSON number/],
    ['an integer JSON number', 1200, /not a JSON number/],
    ['exponent notation', '1e3', /decimal string/],
    ['a sign', '-5.00', /decimal string/],
    ['a leading zero', '01.00', /decimal string/],
    ['a trailing dot', '12.', /decimal string/],
    ['more decimals than USD has', '12.345', /more decimals than USD/],
    ['zero', '0.00', /greater than zero/],
  ])('refuses %s', async (_case, amount, message) => {
    expect(await errorsOf(RecordPaymentRequest, { ...payment, amount })).toEqual([
      { field: 'amount', message: expect.stringMatching(message) },
    ]);
  });

  it('refuses decimals a currency does not have (JPY has none)', async () => {
    expect(
      await errorsOf(RecordPaymentRequest, { ...payment, amount: '100.5', currency: 'JPY' }),
    ).toEqual([{ field: 'amount', message: expect.stringMatching(/JPY/) }]);
  });

  it('allows a zero cost of revenue but not a null one', async () => {
    expect(
      (await accept(RecordPaymentRequest, { ...payment, costOfRevenue: '0' })).costOfRevenue,
    ).toBe('0');
    expect(await errorsOf(RecordPaymentRequest, { ...payment, costOfRevenue: null })).toEqual([
      { field: 'costOfRevenue', message: expect.any(String) },
    ]);
  });

  it('refuses unknown and lower-case currencies', async () => {
    for (const currency of ['usd', 'XYZ', 'US', 12]) {
      expect(await errorsOf(RecordPaymentRequest, { ...payment, currency })).toEqual([
        { field: 'currency', message: expect.any(String) },
      ]);
    }
  });

  it('bounds a refund, whose currency is the payment’s, by the widest minor unit', async () => {
    const refund = {
      refundId: 'r1',
      paymentId: 'pay_1',
      amount: '10.125',
      occurredAt: '2026-03-02T00:00:00Z',
    };
    expect((await accept(RecordRefundRequest, refund)).amount).toBe('10.125');
    expect(await errorsOf(RecordRefundRequest, { ...refund, amount: '10.1234' })).toEqual([
      { field: 'amount', message: expect.any(String) },
    ]);
  });
});

describe('timestamps at the edge', () => {
  it.each([
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T12:00:00+02:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T05:30:00.5-0430', '2026-03-01T10:00:00.500Z'],
    ['2026-03-01T00:15+00:30', '2026-02-28T23:45:00.000Z'],
    ['2024-02-29T10:00:00.123456Z', '2024-02-29T10:00:00.123Z'],
  ])('normalises %s to UTC %s', async (occurredAt, utc) => {
    expect((await accept(RecordPaymentRequest, { ...payment, occurredAt })).occurredAt).toBe(utc);
  });

  it.each([
    ['a date without time', '2026-03-01'],
    ['a time without offset', '2026-03-01T10:00:00'],
    ['an impossible date', '2026-02-30T10:00:00Z'],
    ['29 February of a common year', '2026-02-29T10:00:00Z'],
    ['hour 24', '2026-03-01T24:00:00Z'],
    ['an impossible offset', '2026-03-01T10:00:00+25:00'],
    ['a space instead of T', '2026-03-01 10:00:00Z'],
    ['epoch milliseconds', 1772359200000],
    ['free text', 'yesterday'],
  ])('refuses %s', async (_case, occurredAt) => {
    expect(await errorsOf(RecordPaymentRequest, { ...payment, occurredAt })).toEqual([
      { field: 'occurredAt', message: expect.stringMatching(/ISO-8601/) },
    ]);
  });
});

describe('ids, enums and unknown fields', () => {
  it.each([
    ['an empty id', ''],
    ['a space', 'pay 1'],
    ['a slash', 'pay/1'],
    ['129 characters', 'x'.repeat(129)],
    ['a number', 42],
  ])('refuses %s as an id', async (_case, paymentId) => {
    expect(await errorsOf(RecordPaymentRequest, { ...payment, paymentId })).toEqual([
      { field: 'paymentId', message: expect.any(String) },
    ]);
  });

  it('accepts every allowed id character and 128 of them', async () => {
    const id = 'aZ0._:-'.padEnd(128, 'x');
    expect((await accept(RecordPaymentRequest, { ...payment, paymentId: id })).paymentId).toBe(id);
  });

  it('refuses an enum value spelled differently from SPEC §5', async () => {
    expect(await errorsOf(RecordPaymentRequest, { ...payment, revenueModel: 'monthly' })).toEqual([
      { field: 'revenueModel', message: expect.stringContaining('monthly_subscription') },
    ]);
    const touchpoint = {
      touchpointId: 't1',
      partnerId: 'p1',
      accountId: 'a1',
      kind: 'Referral_Click',
      occurredAt: '2026-03-01T10:00:00Z',
    };
    expect(await errorsOf(RecordTouchpointRequest, touchpoint)).toEqual([
      { field: 'kind', message: expect.any(String) },
    ]);
  });

  it('refuses unknown fields by name, and a missing one', async () => {
    const { accountId: _missing, ...withoutAccount } = payment;
    expect(
      byField(await errorsOf(RecordPaymentRequest, { ...withoutAccount, colour: 'red' })),
    ).toEqual([
      { field: 'accountId', message: expect.any(String) },
      { field: 'colour', message: 'is not a known field' },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses a field named %s, which class-transformer or Nest would drop silently',
    async (name) => {
      const body = JSON.parse(`{"${name}":{"polluted":true}}`) as object;
      expect(await errorsOf(RecordPaymentRequest, { ...payment, ...body })).toEqual([
        { field: name, message: 'is not a known field' },
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('refuses an inherited name nested in a known field, naming its path', async () => {
    const rates = JSON.parse('{"referral":{"constructor":"0.1"}}') as object;
    expect(await errorsOf(PublishCommissionPlanRequest, { rates })).toEqual([
      { field: 'rates.referral.constructor', message: 'is not a known field' },
    ]);
  });

  it('refuses a body that is not an object', async () => {
    expect(await errorsOf(RecordPaymentRequest, [payment])).toEqual([
      { field: '', message: expect.any(String) },
    ]);
  });

  it('validates path parameters with the same id rule', async () => {
    await expect(
      pipe.transform({ id: 'p 1' }, { type: 'param', metatype: IdParams }),
    ).rejects.toBeInstanceOf(ProblemException);
    expect(await pipe.transform({ id: 'p_1' }, { type: 'param', metatype: IdParams })).toEqual({
      id: 'p_1',
    });
  });
});

describe('quarters, account lists and plans', () => {
  it.each(['2026-Q5', '2026Q3', '26-Q1', '2026-q3'])('refuses the quarter %s', async (quarter) => {
    expect(await errorsOf(ReviewProtectedAccountsRequest, { reviewId: 'r1', quarter })).toEqual([
      { field: 'quarter', message: expect.any(String) },
    ]);
  });

  it('refuses an account list with a bad or repeated id, naming the item', async () => {
    const submission = { submissionId: 's1', quarter: '2026-Q3' };
    expect(
      await errorsOf(SubmitProtectedAccountsRequest, {
        ...submission,
        accountIds: ['a1', 'bad id'],
      }),
    ).toEqual([{ field: 'accountIds', message: expect.stringContaining('item 1') }]);
    expect(
      await errorsOf(SubmitProtectedAccountsRequest, { ...submission, accountIds: ['a1', 'a1'] }),
    ).toEqual([{ field: 'accountIds', message: expect.stringContaining('twice') }]);
    expect(
      await errorsOf(SubmitProtectedAccountsRequest, { ...submission, accountIds: 'a1' }),
    ).toEqual([{ field: 'accountIds', message: expect.any(String) }]);
  });

  const row = {
    monthly_subscription: '0.10',
    annual_subscription: '0.10',
    usage: '0.10',
    outcome: '0.10',
  };
  const plan = {
    planId: 'default',
    version: 2,
    effectiveFrom: '2026-07-01T00:00:00Z',
    rates: {
      referral: row,
      integration: { ...row, usage: '0.2' },
      solution: { ...row, outcome: '1' },
    },
    influencedFactor: '0.5',
    basis: 'net',
  };

  it('accepts a full rate table of decimal strings in [0, 1]', async () => {
    const accepted = await accept(PublishCommissionPlanRequest, plan);
    expect(JSON.parse(JSON.stringify(accepted.rates))).toEqual(plan.rates);
  });

  it('names the cell of a rate table that is wrong, missing or unknown', async () => {
    const rates = {
      ...plan.rates,
      integration: { ...row, usage: '1.5' },
      solution: { ...row, outcome: 0.35, bonus: '0.1' },
    };
    const { referral: _dropped, ...withoutReferral } = rates;
    expect(
      byField(await errorsOf(PublishCommissionPlanRequest, { ...plan, rates: withoutReferral })),
    ).toEqual([
      { field: 'rates.integration.usage', message: expect.stringContaining('between 0 and 1') },
      { field: 'rates.referral', message: expect.any(String) },
      { field: 'rates.solution.bonus', message: 'is not a known field' },
      { field: 'rates.solution.outcome', message: expect.stringContaining('not a JSON number') },
    ]);
  });

  it.each([
    ['version', 0],
    ['version', 1.5],
    ['version', '2'],
    ['influencedFactor', '1.2'],
    ['influencedFactor', 0.5],
    ['basis', 'Gross'],
  ])('refuses %s = %p', async (field, value) => {
    expect(await errorsOf(PublishCommissionPlanRequest, { ...plan, [field]: value })).toEqual([
      { field, message: expect.any(String) },
    ]);
  });
});
