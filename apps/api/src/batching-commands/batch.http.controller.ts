import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowedFor } from '../auth/access.decorator';
import { CommandContext, type RequestContext } from '../http/request-context';
import { BatchRunner, type BatchResult } from './batch-runner';
import { BatchRequest, MAX_BATCH_COMMANDS } from './batch.request.dto';

@ApiTags('batch')
@Controller()
export class BatchController {
  constructor(private readonly runner: BatchRunner) {}

  @Post('/v1/batch')
  @HttpCode(200)
  @AllowedFor('ingest', 'manager', 'finance')
  @ApiBearerAuth()
  @ApiOperation({
    summary: `Apply 1–${MAX_BATCH_COMMANDS} commands in order`,
    description:
      'Each command meets the same validation, role check and handler as its own endpoint, and gets its own result (`status` and the body that endpoint would answer). A failing command does not stop the others. Body limit 5 MB.',
  })
  @ApiBody({ type: BatchRequest })
  @ApiOkResponse({ description: 'one result per command, in order' })
  async run(
    @Body() batch: BatchRequest,
    @CommandContext() context: RequestContext,
  ): Promise<{ results: BatchResult[] }> {
    return { results: await this.runner.run(batch.commands, context) };
  }
}
