import type { EntityDetail, EntitySummary } from '../../../shared/schemas/entities';
import type { EntityListRow, EntityRow } from './entities.repo';
import { presentEntityRef } from './entity-ref.presenter';

export function presentSummary(row: EntityListRow): EntitySummary {
  return {
    ...presentEntityRef(row),
    nameLocal: row.name_local,
    parentId: row.parent_id,
    parentName: row.parent_name,
    subdivisionCode: row.subdivision_code,
    childCount: Number(row.child_count ?? 0),
    version: row.version,
  };
}

export function presentDetail(
  row: EntityRow,
  related: {
    ancestors: EntityRow[];
    networks: EntityRow[];
    usage: { assignments: number; children: number; members: number; people: number };
  },
): EntityDetail {
  const parent = related.ancestors.at(-1);
  return {
    ...presentSummary({ ...row, parent_name: parent?.name ?? null, child_count: related.usage.children }),
    ancestors: related.ancestors.map((entity) => presentEntityRef(entity)),
    networks: related.networks.map((entity) => presentEntityRef(entity)),
    memberCount: related.usage.members,
    peopleCount: related.usage.people,
    assignmentCount: related.usage.assignments,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The fields an audit event keeps of an entity. */
export function auditedEntity(row: EntityRow) {
  const { created_at: _c, updated_at: _u, ...rest } = row;
  return rest;
}
