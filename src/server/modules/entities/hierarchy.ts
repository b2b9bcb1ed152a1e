import type { EntityKind } from '../../../shared/schemas/entities';

/** Where an entity sits: what the rules of the hierarchy look at. */
export interface Placed {
  kind: EntityKind;
  lrgLevel: number | null;
}

export type PlaceField = 'kind' | 'lrgLevel' | 'parentId' | 'subdivisionCode';
export interface PlaceProblem {
  path: PlaceField;
  message: string;
}

/**
 * What is wrong with an entity under this parent, or null. Local and regional governments form
 * the State's own ladder: level 1 sits directly under the State (no parent), each level below
 * under an LRG of the level above, so federal (Land > Kreis > Gemeinde), unitary (municipalities
 * only) and devolved States all fit. Other entities may sit under any entity but a network (an
 * agency under its ministry, a municipal agency under its municipality); networks stand alone.
 */
export function parentProblem(child: Placed, parent: Placed | null): string | null {
  if (child.kind === 'lrg') {
    if (child.lrgLevel === 1) return parent ? 'issues.entity.firstLevelHasParent' : null;
    if (!parent) return 'issues.entity.parentRequired';
    if (parent.kind !== 'lrg' || parent.lrgLevel !== (child.lrgLevel ?? 0) - 1)
      return 'issues.entity.parentNotLevelAbove';
    return null;
  }
  if (child.kind === 'lrg_network') return parent ? 'issues.entity.networkHasParent' : null;
  if (parent?.kind === 'lrg_network') return 'issues.entity.parentIsNetwork';
  return null;
}

/** The fields that must agree with the kind: a level (one the State has named) and a code for LRGs only. */
export function fieldProblems(
  entity: Placed & { subdivisionCode: string | null },
  namedLevels: readonly number[],
): PlaceProblem[] {
  const problems: PlaceProblem[] = [];
  if (entity.kind === 'lrg') {
    if (entity.lrgLevel === null) problems.push({ path: 'lrgLevel', message: 'issues.entity.levelRequired' });
    else if (!namedLevels.includes(entity.lrgLevel))
      problems.push({ path: 'lrgLevel', message: 'issues.entity.levelNotNamed' });
  } else {
    if (entity.lrgLevel !== null) problems.push({ path: 'lrgLevel', message: 'issues.entity.levelOnlyForLrg' });
    if (entity.subdivisionCode !== null)
      problems.push({ path: 'subdivisionCode', message: 'issues.entity.codeOnlyForLrg' });
  }
  return problems;
}

/** Whether every existing child still fits once the entity becomes `entity`. */
export function childrenFit(entity: Placed, children: readonly Placed[]): boolean {
  return children.every((child) => parentProblem(child, entity) === null);
}
