import { applyDecorators, HttpCode, Post, type Type } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOperation,
  ApiResponse,
} from '@nestjs/swagger';
import { AllowedFor, type Access } from '../auth/access.decorator';
import type { EmptyParams, HttpCommand, HttpCommandInput } from './http-command';

/**
 * Everything about one command endpoint that both its controller and `POST /v1/batch` need, so a
 * command sent in a batch meets the same access rule, the same DTO and the same handler.
 */
export interface CommandRoute<Body extends object = object, Params extends object = EmptyParams> {
  /** Express path template, `/v1/partners/:id/tier`. */
  path: string;
  summary: string;
  access: Access[];
  body: Type<Body>;
  /** The DTO of the path parameters, when the path has any. */
  params?: Type<Params>;
  command: new (input: HttpCommandInput<Body, Params>) => HttpCommand<Body, Params>;
}

/**
 * Any route, its body and parameter types forgotten so one table can hold them all. Its command
 * can only be built from input the route's own DTOs produced (see the batch runner).
 */
export interface AnyCommandRoute extends Omit<CommandRoute, 'body' | 'params' | 'command'> {
  body: Type<object>;
  params?: Type<object>;
  command: new (input: HttpCommandInput<never, never>) => HttpCommand<object, object>;
}

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'the refusal code, for 404 and 422 refusals' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const answerSchema = {
  type: 'object',
  required: ['status', 'eventIds'],
  properties: {
    status: { type: 'string', example: 'recorded' },
    eventIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
  },
  additionalProperties: true,
};

const problems: [number, string][] = [
  [400, 'invalid input: one error per field'],
  [401, 'missing or unknown API key'],
  [403, "the key's role may not send this command"],
  [404, 'an id in the path or body is unknown (`*.not_found`)'],
  [409, 'the command id was used with another body, or an id is already recorded elsewhere'],
  [413, 'the body is larger than 1 MB'],
  [422, 'a business rule refuses the command; `code` names it'],
];

/** The routing, access rule and OpenAPI description of a command endpoint. */
export function CommandEndpoint(route: AnyCommandRoute) {
  return applyDecorators(
    Post(route.path),
    HttpCode(201),
    AllowedFor(...route.access),
    ApiOperation({
      summary: route.summary,
      description: `Roles: ${[...route.access, 'admin'].join(', ')}.`,
    }),
    ApiBearerAuth(),
    ApiBody({ type: route.body }),
    ApiCreatedResponse({
      description: 'Recorded. A re-delivery with the same id and body answers exactly this again.',
      schema: answerSchema,
    }),
    ...problems.map(([status, description]) =>
      ApiResponse({
        status,
        description,
        content: { 'application/problem+json': { schema: problemSchema } },
      }),
    ),
  );
}
