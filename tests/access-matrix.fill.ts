/**
 * Fills a route's parameters from the world: each parameter by the route's prefix, the target
 * record (Labour's) unless the variant asks for a foreign one (another entity's, or nobody's).
 */
export type Variant = 'target' | 'foreign';

const byPrefix: [RegExp, string, string?][] = [
  [/^\/api\/actions\/:id/, 'action', 'foreignAction'],
  [/^\/api\/recommendations\/:id/, 'recommendation', 'foreignRecommendation'],
  [/^\/api\/clusters\/:id/, 'cluster', 'foreignCluster'],
  [/^\/api\/progress-updates\/:id/, 'progressUpdate'],
  [/^\/api\/attachments\/:id/, 'attachment'],
  [/^\/api\/indicators\/:id/, 'indicator'],
  [/^\/api\/calls\/:id/, 'call'],
  [/^\/api\/reports\/:id/, 'report'],
  [/^\/api\/calendar\/events\/:id/, 'event'],
  [/^\/api\/imports\/:id/, 'import'],
  [/^\/api\/reviews\/:id/, 'review'],
  [/^\/api\/entities\/:id/, 'entity', 'foreignEntity'],
  [/^\/api\/assignments\/:id/, 'assignment'],
  [/^\/api\/terms\/:id/, 'term'],
  [/^\/api\/publication\/reviews\/:id/, 'review'],
  [/^\/api\/publication\/:subject\/:id/, 'recommendation'],
];

/** Routes whose `:id` has a foreign record to try as well (another entity's). */
export function hasForeign(url: string): boolean {
  return byPrefix.some(([re, , foreign]) => foreign !== undefined && re.test(url));
}

export function fill(url: string, params: Record<string, string>, variant: Variant = 'target'): string {
  const entry = byPrefix.find(([re]) => re.test(url));
  const idKey = entry ? (variant === 'foreign' && entry[2] ? entry[2] : entry[1]) : 'unknown';
  return url
    .replace(':id', params[idKey] as string)
    .replace(':entityId', variant === 'foreign' ? (params.foreignEntity as string) : (params.entity as string))
    .replace(':recommendationId', params.recommendation as string)
    .replace(':otherId', params.nobodysRecommendation as string)
    .replace(':code', url.startsWith('/api/bodies') ? 'UPR' : (params.taxonomy as string))
    .replace(':file', `${params.unknown}.ics`)
    .replace(':subject', 'recommendation')
    .replace(':locale', 'en')
    .replace('*', 'index.css')
    .replace(/:[a-zA-Z]+/g, params.unknown as string);
}
