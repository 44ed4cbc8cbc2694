/**
 * RFC 9457 problem details, the one shape every error of the API takes
 * (`application/problem+json`). `code` is present for business-rule refusals and names the rule.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
  code?: string;
}

export interface FieldError {
  /** Path of the offending input field (`amount`, `rates.referral.usage`); empty for the whole body. */
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem `type` URIs: stable, one per kind of problem, documented under /docs. */
export const PROBLEM_TYPES = {
  validation: 'urn:ledger:problem:invalid-input',
  malformedJson: 'urn:ledger:problem:malformed-json',
  unsupportedMediaType: 'urn:ledger:problem:unsupported-media-type',
  tooLarge: 'urn:ledger:problem:body-too-large',
  unauthenticated: 'urn:ledger:problem:unauthenticated',
  forbidden: 'urn:ledger:problem:forbidden',
  notFound: 'urn:ledger:problem:not-found',
  conflict: 'urn:ledger:problem:conflict',
  refused: 'urn:ledger:problem:refused',
  internal: 'urn:ledger:problem:internal',
  http: 'urn:ledger:problem:http',
} as const;

/** An error that already knows the problem it answers with. */
export class ProblemException extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemException';
  }
}

export function problem(
  status: number,
  type: string,
  title: string,
  detail: string,
  errors: FieldError[] = [],
): Problem {
  return { type, title, status, detail, errors };
}
