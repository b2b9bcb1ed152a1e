/**
 * The search engine's face (decisions 008, 013, 014, 015): the register's rows held in memory as
 * a facet index and a text index, one per database and register generation. Everything else in
 * this folder is internal; outside it, import only from here.
 */

// Caches valid for one register generation (the register's SQL path, the dashboards).
export { FacetCache } from './facet-cache';
export type { FacetIndex as SearchIndex, Filters } from './facet-index';
export { facetLimits } from './facet-index';
// Whole answers kept per register generation (decision 028): the register page, entities, dashboards.
export { GenerationMemo, memoKey } from './generation-memo';
// One search through the indexes; what they hold, for the benchmark.
export { type IndexedResult, type IndexedSearch, memoryOf, searchIndexed } from './search-engine';
// The invalidation hook: moved by triggers on every write the indexes depend on.
export { readRegisterGeneration } from './search-index.repo';
// The indexes of a generation, caught up from the change log (undefined only while a large
// register's are built from scratch: answer through SQL); what keeping them current has cost.
export { type MaintenanceStats, maintenanceOf, searchIndexFor, warmSearchIndex } from './search-index.store';
// PostgreSQL's analysis of the words, shared by the text index and the register's SQL path.
export {
  matchText,
  parsedQueries,
  rankExpression,
  type SearchLang,
  searchLangs,
  textConfigs,
  textMatch,
} from './text-search.repo';
