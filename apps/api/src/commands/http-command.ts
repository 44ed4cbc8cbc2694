import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '../http/request-context';
import type { CommandAnswer } from './command-answer';

/** The path parameters of a route without any. */
export type EmptyParams = Record<string, never>;

/** A validated HTTP request for one use case: its body, its path parameters and who sent it. */
export interface HttpCommandInput<Body, Params = EmptyParams> {
  body: Body;
  params: Params;
  context: RequestContext;
}

/** The @nestjs/cqrs command each use case's controller (or the batch) dispatches to its handler. */
export abstract class HttpCommand<Body, Params = EmptyParams> extends Command<CommandAnswer> {
  constructor(readonly input: HttpCommandInput<Body, Params>) {
    super();
  }
}
