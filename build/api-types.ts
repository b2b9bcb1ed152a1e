import type { JsonSchema, OpenApiDocument, OpenApiOperation } from '../src/server/openapi-document';

/**
 * Renders the server's OpenAPI document as TypeScript types for the web client
 * (src/web/api/schema.gen.ts): one entry per route, keyed `METHOD /path/{param}`, with its path
 * parameters, query, JSON body and JSON answer. Our own small renderer of the JSON Schema that zod
 * emits (objects, arrays, enums, unions, nullable), because openapi-typescript needs the
 * TypeScript 5 compiler API and this project builds with TypeScript 7. Deterministic: routes and
 * keys in the document's order, so the freshness test (api-types.test.ts) can compare text.
 */
export const apiTypesPath = 'src/web/api/schema.gen.ts';

const identifier = /^[A-Za-z_$][\w$]*$/;

function key(name: string): string {
  return identifier.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

function indentOf(depth: number): string {
  return '  '.repeat(depth);
}

function renderObject(schema: JsonSchema, depth: number): string {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const extra = schema.additionalProperties;
  // zod strips keys it does not know, so an object says nothing of extra keys unless it allows them.
  const extraType = extra && typeof extra === 'object' ? render(extra, depth + 1) : extra === true ? 'unknown' : null;
  if (properties.length === 0)
    return extra === false ? 'Record<string, never>' : `Record<string, ${extraType ?? 'unknown'}>`;
  const lines = properties.map(
    ([name, property]) =>
      `${indentOf(depth + 1)}${key(name)}${required.has(name) ? '' : '?'}: ${render(property, depth + 1)};`,
  );
  if (extraType !== null) lines.push(`${indentOf(depth + 1)}[key: string]: ${extraType === 'unknown' ? 'unknown' : `${extraType} | undefined`};`);
  return `{\n${lines.join('\n')}\n${indentOf(depth)}}`;
}

function renderBare(schema: JsonSchema, depth: number): string {
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum) return union(schema.enum.map(literal));
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return union(choices.map((choice) => render(choice, depth)));
  if (schema.allOf) return schema.allOf.map((part) => render(part, depth)).join(' & ') || 'unknown';
  const types = [schema.type ?? []].flat();
  if (types.length === 0) return schema.properties ? renderObject(schema, depth) : 'unknown';
  return union(
    types.map((type) => {
      switch (type) {
        case 'string':
          return 'string';
        case 'integer':
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array': {
          if (Array.isArray(schema.items)) return `[${schema.items.map((item) => render(item, depth)).join(', ')}]`;
          const item = schema.items ? render(schema.items, depth) : 'unknown';
          return /^[\w$.']+$/.test(item) ? `${item}[]` : `Array<${item}>`;
        }
        case 'object':
          return renderObject(schema, depth);
        default:
          return 'unknown';
      }
    }),
  );
}

function render(schema: JsonSchema, depth: number): string {
  const bare = renderBare(schema, depth);
  return schema.nullable && bare !== 'unknown' ? union([bare, 'null']) : bare;
}

function parametersOf(operation: OpenApiOperation, where: 'path' | 'query', depth: number): string {
  const parameters = (operation.parameters ?? []).filter((parameter) => parameter.in === where);
  if (parameters.length === 0) return 'Record<string, never>';
  const lines = parameters.map(
    (parameter) =>
      `${indentOf(depth + 1)}${key(parameter.name)}${parameter.required || where === 'path' ? '' : '?'}: ${
        parameter.schema ? render(parameter.schema, depth + 1) : 'string'
      };`,
  );
  return `{\n${lines.join('\n')}\n${indentOf(depth)}}`;
}

function jsonOf(content: Record<string, { schema?: JsonSchema }> | undefined, depth: number): string | null {
  const json = content?.['application/json'];
  if (!json) return null;
  return json.schema ? render(json.schema, depth) : 'unknown';
}

function responseOf(operation: OpenApiOperation, depth: number): string {
  const responses = operation.responses ?? {};
  const success = ['200', '201', '202', '204', ...Object.keys(responses)].find(
    (status) => /^2\d\d$/.test(status) && status in responses,
  );
  if (!success) return 'unknown';
  // A file (an export, a calendar) answers without JSON: the caller reads it as a blob.
  return jsonOf(responses[success]?.content, depth) ?? 'unknown';
}

export function renderApiTypes(document: OpenApiDocument): string {
  const entries: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const body = jsonOf(operation.requestBody?.content, 2) ?? 'never';
      entries.push(
        [
          `  '${method.toUpperCase()} ${path}': {`,
          `    path: ${parametersOf(operation, 'path', 2)};`,
          `    query: ${parametersOf(operation, 'query', 2)};`,
          `    body: ${body};`,
          `    response: ${responseOf(operation, 2)};`,
          '  };',
        ].join('\n'),
      );
    }
  }
  return [
    '// Generated from the server\'s OpenAPI document by `npm run generate:api` (build/api-types.ts).',
    '// Do not edit: change the route or its zod schema, then regenerate. api-types.test.ts fails while it is stale.',
    '',
    '/** Every API route, `METHOD /path/{param}`: its path parameters, query, JSON body and JSON answer. */',
    'export interface ApiRoutes {',
    entries.join('\n'),
    '}',
    '',
  ].join('\n');
}
