import type { TCreateDonorRequest, TDesignation, TDonorDisplay } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import {
  allocateToProject,
  createDonor,
  createPaymentBatch,
  createPledge,
  findDonors,
  fundAccounts,
  recordDonation,
  refundDonation,
  settlePayments,
  transferFunds,
} from '../funds/index.js';
import { findProjects } from '../projects/index.js';
import { contextFor } from './actors.js';

/**
 * Demo money after the seeds: the MBA alumni's ¥900,000 for Bayannur, passed on to Dengkou's micro-loan
 * project and paid out as interest subsidies; 家和房地产's pledge for students; Starkey's 30 hearing aids
 * worth ¥210,000, fitted to 30 people; a 扶贫日 drive of small gifts in Dengkou, one partly refunded.
 * Every posting carries a fixed idempotency key, so a second run posts nothing twice.
 */
type Donor = Omit<TCreateDonorRequest, 'organizationId'>;

const key = (name: string) => `demo-${name}`;

async function donorOf(ctx: ServiceContext, organizationId: string, donor: Donor): Promise<string> {
  const found = (await findDonors(ctx, { q: donor.name, pageSize: 5 })).items.find(
    (d) => d.name === donor.name && d.organizationId === organizationId,
  );
  return found?.id ?? (await createDonor(ctx, { ...donor, organizationId })).id;
}

async function projectNamed(ctx: ServiceContext, name: string) {
  return (await findProjects(ctx, { q: name, pageSize: 1 })).items[0] ?? null;
}

async function fundOf(ctx: ServiceContext, organizationId: string, designationText: string): Promise<string> {
  const accounts = await fundAccounts(ctx, { organizationId, kind: 'fund', includeEmpty: true });
  return accounts.find((a) => a.designationText.startsWith(designationText))?.id ?? '';
}

type Gift = {
  key: string;
  donorId: string;
  amount: number;
  on: string;
  designation?: TDesignation;
  displayAs?: TDonorDisplay;
  pledgeId?: string;
  method?: 'bank_transfer' | 'cash' | 'online';
};

async function give(ctx: ServiceContext, organizationId: string, gift: Gift) {
  return recordDonation(ctx, key(gift.key), {
    organizationId,
    donorId: gift.donorId,
    method: gift.method ?? 'bank_transfer',
    amount: gift.amount,
    designation: gift.designation ?? { kind: 'unrestricted' },
    displayAs: gift.displayAs ?? 'full_name',
    receivedOn: gift.on,
    pledgeId: gift.pledgeId ?? null,
  });
}

