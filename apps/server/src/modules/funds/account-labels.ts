import { ACCOUNT_KIND, DESIGNATION_KIND, PROJECT_CATEGORY, type TDesignation } from '@tongxin/contracts';
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

/** 定向村：内蒙古自治区 巴彦淖尔市 磴口县 … 村 */
export function designationText(designation: TDesignation, names: Names): string {
  const kind = DESIGNATION_KIND.labels[designation.kind]['zh-CN'];
  switch (designation.kind) {
    case 'unrestricted':
      return kind;
    case 'project':
      return `${kind}：${names.projects.get(designation.projectId) ?? designation.projectId}`;
    case 'village':
      return `${kind}：${names.villages.get(designation.villageId) ?? designation.villageId}`;
    case 'region':
      return `${kind}：${names.regions.get(designation.regionCode) ?? designation.regionCode}`;
    case 'category':
      return `${kind}：${PROJECT_CATEGORY.labels[designation.category]['zh-CN']}`;
  }
}

/** How an account is named in errors, balances and traces: 磴口县促进会 · 限定性资金（定向村：…）. */
export async function accountLabels(
  executor: Executor,
  accounts: readonly LedgerAccountRow[],
): Promise<Map<string, string>> {
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
  const labels = new Map<string, string>();
  for (const account of accounts) {
    const goods = account.form === 'goods' && account.kind !== 'inventory' ? '（物资）' : '';
    let what: string;
    if (account.kind === 'fund' && account.designation) {
      const designation = parseDesignationKey(account.designation);
      what =
        designation.kind === 'unrestricted' ? '非限定性资金' : `限定性资金（${designationText(designation, names)}）`;
    } else if (account.kind === 'project_fund') {
      what = `项目资金：${projects.get(account.project_id ?? '') ?? ''}`;
    } else {
      what = ACCOUNT_KIND.labels[account.kind]['zh-CN'];
    }
    labels.set(account.id, `${organizations.get(account.organization_id) ?? ''} · ${what}${goods}`);
  }
  return labels;
}
