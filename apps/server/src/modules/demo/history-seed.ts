import type { TProjectAction, TProjectCategory } from '@tongxin/contracts';
import type { ServiceContext } from '../../platform/context.js';
import { addMonths, beijingDate } from '../../platform/time.js';
import { addReport, createProject, findProjects, transitionProject } from '../projects/index.js';

/**
 * Past years' projects of the demo networks, closed or still running, so that dashboards and annual figures
 * have years to compare: a handful per organization and year, in the categories the seeds name (产业, 教育,
 * 健康, 就业, 基础设施, 金融, 消费帮扶, 公益, 直接款物). Budgets in yuan, as the seeds give them. They are
 * well kept — a public progress report every quarter and a final report after the end — so that the
 * supervision board and the disclosure clocks show only the seeds' own stories as overdue.
 */
type PastProject = {
  owner: string;
  name: string;
  category: TProjectCategory;
  yuan: number;
  year: number;
  ended: boolean;
};

const PAST: readonly PastProject[] = [
  { owner: 'nmg', name: '“百企帮百村”产业对接', category: 'industry', yuan: 3_200_000, year: 2023, ended: true },
  { owner: 'nmg', name: '贫困大学生助学金', category: 'education', yuan: 1_500_000, year: 2023, ended: true },
  { owner: 'nmg', name: '扶贫日募捐款物直接发放', category: 'direct_aid', yuan: 860_000, year: 2023, ended: true },
  { owner: 'nmg', name: '健康扶贫义诊巡回', category: 'health', yuan: 420_000, year: 2024, ended: true },
  { owner: 'nmg', name: '农牧民职业技能培训', category: 'employment', yuan: 980_000, year: 2024, ended: true },
  { owner: 'nmg', name: '消费帮扶产品展销', category: 'consumption', yuan: 300_000, year: 2025, ended: false },
  {
    owner: 'nmg-bayannur',
    name: '河套农区节水灌溉',
    category: 'infrastructure',
    yuan: 2_600_000,
    year: 2023,
    ended: true,
  },
  { owner: 'nmg-bayannur', name: '肉羊养殖合作社扶持', category: 'industry', yuan: 1_800_000, year: 2024, ended: true },
  { owner: 'nmg-bayannur', name: '留守儿童关爱', category: 'public_welfare', yuan: 260_000, year: 2025, ended: false },
  { owner: 'nmg-dengkou', name: '沙区葡萄种植', category: 'industry', yuan: 900_000, year: 2023, ended: true },
  {
    owner: 'nmg-dengkou',
    name: '贫困户危房改造',
    category: 'infrastructure',
    yuan: 1_200_000,
    year: 2024,
    ended: true,
  },
  { owner: 'nmg-dengkou', name: '小额信贷贴息', category: 'finance', yuan: 500_000, year: 2025, ended: false },
  {
    owner: 'nmg-wulatezhong',
    name: '牧区饮水安全',
    category: 'infrastructure',
    yuan: 1_500_000,
    year: 2023,
    ended: true,
  },
  {
    owner: 'nmg-wulatezhong',
    name: '冬春季困难牧户慰问',
    category: 'direct_aid',
    yuan: 350_000,
    year: 2024,
    ended: true,
  },
  {
    owner: 'nmg-wulatezhong',
    name: '牧民转移就业培训',
    category: 'employment',
    yuan: 280_000,
    year: 2025,
    ended: false,
  },
  { owner: 'nmg-huhhot', name: '城郊设施农业', category: 'industry', yuan: 2_100_000, year: 2024, ended: true },
  { owner: 'nmg-qingshuihe', name: '小杂粮加工车间', category: 'industry', yuan: 760_000, year: 2024, ended: true },
  { owner: 'nmg-qingshuihe', name: '村卫生室设备', category: 'health', yuan: 240_000, year: 2025, ended: false },
  { owner: 'nmg-ulanqab', name: '马铃薯种薯繁育', category: 'industry', yuan: 1_600_000, year: 2023, ended: true },
  { owner: 'nmg-siziwang', name: '乡村学校营养餐', category: 'education', yuan: 450_000, year: 2024, ended: true },
  { owner: 'nmg-huade', name: '光伏扶贫电站运维', category: 'infrastructure', yuan: 980_000, year: 2025, ended: false },
  { owner: 'nmg-chifeng', name: '肉牛托管养殖', category: 'industry', yuan: 2_400_000, year: 2023, ended: true },
  { owner: 'nmg-aohan', name: '小米品牌电商', category: 'consumption', yuan: 380_000, year: 2024, ended: true },
  { owner: 'nmg-tongliao', name: '慢性病患者救助', category: 'health', yuan: 650_000, year: 2025, ended: false },
  { owner: 'nmg-kulun', name: '沙地治理与经济林', category: 'industry', yuan: 1_100_000, year: 2023, ended: true },
  { owner: 'fj', name: '革命老区“五老”助学', category: 'education', yuan: 1_200_000, year: 2023, ended: true },
  { owner: 'fj', name: '老区村道路硬化', category: 'infrastructure', yuan: 3_000_000, year: 2024, ended: true },
  { owner: 'fj-sanming', name: '老区茶产业提升', category: 'industry', yuan: 1_400_000, year: 2024, ended: true },
  { owner: 'fj-sanming', name: '烈士后代大学生助学', category: 'education', yuan: 600_000, year: 2025, ended: false },
  { owner: 'fj-yongan', name: '笋竹加工扶持', category: 'industry', yuan: 820_000, year: 2023, ended: true },
  { owner: 'fj-ninghua', name: '老区困难群众慰问', category: 'direct_aid', yuan: 300_000, year: 2025, ended: false },
  { owner: 'fj-jianning', name: '莲子种植合作社', category: 'industry', yuan: 700_000, year: 2024, ended: true },
];

