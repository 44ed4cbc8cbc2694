import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { authorize } from '../auth/api-key.guard';
import type { HttpCommandInput } from '../commands/http-command';
import type { RequestContext } from '../http/request-context';
import { problem, ProblemException, PROBLEM_TYPES } from '../problems/problem';
import { toProblem } from '../problems/problem-mapping';
import { LedgerValidationPipe } from '../validation/validation.pipe';
import type { BatchItemRequest } from './batch.request.dto';
import { CommandRouteTable } from './command-route-table';

export const COMMAND_ROUTE_TABLE = Symbol('COMMAND_ROUTE_TABLE');

export interface BatchResult {
  status: number;
  body: object;
}

/**
 * Applies a batch's commands one after the other, each through the same route lookup, access rule,
 * validation and handler as its own endpoint. A failing command answers its own problem and does
 * not stop the others: each command is idempotent on its own, so a client re-sends only what failed.
 */
@Injectable()
export class BatchRunner {
  private readonly logger = new Logger('BatchRunner');
  private readonly pipe = new LedgerValidationPipe();

  constructor(
    private readonly commands: CommandBus,
    @Inject(COMMAND_ROUTE_TABLE) private readonly routes: CommandRouteTable,
  ) {}

  async run(items: readonly BatchItemRequest[], context: RequestContext): Promise<BatchResult[]> {
    const results: BatchResult[] = [];
    for (const item of items) results.push(await this.runOne(item, context));
    return results;
  }

  private async runOne(item: BatchItemRequest, context: RequestContext): Promise<BatchResult> {
    try {
      const match = this.routes.match(item.path);
      if (!match) throw unknownPath(item.path);
      const { route } = match;
      authorize(context.principal, route.access, match.params);
      const params = route.params
        ? ((await this.pipe.transform(match.params, {
            type: 'param',
            metatype: route.params,
          })) as object)
        : {};
      const body = (await this.pipe.transform(item.body, {
        type: 'body',
        metatype: route.body,
      })) as object;
      // The pipe turned the body and parameters into instances of exactly this route's DTOs.
      const input = { body, params, context } as HttpCommandInput<never, never>;
      return { status: 201, body: await this.commands.execute(new route.command(input)) };
    } catch (error) {
      const answer = toProblem(error);
      if (answer.status >= 500)
        this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return { status: answer.status, body: answer };
    }
  }
}

function unknownPath(path: string): ProblemException {
  return new ProblemException(
    problem(404, PROBLEM_TYPES.notFound, 'Not found', `No command endpoint answers POST ${path}.`, [
      { field: 'path', message: 'is not a command endpoint' },
    ]),
  );
}