export async function seedFundsDemo(
  ctx: ServiceContext,
  organizationIds: ReadonlyMap<string, string>,
  onStep: (step: string) => void,
): Promise<boolean> {
  const nmg = await contextFor(ctx, 'nmg_admin');
  const dengkou = await contextFor(ctx, 'dengkou_admin');
  const system = await contextFor(ctx, null);
  const org = (name: string) => organizationIds.get(name) ?? '';
  if ((await findDonors(nmg, { q: '北京大学MBA校友会', pageSize: 1 })).total > 0) return false;

  onStep('donors and gifts of the region association');
  const alumni = await donorOf(nmg, org('nmg'), { kind: 'organization', name: '北京大学MBA校友会' });
  const jiahe = await donorOf(nmg, org('nmg'), {
    kind: 'enterprise',
    name: '内蒙古家和房地产开发有限公司',
    phone: '0471-6901234',
    address: '内蒙古自治区呼和浩特市赛罕区大学东街 88 号',
  });
  await give(nmg, org('nmg'), {
    key: 'alumni',
    donorId: alumni,
    amount: 90_000_000,
    on: '2025-10-17',
    designation: { kind: 'region', regionCode: '150800' },
  });
  const pledge = await createPledge(nmg, key('jiahe-pledge'), {
    organizationId: org('nmg'),
    donorId: jiahe,
    kind: 'give',
    title: '资助 5 名贫困大学生，每年 1 万元，连续 3 年',
    designation: { kind: 'category', category: 'education' },
    pledgedOn: '2025-09-01',
    instalments: [
      { dueOn: '2025-10-17', amount: 1_000_000 },
      { dueOn: '2026-10-17', amount: 1_000_000 },
      { dueOn: '2027-10-17', amount: 1_000_000 },
    ],
  });
  await give(nmg, org('nmg'), {
    key: 'jiahe-2025',
    donorId: jiahe,
    amount: 1_000_000,
    on: '2025-10-17',
    designation: { kind: 'category', category: 'education' },
    pledgeId: pledge.id,
  });

  onStep('the micro-loan project of Dengkou: transfer and interest subsidies');
  const loans = await projectNamed(nmg, '磴口县扶贫小额贷款项目');
  if (loans) {
    await transferFunds(nmg, key('alumni-to-dengkou'), {
      fundAccountId: await fundOf(nmg, org('nmg'), '定向地区'),
      toOrganizationId: org('nmg-dengkou'),
      projectId: loans.id,
      amount: 30_000_000,
      transferredOn: '2025-11-05',
      note: '用于小额贷款贴息',
    });
    const batch = await createPaymentBatch(dengkou, key('loans-subsidy-1'), {
      projectId: loans.id,
      title: '2025 年第四季度贷款贴息',
      approvedOn: '2025-12-20',
      items: [
        { payeeKind: 'household', payeeName: '王建军', amount: 180_000 },
        { payeeKind: 'household', payeeName: '刘桂兰', amount: 240_000 },
        { payeeKind: 'household', payeeName: '赵铁柱', amount: 150_000 },
      ],
    });
    const [first, second] = batch.items;
    await settlePayments(dengkou, key('loans-subsidy-1-paid'), batch.id, {
      itemIds: [first?.id ?? '', second?.id ?? ''],
      outcome: 'paid',
      settledOn: '2025-12-25',
    });
  }

  onStep('扶贫日 gifts in Dengkou');
  const people: [string, 'mr' | 'ms', TDonorDisplay, number][] = [
    ['张建国', 'mr', 'full_name', 50_000],
    ['李秀英', 'ms', 'surname', 20_000],
    ['王磊', 'mr', 'anonymous', 10_000],
    ['陈静', 'ms', 'surname', 100_000],
    ['杨志强', 'mr', 'full_name', 30_000],
    ['赵丽华', 'ms', 'anonymous', 5_000],
  ];
  for (const [index, [name, salutation, displayAs, amount]] of people.entries()) {
    const donor = await donorOf(dengkou, org('nmg-dengkou'), { kind: 'person', name, salutation });
    const gift = await give(dengkou, org('nmg-dengkou'), {
      key: `dengkou-day-${index}`,
      donorId: donor,
      amount,
      on: '2025-10-17',
      displayAs,
      method: index % 2 === 0 ? 'cash' : 'online',
    });
    if (index === 3)
      await refundDonation(dengkou, key('dengkou-day-refund'), gift.id, {
        amount: 40_000,
        refundedOn: '2025-10-20',
        reason: '捐赠人多转，退回多余部分',
      });
  }
  if (loans)
    await allocateToProject(dengkou, key('dengkou-day-to-loans'), {
      fundAccountId: await fundOf(dengkou, org('nmg-dengkou'), '非定向'),
      projectId: loans.id,
      amount: 100_000,
      allocatedOn: '2025-11-10',
      note: '扶贫日募集资金补充贴息',
    });

  onStep('Starkey hearing aids for Siziwang');
  const hearing = await projectNamed(nmg, '四子王旗听力残疾人助听器捐赠');
  if (hearing) {
    const siziwang = org('nmg-siziwang');
    const starkey = await donorOf(system, siziwang, { kind: 'enterprise', name: '斯达克听力技术（苏州）有限公司' });
    await recordDonation(system, key('starkey'), {
      organizationId: siziwang,
      donorId: starkey,
      form: 'goods',
      items: [{ name: '助听器', quantity: 30, unit: '台', unitValue: 700_000, valuationBasis: '捐赠方出具的发票价格' }],
      designation: { kind: 'project', projectId: hearing.id },
      receivedOn: '2025-09-10',
    });
    const goodsFund = (await fundAccounts(system, { organizationId: siziwang, kind: 'fund' })).find(
      (a) => a.form === 'goods',
    );
    await allocateToProject(system, key('starkey-to-project'), {
      fundAccountId: goodsFund?.id ?? '',
      projectId: hearing.id,
      amount: 21_000_000,
      allocatedOn: '2025-09-12',
    });
    const batch = await createPaymentBatch(system, key('starkey-fitting'), {
      projectId: hearing.id,
      form: 'goods',
      title: '助听器验配发放',
      approvedOn: '2025-10-15',
      items: Array.from({ length: 30 }, (_, i) => ({
        payeeKind: 'person' as const,
        payeeName: `听力残疾人 ${String(i + 1).padStart(2, '0')} 号`,
        amount: 700_000,
      })),
    });
    await settlePayments(system, key('starkey-fitted'), batch.id, {
      itemIds: batch.items.map((item) => item.id),
      outcome: 'paid',
      settledOn: '2025-12-18',
    });
  }
  return true;
}
