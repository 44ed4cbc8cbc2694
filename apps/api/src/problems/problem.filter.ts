import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem';
import { toProblem } from './problem-mapping';

/** Errors are answered in one place and one shape (`application/problem+json`). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const answer = toProblem(error);
    if (answer.status >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    sendProblem(host.switchToHttp().getResponse<ServerResponse>(), answer);
  }
}

export function sendProblem(response: ServerResponse, answer: Problem): void {
  if (response.headersSent) return;
  const body = JSON.stringify(answer);
  response.statusCode = answer.status;
  response.setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.setHeader('content-length', Buffer.byteLength(body));
  if (answer.status === 401) response.setHeader('www-authenticate', 'Bearer');
  response.end(body);
}
