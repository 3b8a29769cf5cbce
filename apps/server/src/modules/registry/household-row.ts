import type { TAssistanceWay, THouseholdType, TMonitoringCategory, TRiskType } from '@tongxin/contracts';
import { keyring } from '../../platform/crypto/index.js';
import { maskAddress, maskPhone } from '../../platform/privacy/mask.js';
import type { HouseholdRow, PersonRow, VillageRow } from './tables.js';

/** What a new household is, however it arrives (a form or an import row). Absent facts are null. */
export type NewHousehold = {
  id: string;
  code: string | null;
  village: Pick<VillageRow, 'id' | 'region_code' | 'organization_id'>;
  head: PersonRow;
  address: string | null;
  phone: string | null;
  type: THouseholdType;
  identifiedYear: number | null;
  identificationScore: number | null;
  mainCause: number | null;
  otherCauses: readonly number[];
  incomePerCapita: number | null;
  wageIncome: number | null;
  productionIncome: number | null;
  transferIncome: number | null;
  propertyIncome: number | null;
  housingSafe: boolean | null;
  drinkingWaterSafe: boolean | null;
  exitYear: number | null;
  exitWay: TAssistanceWay | null;
  monitoringCategory: TMonitoringCategory | null;
  risks: readonly TRiskType[];
  riskEliminated: boolean;
  riskEliminationWay: TAssistanceWay | null;
  riskEliminatedOn: string | null;
  cadreUserId: string | null;
  now: string;
};

const flag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

/** An address or phone as stored: the ciphertext and the masked form views show. */
export function sealContact(value: string | null, mask: (text: string) => string) {
  return value ? { cipher: keyring().encrypt(value), masked: mask(value) } : { cipher: null, masked: null };
}

/** The stored row of a new household: address and phone sealed and masked, the head's name kept for lists. */
export function householdRow(facts: NewHousehold): HouseholdRow {
  const address = sealContact(facts.address, maskAddress);
  const phone = sealContact(facts.phone, maskPhone);
  return {
    id: facts.id,
    code: facts.code,
    village_id: facts.village.id,
    region_code: facts.village.region_code,
    organization_id: facts.village.organization_id,
    address_cipher: address.cipher,
    address_masked: address.masked,
    phone_cipher: phone.cipher,
    phone_masked: phone.masked,
    type: facts.type,
    identified_year: facts.identifiedYear,
    identification_score: facts.identificationScore,
    main_cause: facts.mainCause,
    second_cause: facts.otherCauses[0] ?? null,
    third_cause: facts.otherCauses[1] ?? null,
    income_per_capita: facts.incomePerCapita,
    wage_income: facts.wageIncome,
    production_income: facts.productionIncome,
    transfer_income: facts.transferIncome,
    property_income: facts.propertyIncome,
    housing_safe: flag(facts.housingSafe),
    drinking_water_safe: flag(facts.drinkingWaterSafe),
    exit_year: facts.exitYear,
    exit_way: facts.exitWay,
    monitoring_category: facts.monitoringCategory,
    risks: JSON.stringify(facts.risks),
    risk_eliminated: facts.riskEliminated ? 1 : 0,
    risk_elimination_way: facts.riskEliminationWay,
    risk_eliminated_on: facts.riskEliminatedOn,
    cadre_user_id: facts.cadreUserId,
    head_name: facts.head.name,
    head_id_number_masked: facts.head.id_number_masked,
    member_count: 1,
    created_at: facts.now,
    updated_at: facts.now,
  };
}
