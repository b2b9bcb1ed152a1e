// Pending: recommendations.service.ts (split by the register helper) still imports localize from
// here; the lead points it at src/server/lib/language.ts after merging and deletes this file.
export { localize } from '../../lib/language';
