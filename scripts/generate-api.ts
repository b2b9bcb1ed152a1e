// Writes the web's API types from the server's OpenAPI document: `npm run generate:api`.
import { writeFileSync } from 'node:fs';
import { apiTypesPath, renderApiTypes } from '../build/api-types';
import { openApiDocument } from '../src/server/openapi-document';

const text = renderApiTypes(await openApiDocument());
writeFileSync(new URL(`../${apiTypesPath}`, import.meta.url), text);
console.log(`${apiTypesPath}: ${text.split('\n').length} lines`);
