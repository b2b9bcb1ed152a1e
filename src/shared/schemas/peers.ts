import { z } from 'zod';
import { pageQuerySchema } from './common';

/** Local governments of one level side by side: the visibility that brings LRGs in. */
export const peersQuerySchema = pageQuerySchema.extend({
  /** the LRG level compared; by default the level of the person's own LRG, else 1 */
  level: z.coerce.number().int().min(1).max(5).optional(),
  sort: z.enum(['onTime', 'progress', 'name']).default('onTime'),
});
export type PeersQuery = z.infer<typeof peersQuerySchema>;

export const peerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** calls for input received, and those answered in full before their deadline */
  callsAsked: z.number().int(),
  callsOnTime: z.number().int(),
  recommendations: z.number().int(),
  inProgress: z.number().int(),
  implemented: z.number().int(),
  /** one of the entities the person serves */
  mine: z.boolean(),
});
export type Peer = z.infer<typeof peerSchema>;

export const peersPageSchema = z.object({
  level: z.number().int(),
  items: z.array(peerSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PeersPage = z.infer<typeof peersPageSchema>;
