import { idNumberCheckCharacter, type TGender, type TRiskType } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import { addPerson, createHousehold, createVillage, findVillages, updateHousehold } from '../registry/index.js';

/**
 * Demo villages and households: a few villages of 磴口, 乌拉特中旗 and 永安 with households whose
 * histories run from identification in 2014 through exit to, for some, relapse monitoring since 2022.
 * People and ID numbers are made up; the numbers are well-formed so that every screen works with them.
 */
type DemoVillage = { code: string; organization: string; poor: boolean; oldBase: boolean };

export const DEMO_VILLAGES: readonly DemoVillage[] = [
  { code: '150822100201', organization: 'nmg-dengkou', poor: true, oldBase: false },
  { code: '150822100202', organization: 'nmg-dengkou', poor: true, oldBase: false },
  { code: '150822100203', organization: 'nmg-dengkou', poor: false, oldBase: false },
  { code: '150824100201', organization: 'nmg-wulatezhong', poor: true, oldBase: false },
  { code: '150824101201', organization: 'nmg-wulatezhong', poor: true, oldBase: false },
  { code: '350481001201', organization: 'fj-yongan', poor: true, oldBase: true },
  { code: '350481001202', organization: 'fj-yongan', poor: false, oldBase: true },
];

const SURNAMES_15 = ['王', '李', '张', '刘', '赵', '高', '郭', '马', '乔', '白', '杜', '韩'];
const SURNAMES_35 = ['林', '陈', '黄', '郑', '吴', '邱', '罗', '池', '廖', '魏', '赖', '曾'];
const MALE = ['建国', '志强', '海军', '文斌', '永福', '俊杰', '德胜', '国庆', '金山', '保平', '巴特尔', '宝音'];
const FEMALE = ['秀英', '桂兰', '春梅', '丽华', '玉珍', '海燕', '淑芬', '美玲', '其木格', '乌云', '金花', '翠萍'];
const RISKS: readonly TRiskType[][] = [
  ['illness'],
  ['disability', 'lack_of_labour'],
  ['disaster'],
  ['unstable_employment'],
];

