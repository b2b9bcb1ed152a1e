import { is } from '../../../shared/roles';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { ReportStatus } from '../../../shared/schemas/reports';

export type ReportsAction =
  | 'list'
  | 'create'
  | 'read'
  | 'edit'
  | 'version'
  | 'openConsultation'
  | 'consult'
  | 'comment'
  | 'reply'
  | 'approve'
  | 'export';

export interface ReportsRecord {
  status?: ReportStatus;
}

/**
 * The NMIRF secretariat (admins, coordinators) writes, versions, consults on, approves and
 * exports reports. Consulted stakeholders (NHRIs, civil society: the `consulted` trait) see only a
 * report open for consultation, the version under consultation, and comment on its paragraphs;
 * the coordinator answers. Focal points contribute through their progress updates, not here.
 * An approved report no longer changes.
 */
export function canReports(user: SessionUser, action: ReportsAction, record: ReportsRecord = {}): boolean {
  const manager = is(user.role, 'secretariat');
  const stakeholder = is(user.role, 'consulted');
  const consulting = record.status === 'consultation';
  switch (action) {
    case 'list':
      return manager || stakeholder;
    case 'create':
      return manager;
    case 'read':
    case 'version':
    case 'export':
      return manager;
    case 'edit':
    case 'openConsultation':
    case 'approve':
      return manager && record.status !== 'approved';
    case 'consult':
      return manager || (stakeholder && consulting);
    case 'comment':
      return stakeholder && consulting;
    case 'reply':
      return manager && record.status !== undefined;
  }
}
