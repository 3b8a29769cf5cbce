import type { THousehold, THouseholdVersion, TPerson, TRiskType, TVillage } from '@tongxin/contracts';
import type { VillageWithCounts } from './village.repository.js';
import type { HouseholdRow, HouseholdVersionRow, PersonRow } from './tables.js';

const flag = (value: number | null): boolean | null => (value === null ? null : value === 1);

export type Names = {
  regions: ReadonlyMap<string, string>;
  organizations: ReadonlyMap<string, string>;
  users?: ReadonlyMap<string, { displayName: string }>;
};

export function toVillage(row: VillageWithCounts, names: Names): TVillage {
  const fullName = names.regions.get(row.region_code) ?? row.region_code;
  return {
    id: row.id,
    regionCode: row.region_code,
    name: fullName.split(' ').at(-1) ?? fullName,
    fullName,
    organizationId: row.organization_id,
    organizationName: names.organizations.get(row.organization_id) ?? '',
    isPoorVillage: row.is_poor_village === 1,
    isOldBaseVillage: row.is_old_base_village === 1,
    isRelocationSite: row.is_relocation_site === 1,
    povertyStatus: row.poverty_status,
    exitYear: row.exit_year,
    householdCount: row.household_count,
    population: row.population,
    hasHardenedRoad: row.has_hardened_road === 1,
    hasTapWater: row.has_tap_water === 1,
    hasElectricity: row.has_electricity === 1,
    hasBroadband: row.has_broadband === 1,
    collectiveIncome: row.collective_income,
    workTeam: row.work_team,
    registeredHouseholds: row.registered_households,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toHousehold(row: HouseholdRow, names: Names): THousehold {
  return {
    id: row.id,
    code: row.code,
    villageId: row.village_id,
    regionCode: row.region_code,
    villageName: names.regions.get(row.region_code) ?? row.region_code,
    organizationId: row.organization_id,
    organizationName: names.organizations.get(row.organization_id) ?? '',
    headName: row.head_name,
    headIdNumberMasked: row.head_id_number_masked,
    addressMasked: row.address_masked,
    phoneMasked: row.phone_masked,
    type: row.type,
    identifiedYear: row.identified_year,
    identificationScore: row.identification_score,
    mainCause: row.main_cause,
    otherCauses: [row.second_cause, row.third_cause].filter((cause): cause is number => cause !== null),
    incomePerCapita: row.income_per_capita,
    wageIncome: row.wage_income,
    productionIncome: row.production_income,
    transferIncome: row.transfer_income,
    propertyIncome: row.property_income,
    housingSafe: flag(row.housing_safe),
    drinkingWaterSafe: flag(row.drinking_water_safe),
    exitYear: row.exit_year,
    exitWay: row.exit_way,
    monitoringCategory: row.monitoring_category,
    risks: JSON.parse(row.risks) as TRiskType[],
    riskEliminated: row.risk_eliminated === 1,
    riskEliminationWay: row.risk_elimination_way,
    riskEliminatedOn: row.risk_eliminated_on,
    cadreUserId: row.cadre_user_id,
    cadreName: row.cadre_user_id ? (names.users?.get(row.cadre_user_id)?.displayName ?? null) : null,
    memberCount: row.member_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPerson(row: PersonRow): TPerson {
  return {
    id: row.id,
    householdId: row.household_id,
    relation: row.relation,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    gender: row.gender,
    birthDate: row.birth_date,
    education: row.education,
    schoolStatus: row.school_status,
    health: row.health,
    labourAbility: row.labour_ability,
    migrantMonths: row.migrant_months,
    hasMedicalInsurance: row.has_medical_insurance === 1,
    hasPensionInsurance: row.has_pension_insurance === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toHouseholdVersion(row: HouseholdVersionRow): THouseholdVersion {
  return {
    id: row.id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    type: row.type,
    monitoringCategory: row.monitoring_category,
    risks: JSON.parse(row.risks) as TRiskType[],
    riskEliminated: row.risk_eliminated === 1,
    exitYear: row.exit_year,
    changedFields: JSON.parse(row.changed_fields) as string[],
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}
