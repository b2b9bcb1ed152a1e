import type { EntityKind, EntityRef } from '../../../shared/schemas/entities';

/** The columns of an entity reference, as a row names them after its prefix. */
interface RefColumns {
  kind: string;
  name: string;
  acronym: string | null;
  lrg_level: number | null;
}
export type EntityRefRow<P extends string = '', I extends string = `${P}id`> = {
  [K in keyof RefColumns as `${P}${K}`]: RefColumns[K];
} & { [K in I]: string };

/**
 * An entity as other records name it (`{ id, kind, name, acronym, lrgLevel }`), for every module:
 * from a row of the entity itself, or from a joined row whose entity columns carry a prefix
 * (`entity_kind`, `owner_name`…) and whose id column may be named otherwise (`owner_entity_id`).
 */
export function presentEntityRef<P extends string = '', I extends string = `${P}id`>(
  row: EntityRefRow<NoInfer<P>, NoInfer<I>>,
  prefix: P = '' as P,
  idColumn: I = `${prefix}id` as I,
): EntityRef {
  const columns = row as unknown as Record<string, unknown>;
  return {
    id: columns[idColumn] as string,
    kind: columns[`${prefix}kind`] as EntityKind,
    name: columns[`${prefix}name`] as string,
    acronym: columns[`${prefix}acronym`] as string | null,
    lrgLevel: columns[`${prefix}lrg_level`] as number | null,
  };
}
