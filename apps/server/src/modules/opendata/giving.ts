import { PROJECT_CATEGORY, type TGrant } from '@tongxin/contracts';
import type { ProjectMovement } from '../funds/index.js';
import type { OpenDataProject } from '../projects/index.js';
import { organizationRef, type OpenDataSet } from './data-set.js';
import { yuanText } from './money.js';

// 360Giving-style grants: money given to a project (an allocation from a fund of the owner, or a transfer
// from another organization straight into the project), and money paid from a project to an organization.
// Payments to households and persons are not grants to anyone the public may know, and are left out; an
// allocation later reversed was never awarded. Remainders returned are not subtracted: a grant says what was
// awarded, and the IATI file carries the returns.

const GRANT_ENTRIES = new Set(['allocation', 'transfer']);

function beneficiaryLocation(set: OpenDataSet, project: OpenDataProject): TGrant['beneficiaryLocation'] {
  const names = project.targetRegionCodes.map((code) => set.regionNames.get(code) ?? code);
  return [{ name: names.length > 0 ? names.join('、') : '中国', countryCode: 'CN' }];
}

function organization(set: OpenDataSet, organizationId: string): TGrant['recipientOrganization'][number] {
  return { id: organizationRef(set, organizationId), name: set.organizations.get(organizationId)?.name ?? '' };
}

function grantOf(set: OpenDataSet, project: OpenDataProject, movement: ProjectMovement): TGrant | null {
  const base = {
    currency: 'CNY' as const,
    // Exact: the decimal text of integer fen, read as the number it spells.
    amountAwarded: Number(yuanText(movement.amount)),
    awardDate: movement.businessDate,
    beneficiaryLocation: beneficiaryLocation(set, project),
  };
  const about = `${PROJECT_CATEGORY.labels[project.category]['zh-CN']}项目“${project.name}”（${project.code}）`;
  if (movement.direction === 'in' && GRANT_ENTRIES.has(movement.entryKind) && !movement.isReversed) {
    const funder = movement.organizationId ?? project.ownerOrganizationId;
    return {
      id: `${set.prefixes.grantPrefix}-${movement.entryId}`,
      title: `项目资金：${project.name}`,
      description: `拨付给${about}的资金`,
      ...base,
      recipientOrganization: [organization(set, project.ownerOrganizationId)],
      fundingOrganization: [organization(set, funder)],
    };
  }
  const payee = movement.payee;
  if (movement.direction === 'paid' && payee?.name) {
    return {
      id: `${set.prefixes.grantPrefix}-${payee.itemId}`,
      title: `${project.name}：支付给${payee.name}`,
      description: `${about}支付给${payee.name}的款项`,
      ...base,
      recipientOrganization: [{ id: `${set.prefixes.grantPrefix}-payee-${payee.itemId}`, name: payee.name }],
      fundingOrganization: [organization(set, project.ownerOrganizationId)],
    };
  }
  return null;
}

/** A grant and its amount in fen, which the CSV writes from. */
export type GrantWithFen = { grant: TGrant; fen: number };

/** The grants of the projects in the set, awarded in `year` if given, oldest first. */
export function grantsOf(set: OpenDataSet, year: number | null): GrantWithFen[] {
  const grants = set.projects.flatMap((project) =>
    (set.movementsOf.get(project.id) ?? []).flatMap((movement) => {
      if (year !== null && !movement.businessDate.startsWith(`${year}-`)) return [];
      const grant = grantOf(set, project, movement);
      return grant ? [{ grant, fen: movement.amount }] : [];
    }),
  );
  return grants.sort(
    (a, b) => a.grant.awardDate.localeCompare(b.grant.awardDate) || a.grant.id.localeCompare(b.grant.id),
  );
}

const AMOUNT = 'Amount Awarded';
const CSV_COLUMNS: readonly [string, (row: GrantWithFen) => string][] = [
  ['Identifier', ({ grant }) => grant.id],
  ['Title', ({ grant }) => grant.title],
  ['Description', ({ grant }) => grant.description],
  ['Currency', ({ grant }) => grant.currency],
  [AMOUNT, ({ fen }) => yuanText(fen)],
  ['Award Date', ({ grant }) => grant.awardDate],
  ['Recipient Org:Identifier', ({ grant }) => grant.recipientOrganization[0]?.id ?? ''],
  ['Recipient Org:Name', ({ grant }) => grant.recipientOrganization[0]?.name ?? ''],
  ['Funding Org:Identifier', ({ grant }) => grant.fundingOrganization[0]?.id ?? ''],
  ['Funding Org:Name', ({ grant }) => grant.fundingOrganization[0]?.name ?? ''],
  ['Beneficiary Location:Name', ({ grant }) => grant.beneficiaryLocation[0]?.name ?? ''],
  ['Beneficiary Location:Country Code', ({ grant }) => grant.beneficiaryLocation[0]?.countryCode ?? ''],
];

/**
 * A cell as RFC 4180 wants it, quoted when it holds a quote, comma or line break; text that a spreadsheet
 * would take for a formula gets a leading apostrophe, so that opening the file runs nothing.
 */
function cell(value: string, isText: boolean): string {
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The grants as CSV with 360Giving's column titles, UTF-8 with a byte-order mark so that Excel reads Chinese. */
export function grantsCsv(grants: readonly GrantWithFen[]): string {
  const lines = [CSV_COLUMNS.map(([title]) => cell(title, true)).join(',')];
  for (const row of grants) lines.push(CSV_COLUMNS.map(([title, read]) => cell(read(row), title !== AMOUNT)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
