import type { TCreateProjectRequest, TProjectAction } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import { contextFor } from './actors.js';
import {
  addAcceptance,
  addInspection,
  addMilestone,
  addReport,
  createProject,
  findProjects,
  transitionProject,
} from '../projects/index.js';

/**
 * Demo projects after the seeds, one in every state of the lifecycle: the 141-of-236 base stations, the
 * micro-loan credit plans, the hearing aids given by Starkey, scholarships, roads in old-base villages.
 * Steps are taken by the demo users of the organizations concerned where there are some.
 */
type Step = { action: TProjectAction; on: string; by: string | null; reason?: string };
type DemoProject = {
  owner: string;
  ownerUser: string | null;
  aboveUser: string | null;
  project: Omit<TCreateProjectRequest, 'ownerOrganizationId'>;
  steps: readonly Step[];
  milestones?: readonly { title: string; dueOn: string; targetValue?: number; unit?: string }[];
  reports?: readonly {
    kind?: 'progress' | 'final';
    reportedOn: string;
    text: string;
    figures?: { label: string; value: number; unit?: string }[];
  }[];
  inspection?: {
    visitedOn: string;
    findings: string;
    rating: 'excellent' | 'good' | 'fair' | 'poor';
    followUp?: { action: string; dueOn: string };
  };
  acceptance?: { checkedOn: string; failed?: string };
};

const path = (...actions: [TProjectAction, string][]): Step[] =>
  actions.map(([action, on]) => ({ action, on, by: null }));