const FIRST = PAST[0]?.name ?? '';

export async function seedHistoryDemo(
  ctx: ServiceContext,
  organizationIds: ReadonlyMap<string, string>,
  onStep: (step: string) => void,
): Promise<boolean> {
  if ((await findProjects(ctx, { q: FIRST, pageSize: 1 })).total > 0) return false;
  onStep('past years’ projects');
  for (const [index, past] of PAST.entries()) {
    const month = String((index % 9) + 2).padStart(2, '0');
    const approvedOn = `${past.year}-${month}-10`;
    const project = await createProject(ctx, {
      ownerOrganizationId: organizationIds.get(past.owner) ?? '',
      name: past.name,
      category: past.category,
      ...(past.category === 'infrastructure'
        ? { infrastructureKind: past.name.includes('水') ? 'water' : 'road' }
        : {}),
      assistanceMode: past.category === 'direct_aid' ? 'relief' : 'capacity',
      governmentObligated: false,
      budget: past.yuan * 100,
      plannedStart: approvedOn,
      plannedEnd: past.ended ? `${past.year + 1}-${month}-09` : '2027-12-31',
      beneficiaryCounts: [{ group: past.category === 'education' ? 'students' : 'households', count: 20 + index * 7 }],
    });
    const startedOn = `${past.year}-${month}-20`;
    const completedOn = `${past.year + 1}-${month}-01`;
    const steps: [TProjectAction, string][] = [
      ['submit', `${past.year}-${month}-01`],
      ['approve', approvedOn],
      ['start', startedOn],
      ...(past.ended
        ? ([
            ['complete', completedOn],
            ['accept', `${past.year + 1}-${month}-15`],
            ['close', `${past.year + 1}-${month}-25`],
          ] as [TProjectAction, string][])
        : []),
    ];
    const reportsUntil = past.ended ? completedOn : beijingDate();
    for (const [action, on] of steps) {
      await transitionProject(ctx, project.id, { action, on });
      if (action === 'start') {
        for (let quarter = addMonths(startedOn, 3); quarter <= reportsUntil; quarter = addMonths(quarter, 3)) {
          await addReport(ctx, project.id, {
            reportedOn: quarter,
            text: `${past.name}：本季度按计划推进。`,
            isPublic: true,
          });
        }
      }
      if (action === 'complete') {
        await addReport(ctx, project.id, {
          kind: 'final',
          reportedOn: `${past.year + 1}-${month}-10`,
          text: `${past.name}：项目全部完成，资金使用情况已公示。`,
          isPublic: true,
        });
      }
    }
  }
  return true;
}
