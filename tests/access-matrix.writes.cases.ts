import { federationCases } from './access-matrix.writes.federation';
import { peopleCases } from './access-matrix.writes.people';
import { registerCases } from './access-matrix.writes.register';
import { reportCases } from './access-matrix.writes.reports';
import { workCases } from './access-matrix.writes.work';
import type { WriteCase } from './access-matrix.writes.world';

/** Every write route's case, by route as Fastify registers it (method and url). */
export const writeCases: Record<string, WriteCase> = {
  ...peopleCases,
  ...registerCases,
  ...reportCases,
  ...workCases,
  ...federationCases,
};