const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    owner: 'nmg-dengkou',
    ownerUser: 'dengkou_admin',
    aboveUser: 'bayannur_admin',
    project: {
      name: '磴口县华莱士瓜果产业扶贫项目',
      category: 'industry',
      assistanceMode: 'capacity',
      budget: 50_000_000,
      plannedStart: '2024-03-01',
      plannedEnd: '2025-02-28',
      targetRegionCodes: ['150822'],
      beneficiaryCounts: [
        { group: 'households', count: 86 },
        { group: 'cooperatives', count: 1 },
      ],
      description: '依托华莱士瓜果种植专业合作社，为建档立卡脱贫户提供种苗、技术培训和订单收购。',
    },
    steps: path(
      ['submit', '2024-01-10'],
      ['approve', '2024-01-25'],
      ['start', '2024-03-01'],
      ['complete', '2025-02-20'],
    ),
    milestones: [
      { title: '种苗发放到户', dueOn: '2024-04-30', targetValue: 86, unit: '户' },
      { title: '订单收购完成', dueOn: '2024-10-31', targetValue: 1200, unit: '吨' },
    ],
    reports: [
      {
        reportedOn: '2024-05-20',
        text: '种苗已全部发放到 86 户，举办技术培训 3 期。',
        figures: [{ label: '发放到户', value: 86, unit: '户' }],
      },
      { reportedOn: '2024-08-25', text: '瓜果长势良好，合作社与 3 家客商签订收购协议。' },
      {
        reportedOn: '2024-11-28',
        text: '完成订单收购 1,260 吨，户均增收 4,300 元。',
        figures: [{ label: '收购量', value: 1260, unit: '吨' }],
      },
      { kind: 'final', reportedOn: '2025-03-10', text: '项目全部完成，资金使用情况已公示。' },
    ],
    inspection: { visitedOn: '2024-07-16', findings: '种植进度符合计划，台账完整。', rating: 'excellent' },
    acceptance: { checkedOn: '2025-03-05' },
  },
  {
    owner: 'nmg-wulatezhong',
    ownerUser: 'wltzq_admin',
    aboveUser: 'bayannur_admin',
    project: {
      name: '乌拉特中旗牧区移动通信基站建设',
      category: 'infrastructure',
      infrastructureKind: 'telecom',
      governmentObligated: false,
      assistanceMode: 'capacity',
      budget: 118_000_000,
      plannedStart: '2025-05-01',
      plannedEnd: '2026-12-31',
      targetRegionCodes: ['150824'],
      beneficiaryCounts: [{ group: 'farmers', count: 52_000, note: '“5万多农牧民”受益' }],
    },
    steps: path(['submit', '2025-03-02'], ['approve', '2025-03-20'], ['start', '2025-05-06']),
    milestones: [
      { title: '建成基站', dueOn: '2026-06-30', targetValue: 236, unit: '个' },
      { title: '完成选址审批', dueOn: '2025-07-31', targetValue: 236, unit: '个' },
    ],
    reports: [
      {
        reportedOn: '2025-08-01',
        text: '236 个站址全部完成选址审批，开工 60 个。',
        figures: [{ label: '已开工', value: 60, unit: '个' }],
      },
      {
        reportedOn: '2025-11-03',
        text: '已建成基站 141 个，计划 236 个。',
        figures: [{ label: '已建成', value: 141, unit: '个' }],
      },
    ],
    inspection: {
      visitedOn: '2025-09-18',
      findings: '施工安全措施到位；部分站点电力配套滞后。',
      rating: 'good',
      followUp: { action: '协调电力部门完成配套线路', dueOn: '2025-11-30' },
    },
  },
  {
    owner: 'nmg-dengkou',
    ownerUser: 'dengkou_admin',
    aboveUser: 'bayannur_admin',
    project: {
      name: '磴口县扶贫小额贷款项目（2025—2027）',
      category: 'finance',
      budget: 2_000_000_000,
      plannedStart: '2025-06-01',
      plannedEnd: '2027-12-31',
      targetRegionCodes: ['150822'],
      beneficiaryCounts: [
        { group: 'households', count: 600 },
        { group: 'cooperatives', count: 12 },
      ],
      description: '合作银行落实 2,000 万元信贷计划，担保金 300 万元。',
    },
    steps: path(['submit', '2025-04-15'], ['approve', '2025-05-10']),
  },
  {
    owner: 'nmg-huade',
    ownerUser: null,
    aboveUser: null,
    project: {
      name: '化德县贫困大学生助学项目',
      category: 'education',
      assistanceMode: 'relief',
      budget: 15_000_000,
      plannedStart: '2026-09-01',
      plannedEnd: '2029-08-31',
      targetRegionCodes: ['150922'],
      beneficiaryCounts: [{ group: 'students', count: 50, note: '每人每年 3,000 元，连续三年' }],
    },
    steps: path(['submit', '2026-06-20']),
  },
  {
    owner: 'nmg-siziwang',
    ownerUser: null,
    aboveUser: null,
    project: {
      name: '四子王旗听力残疾人助听器捐赠',
      category: 'health',
      assistanceMode: 'relief',
      budget: 21_000_000,
      plannedStart: '2025-09-01',
      plannedEnd: '2025-12-31',
      targetRegionCodes: ['150929'],
      beneficiaryCounts: [{ group: 'disabled', count: 30, note: '斯达克听力技术公司捐赠助听器 30 台' }],
    },
    steps: path(
      ['submit', '2025-08-01'],
      ['approve', '2025-08-15'],
      ['start', '2025-09-01'],
      ['complete', '2025-12-20'],
    ),
    reports: [{ kind: 'final', reportedOn: '2026-01-05', text: '30 台助听器已全部验配到人。' }],
  },
  {
    owner: 'nmg-qingshuihe',
    ownerUser: null,
    aboveUser: null,
    project: {
      name: '清水河县老区村人居环境整治',
      category: 'public_welfare',
      budget: 8_000_000,
      plannedStart: '2027-03-01',
      plannedEnd: '2027-10-31',
      targetRegionCodes: ['150124'],
    },
    steps: [],
  },
  {
    owner: 'nmg-dengkou',
    ownerUser: 'dengkou_admin',
    aboveUser: 'bayannur_admin',
    project: {
      name: '磴口县农畜产品消费帮扶专柜',
      category: 'consumption',
      budget: 3_000_000,
      plannedStart: '2025-09-01',
      plannedEnd: '2026-08-31',
      targetRegionCodes: ['150822'],
    },
    steps: [
      ...path(['submit', '2025-07-01'], ['approve', '2025-07-20'], ['start', '2025-09-01']),
      { action: 'suspend', on: '2026-03-10', by: null, reason: '商场装修，专柜暂停营业' },
    ],
  },
  {
    owner: 'nmg-kulun',
    ownerUser: null,
    aboveUser: null,
    project: {
      name: '库伦旗劳务输出技能培训',
      category: 'employment',
      budget: 2_400_000,
      plannedStart: '2024-04-01',
      plannedEnd: '2024-12-31',
      targetRegionCodes: ['150524'],
    },
    steps: [
      ...path(['submit', '2024-02-01'], ['approve', '2024-02-20']),
      { action: 'terminate', on: '2024-05-10', by: null, reason: '培训机构资质不符，改由人社部门实施' },
    ],
  },
  {
    owner: 'fj-yongan',
    ownerUser: 'yongan_admin',
    aboveUser: 'sanming_admin',
    project: {
      name: '永安市老区村道路硬化工程',
      category: 'infrastructure',
      infrastructureKind: 'road',
      budget: 36_000_000,
      plannedStart: '2025-03-01',
      plannedEnd: '2025-11-30',
      targetRegionCodes: ['350481'],
      beneficiaryCounts: [{ group: 'villages', count: 4 }],
    },
    steps: path(
      ['submit', '2025-01-08'],
      ['approve', '2025-01-20'],
      ['start', '2025-03-01'],
      ['complete', '2025-11-25'],
    ),
    reports: [
      { reportedOn: '2025-05-30', text: '完成路基 6.2 公里。' },
      { reportedOn: '2025-08-28', text: '完成硬化 9.8 公里。' },
      { kind: 'final', reportedOn: '2025-12-15', text: '12.6 公里道路全部硬化通车。' },
    ],
    acceptance: { checkedOn: '2025-12-10' },
  },
  {
    owner: 'fj-sanming',
    ownerUser: 'sanming_admin',
    aboveUser: 'fj_admin',
    project: {
      name: '三明市“阳光1+1”社会组织结对老区村',
      category: 'public_welfare',
      budget: 12_000_000,
      plannedStart: '2025-01-01',
      plannedEnd: '2026-12-31',
      targetRegionCodes: ['350400'],
      beneficiaryCounts: [{ group: 'villages', count: 20 }],
    },
    steps: path(['submit', '2024-11-10'], ['approve', '2024-12-01'], ['start', '2025-01-02']),
    reports: [{ reportedOn: '2025-03-28', text: '20 家社会组织与 20 个老区村签订结对协议。' }],
  },
];

