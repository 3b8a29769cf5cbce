import { ENTRY_KIND, PAYEE_KIND, PROJECT_CATEGORY, type TDonorKind } from '@tongxin/contracts';
import type { ProjectMovement } from '../funds/index.js';
import type { OpenDataProject } from '../projects/index.js';
import { organizationRef, type OpenDataSet } from './data-set.js';
import {
  ACTIVITY_DATE,
  activityStatus,
  dacSector,
  organisationType,
  partnerRole,
  ROLE,
  TRANSACTION,
} from './iati-codes.js';
import { yuanText } from './money.js';
import { element, narrative, textElement } from './xml.js';

// One IATI 2.03 activity per public project. The identifier is the owner's organisation identifier
// (`<prefix>-<organization id>`, see config) and the project code: both are fixed once the project exists.
// Transactions come from the ledger, so that per project
//   Σ type 1 (Incoming Funds)                = money received (allocations and transfers in, less
//                                              remainders returned and reversals: those are negative)
//   Σ type 3 (Disbursement) + type 4 (Expenditure) = money spent (payments that left the books)
// which is what the funds module reports for the project. Payees that are organizations get a
// Disbursement each, with their name; payments to households, persons and suppliers are one Expenditure
// per entry and payee kind, counted, never named.

const ANONYMOUS_DONORS = '匿名捐赠人';

function money(fen: number, date: string): string {
  return textElement('value', { currency: 'CNY', 'value-date': date }, yuanText(fen));
}

function donorType(kind: TDonorKind): string | null {
  return kind === 'enterprise' ? organisationType('enterprise') : null;
}

function participatingOrgs(set: OpenDataSet, project: OpenDataProject): string[] {
  const rendered = new Map<string, string>();
  const add = (role: string, name: string, ref: string | null, type: string | null) => {
    const key = `${role}|${ref ?? name}`;
    if (!rendered.has(key)) rendered.set(key, narrative('participating-org', name, { ref, role, type }));
  };
  const ours = (role: string, organizationId: string) => {
    const organization = set.organizations.get(organizationId);
    if (organization)
      add(role, organization.name, organizationRef(set, organizationId), organisationType(organization.type));
  };
  ours(ROLE.accountable, project.ownerOrganizationId);
  const roles = project.partners.map((partner) => ({ ...partner, iati: partnerRole(partner.role) }));
  if (!roles.some((partner) => partner.iati === ROLE.implementing))
    ours(ROLE.implementing, project.ownerOrganizationId);
  for (const partner of roles) if (partner.iati) ours(partner.iati, partner.organizationId);
  for (const movement of set.movementsOf.get(project.id) ?? []) {
    if (
      movement.direction === 'in' &&
      movement.organizationId &&
      movement.organizationId !== project.ownerOrganizationId
    )
      ours(ROLE.funding, movement.organizationId);
  }
  // Donors as each chose to be shown for the gift; anonymous gifts become one anonymous funder.
  for (const donor of set.donorsOf.get(project.id) ?? []) {
    if (donor.isAnonymous) add(ROLE.funding, ANONYMOUS_DONORS, null, null);
    else add(ROLE.funding, donor.publicName, null, donorType(donor.donorKind));
  }
  return [...rendered.values()];
}

function entryText(movement: ProjectMovement): string {
  const kind = ENTRY_KIND.labels[movement.entryKind]['zh-CN'];
  return movement.form === 'goods' ? `${kind}（物资折价）` : kind;
}

function transaction(type: string, movement: ProjectMovement, fen: number, description: string, org?: string) {
  return element('transaction', { ref: movement.entryId }, [
    element('transaction-type', { code: type }),
    element('transaction-date', { 'iso-date': movement.businessDate }),
    money(fen, movement.businessDate),
    narrative('description', description),
    ...(org ? [org] : []),
  ]);
}

type PaidToPeople = { movement: ProjectMovement; amount: number; count: number };

