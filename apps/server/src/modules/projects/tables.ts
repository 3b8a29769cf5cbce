import type {
  TAssistanceMode,
  TInfrastructureKind,
  TPartnerRole,
  TProjectAction,
  TProjectCategory,
  TProjectStatus,
} from '@tongxin/contracts';

export type ProjectRow = {
  id: string;
  code: string;
  name: string;
  owner_organization_id: string;
  category: TProjectCategory;
  infrastructure_kind: TInfrastructureKind | null;
  government_obligated: number;
  assistance_mode: TAssistanceMode;
  status: TProjectStatus;
  suspended_from: TProjectStatus | null;
  budget: number;
  planned_start: string;
  planned_end: string;
  actual_start: string | null;
  actual_end: string | null;
  description: string | null;
  /** JSON [{group, count, note}]: beneficiaries counted where they are not in the registry. */
  beneficiary_counts: string;
  created_at: string;
  updated_at: string;
};

/** Where a project works: regions, registered villages and households (one row each). */
export type ProjectTargetRow = { project_id: string; kind: 'region' | 'village' | 'household'; ref: string };

export type ProjectPartnerRow = { project_id: string; organization_id: string; role: TPartnerRole };

export type ProjectTransitionRow = {
  id: string;
  project_id: string;
  action: TProjectAction;
  from_status: TProjectStatus;
  to_status: TProjectStatus;
  reason: string | null;
  on_date: string;
  actor_id: string;
  actor_username: string;
  actor_organization_name: string;
  recorded_at: string;
};

export type ProjectFileRow = {
  id: string;
  project_id: string;
  /** What the file belongs to: the project itself, a report or an inspection. */
  owner_kind: 'project' | 'report' | 'inspection';
  owner_id: string;
  kind: 'photo' | 'document';
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_path: string;
  is_public: number;
  created_at: string;
  created_by: string;
};

export type MilestoneRow = {
  id: string;
  project_id: string;
  title: string;
  due_on: string;
  target_value: number | null;
  unit: string | null;
  achieved_value: number | null;
  achieved_on: string | null;
  created_at: string;
};

export type ReportRow = {
  id: string;
  project_id: string;
  kind: 'progress' | 'final';
  reported_on: string;
  text: string;
  /** JSON [{label, value, unit}]. */
  figures: string;
  is_public: number;
  created_at: string;
  created_by: string;
};

export type InspectionRow = {
  id: string;
  project_id: string;
  visited_on: string;
  inspectors: string;
  findings: string;
  rating: 'excellent' | 'good' | 'fair' | 'poor';
  /** JSON [{action, owner, dueOn, done}]. */
  follow_ups: string;
  created_at: string;
  created_by: string;
};

export type AcceptanceRow = {
  id: string;
  project_id: string;
  checked_on: string;
  verdict: 'pass' | 'fail';
  /** JSON [{item, passed, note}]. */
  checklist: string;
  remarks: string | null;
  created_at: string;
  created_by: string;
};

export type ProjectTables = {
  project_files: ProjectFileRow;
  project_milestones: MilestoneRow;
  project_reports: ReportRow;
  project_inspections: InspectionRow;
  project_acceptances: AcceptanceRow;
  projects: ProjectRow;
  project_targets: ProjectTargetRow;
  project_partners: ProjectPartnerRow;
  project_transitions: ProjectTransitionRow;
};