export async function seedProjectDemo(
  ctx: ServiceContext,
  organizationIds: ReadonlyMap<string, string>,
  onStep: (step: string) => void,
): Promise<boolean> {
  if ((await findProjects(ctx, { q: DEMO_PROJECTS[0]?.project.name ?? '', pageSize: 1 })).total > 0) return false;
  for (const demo of DEMO_PROJECTS) {
    onStep(demo.project.name);
    const owner = await contextFor(ctx, demo.ownerUser);
    const above = await contextFor(ctx, demo.aboveUser);
    const project = await createProject(owner, {
      ...demo.project,
      ownerOrganizationId: organizationIds.get(demo.owner) ?? '',
    });
    for (const milestone of demo.milestones ?? []) await addMilestone(owner, project.id, milestone);
    const reports = [...(demo.reports ?? [])];
    for (const step of demo.steps) {
      const side = ['approve', 'reject', 'accept', 'fail_acceptance', 'terminate'].includes(step.action)
        ? above
        : owner;
      // Reports and the inspection fall between the steps by date.
      while (reports[0] && reports[0].kind !== 'final' && reports[0].reportedOn <= step.on) {
        const report = reports.shift();
        if (report) await addReport(owner, project.id, { ...report, kind: 'progress', isPublic: true });
      }
      if (demo.inspection && step.action === 'complete') await inspect(above, project.id, demo.inspection);
      await transitionProject(side, project.id, { action: step.action, on: step.on, reason: step.reason ?? null });
    }
    for (const report of reports.filter((r) => r.kind !== 'final'))
      await addReport(owner, project.id, { ...report, kind: 'progress', isPublic: true });
    if (demo.inspection && !demo.steps.some((s) => s.action === 'complete'))
      await inspect(above, project.id, demo.inspection);
    if (demo.acceptance) {
      await addAcceptance(above, project.id, {
        checkedOn: demo.acceptance.checkedOn,
        checklist: [
          { item: '建设内容全部完成', passed: true },
          { item: '资金使用凭证齐全', passed: true },
          { item: '受益对象名单公示', passed: true },
        ],
      });
    }
    for (const report of reports.filter((r) => r.kind === 'final'))
      await addReport(owner, project.id, { ...report, kind: 'final', isPublic: true });
    if (demo.acceptance && demo.project.name.startsWith('磴口县华莱士')) {
      await transitionProject(owner, project.id, { action: 'close', on: '2025-03-20' });
    }
  }
  return true;
}

async function inspect(ctx: ServiceContext, projectId: string, inspection: NonNullable<DemoProject['inspection']>) {
  await addInspection(ctx, projectId, {
    visitedOn: inspection.visitedOn,
    inspectors: `${ctx.actor.organizationName} 督导组`,
    findings: inspection.findings,
    rating: inspection.rating,
    followUps: inspection.followUp
      ? [{ action: inspection.followUp.action, owner: '项目负责单位', dueOn: inspection.followUp.dueOn }]
      : [],
  });
}
