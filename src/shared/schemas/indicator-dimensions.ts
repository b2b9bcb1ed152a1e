/**
 * The disaggregation dimensions every State has, apart from the zod schemas: pages that only
 * show indicators label them without loading zod (decision 029). indicators.ts re-exports them.
 */
export const builtinDimensions = ['sex', 'age_group', 'disability'] as const;
export type BuiltinDimension = (typeof builtinDimensions)[number];
export const isBuiltinDimension = (key: string): key is BuiltinDimension =>
  (builtinDimensions as readonly string[]).includes(key);
