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

export type ProjectTables = {
  projects: ProjectRow;
  project_targets: ProjectTargetRow;
  project_partners: ProjectPartnerRow;
  project_transitions: ProjectTransitionRow;
};
