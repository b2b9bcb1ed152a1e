import { randomUUID } from 'node:crypto';

/**
 * The routes the server registers, read from the OpenAPI document it serves (/api/openapi.json),
 * so that a new route joins the checks without editing them; and example values built from each
 * schema, valid enough to get past validation to the code behind it.
 */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  default?: unknown;
  pattern?: string;
}

/** Values for properties whose name matches a pattern (real record ids, known codes); `optional`: set even when not required. */
export type Hints = Record<string, { value: unknown; optional?: boolean }>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the route takes one. */
  jsonBody?: Schema;
  /** A body of another kind (multipart uploads, raw files). */
  otherBody?: string;
}

interface Document {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

export async function loadOperations(
  baseUrl: string,
  cookie?: string,
): Promise<{ operations: Operation[]; resolve: (schema: Schema) => Schema }> {
  const response = await fetch(`${baseUrl}/api/openapi.json`, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`GET /api/openapi.json: ${response.status}`);
  const document = (await response.json()) as Document;
  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(document.components?.schemas?.[name] ?? {});
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const other = Object.keys(content).find((type) => type !== 'application/json');
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []).map((parameter) => ({
          ...parameter,
          schema: parameter.schema ? resolve(parameter.schema) : undefined,
        })),
        jsonBody: json ? resolve(json) : undefined,
        otherBody: json ? undefined : other,
      });
    }
  }
  return { operations, resolve };
}

/**
 * An example value for a schema; `text` fills free-text strings (an XSS payload, or a plain word).
 * Objects get their required properties, or every property with `all` (sqlmap tests each one).
 */
export function exampleOf(
  schema: Schema,
  resolve: (schema: Schema) => Schema,
  text = 'example',
  depth = 0,
  all = false,
  hints: Hints = {},
): unknown {
  const s = resolve(schema);
  if (depth > 6) return null;
  if (s.const !== undefined) return s.const;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const usable = variants.map(resolve).find((variant) => variant.type !== 'null') ?? variants[0];
    return usable ? exampleOf(usable, resolve, text, depth + 1, all, hints) : null;
  }
  if (s.allOf)
    return Object.assign({}, ...s.allOf.map((part) => exampleOf(part, resolve, text, depth + 1, all, hints)));
  const type = Array.isArray(s.type) ? s.type.find((candidate) => candidate !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(s.properties ?? {})) {
        const hint = Object.entries(hints).find(([pattern]) => new RegExp(pattern).test(name))?.[1];
        if (hint !== undefined && (hint.optional || s.required?.includes(name) || all)) body[name] = hint.value;
        else if (all || s.required?.includes(name))
          body[name] = exampleOf(property, resolve, text, depth + 1, all, hints);
      }
      return body;
    }
    case 'array':
      return s.items && (s.minItems ?? 0) > 0 ? [exampleOf(s.items, resolve, text, depth + 1, all, hints)] : [];
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      return stringOf(s, text);
    default:
      return text;
  }
}

function stringOf(s: Schema, text: string): string {
  switch (s.format) {
    case 'uuid':
      return randomUUID();
    case 'email':
      return `someone.${Math.random().toString(36).slice(2, 8)}@example.org`;
    // In the future: deadlines in the past are refused.
    case 'date':
      return '2030-06-30';
    case 'date-time':
      return '2030-06-30T12:00:00.000Z';
    case 'uri':
      return 'https://example.org/';
  }
  if (s.pattern) return s.default === undefined ? text : String(s.default);
  const value = text.length >= (s.minLength ?? 0) ? text : text.padEnd(s.minLength ?? 0, '.');
  return s.maxLength !== undefined ? value.slice(0, s.maxLength) : value;
}

/** Every string property of a JSON body schema that takes free text (no enum, format or pattern), by path. */
export function textFields(schema: Schema, resolve: (schema: Schema) => Schema, prefix = '', depth = 0): string[] {
  const s = resolve(schema);
  if (depth > 6) return [];
  const variants = s.anyOf ?? s.oneOf ?? s.allOf;
  if (variants) return [...new Set(variants.flatMap((variant) => textFields(variant, resolve, prefix, depth + 1)))];
  const type = Array.isArray(s.type) ? s.type.find((candidate) => candidate !== 'null') : s.type;
  if (type === 'object')
    return Object.entries(s.properties ?? {}).flatMap(([name, property]) =>
      textFields(property, resolve, prefix ? `${prefix}.${name}` : name, depth + 1),
    );
  if (type === 'array' && s.items) return textFields(s.items, resolve, `${prefix}[]`, depth + 1);
  if (type === 'string' && !s.enum && !s.format && !s.pattern && (s.maxLength ?? 1000) >= 20) return [prefix];
  return [];
}
