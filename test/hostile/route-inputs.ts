import { openApiPath, type DeclaredRoute } from '../access/declared-routes';

/** What kind of value a field holds, read from its OpenAPI schema. */
export type FieldKind =
  | 'id'
  | 'text'
  | 'amount'
  | 'instant'
  | 'enum'
  | 'quarter'
  | 'token'
  | 'code'
  | 'integer'
  | 'list'
  | 'object';

export interface Field {
  name: string;
  kind: FieldKind;
  /** The JSON type the schema names (`string`, `number`, `array`, `object`). */
  type: string;
  required: boolean;
  /** A valid value: the schema's example. */
  example: unknown;
  maximum?: number;
  maxLength?: number;
}

/** A route and everything a request to it carries, as the fuzzer mutates it. */
export interface RouteInputs extends DeclaredRoute {
  pathParams: Field[];
  query: Field[];
  /** Fields of the JSON body, or null for a route that takes none. */
  body: Field[] | null;
}

interface Schema {
  type?: string;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  maxLength?: number;
  maximum?: number;
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * Each route the app declares, with the inputs its OpenAPI operation documents — the document the
 * app builds from the same DTOs its validation runs, so the fuzzer aims at what is really checked.
 */
export function routeInputs(routes: DeclaredRoute[], document: unknown): RouteInputs[] {
  const doc = document as OpenApiDocument;
  return routes.map((route) => {
    const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
    if (!operation) throw new Error(`${route.method} ${route.path} is missing from /docs-json`);
    const parameters = operation.parameters ?? [];
    const fieldOf = (p: (typeof parameters)[number]) =>
      toField(p.name, p.schema, p.required === true);
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    return {
      ...route,
      pathParams: parameters.filter((p) => p.in === 'path').map(fieldOf),
      query: parameters.filter((p) => p.in === 'query').map(fieldOf),
      body: bodySchema ? bodyFields(resolve(bodySchema, doc)) : null,
    };
  });
}

function bodyFields(schema: Schema): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    toField(name, property, required.has(name)),
  );
}

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
  if (!ref) return schema;
  const name = ref.replace('#/components/schemas/', '');
  return doc.components.schemas[name] ?? {};
}

function toField(name: string, schema: Schema, required: boolean): Field {
  const type = schema.type ?? (schema.allOf || schema.$ref ? 'object' : 'string');
  return {
    name,
    kind: kindOf(schema, type),
    type,
    required,
    example: schema.example,
    maximum: schema.maximum,
    maxLength: schema.maxLength,
  };
}

function kindOf(schema: Schema, type: string): FieldKind {
  if (type === 'array') return 'list';
  if (type === 'object') return 'object';
  if (type === 'number' || type === 'integer') return 'integer';
  if (schema.enum) return 'enum';
  if (schema.format === 'date-time') return 'instant';
  if (schema.pattern?.startsWith('^[A-Za-z0-9._:-]{1,')) return 'id';
  if (schema.pattern === '^\\d+(\\.\\d+)?$') return 'amount';
  if (schema.pattern === '^\\d{4}-Q[1-4]$') return 'quarter';
  if (schema.pattern === '^\\d+:\\d+$') return 'token';
  if (schema.maxLength === 2000) return 'text';
  return 'code';
}

/** A valid body: every field at its example. */
export function exampleBody(fields: readonly Field[]): Record<string, unknown> {
  return Object.fromEntries(
    fields.filter((f) => f.example !== undefined).map((f) => [f.name, f.example]),
  );
}