/** A small deterministic generator, so that the demo is the same on every machine. */
function sequence(seed: number) {
  // mulberry32: 32-bit integer arithmetic throughout, so no precision is lost in doubles.
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

function idNumber(region: string, birth: string, serial: number, gender: TGender): string {
  const sequenceNumber = (serial % 500) * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birth.replaceAll('-', '')}${String(sequenceNumber).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

export async function seedRegistryDemo(
  ctx: ServiceContext,
  organizationIds: ReadonlyMap<string, string>,
  cadreUserId: string | null,
  onStep: (step: string) => void,
): Promise<boolean> {
  const existing = await findVillages(ctx, { regionCode: '150822', pageSize: 1 });
  if (existing.total > 0) return false;
  const pick = sequence(20_141_017);
  let serial = 0;
  for (const [v, spec] of DEMO_VILLAGES.entries()) {
    onStep(`village ${spec.code}`);
    const organizationId = organizationIds.get(spec.organization) ?? '';
    const village = await createVillage(ctx, {
      regionCode: spec.code,
      organizationId,
      isPoorVillage: spec.poor,
      isOldBaseVillage: spec.oldBase,
      povertyStatus: spec.poor ? 'exited' : 'not_poor',
      exitYear: spec.poor ? 2018 + (v % 3) : null,
      householdCount: 180 + pick(200),
      population: 520 + pick(600),
      hasHardenedRoad: true,
      hasTapWater: v % 3 !== 2,
      hasElectricity: true,
      hasBroadband: v % 2 === 0,
      collectiveIncome: (80_000 + pick(400_000)) * 100,
      workTeam: `${spec.organization.startsWith('fj') ? '永安市' : '自治区'}驻村工作队（第一书记、队员 2 名）`,
    });
    const region = spec.code.slice(0, 6);
    const surnames = region.startsWith('35') ? SURNAMES_35 : SURNAMES_15;
    for (let h = 0; h < 8; h++) {
      serial += 1;
      const surname = surnames[pick(surnames.length)] ?? '王';
      const headGender: TGender = pick(5) === 0 ? 'female' : 'male';
      const headBirth = `19${50 + pick(30)}-0${1 + pick(9)}-1${pick(9)}`;
      const monitored = h % 4 === 3;
      const mainCause = ([1, 2, 3, 7, 8, 9] as const)[pick(6)] ?? 1;
      const card = await createHousehold(ctx, {
        villageId: village.id,
        code: `${spec.code}${String(h + 1).padStart(3, '0')}`,
        type: 'registered',
        identifiedYear: 2014,
        mainCause,
        // Lack of capital comes second often; never as a repeat of the main cause.
        otherCauses: pick(2) === 0 && mainCause !== 9 ? [9] : [],
        incomePerCapita: (2200 + pick(800)) * 100,
        housingSafe: pick(3) !== 0,
        drinkingWaterSafe: true,
        address: `${village.fullName.replaceAll(' ', '')}${1 + pick(6)}组${1 + pick(40)}号`,
        phone: `13${String(800_000_000 + serial * 7919).slice(0, 9)}`,
        head: {
          name: `${surname}${(headGender === 'male' ? MALE : FEMALE)[pick(12)] ?? '建国'}`,
          idNumber: idNumber(region, headBirth, serial, headGender),
          gender: headGender,
          education: 'junior',
          health: monitored ? 'chronic' : 'healthy',
          labourAbility: 'ordinary',
          hasMedicalInsurance: true,
          hasPensionInsurance: true,
        },
        cadreUserId: v === 0 && h < 4 ? cadreUserId : null,
        effectiveOn: '2014-10-17',
      });
      const members = 1 + pick(4);
      for (let m = 0; m < members; m++) {
        serial += 1;
        const child = m > 0;
        const opposite: TGender = headGender === 'male' ? 'female' : 'male';
        const gender: TGender = child ? (pick(2) === 0 ? 'male' : 'female') : opposite;
        const birth = child
          ? `20${String(pick(15)).padStart(2, '0')}-0${1 + pick(9)}-2${pick(8)}`
          : `19${52 + pick(28)}-1${pick(3)}-0${1 + pick(9)}`;
        await addPerson(ctx, card.id, {
          relation: child ? 'child' : 'spouse',
          name: `${child ? surname : (surnames[pick(surnames.length)] ?? '李')}${(gender === 'male' ? MALE : FEMALE)[pick(12)] ?? '秀英'}`,
          idNumber: idNumber(region, birth, serial, gender),
          gender,
          schoolStatus: child ? (['primary', 'junior', 'senior', 'not_in_school'] as const)[pick(4)] : null,
          health: pick(6) === 0 ? 'disabled' : 'healthy',
          labourAbility: child ? 'none' : 'ordinary',
          hasMedicalInsurance: true,
        });
      }
      const exitYear = 2016 + pick(5);
      await updateHousehold(ctx, card.id, {
        type: 'exited',
        exitYear,
        exitWay: (['industry', 'employment', 'education', 'health', 'social_security'] as const)[pick(5)],
        incomePerCapita: (9000 + pick(9000)) * 100,
        effectiveOn: `${exitYear}-12-${10 + pick(18)}`,
      });
      if (monitored) {
        await updateHousehold(ctx, card.id, {
          type: 'monitored',
          monitoringCategory: pick(2) === 0 ? 'unstable_exited' : 'marginal',
          // Risks take turns, so that every county of the demo has each kind to filter by.
          risks: RISKS[(v * 2 + (h >> 2)) % RISKS.length] ?? ['illness'],
          effectiveOn: `2022-0${3 + pick(6)}-15`,
        });
      }
    }
  }
  return true;
}
