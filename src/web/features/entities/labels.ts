import type { EntityKind, EntityRef, Seat } from '../../../shared/schemas/entities';
import type { StateProfile } from '../../../shared/schemas/state-profile';
import { pickText } from '../../components/localized';
import { useApi } from '../../components/use-api';
import type { I18n } from '../../i18n/i18n-provider';
import { useSession } from '../../session/session-provider';

export const kindLabel = (kind: EntityKind, t: I18n['t']) => t(`entities.kind.${kind}`);
export const seatLabel = (seat: Seat, t: I18n['t']) => t(`entities.seat.${seat}`);

/** The State's names of its LRG levels (Land, Kreis, Gemeinde…), level 1 first. */
export function useLevels() {
  const profile = useApi<StateProfile>('/api/state-profile');
  return [...(profile.data?.lrgLevelNames ?? [])].sort((a, b) => a.level - b.level);
}

export type Levels = ReturnType<typeof useLevels>;

/** "Municipality" for an LRG of level 1 in Slovenia; "level 2" when the State has not named it. */
export function levelLabel(level: number, levels: Levels, i18n: Pick<I18n, 't' | 'locale'>): string {
  const named = levels.find((candidate) => candidate.level === level);
  return pickText(named?.name, i18n.locale) || i18n.t('entities.levelN', { level });
}

/** What an entity is, in a few words: its kind, or its level for an LRG. */
export function describeEntity(entity: Pick<EntityRef, 'kind' | 'lrgLevel'>, levels: Levels, i18n: I18n): string {
  return entity.kind === 'lrg' && entity.lrgLevel
    ? levelLabel(entity.lrgLevel, levels, i18n)
    : kindLabel(entity.kind, i18n.t);
}

/** Whether the signed-in person maintains entities, their people and networks (the server says). */
export function useCanManage(): boolean {
  return useSession().can('entities:manage');
}
