import { applyDecorators, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { AllowedFor, type Access } from '../auth/access.decorator';

export interface QueryEndpointSpec {
  /** Express path template, `/v1/accounts/:id/attribution`. */
  path: string;
  summary: string;
  /** Definitions and rules of the answer: what every field means. */
  description: string;
  access: Access[];
  /** JSON schema of the 200 answer. */
  answer: Record<string, unknown>;
  /** Whether the path names an id that may be unknown (404). */
  notFound?: string;
}

const problemContent = {
  'application/problem+json': {
    schema: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: { type: 'string' },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            properties: { field: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

/** The routing, access rule and OpenAPI description of one read endpoint. */
export function QueryEndpoint(spec: QueryEndpointSpec) {
  const roles = [...spec.access, 'admin'].join(', ');
  const problems: [number, string][] = [
    [400, 'invalid query parameter: one error per field'],
    [401, 'missing or unknown API key'],
    [403, "the key's role may not read this"],
    ...(spec.notFound ? [[404, spec.notFound] as [number, string]] : []),
    [503, 'the read models have not caught up with the ledger yet; retry'],
  ];
  return applyDecorators(
    Get(spec.path),
    AllowedFor(...spec.access),
    ApiBearerAuth(),
    ApiOperation({ summary: spec.summary, description: `${spec.description}\n\nRoles: ${roles}.` }),
    ApiOkResponse({ schema: spec.answer }),
    ...problems.map(([status, description]) =>
      ApiResponse({ status, description, content: problemContent }),
    ),
  );
}

/** `{ "USD": "1234.56" }`: amounts per ISO 4217 currency, as decimal strings. */
export const perCurrencySchema = (description: string) => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string', example: '1234.56' },
});