function transactions(set: OpenDataSet, project: OpenDataProject): string[] {
  const movements = [...(set.movementsOf.get(project.id) ?? [])].sort(
    (a, b) => a.businessDate.localeCompare(b.businessDate) || a.entryId.localeCompare(b.entryId),
  );
  // Payments to people keep the place of their entry's first payee and sum all of that entry's payees.
  const out: (string | PaidToPeople)[] = [];
  const toPeople = new Map<string, PaidToPeople>();
  for (const movement of movements) {
    if (movement.direction === 'paid') {
      const payee = movement.payee;
      if (payee?.name) {
        const receiver = narrative('receiver-org', payee.name);
        out.push(transaction(TRANSACTION.disbursement, movement, movement.amount, entryText(movement), receiver));
        continue;
      }
      const key = `${movement.entryId}|${payee?.kind ?? ''}`;
      const group = toPeople.get(key);
      if (group) {
        group.amount += movement.amount;
        group.count += 1;
      } else {
        const created = { movement, amount: movement.amount, count: 1 };
        toPeople.set(key, created);
        out.push(created);
      }
      continue;
    }
    const organization = movement.organizationId ? set.organizations.get(movement.organizationId) : undefined;
    const provider = organization
      ? narrative('provider-org', organization.name, {
          ref: organizationRef(set, organization.id),
          type: organisationType(organization.type),
        })
      : undefined;
    const fen = movement.direction === 'in' ? movement.amount : -movement.amount;
    out.push(transaction(TRANSACTION.incomingFunds, movement, fen, entryText(movement), provider));
  }
  return out.map((piece) => {
    if (typeof piece === 'string') return piece;
    const payeeKind = piece.movement.payee?.kind;
    const whom = payeeKind ? PAYEE_KIND.labels[payeeKind]['zh-CN'] : '';
    const text = `${entryText(piece.movement)}：${whom} ${piece.count} 笔`;
    return transaction(TRANSACTION.expenditure, piece.movement, piece.amount, text);
  });
}

function activity(set: OpenDataSet, project: OpenDataProject): string {
  const owner = set.organizations.get(project.ownerOrganizationId);
  const ownerRef = organizationRef(set, project.ownerOrganizationId);
  const category = PROJECT_CATEGORY.labels[project.category]['zh-CN'];
  const dates = [
    element('activity-date', { type: ACTIVITY_DATE.plannedStart, 'iso-date': project.plannedStart }),
    ...(project.actualStart
      ? [element('activity-date', { type: ACTIVITY_DATE.actualStart, 'iso-date': project.actualStart })]
      : []),
    element('activity-date', { type: ACTIVITY_DATE.plannedEnd, 'iso-date': project.plannedEnd }),
    ...(project.actualEnd
      ? [element('activity-date', { type: ACTIVITY_DATE.actualEnd, 'iso-date': project.actualEnd })]
      : []),
  ];
  // 立项金额, committed (status 2) by the approval, over the planned duration.
  const budget =
    project.budget > 0
      ? [
          element('budget', { type: '1', status: '2' }, [
            element('period-start', { 'iso-date': project.plannedStart }),
            element('period-end', { 'iso-date': project.plannedEnd }),
            money(project.budget, project.plannedStart),
          ]),
        ]
      : [];
  return element('iati-activity', { 'xml:lang': 'zh', 'default-currency': 'CNY' }, [
    textElement('iati-identifier', {}, `${ownerRef}-${project.code}`),
    narrative('reporting-org', owner?.name ?? '', {
      ref: ownerRef,
      type: owner ? organisationType(owner.type) : organisationType('association'),
    }),
    narrative('title', project.name),
    narrative('description', project.description ?? `${category}项目“${project.name}”`, { type: '1' }),
    ...participatingOrgs(set, project),
    element('activity-status', { code: activityStatus(project.status) }),
    ...dates,
    element('recipient-country', { code: 'CN', percentage: '100' }),
    narrative('sector', category, {
      vocabulary: '1',
      code: dacSector(project.category, project.infrastructureKind),
      percentage: '100',
    }),
    ...budget,
    ...transactions(set, project),
  ]);
}

/** The IATI activity file; the caller has made sure there is at least one project, as the schema requires. */
export function iatiActivitiesXml(set: OpenDataSet, generatedAt: string): string {
  const activities = set.projects.map((project) => activity(set, project));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(
    'iati-activities',
    { version: '2.03', 'generated-datetime': generatedAt },
    activities,
  )}\n`;
}
