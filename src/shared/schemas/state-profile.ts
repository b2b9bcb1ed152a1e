import { z } from 'zod';
import { localizedTextSchema, versionSchema } from './common';

export const systemsOfGovernment = ['unitary', 'federal', 'devolved'] as const;

export const lrgLevelSchema = z.object({ level: z.number().int().min(1).max(5), name: localizedTextSchema });

export const stateProfileSchema = z.object({
  countryIso2: z.string().length(2),
  countryName: localizedTextSchema,
  nmirfName: localizedTextSchema,
  nmirfMandate: localizedTextSchema,
  systemOfGovernment: z.enum(systemsOfGovernment),
  lrgLevelNames: z.array(lrgLevelSchema),
  version: versionSchema,
  updatedAt: z.string(),
  /** How many entities of each kind the State has registered (ministry, lrg, nhri, ...). */
  entityCounts: z.record(z.string(), z.number().int()),
});
export type StateProfile = z.infer<typeof stateProfileSchema>;

export const updateStateProfileSchema = stateProfileSchema
  .pick({ nmirfName: true, nmirfMandate: true, systemOfGovernment: true, lrgLevelNames: true })
  .extend({ version: versionSchema });
export type UpdateStateProfileInput = z.infer<typeof updateStateProfileSchema>;
