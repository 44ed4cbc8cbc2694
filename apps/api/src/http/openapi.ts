import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI built from the DTOs: UI at `/docs`, JSON at `/docs-json`; both answer without a key. */
export function mountOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Partner ledger')
    .setDescription(
      'Event-sourced attribution and payout ledger. Every command carries its own id: re-sending the same body answers the first answer again and appends nothing; the same id with another body is 409. Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'an API key from LEDGER_API_KEYS',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
