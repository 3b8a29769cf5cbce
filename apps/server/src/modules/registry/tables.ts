import type {
  TAssistanceWay,
  TEducation,
  TGender,
  THealth,
  THouseholdType,
  TLabourAbility,
  TMonitoringCategory,
  TRelation,
  TSchoolStatus,
  TVillagePovertyStatus,
} from '@tongxin/contracts';

export type VillageRow = {
  id: string;
  /** Twelve-digit statistical code of the village region. */
  region_code: string;
  /** The organization responsible for the village; access follows it. */
  organization_id: string;
  is_poor_village: number;
  is_old_base_village: number;
  is_relocation_site: number;
  poverty_status: TVillagePovertyStatus;
  exit_year: number | null;
  household_count: number | null;
  population: number | null;
  has_hardened_road: number;
  has_tap_water: number;
  has_electricity: number;
  has_broadband: number;
  collective_income: number | null;
  work_team: string | null;
  created_at: string;
  updated_at: string;
};

/** Villages assigned to a cadre (驻村干部): they see the village and its households. */
export type VillageCadreRow = { village_id: string; user_id: string; created_at: string };

export type HouseholdRow = {
  id: string;
  code: string | null;
  village_id: string;
  /** The village's code, kept on the household so that region filters and supervisors need no join. */
  region_code: string;
  organization_id: string;
  address_cipher: string | null;
  address_masked: string | null;
  phone_cipher: string | null;
  phone_masked: string | null;
  type: THouseholdType;
  identified_year: number | null;
  identification_score: number | null;
  main_cause: number | null;
  second_cause: number | null;
  third_cause: number | null;
  income_per_capita: number | null;
  wage_income: number | null;
  production_income: number | null;
  transfer_income: number | null;
  property_income: number | null;
  housing_safe: number | null;
  drinking_water_safe: number | null;
  exit_year: number | null;
  exit_way: TAssistanceWay | null;
  monitoring_category: TMonitoringCategory | null;
  /** JSON array of risk codes, at most five. */
  risks: string;
  risk_eliminated: number;
  risk_elimination_way: TAssistanceWay | null;
  risk_eliminated_on: string | null;
  cadre_user_id: string | null;
  /** Name of the head, kept for lists and search; never on a public page. */
  head_name: string | null;
  head_id_number_masked: string | null;
  member_count: number;
  created_at: string;
  updated_at: string;
};

/** The states of a household's type and monitoring fields over [valid_from, valid_to), Beijing dates. */
export type HouseholdVersionRow = {
  id: string;
  household_id: string;
  valid_from: string;
  valid_to: string | null;
  type: THouseholdType;
  monitoring_category: TMonitoringCategory | null;
  risks: string;
  risk_eliminated: number;
  exit_year: number | null;
  changed_fields: string;
  recorded_at: string;
  recorded_by: string | null;
};

export type PersonRow = {
  id: string;
  household_id: string;
  relation: TRelation;
  name: string;
  /** AES-256-GCM of the normalized number. */
  id_number_cipher: string;
  /** HMAC of the normalized number: exact look-up and duplicate detection; unique across the registry. */
  id_number_hash: string;
  id_number_masked: string;
  gender: TGender;
  birth_date: string;
  education: TEducation | null;
  school_status: TSchoolStatus | null;
  health: THealth | null;
  labour_ability: TLabourAbility | null;
  migrant_months: number | null;
  has_medical_insurance: number;
  has_pension_insurance: number;
  created_at: string;
  updated_at: string;
};

/** An import of a household or member file: who, what, and how it ended. Progress lives in memory. */
export type ImportJobRow = {
  id: string;
  kind: 'households' | 'persons';
  mode: 'all' | 'valid';
  file_name: string;
  file_sha256: string | null;
  status: 'running' | 'done' | 'failed';
  organization_id: string;
  actor_id: string;
  actor_username: string;
  total_rows: number | null;
  valid_rows: number | null;
  error_rows: number | null;
  committed_rows: number | null;
  committed: number;
  problem_count: number | null;
  /** JSON of the first problems (row, column, message), for the report screen. */
  problems: string | null;
  has_error_report: number;
  message: string | null;
  created_at: string;
  finished_at: string | null;
};

export type RegistryTables = {
  import_jobs: ImportJobRow;
  villages: VillageRow;
  village_cadres: VillageCadreRow;
  households: HouseholdRow;
  household_versions: HouseholdVersionRow;
  persons: PersonRow;
};
