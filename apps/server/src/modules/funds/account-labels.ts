import {
  ACCOUNT_KIND,
  DESIGNATION_KIND,
  interpolate,
  PROJECT_CATEGORY,
  type Lang,
  type Localized,
  type TDesignation,
} from '@tongxin/contracts';
import type { Executor } from '../../platform/db/index.js';
import { organizationNames } from '../organizations/index.js';
import { projectNames } from '../projects/index.js';
import { regionFullNames } from '../regions/index.js';
import { villageRegionCodes } from '../registry/index.js';
import { parseDesignationKey } from './designation.js';
import type { LedgerAccountRow } from './tables.js';

type Names = { projects: Map<string, string>; villages: Map<string, string>; regions: Map<string, string> };

/** The names designations refer to, fetched once for a page of them. */
export async function designationNames(executor: Executor, designations: readonly TDesignation[]): Promise<Names> {
  const projectIds = designations.flatMap((d) => (d.kind === 'project' ? [d.projectId] : []));
  const villageIds = designations.flatMap((d) => (d.kind === 'village' ? [d.villageId] : []));
  const villageCodes = await villageRegionCodes(executor, villageIds);
  const regionCodes = designations.flatMap((d) => (d.kind === 'region' ? [d.regionCode] : []));
  const [projects, regions] = await Promise.all([
    projectNames(executor, projectIds),
    regionFullNames(executor, [...regionCodes, ...villageCodes.values()]),
  ]);
  const villages = new Map([...villageCodes].map(([id, code]) => [id, regions.get(code) ?? code]));
  return { projects, villages, regions };
}

/** 定向村：内蒙古自治区 巴彦淖尔市 磴口县 … 村; in English "To a village: 内蒙古自治区 …" (names stay as they are). */
export function designationText(designation: TDesignation, names: Names, lang: Lang): string {
  const kind = DESIGNATION_KIND.labels[designation.kind][lang];
  const colon = lang === 'zh-CN' ? '：' : ': ';
  switch (designation.kind) {
    case 'unrestricted':
      return kind;
    case 'project':
      return `${kind}${colon}${names.projects.get(designation.projectId) ?? designation.projectId}`;
    case 'village':
      return `${kind}${colon}${names.villages.get(designation.villageId) ?? designation.villageId}`;
    case 'region':
      return `${kind}${colon}${names.regions.get(designation.regionCode) ?? designation.regionCode}`;
    case 'category':
      return `${kind}${colon}${PROJECT_CATEGORY.labels[designation.category][lang]}`;
  }
}

const WORDS = {
  unrestricted: { 'zh-CN': '非限定性资金', en: 'Unrestricted fund' },
  restricted: { 'zh-CN': '限定性资金（{designation}）', en: 'Restricted fund ({designation})' },
  projectFund: { 'zh-CN': '项目资金：{project}', en: 'Project fund: {project}' },
  goods: { 'zh-CN': '（物资）', en: ' (in kind)' },
} as const satisfies Record<string, Localized>;

/**
 * How an account is named in errors, balances and traces, in every language (a refusal carries both):
 * 磴口县促进会 · 限定性资金（定向村：…）, 磴口县促进会 · Restricted fund (To a village: …).
 */
export async function accountLabels(
  executor: Executor,
  accounts: readonly LedgerAccountRow[],
): Promise<Map<string, Localized>> {
  const designations = accounts.flatMap((a) => (a.designation ? [parseDesignationKey(a.designation)] : []));
  const projectIds = accounts.flatMap((a) => (a.project_id ? [a.project_id] : []));
  const [names, organizations, projects] = await Promise.all([
    designationNames(executor, designations),
    organizationNames(
      executor,
      accounts.map((a) => a.organization_id),
    ),
    projectNames(executor, projectIds),
  ]);
  const labelIn = (account: LedgerAccountRow, lang: Lang): string => {
    const goods = account.form === 'goods' && account.kind !== 'inventory' ? WORDS.goods[lang] : '';
    let what: string;
    if (account.kind === 'fund' && account.designation) {
      const designation = parseDesignationKey(account.designation);
      what =
        designation.kind === 'unrestricted'
          ? WORDS.unrestricted[lang]
          : interpolate(WORDS.restricted[lang], { designation: designationText(designation, names, lang) });
    } else if (account.kind === 'project_fund') {
      what = interpolate(WORDS.projectFund[lang], { project: projects.get(account.project_id ?? '') ?? '' });
    } else {
      what = ACCOUNT_KIND.labels[account.kind][lang];
    }
    return `${organizations.get(account.organization_id) ?? ''} · ${what}${goods}`;
  };
  return new Map(
    accounts.map((account) => [account.id, { 'zh-CN': labelIn(account, 'zh-CN'), en: labelIn(account, 'en') }]),
  );
}
