import type {
  TInfrastructureKind,
  TOrganizationType,
  TPartnerRole,
  TProjectCategory,
  TProjectStatus,
} from '@tongxin/contracts';

// How our categories, states and roles are said in IATI 2.03 codelists. The schema checks structure only;
// these tables are where codelist values come from, and the open-data test holds every emitted code
// against the codelists themselves.

/**
 * Project category → OECD DAC 5-digit purpose code (sector vocabulary 1). Poverty-relief categories are
 * broad; each maps to the purpose code that covers most of what the seeds' projects of that category do.
 */
export const DAC_SECTOR: Record<TProjectCategory, string> = {
  /** 金融扶贫: micro-credit and guarantee funds for households and cooperatives. */
  finance: '24040', // Informal/semi-formal financial intermediaries (micro credit)
  /** 教育助学: student aid, school supplies and buildings, level unspecified. */
  education: '11120', // Education facilities and training
  /** 健康医疗: basic care, medicines, hearing aids and other help for disabled people. */
  health: '12220', // Basic health care
  /** 产业发展: mostly farming and herding (cattle, crops, greenhouses). */
  industry: '31120', // Agricultural development
  /** 就业帮扶: job placement, employment creation and income generation. */
  employment: '16020', // Employment policy and administrative management (incl. employment creation)
  /** 基础设施 without a kind: village infrastructure as part of rural development. */
  infrastructure: '43040', // Rural development
  /** 消费帮扶: buying the produce of poor areas, i.e. rural incomes. */
  consumption: '43040', // Rural development
  /** 公益慈善: general charitable work across sectors. */
  public_welfare: '43010', // Multisector aid
  /** 直接款物: cash and goods handed to households in need. */
  direct_aid: '16010', // Social/welfare services (social security and other social schemes)
};

/** Infrastructure projects say what they build, which has a purpose code of its own. */
export const DAC_INFRASTRUCTURE: Record<TInfrastructureKind, string> = {
  road: '21020', // Road transport
  water: '14030', // Basic drinking water supply and basic sanitation
  telecom: '22020', // Telecommunications
  housing: '16040', // Low-cost housing
};

export function dacSector(category: TProjectCategory, kind: TInfrastructureKind | null): string {
  return category === 'infrastructure' && kind ? DAC_INFRASTRUCTURE[kind] : DAC_SECTOR[category];
}

/**
 * Lifecycle → ActivityStatus: approved but not started is still planning (1); completed and accepted wait for
 * closing (3 Finalisation); a terminated project is reported as cancelled (5).
 */
export function activityStatus(status: TProjectStatus): string {
  switch (status) {
    case 'draft':
    case 'submitted':
    case 'approved':
      return '1';
    case 'in_progress':
      return '2';
    case 'completed':
    case 'accepted':
      return '3';
    case 'closed':
      return '4';
    case 'terminated':
      return '5';
    case 'suspended':
      return '6';
  }
}

/** OrganisationRole. */
export const ROLE = { funding: '1', accountable: '2', implementing: '4' } as const;

/** Partner role → OrganisationRole; "other" partners have no role the codelist could state, so they are left out. */
export function partnerRole(role: TPartnerRole): string | null {
  switch (role) {
    case 'funder':
      return ROLE.funding;
    case 'implementer':
    case 'bank':
    case 'school':
      return ROLE.implementing;
    case 'other':
      return null;
  }
}

/** OrganisationType: social organizations are national NGOs (22) in IATI's terms. */
export function organisationType(type: TOrganizationType): string {
  switch (type) {
    case 'association':
    case 'social_group':
    case 'social_service':
      return '22';
    case 'foundation':
      return '60';
    case 'government':
      return '10';
    case 'enterprise':
    case 'bank':
      return '70';
    case 'school':
      return '80';
  }
}

/** TransactionType. */
export const TRANSACTION = { incomingFunds: '1', disbursement: '3', expenditure: '4' } as const;

/** ActivityDateType. */
export const ACTIVITY_DATE = { plannedStart: '1', actualStart: '2', plannedEnd: '3', actualEnd: '4' } as const;
